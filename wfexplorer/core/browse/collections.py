"""Which search finds the objects of a collection, so a large collection is paged on the server.

Workfront returns a collection whole inside its owner (``GET /proj/ID?fields=tasks``), which for 5,000
tasks is one huge answer. Where the target type has a reference back to the owner, the same objects come
page by page from a search of the target type (``task/search?projectID=…``). :func:`reverse_field` names
that reference's ID field, or returns None when no search is known to return exactly the collection (the
caller then cuts pages from the owner's answer).

:func:`count_plan` counts an object's collections the same two ways, in calls that travel in one batch: a
``count`` of that search, or, where no search finds exactly the collection, the collection read from the
owner with its IDs only (what the navigator lists, counted).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic.catalog import MetadataCatalog
from wfexplorer.core.classic.metadata import ObjectMeta

Call = tuple[str, str, Any]

#: Types Workfront serves only inside the object that owns them ("TEAMMB is not a top level object and can't
#: be requested directly"): never searched or counted on their own; their collections come from the owner.
CHILD_ONLY_TYPES = frozenset({"ACSRUL", "ALVPER", "TEAMMB", "USRGPS", "USRROL"})

#: (owner objCode, collection) → the target's field holding the owner's ID, where a name alone cannot tell.
KNOWN_REVERSE_FIELDS: dict[tuple[str, str], str] = {
    ("PROJ", "opTasks"): "projectID",
    ("PROJ", "hours"): "projectID",
    ("TASK", "predecessors"): "successorID",
    ("TASK", "successors"): "predecessorID",
    ("USER", "assignments"): "assignedToID",
    ("USER", "directReports"): "managerID",
    ("USER", "documents"): "ownerID",
    ("USER", "hours"): "ownerID",
    ("USER", "teamMembers"): "userID",
    ("USER", "userGroups"): "userID",
    ("USER", "userRoles"): "userID",
    ("USER", "workItems"): "userID",
}

#: Collections that are a subset of what a reference search would find (open issues, all-hours views…).
NOT_A_SEARCH = frozenset({("PROJ", "openOpTasks"), ("PROJ", "allHours"), ("PROJ", "resolvables"),
                          ("TASK", "resolvables")})

#: References that record who touched an object: never the owner of a collection.
AUDIT_REFERENCES = frozenset({"enteredBy", "lastUpdatedBy", "approvedBy", "assignedBy", "checkedOutBy",
                              "submittedBy", "convertedBy"})


def reverse_field(owner_code: str, collection: str, target: ObjectMeta) -> str | None:
    """The ID field of ``target`` that points back at the owner of ``collection``, when one search finds it."""
    key = (owner_code.upper(), collection)
    if key in NOT_A_SEARCH:
        return None
    known = KNOWN_REVERSE_FIELDS.get(key)
    if known is not None:
        return known if known in target.fields or known.removesuffix("ID") in target.references else None
    candidates = [name for name, link in target.references.items()
                  if link.target_code.upper() == key[0] and name not in AUDIT_REFERENCES]
    if len(candidates) != 1:
        return None
    return f"{candidates[0]}ID"


def refused_as_child_only(error: errors.WorkfrontError) -> bool:
    """Whether the server refused a request because its type is served only inside its owner."""
    return "not a top level object" in error.message


@dataclass(frozen=True)
class CountPlan:
    """The calls that count one object's collections, and how to read their answers.

    ``searched``: collection → its ``count`` call (the objects whose reference points back at the owner);
    ``whole``: the collections read from the owner (one call for all of them, IDs only).
    """

    owner_path: str
    searched: Mapping[str, Call]
    whole: tuple[str, ...] = ()

    def calls(self) -> list[Call]:
        """The calls to send (in one batch, beside the object's own)."""
        calls = list(self.searched.values())
        if self.whole:
            calls.append(("GET", self.owner_path, {"fields": ",".join(f"{name}:ID" for name in self.whole)}))
        return calls

    def counts(self, answers: Sequence[Any]) -> dict[str, int]:
        """Collection → size, from the answers to :meth:`calls` in order; a call that failed (a WorkfrontError in
        its place) or answered something else leaves its collections out: their size is not known."""
        counts = {name: answer["count"] for name, answer in zip(self.searched, answers, strict=False)
                  if isinstance(answer, dict) and isinstance(answer.get("count"), int)}
        owner = answers[len(self.searched)] if self.whole and len(answers) > len(self.searched) else None
        if isinstance(owner, list):
            owner = owner[0] if owner else None
        if isinstance(owner, dict):
            counts.update((name, len(owner[name])) for name in self.whole if isinstance(owner.get(name), list))
        return counts


def count_plan(meta: ObjectMeta, object_id: str, catalog: MetadataCatalog) -> CountPlan:
    """How to count every collection of one object of ``meta``'s type.

    The collections' target types are described first (the ones not in hand in one batch request, then cached
    on disk, as the navigator does when it opens an object), since their references tell which search finds a
    collection; a type whose metadata cannot be read is counted from the owner's answer.
    """
    _describe_all(catalog, {link.target_code.upper() for link in meta.collections.values()})
    searched: dict[str, Call] = {}
    whole: list[str] = []
    for name, link in meta.collections.items():
        target = None if catalog.missing([link.target_code]) else catalog.describe(link.target_code)
        reverse = reverse_field(meta.obj_code, name, target) if target is not None else None
        countable = (target is not None and (not target.operations or "count" in target.operations)
                     and target.obj_code.upper() not in CHILD_ONLY_TYPES)
        if reverse is not None and countable:
            searched[name] = ("GET", f"/{link.target_code.lower()}/count", {reverse: object_id})
        else:
            whole.append(name)
    return CountPlan(f"/{meta.obj_code.lower()}/{object_id}", searched, tuple(whole))


def _describe_all(catalog: MetadataCatalog, codes: Iterable[str]) -> None:
    """Describe ``codes``; types the server will not describe are counted from the owner's answer, but a lost
    network, a refused session or a rate limit fails the load here, before a second request waits as long."""
    try:
        catalog.preload(sorted(codes))
    except errors.UNAVAILABLE:
        raise
    except errors.WorkfrontError:
        pass
