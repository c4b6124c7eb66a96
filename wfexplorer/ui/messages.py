"""What the GUI says when something goes wrong, in the user's terms, and which field it is about.

Expected errors (:class:`~wfexplorer.core.errors.WorkfrontError`) are shown inline next to what the
user can fix; the words come from the server when it has them (a bad-password message is the
server's own) and from :func:`wfexplorer.core.errors.describe` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from wfexplorer.core import errors
from wfexplorer.ui.login.form import AuthMethod, LoginForm


@dataclass(frozen=True)
class InlineMessage:
    """A message for an inline error label, and the form field to put the focus on (if any)."""

    text: str
    field: str | None = None


def explain(error: BaseException) -> str:
    """One or two sentences for an expected error anywhere in the GUI."""
    return f"{headline(error)} {errors.describe(error).advice}".strip()


def headline(error: BaseException) -> str:
    """What happened, as a sentence (server and network messages often end without a full stop)."""
    text = errors.describe(error).headline.strip()
    return f"{text}." if text and text[-1] not in ".!?" else text


def explain_sign_in_error(error: BaseException, form: LoginForm, *, hint: bool = True) -> InlineMessage:
    """Say why signing in failed, and where the user should look.

    ``hint=False`` leaves out the sandbox hint (when the dialog already shows it next to the domain).
    """
    sandbox = form.sandbox_hint() if hint else None
    if isinstance(error, errors.AuthenticationError):
        field = _credential_field(form)
        text = error.message or "The server did not accept these credentials."
        if sandbox:
            text = f"{text}\n{sandbox}"
        return InlineMessage(text, field)
    if isinstance(error, errors.NetworkError):
        message = error.message
        if message.startswith("Host not found"):
            text = f"{message}. Check the domain and the environment."
            return InlineMessage(f"{text}\n{sandbox}" if sandbox else text, _address_field(form))
        if "TLS" in message or "certificate" in message.lower():
            return InlineMessage(
                f"{message}. A proxy or security software on your network may be intercepting secure "
                "connections; ask your IT team, or check the address.",
                _address_field(form),
            )
        text = f"{message}. Check the address and your network connection."
        return InlineMessage(f"{text}\n{sandbox}" if sandbox else text, _address_field(form))
    if isinstance(error, errors.ValidationError) and not error.status:
        return InlineMessage(error.message, _address_field(form))  # refused locally, e.g. plain http
    if isinstance(error, errors.WorkfrontError):
        text = explain(error)
        return InlineMessage(f"{text}\n{sandbox}" if sandbox else text, None)
    return InlineMessage(explain(error), None)


def _credential_field(form: LoginForm) -> str:
    return {
        AuthMethod.PASSWORD: "password",
        AuthMethod.API_KEY: "api_key",
        AuthMethod.OAUTH_BROWSER: "client_id",
        AuthMethod.OAUTH_CLIENT_CREDENTIALS: "client_secret",
    }[form.method]


def _address_field(form: LoginForm) -> str | None:
    if form.is_demo:
        return None
    return "custom_url" if form.environment == "custom" else "domain"
