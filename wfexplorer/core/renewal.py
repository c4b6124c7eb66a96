"""The one renewal policy: a request refused for its credential is renewed once and that request resent once.

Every client of the library follows it through :func:`send_renewing`::

    credential = source.current()                # before the request; may refresh an OAuth token early
    ... send; the answer is AuthenticationError (HTTP 401, "not currently logged in") ...
    credential = source.renew(credential)        # refresh the token, or ask the user (the connection's hook)
    ... send the SAME request once more; a second refusal goes to the caller.

Only the refused request is sent again, never the operation around it, so a write that was applied
is never repeated: the only write ever resent is one the server refused for its credential, i.e.
before applying it. ``renew`` raises AuthenticationError (or ReauthenticationDeclined) when it
cannot renew, or :class:`CannotRenewError` when it has no way to at all (a fixed token): nothing is resent
then, and in the latter case the caller gets the server's own refusal. ``renew`` is thread-safe and
coalesces: several requests refused with the same stale credential share one renewal.

The classic :class:`~wfexplorer.core.classic.session.Session` and the Planning connection both send
through here; this module is a leaf (it knows no client) so both can use it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol, TypeVar

from wfexplorer.core import errors

log = logging.getLogger(__name__)

T = TypeVar("T")
CredentialT = TypeVar("CredentialT")


class CannotRenewError(Exception):
    """Raised by a source that has no way to renew (a fixed token): the server's refusal goes to the caller."""


class RenewableSource(Protocol[CredentialT]):
    """Supplies the credential for each request and renews it once it was refused."""

    def current(self) -> CredentialT:
        """The credential to send now."""
        ...

    def renew(self, stale: CredentialT) -> CredentialT:
        """A fresh credential after ``stale`` was refused; raises AuthenticationError when impossible.

        A source may also offer ``renew_refused(stale, sent_at)``, told when the refused request was sent
        (``time.monotonic()``): one that asks the user then gives a request sent before the user declined
        that same answer instead of asking again. :func:`send_renewing` prefers it.
        """
        ...


def send_renewing(source: RenewableSource[CredentialT], attempt: Callable[[CredentialT], T]) -> T:
    """Run ``attempt`` with the current credential; after AuthenticationError renew once and run it once more."""
    # The request's time is taken before it waits for the credential: one that waited while the user was being
    # asked (the source holds its lock meanwhile) was on its way before they answered, and shares that answer.
    sent_at = time.monotonic()
    credential = source.current()
    try:
        return attempt(credential)
    except errors.AuthenticationError as refused:
        log.info("Credential refused (%s); renewing it and sending the request once more", refused.message)
        try:
            renew_refused = getattr(source, "renew_refused", None)
            renewed = renew_refused(credential, sent_at) if renew_refused else source.renew(credential)
        except CannotRenewError:
            raise refused from None
    return attempt(renewed)
