"""What a classic :class:`~wfexplorer.core.classic.session.Session` needs from a credential provider.

Structural types only, so the classic client does not depend on ``wfexplorer.core.auth`` (which
builds on the classic client): every :class:`wfexplorer.core.auth.CredentialProvider` fits
:class:`CredentialSource`, and so does any object with the same two methods::

    credential = source.current()            # before each request
    credential.classic_headers()             # {"sessionID": …}, {"apiKey": …} or {"Authorization": …}
    credential = source.renew(credential)    # after that credential was refused (401); may ask the user

``renew`` raises :class:`~wfexplorer.core.errors.AuthenticationError` when it cannot renew; it
must be thread-safe and hand concurrent callers holding the same stale credential one renewal.
"""

from __future__ import annotations

from typing import Protocol, TypeVar, runtime_checkable


@runtime_checkable
class ClassicCredential(Protocol):
    """A credential that knows the classic API headers that carry it."""

    def classic_headers(self) -> dict[str, str]:
        """Headers to send with a classic request."""
        ...


CredentialT = TypeVar("CredentialT", bound=ClassicCredential)


@runtime_checkable
class CredentialSource(Protocol[CredentialT]):
    """Supplies the credential for each request and renews it once it is refused."""

    def current(self) -> CredentialT:
        """The credential to send now."""
        ...

    def renew(self, stale: CredentialT) -> CredentialT:
        """A fresh credential after ``stale`` was refused; raises AuthenticationError when impossible."""
        ...


#: Header names that carry a credential; a session with a credential source sets them itself.
CREDENTIAL_HEADERS = frozenset({"sessionid", "apikey", "authorization"})
