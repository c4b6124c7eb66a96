"""Render the object model as the data of ``GET /metadata`` and ``GET /{obj}/metadata``.

The functions return the value of the ``data`` key (the HTTP layer wraps it in the envelope).
URLs are built from ``base_url`` (scheme, host and port, e.g. ``http://127.0.0.1:8080``) and the
version segment of the request: ``v22.0`` and ``unsupported`` give ``{base}/attask/api/{segment}``,
``api-internal`` and ``api-unsupported`` give ``{base}/attask/{segment}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema.model import CollectionDef, FieldDef, ObjectDef, ReferenceDef
from wfexplorer.demo.classic.schema.registry import all_objects, object_def
from wfexplorer.demo.classic.versions import INTERNAL, normalise_version, serves

SECTIONS = (
    "name", "label", "objCode", "flags", "url", "fields", "references", "collections",
    "search", "actions", "queries", "operations",
)
"""The 12 top-level keys of ``/{obj}/metadata``, in Workfront's order."""

_IDENTITY = ("name", "label", "objCode")


def api_root(base_url: str, version_segment: str) -> str:
    """Return the API prefix for a version segment (``…/attask/api/v22.0``, ``…/attask/api-internal``)."""
    base = base_url.rstrip("/")
    segment = version_segment.strip("/")
    if segment.startswith("api-"):
        return f"{base}/attask/{segment}"
    return f"{base}/attask/api/{segment}"


def _version(version_segment: str) -> str:
    """The canonical version of a segment (``v7`` → ``v7.0``); unknown text counts as the newest model."""
    return normalise_version(version_segment.strip("/")) or INTERNAL


def metadata_url(obj_code: str, base_url: str, version_segment: str) -> str:
    """Return the ``/{objcode}/metadata`` URL of an object (lower-cased objCode, as Workfront does)."""
    return f"{api_root(base_url, version_segment)}/{obj_code.lower()}/metadata"


def metadata_index(base_url: str, version_segment: str) -> dict[str, Any]:
    """Return the data of ``GET /metadata``: ``{"objects": {Name: {name, label, objCode, url[, secondaryObject]}}}``."""
    objects: dict[str, Any] = {}
    version = _version(version_segment)
    for obj in all_objects():
        if not serves(version, obj.since):
            continue
        entry: dict[str, Any] = {
            "name": obj.name,
            "label": obj.label,
            "objCode": obj.obj_code,
            "url": metadata_url(obj.obj_code, base_url, version_segment),
        }
        if obj.secondary:
            entry["secondaryObject"] = "true"
        objects[obj.name] = entry
    return {"objects": objects}


def _member(
    label: str,
    field_type: str,
    *,
    flags: Iterable[str] = (),
    type_obj_code: str | None = None,
    enum_type: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    flag_list = list(flags)
    if flag_list:
        entry["flags"] = flag_list
    entry.update(
        {
            "label": label,
            "typeObjCode": type_obj_code,
            "targetTypeObjCode": None,
            "fieldType": field_type,
            "enumTargetObjCode": None,
            "enumType": enum_type,
            "url": url,
        }
    )
    return entry


def field_metadata(item: FieldDef) -> dict[str, Any]:
    """Return one ``fields`` entry: the 7 standard keys, ``flags`` if any, ``possibleValues`` for enums."""
    entry = _member(item.label, item.field_type, flags=item.metadata_flags(), enum_type=item.enum_type)
    if item.possible_values:
        entry["possibleValues"] = [{"label": value.label, "value": value.value} for value in item.possible_values]
    return entry


def _link_metadata(item: ReferenceDef | CollectionDef, base_url: str, version_segment: str) -> dict[str, Any]:
    target = object_def(item.target)
    type_name = target.name if target is not None else item.target
    return _member(
        item.label,
        type_name,
        flags=item.flags,
        type_obj_code=item.target,
        url=metadata_url(item.target, base_url, version_segment),
    )


def object_metadata(
    obj: ObjectDef,
    base_url: str,
    version_segment: str,
    sections: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Return the data of ``GET /{obj}/metadata`` in Workfront's shape (the 12 keys of :data:`SECTIONS`).

    ``sections`` is the parsed ``fields=`` parameter: when given, only ``name``, ``label``,
    ``objCode`` and the named sections are returned. An unknown section name raises
    :class:`ClassicError` (IllegalArgumentException).
    """
    wanted: set[str] | None = None
    if sections is not None:
        wanted = {section.strip() for section in sections if section and section.strip()}
        unknown = sorted(wanted - set(SECTIONS))
        if unknown:
            raise ClassicError(f"APIModel does not support metadata section {unknown[0]} ({obj.name})")

    def include(section: str) -> bool:
        return wanted is None or section in wanted or section in _IDENTITY

    data: dict[str, Any] = {}
    if include("name"):
        data["name"] = obj.name
    if include("label"):
        data["label"] = obj.label
    if include("objCode"):
        data["objCode"] = obj.obj_code
    if include("flags"):
        data["flags"] = list(obj.flags)
    if include("url"):
        data["url"] = metadata_url(obj.obj_code, base_url, version_segment)
    if include("fields"):
        data["fields"] = {
            name: field_metadata(item) for name, item in sorted(obj.fields.items()) if not item.internal
        }
    if include("references"):
        data["references"] = {
            name: _link_metadata(item, base_url, version_segment) for name, item in sorted(obj.references.items())
        }
    if include("collections"):
        data["collections"] = {
            name: _link_metadata(item, base_url, version_segment)
            for name, item in sorted(obj.collections.items())
            if serves(_version(version_segment), item.since)
        }
    if include("search"):
        data["search"] = {}
    if include("actions"):
        actions: dict[str, Any] = {}
        for name, action in sorted(obj.actions.items()):
            entry: dict[str, Any] = {}
            if action.arguments:
                entry["arguments"] = [{"name": arg.name, "type": arg.type} for arg in action.arguments]
            if action.result_type is not None:
                entry["resultType"] = action.result_type
            entry["label"] = action.label
            actions[name] = entry
        data["actions"] = actions
    if include("queries"):
        queries: dict[str, Any] = {}
        for name, query in sorted(obj.queries.items()):
            entry = {}
            if query.arguments:
                entry["arguments"] = [{"name": arg.name, "type": arg.type} for arg in query.arguments]
            entry["label"] = query.label
            queries[name] = entry
        data["queries"] = queries
    if include("operations"):
        data["operations"] = sorted(obj.operations)
    return data
