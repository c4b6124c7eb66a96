"""Sign in: turn an address and one kind of credential into a verified :class:`Session` (no Qt).

    session = open_session(SignIn("acme", username="me@acme.com", password="…"))   # POST /login
    session = open_session(SignIn("acme.my.workfront.com", api_key="…"))           # apiKey header
    session = open_session(SignIn("http://127.0.0.1:8123", session_id=token))      # sessionID / OAuth token

The address may be a domain (``acme`` → ``acme.my.workfront.com``), a host name, or a base URL.
Every method costs one request and proves the credentials: ``/login`` for a password, ``/user?id=$$USER``
for an API key or token; ``session.user_id`` is set either way. Bad credentials raise
``AuthenticationError``, an unreachable host ``NetworkError``; nothing is kept on failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from wfexplorer.core import errors
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import DEFAULT_API_VERSION, DEFAULT_TEMPLATE, base_url_template
from wfexplorer.core.transport import Transport


@dataclass(frozen=True)
class SignIn:
    """Where to connect and the one credential to use (secrets are left out of ``repr``)."""

    address: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    api_key: str | None = field(default=None, repr=False)
    session_id: str | None = field(default=None, repr=False)
    api_version: str = DEFAULT_API_VERSION
    allow_insecure_http: bool = False

    @property
    def method(self) -> str:
        """``"password"``, ``"api_key"`` or ``"session"`` (an existing session ID or OAuth access token)."""
        if self.session_id:
            return "session"
        if self.api_key:
            return "api_key"
        if self.username and self.password is not None:
            return "password"
        raise errors.ValidationError("Give a username and password, an API key, or a session/access token",
                                     field_errors={"credentials": ["missing"]})


def server_template(address: str) -> tuple[str, str]:
    """Return ``(domain, url_template)`` for a domain, a host name or a base URL."""
    address = address.strip()
    if not address:
        raise errors.ValidationError("Enter the Workfront address", field_errors={"address": ["required"]})
    if "://" in address:
        host = urlsplit(address).hostname or ""
        if not host:
            raise errors.ValidationError(f"Not a server address: {address!r}", field_errors={"address": ["invalid"]})
        return host.split(".")[0], base_url_template(address)
    if "." in address or ":" in address:
        host = address.strip("/")
        return host.split(".")[0], "{protocol}://" + host.replace("{", "{{").replace("}", "}}") + \
            "/attask/api/{api_version}"
    return address, DEFAULT_TEMPLATE


def open_session(
    sign_in: SignIn,
    *,
    transport: Transport | None = None,
    cache_dir: Path | str | None = None,
    lazy: bool = False,
) -> Session:
    """Build a session for ``sign_in`` and prove its credentials with one request; return it signed in.

    ``lazy`` defaults to ``False``: the GUI loads references and collections explicitly.
    """
    method = sign_in.method
    domain, template = server_template(sign_in.address)
    session = Session(
        domain,
        api_key=sign_in.api_key if method == "api_key" else None,
        api_version=sign_in.api_version,
        url_template=template,
        session_id=sign_in.session_id if method == "session" else None,
        transport=transport,
        cache_dir=cache_dir,
        lazy=lazy,
        allow_insecure_http=sign_in.allow_insecure_http,
    )
    try:
        if method == "password":
            session.login(sign_in.username or "", sign_in.password or "")
        else:
            session.who_am_i()
    except BaseException:
        session.close()
        raise
    return session
