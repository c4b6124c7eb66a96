"""Store kinds of the Planning simulator and the internal field types.

Documents (all keyed by ``ID``; keys starting with ``_`` are internal and never output):

- ``pl:workspace``  ``{ID, alias, name, description, color, icon, ownerId, recordTypeSections, audit, _seq}``
- ``pl:recordtype`` ``{ID, workspaceId (primary), alias, displayName, ..., isGlobal, dynamicWorkspaceIds, audit}``
- ``pl:field``      ``{ID, recordTypeId, alias, displayName, type (internal), ...options, audit, _seq}``
- ``pl:record``     ``{ID, recordTypeId, workspaceId, data {fieldId: stored value}, externalId, _pos, audit}``
- ``pl:view``       ``{ID, recordTypeId, name, type, filter, grouping, sorting, metadata, isHidden, audit}``
- ``pl:history``    ``{ID, recordId, createdBy, createdAt, fieldId, before, after, _seq}``
- ``pl:acl``        ``{ID: "<resourceType>:<id>", members [{subjectId, subjectType, role}], inherited, wildcard}``
- ``pl:request``    ``{ID, resourceType, resourceId, requesterId, message}``
- ``pl:thumbnail``  ``{ID: token, recordId, contentType, data (base64)}``

Audit keys are ``createdBy``/``updatedBy`` (Workfront user IDs) and ``createdAt``/``updatedAt`` (timestamps).
Stored record values: text/number/boolean/date as JSON scalars, select options by ``name``, multi-select as a
list of names, USER as a list of IMS IDs, REFERENCE as a list of record IDs; FORMULA values are computed on
write, LOOKUP and system-field values on read.
"""

from __future__ import annotations

from wfexplorer.core.planning.filters.field_types import V2_TYPE_OF_KIND

WORKSPACE = "pl:workspace"
RECORD_TYPE = "pl:recordtype"
FIELD = "pl:field"
RECORD = "pl:record"
VIEW = "pl:view"
HISTORY = "pl:history"
ACL = "pl:acl"
REQUEST = "pl:request"
THUMBNAIL = "pl:thumbnail"

#: The 12 types a client may create (v2 ``FieldDto.type`` enum).
CREATABLE_TYPES = (
    "TEXT", "PARAGRAPH", "NUMBER", "PERCENTAGE", "CURRENCY", "DATE",
    "SINGLE_SELECT", "MULTI_SELECT", "CHECKBOX", "REFERENCE", "USER", "FORMULA",
)
#: Types the server creates itself: lookups and the system (audit) fields.
SYSTEM_TYPES = ("CREATED_BY", "CREATED_AT", "UPDATED_BY", "UPDATED_AT")
LOOKUP = "LOOKUP"
#: Types whose values the server computes (clients cannot write them).
COMPUTED_TYPES = frozenset({"FORMULA", LOOKUP, *SYSTEM_TYPES})
#: How the v2 enum names the non-enum types (``field_type_names=enum``).
ENUM_STAND_IN = {"CREATED_BY": "USER", "UPDATED_BY": "USER", "CREATED_AT": "DATE", "UPDATED_AT": "DATE"}
#: The audit key each system field reads.
SYSTEM_SOURCE = {"CREATED_BY": "createdBy", "UPDATED_BY": "updatedBy", "CREATED_AT": "createdAt",
                 "UPDATED_AT": "updatedAt"}
#: v1 ``FieldDto.type`` spellings: the documentation's lower-case names, from the filter model's one table.
V1_TYPE_NAMES = {v2_name: kind.value for kind, v2_name in V2_TYPE_OF_KIND.items()}

RESOURCE_TYPES = ("workspaces", "record-types", "records", "views")
RESOURCE_KINDS = {"workspaces": WORKSPACE, "record-types": RECORD_TYPE, "records": RECORD, "views": VIEW}

# Limits (planning-api.md §10).
MAX_RECORD_TYPES_PER_WORKSPACE = 100
MAX_RECORDS_PER_RECORD_TYPE = 25_000
MAX_FIELDS = 500
MAX_PARAGRAPH_FIELDS = 20
MAX_FORMULA_FIELDS = 20
MAX_REFERENCE_FIELDS = 30
MAX_CONNECTIONS = 500
MAX_VIEWS = 100
MAX_BULK = 100
MAX_WORKSPACES = 100_000
