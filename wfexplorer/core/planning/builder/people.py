"""People for the people picker and for reading ids as names.

Planning names people by Adobe IMS id (record values, ``createdBy``); Workfront names them by Workfront id, and a
v2 filter may use either (``{"id", "idType": "WF"|"IMS"}``; a plain string is an IMS id; v1 takes IMS ids only).
No API searches people by name and answers both ids, so the builder draws on two sources:

- ``ClassicPeople(session)`` searches Workfront users by name through the classic API (Workfront ids);
- ``PeopleBook`` learns IMS ids with their names from every Planning record it is shown (``createdBy`` and
  ``updatedBy`` carry ``{id, name}``) and searches those.

``Directory(sources…)`` asks each in turn and merges what they find; ``names()`` gives id → name for words and
result tables.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from wfexplorer.core.planning.filters import IdType, UserId
from wfexplorer.core.planning.models import Record, UserRef

SEARCH_LIMIT = 20


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a filter can name: a display name and the ids known for them."""

    name: str
    wf_id: str | None = None
    ims_id: str | None = None
    email: str | None = None

    def user_id(self, id_type: IdType) -> UserId | None:
        """The filter value naming this person by ``id_type``; None when that id is unknown."""
        identifier = self.wf_id if id_type is IdType.WF else self.ims_id
        return None if not identifier else UserId(identifier, id_type)

    @property
    def id_types(self) -> tuple[IdType, ...]:
        """The id types this person can be named by."""
        return tuple(kind for kind, known in ((IdType.WF, self.wf_id), (IdType.IMS, self.ims_id)) if known)


class PeopleSource(Protocol):
    """Something that finds people by (part of) their name."""

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Person]:
        """People whose name contains ``text`` (case-insensitive), at most ``limit``."""
        ...


class ClassicSearcher(Protocol):
    """The part of the classic ``Session`` that ``ClassicPeople`` uses."""

    def search_page(self, object_type: Any, first: int = 0, limit: int = 100, fields: Any = None,
                    where: Any = None, **parameters: Any) -> list[Any]:
        """One page of a classic search."""
        ...


class ClassicPeople:
    """Workfront users by name, through the classic API (``USER`` search with ``name_Mod=cicontains``)."""

    def __init__(self, session: ClassicSearcher) -> None:
        self.session = session

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Person]:
        """Active and inactive users whose name contains ``text``."""
        parameters: dict[str, Any] = {"name": text.strip(), "name_Mod": "cicontains"} if text.strip() else {}
        users = self.session.search_page("USER", 0, limit, fields=["name", "emailAddr"], **parameters)
        return [Person(name=str(getattr(user, "name", "") or user.id), wf_id=str(user.id),
                       email=getattr(user, "emailAddr", None) or None) for user in users]


class PeopleBook:
    """IMS ids and names learned from Planning answers; safe to feed from worker threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._names: dict[str, str] = {}

    def learn(self, reference: UserRef | None) -> None:
        """Remember one ``{id, name}`` the server sent."""
        if reference is not None and reference.name:
            with self._lock:
                self._names[reference.id] = reference.name

    def learn_records(self, records: Iterable[Record]) -> None:
        """Remember the creators and last editors of ``records``."""
        for record in records:
            self.learn(record.audit.created_by)
            self.learn(record.audit.updated_by)

    def add(self, person: Person) -> None:
        """Remember a person picked elsewhere (both ids, when known)."""
        with self._lock:
            for identifier in (person.ims_id, person.wf_id):
                if identifier:
                    self._names[identifier] = person.name

    def names(self) -> dict[str, str]:
        """Id → name for every person learned so far."""
        with self._lock:
            return dict(self._names)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Person]:
        """Learned people (by IMS id) whose name contains ``text``."""
        wanted = text.strip().lower()
        with self._lock:
            found = [Person(name=name, ims_id=identifier) for identifier, name in self._names.items()
                     if "@" in identifier and wanted in name.lower()]
        return sorted(found, key=lambda person: person.name.lower())[:limit]


class Directory:
    """Several people sources as one: each is asked, and one person found by several is merged."""

    def __init__(self, *sources: PeopleSource, book: PeopleBook | None = None) -> None:
        self.book = book or PeopleBook()
        self.sources: tuple[PeopleSource, ...] = (*sources, self.book)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Person]:
        """Everyone whose name contains ``text``, people found by name in several sources merged into one."""
        merged: dict[str, Person] = {}
        for source in self.sources:
            for person in source.search(text, limit):
                key = person.name.strip().lower()
                known = merged.get(key)
                merged[key] = person if known is None else Person(
                    known.name, known.wf_id or person.wf_id, known.ims_id or person.ims_id,
                    known.email or person.email)
        return list(merged.values())[:limit]

    def names(self) -> Mapping[str, str]:
        """Id → name for every person the book knows."""
        return self.book.names()
