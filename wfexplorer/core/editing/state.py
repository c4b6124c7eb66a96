"""The edit state of one object or record: originals, current values, the dirty set, problems, revert.

    state = EditState(EditTarget.classic("TASK", task_id), specs, details.data)
    state.set("name", "Kick-off")          # dirty: ("name",)
    state.problems()                        # {} or {"name": "Name is required."}
    state.changes()                         # {"name": "Kick-off"}: what a save sends, in wire form
    state.revert("name")                    # back to the original; nothing dirty

Values are copied in: changing the state never changes the mapping it was made from (the tree's, another
tab's). Server errors are placed on the fields they name (:meth:`place_error`); the rest is a message for the
whole form. Listeners hear every change (a key, or None for "everything"), so a form can follow the state.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.editing import values
from wfexplorer.core.editing.specs import Api, FieldSpec

Listener = Callable[[str | None], None]


@dataclass(frozen=True)
class EditTarget:
    """What is edited: a classic object (``code``, ``id``) or a Planning record (``id``, ``record_type``).

    ``id`` is empty for an object not created yet.
    """

    api: Api
    code: str = ""
    id: str = ""
    record_type: str = ""

    @classmethod
    def classic(cls, code: str, object_id: str = "") -> EditTarget:
        """A classic object (or, with no id, a new one of type ``code``)."""
        return cls(Api.CLASSIC, code.upper(), object_id)

    @classmethod
    def record(cls, record_id: str, record_type: str = "") -> EditTarget:
        """A Planning record (or, with no id, a new record of ``record_type``)."""
        return cls(Api.PLANNING, "", record_id, record_type)

    @property
    def is_new(self) -> bool:
        """Whether the object does not exist yet (a save creates it)."""
        return not self.id


def _value_of(data: Mapping[str, Any], key: str) -> Any:
    if key in data:
        return data[key]
    custom = data.get("parameterValues")
    if key.startswith("DE:") and isinstance(custom, Mapping):
        return custom.get(key)
    return None


class EditState:
    """One object's edits (see the module docs)."""

    def __init__(self, target: EditTarget, specs: Iterable[FieldSpec], data: Mapping[str, Any] | None = None,
                 *, initial: Mapping[str, Any] | None = None) -> None:
        self.target = target
        self.specs: dict[str, FieldSpec] = {spec.key: spec for spec in specs}
        data = data or {}
        #: Names the server sent with ids (references, people), for the editors to show.
        self.names: dict[str, str] = {}
        #: People ids of the loaded values that nobody could name: their editors say so.
        self.unknown_people: set[str] = set()
        #: Planning record id → classic id of the external references' records (pickers of classic objects).
        self.external_ids: dict[str, str] = {}
        self._original: dict[str, Any] = {}
        for key, spec in self.specs.items():
            raw = _value_of(data, key)
            self.names.update(values.labels(spec, raw))
            self.external_ids.update(values.external_ids(spec, raw))
            self._original[key] = values.canonical(spec, copy.deepcopy(raw))
        self._current: dict[str, Any] = copy.deepcopy(self._original)
        self._server_errors: dict[str, str] = {}
        self.message = ""
        self._listeners: list[Listener] = []
        for key, value in (initial or {}).items():
            self.set(key, value)

    # -- listening -----------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(key)`` after each change (``None``: many fields); returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self, key: str | None) -> None:
        for listener in list(self._listeners):
            listener(key)

    # -- reading -------------------------------------------------------------------------------------

    def spec(self, key: str) -> FieldSpec:
        """The spec of ``key`` (KeyError when the state has no such field)."""
        return self.specs[key]

    def original(self, key: str) -> Any:
        """The value as loaded (a copy)."""
        return copy.deepcopy(self._original.get(key))

    def value(self, key: str) -> Any:
        """The value as edited now (a copy)."""
        return copy.deepcopy(self._current.get(key))

    def is_dirty(self, key: str) -> bool:
        """Whether ``key`` differs from its original (a new object: whether it has a value)."""
        spec = self.specs[key]
        return not values.same(spec, self._current.get(key), self._original.get(key))

    @property
    def dirty(self) -> tuple[str, ...]:
        """The changed fields, in the specs' order."""
        return tuple(key for key in self.specs if self.is_dirty(key))

    @property
    def has_changes(self) -> bool:
        """Whether anything is changed."""
        return any(self.is_dirty(key) for key in self.specs)

    def changes(self) -> dict[str, Any]:
        """The dirty fields in wire form: exactly what a save sends."""
        return {key: values.wire(self.specs[key], self._current.get(key)) for key in self.dirty}

    # -- editing -------------------------------------------------------------------------------------

    def set(self, key: str, value: Any) -> None:
        """Change ``key`` (a read-only field refuses with ValidationError)."""
        spec = self.specs[key]
        if spec.read_only:
            raise errors.ValidationError(f"{spec.label} cannot be changed: {spec.read_only}.",
                                         field_errors={key: [spec.read_only]})
        new = values.canonical(spec, copy.deepcopy(value))
        if values.same(spec, new, self._current.get(key)) and type(new) is type(self._current.get(key)):
            return
        self._current[key] = new
        self._server_errors.pop(key, None)
        self._announce(key)

    def revert(self, key: str) -> None:
        """Put ``key`` back to its original value."""
        self._current[key] = copy.deepcopy(self._original.get(key))
        self._server_errors.pop(key, None)
        self._announce(key)

    def revert_all(self) -> None:
        """Put every field back."""
        self._current = copy.deepcopy(self._original)
        self._server_errors.clear()
        self.message = ""
        self._announce(None)

    def rebase(self, key: str, server_value: Any, *, take_theirs: bool) -> None:
        """After a conflict: the server's value becomes the original; ``take_theirs`` also drops the edit."""
        spec = self.specs[key]
        self._original[key] = values.canonical(spec, copy.deepcopy(server_value))
        self.names.update(values.labels(spec, server_value))
        self.external_ids.update(values.external_ids(spec, server_value))
        if take_theirs:
            self._current[key] = copy.deepcopy(self._original[key])
        self._announce(key)

    # -- checking ------------------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Per field, what is wrong before sending: the dirty fields and (new objects) the required ones;
        then the server's messages placed on fields at the last save."""
        found: dict[str, str] = {}
        for key, spec in self.specs.items():
            if spec.read_only:
                continue
            if self.is_dirty(key) or (self.target.is_new and spec.required):
                message = values.problem(spec, self._current.get(key))
                if message:
                    found[key] = message
        for key, message in self._server_errors.items():
            found.setdefault(key, message)
        return found

    def problem(self, key: str) -> str | None:
        """The problem of one field, if any."""
        return self.problems().get(key)

    def place_error(self, error: errors.WorkfrontError) -> str:
        """Put a refused save's per-field messages on their fields; returns the message for the whole form.

        The server names fields by their API name, a Planning ``data.<id>`` path, or a label; unknown
        names stay in the returned message.
        """
        self._server_errors.clear()
        unplaced: list[str] = []
        by_label = {spec.label.casefold(): key for key, spec in self.specs.items()}
        for name, messages in error.field_errors.items():
            key = self._key_for(name, by_label)
            text = "; ".join(messages) or error.message
            if key is None:
                unplaced.append(f"{name}: {text}")
            else:
                self._server_errors[key] = text
        if not error.field_errors:
            key = self._key_in_message(error.message, by_label)
            if key is not None and isinstance(error, errors.ValidationError):
                self._server_errors[key] = error.message
        self.message = " ".join([error.message, *unplaced])
        self._announce(None)
        return self.message

    def _key_for(self, name: str, by_label: Mapping[str, str]) -> str | None:
        name = name.removeprefix("data.").removeprefix("updates.")
        if name in self.specs:
            return name
        for key, spec in self.specs.items():
            if spec.link and spec.link == name:
                return key
        return by_label.get(name.casefold())

    def _key_in_message(self, message: str, by_label: Mapping[str, str]) -> str | None:
        for key in self.dirty:
            spec = self.specs[key]
            if f"'{key}'" in message or f"'{spec.label}'" in message or message.startswith(f"{spec.label} "):
                return key
        return None

    def clear_errors(self) -> None:
        """Forget the last save's errors (a new attempt starts)."""
        self._server_errors.clear()
        self.message = ""
        self._announce(None)

    # -- after a save --------------------------------------------------------------------------------

    def saved(self, target: EditTarget | None = None, data: Mapping[str, Any] | None = None) -> None:
        """The save succeeded: the current values (or the server's answer) become the originals."""
        if target is not None:
            self.target = target
        data = data or {}
        for key, spec in self.specs.items():
            if key in data or (key.startswith("DE:") and _value_of(data, key) is not None):
                raw = _value_of(data, key)
                self.names.update(values.labels(spec, raw))
                self.external_ids.update(values.external_ids(spec, raw))
                self._original[key] = values.canonical(spec, copy.deepcopy(raw))
            else:
                self._original[key] = copy.deepcopy(self._current.get(key))
        self._current = copy.deepcopy(self._original)
        self._server_errors.clear()
        self.message = ""
        self._announce(None)

    def snapshot(self) -> dict[str, Any]:
        """The edits as plain data (for a draft): target, originals and current values of the dirty fields."""
        return {"target": {"api": self.target.api.value, "code": self.target.code, "id": self.target.id,
                           "record_type": self.target.record_type},
                "original": {key: self._original.get(key) for key in self.dirty},
                "current": {key: self._current.get(key) for key in self.dirty}}

    def restore(self, current: Mapping[str, Any]) -> list[str]:
        """Apply a draft's current values (fields the form has); returns the keys applied."""
        applied = []
        for key, value in current.items():
            spec = self.specs.get(key)
            if spec is not None and not spec.read_only:
                self._current[key] = values.canonical(spec, copy.deepcopy(value))
                applied.append(key)
        self._announce(None)
        return applied
