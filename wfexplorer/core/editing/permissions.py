"""Fields the signed-in user may not change, known before a save: Workfront's rules for user records.

Only a System Administrator changes another user, or the administrative fields of their own record
(access level, ``isAdmin``, licence, username, password, manager, rates…); anyone may change their own
name, title, phone numbers, time zone and locale. Whole objects the user may not change or delete (their
access level, the object's sharing) are :mod:`wfexplorer.core.classic.access`'s; everything else Workfront
decides when the save arrives (a refused save then says why, in Workfront's words). ``is_admin`` unknown
(None) locks nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SELF_EDITABLE_USER_FIELDS = frozenset(
    {"name", "firstName", "lastName", "title", "phoneNumber", "mobilePhoneNumber", "timeZone", "locale"})
OTHER_USER = "only a Workfront administrator can change another user"
ADMIN_FIELD = "only a Workfront administrator can change this field of a user"


def locked_reason(code: str, object_id: str, key: str, me: Mapping[str, Any]) -> str | None:
    """Why ``me`` may not change field ``key`` of object ``code``/``object_id`` (None: nothing known against it)."""
    if code.upper() != "USER" or me.get("isAdmin") is not False:
        return None
    if object_id != me.get("ID"):
        return OTHER_USER
    return None if key in SELF_EDITABLE_USER_FIELDS else ADMIN_FIELD
