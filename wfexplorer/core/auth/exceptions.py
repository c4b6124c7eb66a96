"""Sign-in failures specific to the auth package, inside the library's one error tree."""

from __future__ import annotations

from wfexplorer.core import errors


class SignInCancelled(errors.WorkfrontError):
    """The user (or the caller) cancelled a sign-in before it finished."""


class SignInTimedOut(errors.AuthenticationError):
    """The browser did not come back to wfexplorer in time."""


class StateMismatchError(errors.AuthenticationError):
    """The browser came back with a ``state`` that this sign-in did not send (possible forgery)."""


class BrowserUnavailableError(errors.WorkfrontError):
    """No web browser could be opened for the sign-in page; ``url`` is the address to open by hand."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message)
        self.url = url


class ReauthenticationDeclined(errors.AuthenticationError):
    """The session expired and the user declined to sign in again."""
