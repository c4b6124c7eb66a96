"""The classic simulator's object model: definitions, lookup and metadata rendering.

Public API (import from here)::

    from wfexplorer.demo.classic.schema import object_def, all_objects, metadata_index, object_metadata

    obj = object_def("project")          # ObjectDef for PROJ (objCode, name or alias; any case), or None
    obj.fields["status"].possible_values # FieldDef, PossibleValue(value, label)
    obj.references["owner"]              # ReferenceDef: target "USER", id_field "ownerID"
    obj.collections["tasks"].rows(store, project_record)  # CollectionDef: TASK where projectID == ID
    obj.find_action("markDone")          # ActionDef (arguments, result_type, needs_object)
    obj.default_fields                   # fields a read returns without ``fields=``
    metadata_index(base_url, "v22.0")    # data of GET /metadata
    object_metadata(obj, base_url, "v22.0", sections=None)  # data of GET /{obj}/metadata

``base_url`` is ``context.base_url`` (``http://127.0.0.1:PORT``); the version segment is what the
request used (``v22.0``, ``unsupported``, ``api-internal``, ``api-unsupported``).
Member dictionaries are ordered by name; fields whose name starts with ``_`` are internal.
Status helpers (base enums plus CSTEM custom statuses) live in
:mod:`wfexplorer.demo.classic.schema.statuses`.
"""

from __future__ import annotations

from wfexplorer.demo.classic.schema import objects as _objects  # noqa: F401  (registers every object)
from wfexplorer.demo.classic.schema.model import (
    FIELD_TYPES,
    ActionDef,
    ArgumentDef,
    CollectionDef,
    FieldDef,
    ObjectDef,
    PossibleValue,
    QueryDef,
    ReferenceDef,
    ThroughDef,
)
from wfexplorer.demo.classic.schema.registry import all_objects, object_def
from wfexplorer.demo.classic.schema.render import SECTIONS, api_root, metadata_index, metadata_url, object_metadata

__all__ = [
    "FIELD_TYPES",
    "SECTIONS",
    "ActionDef",
    "ArgumentDef",
    "CollectionDef",
    "FieldDef",
    "ObjectDef",
    "PossibleValue",
    "QueryDef",
    "ReferenceDef",
    "ThroughDef",
    "all_objects",
    "api_root",
    "metadata_index",
    "metadata_url",
    "object_def",
    "object_metadata",
]
