"""The values of one action's argument form: set, checked before anything is sent, turned into parameters.

    form = ArgumentForm(move_spec)
    form.set("projectID", project_id)
    form.problems()        # {} or {"projectID": "Project ID is required."}
    form.params()          # {"projectID": "…"}: what the action request sends (empty arguments left out)

A list argument is edited as text, one value per line (commas also separate); a ``map`` or object argument
(``convertToTask(task)``) as a JSON object. Type checks are the editing layer's (:func:`values.problem`), so an
argument says what is wrong in the same words as a field of the object form.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.actions.specs import MAP_TYPE, ActionSpec
from wfexplorer.core.editing import values
from wfexplorer.core.editing.specs import FieldSpec

Listener = Callable[[str | None], None]


def list_items(value: Any) -> list[str] | None:
    """A list argument's values from what its editor holds (a list, or text with one value per line)."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        items = [str(item).strip() for item in value]
    else:
        items = [part.strip() for line in str(value).splitlines() for part in line.split(",")]
    return [item for item in items if item] or None


def map_value(spec: FieldSpec, value: Any) -> dict[str, Any] | None:
    """A map argument's object (JSON text or a dict); ValidationError in words when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(str(value))
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        raise errors.ValidationError(f'{spec.label} must be a JSON object such as {{"name": "…"}}.',
                                     field_errors={spec.key: ["not a JSON object"]})
    return parsed


class ArgumentForm:
    """The argument values of one run of an action (see the module docs)."""

    def __init__(self, spec: ActionSpec) -> None:
        self.spec = spec
        self._values: dict[str, Any] = {argument.key: None for argument in spec.arguments}
        self._server_errors: dict[str, str] = {}
        self.message = ""
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(key)`` after each change (``None``: many); returns the unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self, key: str | None) -> None:
        for listener in list(self._listeners):
            listener(key)

    def value(self, key: str) -> Any:
        """The value of argument ``key`` as edited (a copy)."""
        return copy.deepcopy(self._values[key])

    def set(self, key: str, value: Any) -> None:
        """Change argument ``key`` (KeyError for a name the action does not take)."""
        if key not in self._values:
            raise KeyError(f"The action {self.spec.name} has no argument {key}")
        self._values[key] = None if value == "" else copy.deepcopy(value)
        self._server_errors.pop(key, None)
        self._announce(key)

    def _problem(self, spec: FieldSpec, value: Any) -> str | None:
        if spec.multiple:
            if list_items(value) is None:
                return f"{spec.label} is required." if spec.required else None
            return None
        if spec.wire_type == MAP_TYPE:
            try:
                parsed = map_value(spec, value)
            except errors.ValidationError as wrong:
                return wrong.message
            return f"{spec.label} is required." if parsed is None and spec.required else None
        return values.problem(spec, value)

    def problems(self, *, server: bool = True) -> dict[str, str]:
        """Per argument, what is wrong before sending (required and empty, wrong type), then (``server``) the
        server's messages from the last run, which do not stop another run."""
        found = {spec.key: message for spec in self.spec.arguments
                 if (message := self._problem(spec, self._values[spec.key])) is not None}
        for key, message in self._server_errors.items() if server else ():
            found.setdefault(key, message)
        return found

    def params(self) -> dict[str, Any]:
        """The arguments in wire form, empty ones left out; ValidationError naming every problem first."""
        problems = self.problems(server=False)
        if problems:
            raise errors.ValidationError(" ".join(problems.values()),
                                         field_errors={key: [message] for key, message in problems.items()})
        sent: dict[str, Any] = {}
        for spec in self.spec.arguments:
            value = self._values[spec.key]
            if spec.multiple:
                wire: Any = list_items(value)
            elif spec.wire_type == MAP_TYPE:
                wire = map_value(spec, value)
            else:
                wire = values.wire(spec, value)
            if wire is not None:
                sent[spec.key] = wire
        return sent

    def place_error(self, error: errors.WorkfrontError) -> str:
        """Put a refused run's message on the argument it names (if any); returns the message for the form."""
        self._server_errors.clear()
        for spec in self.spec.arguments:
            if spec.key in error.field_errors:
                self._server_errors[spec.key] = "; ".join(error.field_errors[spec.key]) or error.message
            elif isinstance(error, errors.ValidationError) and (f" {spec.key}" in error.message
                                                                   or f"'{spec.key}'" in error.message):
                self._server_errors[spec.key] = error.message
        self.message = error.message
        self._announce(None)
        return self.message
