"""Planning's view of people: classic USER records with both a Workfront ID and an Adobe IMS ID.

Planning reports users by IMS ID (``UserReferenceDto.id``, USER field values). Every classic user gets an IMS
ID: the ``imsID`` key of the USER record when the classic seed sets one, otherwise one derived from the
Workfront ID (stable, so both IDs always name the same person). The directory is rebuilt whenever the USER
table changes.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from wfexplorer.demo.store import Record, Store

IMS_ORG = "0bd0200063c87f9749412b"


@dataclass(frozen=True, slots=True)
class Person:
    """One user: Workfront ID, IMS ID, display name, e-mail and whether they administer the tenant."""

    wf_id: str
    ims_id: str
    name: str
    email: str
    is_admin: bool

    def reference(self) -> dict[str, str]:
        """The v2 ``UserReferenceDto``."""
        return {"id": self.ims_id, "name": self.name}


def ims_id_for(wf_id: str) -> str:
    """The derived IMS ID of a Workfront user (``<24 hex>@<org>.e``, upper-case hex like real IMS IDs)."""
    digest = hashlib.sha1(wf_id.encode()).hexdigest().upper()[:24]
    return f"{digest}@{IMS_ORG}.e"


def _person(user: Record) -> Person:
    wf_id = str(user["ID"])
    name = str(user.get("name") or " ".join(
        str(part) for part in (user.get("firstName"), user.get("lastName")) if part
    ) or user.get("username") or wf_id)
    is_admin = bool(
        user.get("isAdmin")
        or str(user.get("accessLevelID", "")).upper() in ("SYSADMIN", "SYS_ADMIN")
        or str(user.get("username", "")).lower() == "admin"
    )
    return Person(
        wf_id=wf_id,
        ims_id=str(user.get("imsID") or ims_id_for(wf_id)),
        name=name,
        email=str(user.get("emailAddr") or user.get("username") or ""),
        is_admin=is_admin,
    )


class Directory:
    """Users by Workfront ID and by IMS ID, cached on ``store.version("USER")``."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._version = -1
        self._by_wf: dict[str, Person] = {}
        self._by_ims: dict[str, Person] = {}

    def _refresh(self) -> None:
        version = self._store.version("USER")
        if version == self._version and self._by_wf:
            return
        with self._lock:
            people = [_person(user) for user in self._store.table("USER").values()]
            self._by_wf = {p.wf_id: p for p in people}
            self._by_ims = {p.ims_id: p for p in people}
            self._version = version

    def by_wf(self, wf_id: str) -> Person | None:
        """The user with this Workfront ID."""
        self._refresh()
        return self._by_wf.get(wf_id)

    def by_ims(self, ims_id: str) -> Person | None:
        """The user with this IMS ID."""
        self._refresh()
        return self._by_ims.get(ims_id)

    def by_any(self, user_id: str) -> Person | None:
        """The user with this IMS or Workfront ID."""
        return self.by_ims(user_id) or self.by_wf(user_id)

    def everyone(self) -> list[Person]:
        """Every user, in Workfront ID order."""
        self._refresh()
        return [self._by_wf[key] for key in sorted(self._by_wf)]

    def reference(self, wf_id: str | None) -> dict[str, str] | None:
        """The ``{id, name}`` reference of a user given by Workfront ID (None when unknown)."""
        if not wf_id:
            return None
        person = self.by_wf(wf_id)
        if person is None:
            return {"id": ims_id_for(wf_id), "name": wf_id}
        return person.reference()

    def ims_of(self, wf_id: str | None) -> str | None:
        """The IMS ID of a Workfront user ID."""
        if not wf_id:
            return None
        person = self.by_wf(wf_id)
        return person.ims_id if person else ims_id_for(wf_id)
