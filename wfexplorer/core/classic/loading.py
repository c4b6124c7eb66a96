"""Explicit loading for the GUI: every call costs at most one request, data in hand costs none.

- :func:`fetch_reference` — one reference of one object (with chosen fields of the target);
- :func:`fetch_collection` — a page of one collection of one object (with chosen fields);
- :func:`load_fields` — fields or reference paths (``project:owner:name``) for *many* objects of one
  type in a single request (``GET /{obj}?id=a,b,…&fields=…``, sent as POST when the URL is long).

Results are merged into the objects (nested dicts shared, so objects already handed out see the
new data) and nothing here hides a request in an attribute read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.classic import paths
from wfexplorer.core.classic.objects import Object, objects_by_id
from wfexplorer.core.classic.requester import ClassicRequester

#: IDs per request when loading many objects (a request per 2000 objects).
IDS_PER_REQUEST = 2000


@dataclass(frozen=True)
class CollectionPage:
    """A slice of a collection: ``items`` from offset ``first``, and the collection's ``total`` size."""

    items: tuple[Object, ...]
    first: int
    total: int

    @property
    def has_more(self) -> bool:
        """Whether items follow this page."""
        return self.first + len(self.items) < self.total


def _link(obj: Object, name: Any, kind: str) -> tuple[str, Any]:
    key = type(obj)._workfront_name(name)
    member = type(obj)._members.get(key)
    if member is None or member.kind != kind:
        raise errors.ValidationError(f"{key!r} is not a {kind} of {type(obj).__name__}")
    return key, member


def _has_path(raw: Any, path: str) -> bool:
    """Tell whether loaded data already holds ``path`` (``*`` is never assumed to be loaded)."""
    if raw is None:
        return True
    if isinstance(raw, list):
        return all(_has_path(item, path) for item in raw)
    if not isinstance(raw, dict):
        return False
    head, _, rest = path.partition(":")
    if head == "DE":
        return path in raw
    if head == "*" or head not in raw:
        return False
    return not rest or _has_path(raw[head], rest)


def _target_paths(session: ClassicRequester, member: Any, fields: Sequence[Any]) -> list[str]:
    target = session.api.class_for(member.target) if member.target else None
    return [paths.convert_path(session.api, target, name, allow_star=True) for name in fields]


def _ensure_link(session: ClassicRequester, obj: Object, name: Any, kind: str, fields: Sequence[Any]) -> str:
    """Load ``obj``'s reference or collection ``name`` with ``fields`` unless in hand; return its Workfront name."""
    key, member = _link(obj, name, kind)
    sub = _target_paths(session, member, fields)
    if key not in obj.fields or not all(_has_path(obj.fields[key], path) for path in sub):
        spec = ",".join([key, *(f"{key}:{path}" for path in sub)])
        data = session.get(obj.api_url(), {"fields": spec})
        if isinstance(data, dict):
            obj._merge(data)
    return key


def fetch_reference(session: ClassicRequester, obj: Object, name: Any, fields: Sequence[Any] = ()) -> Object | None:
    """Return the object ``obj.<name>`` refers to (or ``None``), loading it in one request if needed."""
    target: Object | None = obj.cached(_ensure_link(session, obj, name, "reference", fields))
    return target


def fetch_collection(session: ClassicRequester, obj: Object, name: Any, fields: Sequence[Any] = (), first: int = 0,
                     limit: int | None = None) -> CollectionPage:
    """Return ``obj``'s collection (a page of it) with ``fields`` loaded: one request, none if in hand.

    Workfront returns a collection whole inside its owner, so the page is cut from that one answer.
    """
    items: tuple[Object, ...] = obj.cached(_ensure_link(session, obj, name, "collection", fields))
    end = len(items) if limit is None else first + limit
    return CollectionPage(items=items[first:end], first=first, total=len(items))


def load_fields(session: ClassicRequester, objects: Sequence[Object], fields: Sequence[Any]) -> list[Object]:
    """Load ``fields`` (paths allowed) for many objects of one type: one request per 2000 objects.

    Objects that already hold every path cost nothing; objects the server no longer returns are
    left as they were.
    """
    objects = list(objects)
    if not objects:
        return objects
    cls = type(objects[0])
    if any(type(obj) is not cls for obj in objects):
        raise errors.ValidationError("load_fields needs objects of one type")
    spec = paths.field_spec(session.api, cls, fields)
    wanted = spec.split(",") if spec else []
    pending = [obj for obj in objects if not wanted or not all(_has_path(obj.fields, path) for path in wanted)]
    grouped = objects_by_id(pending)
    ids = list(grouped)
    for start in range(0, len(ids), IDS_PER_REQUEST):
        chunk = ids[start:start + IDS_PER_REQUEST]
        params: list[tuple[str, str]] = [("id", ",".join(chunk))]
        if spec:
            params.append(("fields", spec))
        data = session.get(f"/{cls.code}", params)
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("ID"), str):
                for obj in grouped.get(item["ID"], ()):
                    obj._merge(item)
    return objects
