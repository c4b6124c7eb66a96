"""User actions: the API-key family (§2.4), activation and passwords."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.actions.base import ActionEnv, action, load, require_arg, save
from wfexplorer.demo.classic.errors import AUTH, AUTHENTICATION, ClassicError
from wfexplorer.demo.classic.schema.model import ObjectDef, Record
from wfexplorer.demo.store import Transaction

BAD_LOGIN = (
    "That username/password combination wasn't quite right.  Make sure your caps lock isn't on and try again."
)


def _bad_login() -> ClassicError:
    return ClassicError(BAD_LOGIN, error_class=AUTHENTICATION, kind=AUTH)


def _user_for(args: dict[str, Any], env: ActionEnv) -> str:
    """The user named by username/password, or the signed-in user when no username is given."""
    if env.sessions is None:
        raise ClassicError("API keys are not available", error_class=AUTHENTICATION, kind=AUTH)
    username = args.get("username")
    if username:
        user = env.sessions.check_password(str(username), str(args.get("password") or ""))
        if user is None:
            raise _bad_login()
        return str(user["ID"])
    if env.user_id:
        return env.user_id
    raise ClassicError("You are not currently logged in.", error_class=AUTHENTICATION, kind=AUTH)


@action("USER", "getApiKey")
def get_api_key(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> str:
    """Return the user's API key, or ``""`` when none was generated yet."""
    user_id = _user_for(args, env)
    assert env.sessions is not None
    return env.sessions.api_key_for(user_id) or ""


@action("USER", "generateApiKey")
def generate_api_key(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                     env: ActionEnv) -> str:
    """Replace the user's API key with a new one and return it."""
    user_id = _user_for(args, env)
    assert env.sessions is not None
    return env.sessions.generate_api_key(user_id)


@action("USER", "clearApiKey")
def clear_api_key(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                  env: ActionEnv) -> None:
    """Invalidate the user's API key (the response is ``{"success": true}``, see ``response_data``)."""
    user_id = _user_for(args, env)
    assert env.sessions is not None
    env.sessions.clear_api_key(user_id)
    return None


@action("USER", "clearAllApiKeys")
def clear_all_api_keys(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                       env: ActionEnv) -> None:
    """Invalidate the user's API keys (the simulator keeps one key per user)."""
    return clear_api_key(tx, obj, record, args, env)


def _set_active(tx: Transaction, args: dict[str, Any], env: ActionEnv, active: bool) -> None:
    for user_id in require_arg(args, "userIDs", "activateUsers" if active else "deactivateUsers"):
        user = load(tx, "USER", user_id, "User")
        if user.get("isActive") != active:
            save(tx, user, {"isActive": active}, env)


@action("USER", "activateUsers")
def activate_users(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                   env: ActionEnv) -> None:
    """Set ``isActive`` on the given users."""
    _set_active(tx, args, env, True)
    return None


@action("USER", "deactivateUsers")
def deactivate_users(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                     env: ActionEnv) -> None:
    """Clear ``isActive`` on the given users (they can no longer sign in)."""
    _set_active(tx, args, env, False)
    return None


@action("USER", "resetPassword")
def reset_password(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                   env: ActionEnv) -> None:
    """Change the user's password after checking the old one."""
    assert record is not None
    if record.get("_password") != args.get("oldPassword"):
        raise _bad_login()
    new_password = require_arg(args, "newPassword", "resetPassword")
    save(tx, record, {"_password": str(new_password)}, env)
    return None


@action("USER", "assignUserToken")
def assign_user_token(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                      env: ActionEnv) -> str:
    """Create a registration token for the user and return it."""
    assert record is not None
    from wfexplorer.demo.ids import new_token

    token = new_token()
    save(tx, record, {"_registrationToken": token}, env)
    return token


@action("USER", "completeUserRegistration")
def complete_registration(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                          env: ActionEnv) -> None:
    """Finish registration with the token from assignUserToken: names, title and password."""
    assert record is not None
    if not record.get("_registrationToken") or record.get("_registrationToken") != args.get("token"):
        raise ClassicError("Invalid registration token", error_class=AUTHENTICATION, kind=AUTH)
    changes: dict[str, Any] = {"_registrationToken": None, "isActive": True}
    for key in ("firstName", "lastName", "title"):
        if args.get(key):
            changes[key] = args[key]
    if args.get("newPassword"):
        changes["_password"] = args["newPassword"]
    first = changes.get("firstName", record.get("firstName")) or ""
    last = changes.get("lastName", record.get("lastName")) or ""
    changes["name"] = f"{first} {last}".strip() or record.get("name")
    save(tx, record, changes, env)
    return None


@action("USER", "sendInvitationEmail")
def send_invitation(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                    env: ActionEnv) -> None:
    """Pretend to send the invitation (records when it was sent)."""
    assert record is not None
    save(tx, record, {"_invitationSent": env.now_iso}, env)
    return None
