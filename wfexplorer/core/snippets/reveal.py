"""The live secrets of a connection, by the environment variable snippets read them from, for "reveal secret".

Only for a user who explicitly asked to see them: the request log and the snippets never hold these values.
"""

from __future__ import annotations

from collections.abc import Mapping

from wfexplorer.core.classic.session import Session
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.snippets.call import CREDENTIAL_ENV, Auth


def live_secrets(session: Session | None = None, planning: PlanningClient | None = None) -> dict[str, str]:
    """``{"WORKFRONT_SESSION_ID": …, "WORKFRONT_API_KEY": …, "WORKFRONT_TOKEN": …}`` for the credentials in use.

    Asks a session's credential provider for its current credential (which may renew an expired one); a
    password is never kept, so it is never revealed.
    """
    found: dict[str, str] = {}
    if session is not None:
        _add(found, _classic_headers(session))
    if planning is not None:
        _add(found, planning.connection.current_headers())
    return found


def _classic_headers(session: Session) -> Mapping[str, str]:
    if session.credentials is not None:
        headers: dict[str, str] = session.credentials.current().classic_headers()
        return headers
    if session.session_id:
        return {"sessionID": session.session_id}
    if session.api_key:
        return {"apiKey": session.api_key}
    return {}


def _add(found: dict[str, str], headers: Mapping[str, str]) -> None:
    for name, value in headers.items():
        lowered = name.lower()
        if lowered == "sessionid":
            found.setdefault(CREDENTIAL_ENV[Auth.SESSION_ID], value)
        elif lowered == "apikey":
            found.setdefault(CREDENTIAL_ENV[Auth.API_KEY], value)
        elif lowered == "authorization" and value.lower().startswith("bearer "):
            found.setdefault(CREDENTIAL_ENV[Auth.BEARER], value[len("bearer "):].strip())
