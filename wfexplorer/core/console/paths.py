"""Path completion for the classic console, from the connection's metadata (object codes, operations, actions).

    objects = session.metadata.objects()                       # one request, cached
    suggest_paths("/pr", objects, described={})                # ["/proj", "/proj/search", …, "/prgm", …]
    suggest_paths("/proj/123/", objects, {"PROJ": session.metadata.describe("PROJ")})   # its actions

The caller loads the metadata (off the GUI thread); this only combines it, so it never sends a request.
``codes_to_describe`` says which object types' metadata would make the suggestions for a prefix complete.
"""

from __future__ import annotations

from collections.abc import Mapping

from wfexplorer.core.classic.metadata import ObjectMeta, ObjectSummary

#: Paths that belong to no object type.
ROOT_PATHS = ("/login", "/logout", "/metadata", "/batch", "/upload")
#: Operations every object type answers at ``/{objCode}/…``.
TYPE_OPERATIONS = ("search", "count", "report", "metadata")


def _codes(objects: Mapping[str, ObjectSummary]) -> dict[str, str]:
    """Lower-case objCode → objCode."""
    return {summary.obj_code.lower(): summary.obj_code for summary in objects.values()}


def codes_to_describe(prefix: str, objects: Mapping[str, ObjectSummary]) -> list[str]:
    """The objCodes whose full metadata the suggestions for ``prefix`` need (its named queries and actions)."""
    segments = prefix.lstrip("/").split("/")
    if len(segments) < 2:
        return []
    code = _codes(objects).get(segments[0].lower())
    return [code] if code else []


def suggest_paths(prefix: str, objects: Mapping[str, ObjectSummary], described: Mapping[str, ObjectMeta],
                  limit: int = 200) -> list[str]:
    """Completions of a classic path: object codes, their operations and named queries, then actions after an ID."""
    text = prefix if prefix.startswith("/") else "/" + prefix
    segments = text[1:].split("/")
    lowered = text.lower()
    codes = _codes(objects)
    found: list[str] = []
    if len(segments) == 1:
        found = [path for path in ROOT_PATHS if path.startswith(lowered)]
        found += sorted(f"/{code}" for code in codes if f"/{code}".startswith(lowered))
    elif len(segments) in (2, 3):
        code = codes.get(segments[0].lower())
        if code is None:
            return []
        meta = described.get(code)
        base = f"/{segments[0]}"
        if len(segments) == 2:
            names = [*TYPE_OPERATIONS, *(sorted(meta.queries) if meta else [])]
            found = [f"{base}/{name}" for name in names if name.lower().startswith(segments[1].lower())]
        elif meta is not None:
            found = [f"{base}/{segments[1]}/{name}" for name in sorted(meta.actions)
                     if name.lower().startswith(segments[2].lower())]
    return found[:limit]
