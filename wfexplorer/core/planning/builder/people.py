"""People for the people picker and for reading ids as names.

Planning names people by Adobe IMS id (record values, ``createdBy``); Workfront names them by Workfront id, and a
v2 filter may use either (``{"id", "idType": "WF"|"IMS"}``; a plain string is an IMS id; v1 takes IMS ids only).
No API searches people by name and answers both ids, and none turns an IMS id into a name, so the builder and
the detail view draw on these sources:

- ``ClassicPeople(session)`` searches Workfront users by name through the classic API (Workfront ids), and
  names Workfront ids (one user search for all of them);
- ``PeopleBook`` learns IMS ids with their names from every Planning answer it is shown (``createdBy`` and
  ``updatedBy`` carry ``{id, name}`` in v2) and searches those;
- ``PlanningPeople(client, record_type_id, audit_fields)`` names IMS ids the book does not know yet: one search
  of the record type for the records those people created or last updated, whose audits carry their names.

``Directory(sources…)`` asks each in turn and merges what they find; ``names()`` gives id → name for words and
result tables; ``resolve(ids, …)`` names the ids a record shows, from the book first, the rest in one request
per kind of id.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from wfexplorer.core import errors
from wfexplorer.core.planning.filters import OR, Condition, ConditionType, IdType, Paging, SearchRequest, UserId
from wfexplorer.core.planning.models import Audit, Record, UserRef
from wfexplorer.core.planning.results import SearchPage

SEARCH_LIMIT = 20
#: How many records the search that names IMS ids reads (the server's default page size).
AUDIT_SEARCH_LIMIT = 100


def is_ims_id(identifier: str) -> bool:
    """Whether ``identifier`` reads as an Adobe IMS user id (``<hex>@<org>.e``) rather than a Workfront id."""
    return "@" in identifier


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


@runtime_checkable
class PeopleLookup(Protocol):
    """Something that names people by id."""

    def named(self, ids: Sequence[str]) -> list[Person]:
        """The people among ``ids`` it can name (in at most one request; none for ids of a kind it does not
        know). It may answer more people than asked, all of them worth remembering."""
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
        return [self._person(user) for user in users]

    def named(self, ids: Sequence[str]) -> list[Person]:
        """The Workfront users among ``ids`` (one search for all of them; IMS ids are not Workfront's to name)."""
        wanted = sorted({identifier for identifier in ids if identifier and not is_ims_id(identifier)})
        if not wanted:
            return []
        users = self.session.search_page("USER", 0, len(wanted), fields=["name", "emailAddr"],
                                         ID=wanted, ID_Mod="in")
        return [self._person(user) for user in users]

    @staticmethod
    def _person(user: Any) -> Person:
        return Person(name=str(getattr(user, "name", "") or user.id), wf_id=str(user.id),
                      email=getattr(user, "emailAddr", None) or None)


class RecordSearcher(Protocol):
    """The part of the ``PlanningClient`` that ``PlanningPeople`` uses."""

    @property
    def version(self) -> int:
        """The Planning API version (1 or 2)."""
        ...

    def search(self, record_type_id: str, request: SearchRequest | None = None) -> SearchPage:
        """One page of a record search."""
        ...


class PlanningPeople:
    """IMS ids named by Planning itself, for one record type.

    Planning has no user lookup, but every v2 record carries its creator and last editor as ``{id, name}``. One
    search of the record type for the records any of the wanted people created or last updated (``IS_ANY_OF`` on
    its created-by and updated-by fields, ``audit_fields``) names each of them who did. v1 audits are bare ids:
    v1 names nobody this way and sends nothing.
    """

    def __init__(self, client: RecordSearcher, record_type_id: str, audit_fields: Sequence[str],
                 limit: int = AUDIT_SEARCH_LIMIT) -> None:
        self.client = client
        self.record_type_id = record_type_id
        self.audit_fields = tuple(audit_fields)
        self.limit = limit

    def named(self, ids: Sequence[str]) -> list[Person]:
        """The creators and editors of the records found (the wanted people among them), by IMS id."""
        wanted = sorted({identifier for identifier in ids if identifier and is_ims_id(identifier)})
        if not wanted or not self.audit_fields or self.client.version != 2:
            return []
        people = [UserId(identifier, IdType.IMS) for identifier in wanted]
        request = SearchRequest(
            filter=OR(*(Condition(field_id, ConditionType.IS_ANY_OF, people) for field_id in self.audit_fields)),
            field_ids=self.audit_fields[:1], paging=Paging(0, self.limit))
        page = self.client.search(self.record_type_id, request)
        found: dict[str, str] = {}
        for record in page.records:
            for user in (record.audit.created_by, record.audit.updated_by):
                if user is not None and user.name:
                    found[user.id] = user.name
        return [Person(name=name, ims_id=identifier) for identifier, name in found.items()]


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
        self.learn_audits(record.audit for record in records)

    def learn_audits(self, audits: Iterable[Audit]) -> None:
        """Remember the creators and last editors of anything Planning answered (records, types, fields)."""
        for audit in audits:
            self.learn(audit.created_by)
            self.learn(audit.updated_by)

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

    def resolve(self, ids: Iterable[str], *lookups: PeopleLookup) -> dict[str, str]:
        """Id → name for those of ``ids`` that can be named (blocking: run it off the GUI thread).

        The book answers first; the ids it does not know are asked of the sources that name people by id and
        then of ``lookups``, each asked only for what is still unnamed (at most one request each, none for ids
        of a kind it cannot name). Everyone they name is learned, so the next record costs nothing for them.
        A lookup that fails leaves its ids unnamed: a record still shows without its people's names.
        """
        wanted = list(dict.fromkeys(identifier for identifier in ids if identifier))
        known = self.book.names()
        missing = [identifier for identifier in wanted if identifier not in known]
        for lookup in (*(source for source in self.sources if isinstance(source, PeopleLookup)), *lookups):
            if not missing:
                break
            try:
                found = lookup.named(missing)
            except errors.WorkfrontError:
                continue
            for person in found:
                self.book.add(person)
            known = self.book.names()
            missing = [identifier for identifier in missing if identifier not in known]
        return {identifier: known[identifier] for identifier in wanted if identifier in known}
