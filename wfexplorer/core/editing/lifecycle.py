"""Where edit states come from, and the other writes of the form: create, copy, delete.

    setup = EditSetup(connection)
    state = setup.for_object(details)                 # an ObjectDetails from DetailLoader (all fields: custom forms)
    state = setup.for_record(record_details)
    state = setup.new_object(meta, parent=("projectID", project_id))   # "New task in this project"
    copied = copy_object(session, "TASK", task_id, "Kick-off (copy)")
    plan = delete_plan(details)                       # what goes with it, for the question asked first
    delete_object(session, "TASK", task_id, force=False)   # ForceNeeded when Workfront wants ``force``

Custom statuses are read once per type (one request) and offered beside the built-in ones.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.browse.display import link_label
from wfexplorer.core.classic.customforms import CustomForm
from wfexplorer.core.classic.metadata import ObjectMeta
from wfexplorer.core.classic.session import Session
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import DetailLoader, ObjectDetails, RecordDetails, people_ids, people_names
from wfexplorer.core.editing.permissions import locked_reason
from wfexplorer.core.editing.specs import (
    FieldSpec,
    Option,
    SpecGroup,
    classic_groups,
    custom_status_options,
    planning_specs,
)
from wfexplorer.core.editing.state import EditState, EditTarget

#: Why a field the server did not send cannot be edited yet.
NOT_LOADED = "not loaded yet: Load all fields brings it"

#: enumClass of the custom statuses of each work object.
STATUS_CLASSES = {"PROJ": "STATUS_PROJ", "TASK": "STATUS_TASK", "OPTASK": "STATUS_OPTASK"}


@dataclass(frozen=True)
class Editing:
    """An edit state and the groups its form shows."""

    state: EditState
    groups: tuple[SpecGroup, ...]


class EditSetup:
    """Builds edit states for a connection (blocking where it reads custom statuses: run it off the GUI thread)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._lock = threading.Lock()
        self._statuses: dict[str, tuple[Option, ...]] = {}

    def statuses(self, code: str) -> tuple[Option, ...]:
        """The custom statuses of ``code`` (one request per type; none for types without)."""
        code = code.upper()
        enum_class = STATUS_CLASSES.get(code)
        if enum_class is None:
            return ()
        with self._lock:
            known = self._statuses.get(code)
        if known is None:
            try:
                rows = self.connection.session.get("/cstem/search", {"enumClass": enum_class,
                                                                      "fields": "value,label,equatesWith"})
            except errors.WorkfrontError:
                rows = []  # the built-in statuses still work
            known = tuple(custom_status_options(row for row in rows or () if isinstance(row, Mapping)))
            with self._lock:
                self._statuses[code] = known
        return known

    @staticmethod
    def attached_forms(details: ObjectDetails) -> tuple[CustomForm, ...]:
        """The forms the object uses, as its detail load found them (no request; their fields are locked as not
        loaded until all fields are)."""
        return details.custom_forms

    def groups(self, details_or_meta: ObjectDetails | ObjectMeta) -> tuple[SpecGroup, ...]:
        """The spec groups of a loaded object (with the custom forms it uses) or of a type."""
        if isinstance(details_or_meta, ObjectDetails):
            meta, forms = details_or_meta.meta, self.attached_forms(details_or_meta)
        else:
            meta, forms = details_or_meta, ()
        return tuple(classic_groups(meta, forms, self.statuses(meta.obj_code)))

    def for_object(self, details: ObjectDetails) -> Editing:
        """The edit state of a loaded classic object (copies of its values).

        Fields the server did not send are locked as "not loaded": an empty box would pretend to know them;
        fields the signed-in user may not change are locked with the reason: every field when the user may
        not change the object at all (:mod:`wfexplorer.core.classic.access`), some fields of a user record
        (:mod:`.permissions`).
        """
        me = self.connection.user
        refused = details.rights.edit

        def locked(spec: FieldSpec) -> FieldSpec:
            if spec.read_only:
                return spec
            if refused:
                return replace(spec, read_only=refused)
            if not _loaded(details, spec.key):
                return replace(spec, read_only=NOT_LOADED)
            reason = locked_reason(details.code, details.id, spec.key, me)
            return replace(spec, read_only=reason) if reason else spec

        groups = tuple(SpecGroup(group.title, tuple(locked(spec) for spec in group.specs))
                       for group in self.groups(details))
        specs = [spec for group in groups for spec in group.specs]
        state = EditState(EditTarget.classic(details.code, details.id), specs, details.data)
        for spec in specs:  # references arrive with their names: pickers show them, not bare IDs
            linked = details.data.get(spec.link) if spec.link else None
            if isinstance(linked, Mapping) and linked.get("ID") and linked.get("name"):
                state.names[str(linked["ID"])] = str(linked["name"])
        return Editing(state, groups)

    def for_record(self, details: RecordDetails) -> Editing:
        """The edit state of a loaded Planning record (its people by the names the load found)."""
        specs = planning_specs(details.fields)
        record = details.record
        target = EditTarget.record(record.id, record.record_type_id or "")
        state = EditState(target, specs, record.data)
        state.names.update(people_names(record.raw, *((details.record_type.raw,) if details.record_type else ())))
        state.names.update(details.people)
        state.unknown_people.update(ident for ident in people_ids(record, details.fields) if ident not in state.names)
        return Editing(state, (SpecGroup("Fields", tuple(specs)),))

    def new_object(self, meta: ObjectMeta, parent: tuple[str, str] | None = None) -> Editing:
        """A new object of ``meta``'s type; ``parent`` (``("projectID", id)``) is filled in."""
        groups = self.groups(meta)
        specs = [spec for group in groups for spec in group.specs]
        initial = {parent[0]: parent[1]} if parent else {}
        return Editing(EditState(EditTarget.classic(meta.obj_code), specs, {}, initial=initial), groups)

    @staticmethod
    def new_record(record_type_id: str, specs: Sequence[FieldSpec]) -> Editing:
        """A new Planning record of a record type."""
        return Editing(EditState(EditTarget.record("", record_type_id), specs),
                       (SpecGroup("Fields", tuple(specs)),))


def refusal(subject: ObjectMeta | ObjectDetails, operation: str) -> str:
    """Why Workfront does not allow ``operation`` (``add``, ``edit``, ``copy``, ``delete``); empty if it does (or
    nothing says it does not).

    Of a type (``ObjectMeta``): what its metadata allows. Of a loaded object (``ObjectDetails``): that, then
    what the signed-in user may do to it (their access level, its sharing: ``details.rights``).
    """
    meta = subject.meta if isinstance(subject, ObjectDetails) else subject
    verb = {"add": "create", "edit": "change", "copy": "copy", "delete": "delete"}.get(operation.lower(), operation)
    if meta.operations and operation.lower() not in {op.lower() for op in meta.operations}:
        return f"Workfront does not allow you to {verb} a {meta.label.lower()} through the API."
    if isinstance(subject, ObjectDetails):
        why = {"edit": subject.rights.edit, "delete": subject.rights.delete}.get(operation.lower(), "")
        if why:
            return f"Workfront will not let you {verb} this {meta.label.lower()}: {why}."
    return ""


def _loaded(details: ObjectDetails, key: str) -> bool:
    return details.is_loaded(key) or (key.startswith("DE:") and details.all_fields)


def parent_field(meta: ObjectMeta, parent_code: str) -> str | None:
    """The ``…ID`` field by which an object of ``meta`` points at its parent of type ``parent_code``."""
    for name, link in meta.references.items():
        if link.target_code.upper() == parent_code.upper() and f"{name}ID" in meta.fields \
                and not meta.fields[f"{name}ID"].read_only:
            return f"{name}ID"
    return None


# -- copy and delete ---------------------------------------------------------------------------------------


def copy_object(session: Session, code: str, object_id: str, name: str | None = None) -> dict[str, Any]:
    """Copy an object (classic ``copy``, one request) and return the new one's data (``ID``, ``name``…)."""
    copied = session.copy(code, object_id, updates={"name": name} if name else None)
    return dict(copied.fields)


@dataclass(frozen=True)
class DeletePlan:
    """What the delete question names: the object and the collections that go with it (with their sizes)."""

    label: str
    type_label: str
    goes_with: tuple[tuple[str, int], ...]

    def question(self) -> str:
        """The question asked before deleting."""
        text = f"Delete the {self.type_label.lower()} \u201c{self.label}\u201d?"
        if self.goes_with:
            parts = ", ".join(f"{count:,} {name.lower()}" for name, count in self.goes_with)
            text += f" What it holds goes with it: {parts}."
        return text + " Workfront keeps deleted objects in its recycle bin for a while."


def delete_plan(details: ObjectDetails) -> DeletePlan:
    """The delete question's facts for a loaded object."""
    label = str(details.data.get("name") or details.id)
    goes = tuple((link_label(details.meta.collections[name]), count)
                 for name, count in sorted(details.collection_counts.items())
                 if count and name in details.meta.collections and name in details.dependent_collections)
    return DeletePlan(label, details.meta.label, goes)


def plan_delete(connection: Connection, code: str, object_id: str) -> DeletePlan:
    """Read what deleting an object takes with it (its collections' sizes; one batch once metadata is in hand)."""
    return delete_plan(DetailLoader(connection).classic(code, object_id))


class ForceNeeded(errors.ValidationError):
    """Workfront refused the delete because other objects depend on it; ``force`` deletes them too."""


def needs_force(error: errors.WorkfrontError) -> bool:
    """Whether a refused delete asks for ``force``."""
    return isinstance(error, errors.ValidationError) and "force" in error.message.casefold()


def delete_object(session: Session, code: str, object_id: str, *, force: bool = False) -> None:
    """Delete a classic object (``force``: what depends on it too); ForceNeeded when Workfront wants force."""
    try:
        session.delete(f"/{code.lower()}/{object_id}", {"force": True} if force else None)
    except errors.ValidationError as refused:
        if not force and needs_force(refused):
            raise ForceNeeded(refused.message, status=refused.status, error_class=refused.error_class,
                              request_line=refused.request_line) from refused
        raise
