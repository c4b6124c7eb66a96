"""``/login``, ``/logout`` and the USER API-key actions (classic-api.md §2.2 to 2.4).

The username and password are the credentials of ``/login`` and of
``/user?action=getApiKey|generateApiKey|clearApiKey|clearAllApiKeys``; bad ones give the
AuthenticationException Workfront sends (with its two spaces).

``/login?username=U&apiKey=K`` (no password) signs in as U when K is an administrator's key, as
Workfront lets administrators do; a user's own key signs in as that user; any other user's key is
refused with :data:`NOT_ADMIN_KEY`.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.credentials import Caller, not_logged_in
from wfexplorer.demo.classic.errors import AUTH, AUTHENTICATION, ClassicError
from wfexplorer.demo.classic.versions import CURRENT_VERSION, api_version_paths
from wfexplorer.demo.store import Record

BAD_LOGIN = (
    "That username/password combination wasn't quite right.  Make sure your caps lock isn't on and try again."
)
NOT_ADMIN_KEY = "Only an administrator's API key can log in as another user"
API_KEY_ACTIONS = frozenset({"getapikey", "generateapikey", "clearapikey", "clearallapikeys"})

_ZONE_NAMES = {
    "America/Chicago": "Central Standard Time",
    "America/New_York": "Eastern Standard Time",
    "America/Denver": "Mountain Standard Time",
    "America/Los_Angeles": "Pacific Standard Time",
    "Europe/London": "Greenwich Mean Time",
    "Europe/Paris": "Central European Time",
    "Europe/Berlin": "Central European Time",
    "Europe/Moscow": "Moscow Standard Time",
    "W-SU": "Moscow Standard Time",
    "UTC": "Coordinated Universal Time",
}


def bad_login() -> ClassicError:
    """Return the AuthenticationException for a wrong username or password."""
    return ClassicError(BAD_LOGIN, error_class=AUTHENTICATION, kind=AUTH)


def check_password(call: ClassicCall) -> Record:
    """Return the USER named by the ``username``/``password`` parameters, or raise bad_login."""
    username = call.params.get("username")
    password = call.params.get("password")
    if not username or password is None:
        raise bad_login()
    user = call.context.sessions.check_password(username, password)
    if user is None:
        raise bad_login()
    return user


def is_administrator(call: ClassicCall, user: Record) -> bool:
    """Tell whether ``user`` is a Workfront administrator (``isAdmin``, or an administrator access level)."""
    if user.get("isAdmin"):
        return True
    level = call.context.store.get("ACSLVL", str(user.get("accessLevelID") or ""))
    return bool(level and level.get("isAdmin"))


def _key_login_user(call: ClassicCall) -> Record | None:
    """Return whom ``username`` + ``apiKey`` (no password) sign in as; ``None`` when this is no key login."""
    caller = call.caller
    username = call.params.get("username")
    if caller is None or caller.via != "apiKey" or not username or call.params.get("password") is not None:
        return None
    store = call.context.store
    key_user = store.get("USER", caller.user_id)
    user = call.context.sessions.find_user(username)
    if key_user is None or user is None:
        raise bad_login()
    if user["ID"] != key_user["ID"] and not is_administrator(call, key_user):
        raise ClassicError(NOT_ADMIN_KEY, error_class=AUTHENTICATION, kind=AUTH)
    return user


def login(call: ClassicCall) -> dict[str, Any]:
    """Start a session for the username and password (or an API key); return the login fixture's key set."""
    user = _key_login_user(call) or check_password(call)
    settings = call.context.settings
    info = call.context.sessions.create(user["ID"], origin="login", lifetime=settings.session_lifetime_seconds)
    zone = str(user.get("timeZone") or settings.time_zone)
    return {
        "userID": user["ID"],
        "sessionID": info.token,
        "versionInformation": {
            "currentAPI": CURRENT_VERSION,
            "buildNumber": "",
            "apiVersions": api_version_paths(),
            "lastUpdated": "2026/05/09 08:00:00",
            "release": "R22",
            "version": CURRENT_VERSION[1:],
        },
        "locale": str(user.get("locale") or "en_US"),
        "timeZone": zone,
        "timeZoneName": _ZONE_NAMES.get(zone, zone),
        "iso3Country": "USA",
        "iso3Language": "eng",
        "currency": {
            "useNegativeSign": False,
            "fractionDigits": 2,
            "symbol": "$",
            "ID": "USD",
            "groupingSeparator": ",",
            "decimalSeparator": ".",
        },
    }


def logout(call: ClassicCall) -> dict[str, Any]:
    """End the caller's session (an API-key caller has none to end)."""
    caller = call.caller
    if caller is None:
        raise not_logged_in()
    if caller.session_token is not None:
        call.context.sessions.revoke(caller.session_token)
    return {"success": True}


def is_api_key_action(obj_code: str | None, call: ClassicCall, object_id: str | None) -> bool:
    """Tell whether this call is an object-less USER API-key action."""
    action = call.params.get("action")
    return obj_code == "USER" and object_id is None and isinstance(action, str) and action.lower() in API_KEY_ACTIONS


def api_key_action(call: ClassicCall, caller: Caller | None) -> dict[str, Any]:
    """Run getApiKey/generateApiKey/clearApiKey/clearAllApiKeys for the named (or calling) user."""
    if call.params.get("username"):
        user_id = check_password(call)["ID"]
    elif caller is not None:
        user_id = caller.user_id
    else:
        raise bad_login()
    sessions = call.context.sessions
    action = (call.params.get("action") or "").lower()
    if action == "getapikey":
        return {"result": sessions.api_key_for(user_id) or ""}
    if action == "generateapikey":
        return {"result": sessions.generate_api_key(user_id)}
    sessions.clear_api_key(user_id)
    return {"success": True}
