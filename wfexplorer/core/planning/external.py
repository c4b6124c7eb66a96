"""External Planning links: which classic Workfront object type a reference field or record type mirrors."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wfexplorer.core.planning.models import Field, RecordType

#: ``externalOptions`` object names → the classic objCode they stand for.
CLASSIC_OBJECTS = {"PROJECT": "PROJ", "PORTFOLIO": "PORT", "PROGRAM": "PRGM", "USER": "USER", "TASK": "TASK",
                   "COMPANY": "CMPY", "GROUP": "GROUP", "TEMPLATE": "TMPL", "TEAM": "TEAMOB", "ISSUE": "OPTASK"}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def field_classic_code(field: Field) -> str | None:
    """The objCode an external reference field links to (``referenceOptions.externalOptions.objectName``)."""
    external = _mapping(_mapping(field.raw.get("referenceOptions")).get("externalOptions"))
    return CLASSIC_OBJECTS.get(str(external.get("objectName") or "").upper())


def record_type_classic_code(record_type: RecordType) -> str | None:
    """The objCode an external record type mirrors (``externalOptions.object`` or ``fields.objCode``)."""
    if not record_type.is_external:
        return None
    external = _mapping(record_type.raw.get("externalOptions"))
    name = str(external.get("object") or _mapping(external.get("fields")).get("objCode") or "").upper()
    return CLASSIC_OBJECTS.get(name) or (name if name in CLASSIC_OBJECTS.values() else None)
