"""Apply one object's client values to a record inside a transaction (scalars, custom fields, nested rows)."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic import customforms
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import UNPROCESSABLE, ClassicError
from wfexplorer.demo.classic.schema import CollectionDef, ObjectDef, object_def
from wfexplorer.demo.classic.schema.statuses import validate_status
from wfexplorer.demo.classic.txrows import collection_rows
from wfexplorer.demo.classic.values import check_enum, coerce, parse_json, unknown_field
from wfexplorer.demo.classic.writing.checks import refuse_predecessor_loop
from wfexplorer.demo.classic.writing.defaults import to_stored_now
from wfexplorer.demo.ids import new_id
from wfexplorer.demo.store import Record, Transaction

_IDENTITY_KEYS = frozenset({"ID", "objCode"})


class Writer:
    """Applies one object's input values to a record inside a transaction."""

    def __init__(self, call: ClassicCall, tx: Transaction) -> None:
        self.call = call
        self.tx = tx
        self.now = to_stored_now(call)

    def apply(
        self, obj: ObjectDef, record: Record, values: dict[str, Any], from_text: bool
    ) -> list[tuple[CollectionDef, Any]]:
        """Set scalar values on ``record``; return nested collection writes to do once it has an ID."""
        nested: list[tuple[CollectionDef, Any]] = []
        for name, value in values.items():
            if name in _IDENTITY_KEYS:
                continue
            if name.startswith("DE:"):
                self._set_custom(obj, record, name, value, from_text)
                continue
            if name == "parameterValues" and obj.data_extendible:
                mapping = parse_json(value, name) if from_text and isinstance(value, str) else value
                if not isinstance(mapping, dict):
                    raise ClassicError("'parameterValues' must be a JSON object")
                for key, item in mapping.items():
                    if not str(key).startswith("DE:"):
                        raise unknown_field(self.call, obj, str(key))
                    self._set_custom(obj, record, str(key), item, False)
                continue
            field = obj.field(name)
            if field is not None:
                if field.read_only:
                    continue
                stored = coerce(self.call, obj, field, value, from_text)
                if "WRITE_ONLY" in field.flags:
                    # never stored under its API name, so no read can return it
                    if obj.obj_code == "USER" and name == "password" and stored:
                        record["_password"] = stored
                    continue
                if name == "status" and stored is not None and obj.obj_code in ("PROJ", "TASK", "OPTASK"):
                    stored = validate_status(self.tx, obj.obj_code, stored)
                check_enum(obj, field, stored)
                self._check_reference(obj, name, stored)
                record[name] = stored
                continue
            collection = obj.collections.get(name)
            if collection is not None and (collection.nested or collection.writable):
                items = parse_json(value, name) if from_text and isinstance(value, str) else value
                nested.append((collection, items))
                continue
            raise unknown_field(self.call, obj, name)
        return nested

    def _set_custom(self, obj: ObjectDef, record: Record, name: str, value: Any, from_text: bool) -> None:
        if not obj.data_extendible:
            raise unknown_field(self.call, obj, name)
        custom = customforms.require(self.tx, obj.obj_code, name)
        if isinstance(value, str) and "\x00" in value:
            raise ClassicError("Invalid character (NUL) in a field value")
        stored = custom.coerce(value)
        if stored is None:
            record.pop(name, None)
        else:
            record[name] = stored

    def _check_reference(self, obj: ObjectDef, name: str, value: Any) -> None:
        if not value:
            return
        for reference in obj.references.values():
            if reference.id_field != name or reference.target_code_field is not None or reference.when:
                continue
            known = self.call.context.store.table(reference.target)
            if known and self.tx.get(reference.target, str(value)) is None:
                raise ClassicError(
                    f"{reference.label} with ID {value} does not exist ({obj.name}.{name})", kind=UNPROCESSABLE
                )
            return

    def replace_nested(self, obj: ObjectDef, owner: Record, collection: CollectionDef, items: Any) -> None:
        """Replace the rows of a nested collection of ``owner`` with ``items`` (new rows, new IDs)."""
        if items is None:
            items = []
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ClassicError(f"'{collection.name}' must be an array of objects")
        target = object_def(collection.target)
        if target is None:
            raise ClassicError(f"'{collection.name}' cannot be written")
        for row in collection_rows(self.tx, self.call.context.store, collection, owner):
            self.tx.delete(collection.target, row["ID"])
        for item in items:
            row = {"ID": new_id(self.call.context.clock()), "objCode": target.obj_code}
            nested = self.apply(target, row, item, from_text=False)
            if nested:
                raise ClassicError(f"'{collection.name}' rows cannot carry nested collections")
            row.update(collection.link_values(owner))
            _fill_nested_row(self.tx, target, owner, row)
            self.tx.put(target.obj_code, row)
        if target.obj_code == "PRED":
            refuse_predecessor_loop(self.tx, owner["ID"])
        if collection.name == "assignments" and "assignedToID" in obj.fields:
            first = next((item.get("assignedToID") for item in items if item.get("assignedToID")), None)
            owner["assignedToID"] = first


def _fill_nested_row(tx: Transaction, target: ObjectDef, owner: Record, row: Record) -> None:
    """Fill what Workfront derives for a nested row (an assignment's project and default role)."""
    if target.obj_code != "ASSGN":
        return
    if owner.get("projectID") and "projectID" in target.fields:
        row.setdefault("projectID", owner["projectID"])
    user_id = row.get("assignedToID")
    if user_id and not row.get("roleID"):
        user = tx.get("USER", str(user_id))
        if user is not None and user.get("roleID"):
            row["roleID"] = user["roleID"]
    row.setdefault("assignedByID", owner.get("lastUpdatedByID"))
