"""The searches reference and people pickers run as the user types (blocking: run them off the GUI thread).

    choices = search_objects(session, "PROJ", "apol")       # [Choice("63ab…", "Apollo launch"), …]
    people = search_objects(session, "USER", "ada")          # Workfront users (Planning takes their WF ids)
    search = RecordSearch(client, record_type_id, by_title=True)  # a record picker's search, as the user types:
    search("spr"), search("spri")                            # records whose primary field contains the text
    search.matches("spr")                                     # the same, as records (for more than the title)
"""

from __future__ import annotations

from dataclasses import dataclass

from wfexplorer.core.classic.session import Session
from wfexplorer.core.planning.client import PlanningClient
from wfexplorer.core.planning.filters import AND, Condition, ConditionType, Paging, SearchRequest, SortKey
from wfexplorer.core.planning.models import Record, RecordType

#: How many matches a picker lists.
LIMIT = 20


@dataclass(frozen=True)
class Choice:
    """One match: the id to store and the name to show."""

    id: str
    label: str


def search_objects(session: Session, code: str, text: str, limit: int = LIMIT) -> list[Choice]:
    """Objects of ``code`` whose name contains ``text`` (any case), by name."""
    params: dict[str, object] = {"fields": "ID,name", "name_Sort": "asc", "$$LIMIT": limit}
    if text.strip():
        params.update({"name": text.strip(), "name_Mod": "cicontains"})
    found = session.get(f"/{code.lower()}/search", params)
    return [Choice(str(row["ID"]), str(row.get("name") or row["ID"])) for row in found or ()
            if isinstance(row, dict) and row.get("ID")]


class RecordSearch:
    """Searches one record type's records by their primary field; the record type is read on the first search only.

    ``by_title`` lists the matches by their title; otherwise they come in the record type's own order.
    """

    def __init__(self, client: PlanningClient, record_type_id: str, limit: int = LIMIT, *,
                 by_title: bool = False) -> None:
        self.client = client
        self.record_type_id = record_type_id
        self.limit = limit
        self.by_title = by_title
        self._record_type: RecordType | None = None

    def __call__(self, text: str) -> list[Choice]:
        """Records whose primary field contains ``text`` (all of them, up to the limit, for no text)."""
        return [Choice(record.id, self.title(record)) for record in self.matches(text)]

    def matches(self, text: str) -> list[Record]:
        """The matching records themselves."""
        primary = self._primary()
        condition = AND(Condition(primary, ConditionType.CONTAINS, text)) if primary and text.strip() else None
        sort = (SortKey(primary),) if primary and self.by_title else ()
        request = SearchRequest(filter=condition, sort=sort, paging=Paging(0, self.limit))
        return list(self.client.search(self.record_type_id, request).records)

    def title(self, record: Record) -> str:
        """What a picker shows for ``record``: its primary field, or its id when that is empty."""
        primary = self._primary()
        return str(record.data.get(primary) or record.id) if primary else record.id

    def _primary(self) -> str | None:
        if self._record_type is None:
            self._record_type = self.client.record_type(self.record_type_id)
        return self._record_type.primary_field_id
