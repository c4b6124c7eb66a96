"""Which search finds the objects of a collection, so a large collection is paged on the server.

Workfront returns a collection whole inside its owner (``GET /proj/ID?fields=tasks``), which for 5,000
tasks is one huge answer. Where the target type has a reference back to the owner, the same objects come
page by page from a search of the target type (``task/search?projectID=…``). :func:`reverse_field` names
that reference's ID field, or returns None when no search is known to return exactly the collection (the
caller then cuts pages from the owner's answer).
"""

from __future__ import annotations

from wfexplorer.core import errors
from wfexplorer.core.classic.metadata import ObjectMeta

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
