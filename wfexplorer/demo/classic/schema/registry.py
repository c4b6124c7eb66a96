"""The table of object definitions and the case-insensitive lookup by name, objCode or alias.

Definition modules call :func:`register`; everyone else calls :func:`object_def` /
:func:`all_objects` (re-exported by :mod:`wfexplorer.demo.classic.schema`).
"""

from __future__ import annotations

from wfexplorer.demo.classic.schema.model import ObjectDef

_BY_CODE: dict[str, ObjectDef] = {}
_BY_KEY: dict[str, ObjectDef] = {}


def register(obj: ObjectDef) -> ObjectDef:
    """Add ``obj`` to the table (by objCode, name and aliases, all lower-cased) and return it."""
    if obj.obj_code in _BY_CODE:
        raise ValueError(f"object {obj.obj_code} registered twice")
    _BY_CODE[obj.obj_code] = obj
    for key in (obj.obj_code, obj.name, *obj.aliases):
        lowered = key.lower()
        existing = _BY_KEY.get(lowered)
        if existing is not None and existing is not obj:
            raise ValueError(f"path name {key!r} used by {existing.obj_code} and {obj.obj_code}")
        _BY_KEY[lowered] = obj
    return obj


def object_def(name_or_code_or_alias: str) -> ObjectDef | None:
    """Return the object for an objCode, metadata name or alias, case-insensitively; ``None`` if unknown.

    ``"proj"``, ``"PROJECT"`` and ``"Project"`` give PROJ; ``"issue"``, ``"optask"`` give OPTASK.
    """
    if not name_or_code_or_alias:
        return None
    return _BY_KEY.get(name_or_code_or_alias.strip().lower())


def all_objects() -> list[ObjectDef]:
    """Return every registered object, sorted by metadata name."""
    return sorted(_BY_CODE.values(), key=lambda obj: obj.name)
