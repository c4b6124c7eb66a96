"""What an action's argument form shows: one :class:`ActionSpec` per action, its arguments as editing field specs.

    specs = action_specs(session.get_meta("TASK"))         # markDone, move, assign, …
    move = next(spec for spec in specs if spec.name == "move")
    [arg.key for arg in move.arguments]                    # ["projectID", "parentID", "options"]

The arguments become :class:`~wfexplorer.core.editing.specs.FieldSpec` values, so the argument form is built by
the same editor registry as the object form. Classic metadata gives each argument a name and a type only
(classic-api.md §3.2); the rest is read from the object's own metadata where it says more:

- **type** → editor: ``string`` text, ``int``/``java.lang.Integer|Long`` whole number, ``double`` number,
  ``boolean`` yes/no, ``dateTime`` date and time, ``string[]``/``java.util.Set|List`` a list (one value per line),
  ``map`` and object types (``Project``, ``ExchangeRate``) a JSON object.
- **enums**: an argument named like one of the object's enum fields (``markDone(status)``) offers that field's
  values; the code arguments the API documents (``objCode``, ``accessorObjCode``, ``coreAction``…) offer theirs.
- **references**: ``projectID``, ``parentID``, ``userID``… pick an object of the type the object's reference of
  that name points at (or the documented one).
- **required**: metadata never says; an argument is required when the metadata entry carries ``required`` (a
  variant some servers send) or when the API documents the action as unusable without it
  (:data:`REQUIRED_ARGUMENTS`). Anything else the server refuses is shown with the server's message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wfexplorer.core.classic.metadata import ActionMeta, ArgumentMeta, ObjectMeta
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec, Option

#: Argument types as editors (the types classic-api.md §3.2 lists).
TYPE_KINDS: Mapping[str, EditorKind] = {
    "string": EditorKind.TEXT, "int": EditorKind.INTEGER, "java.lang.Integer": EditorKind.INTEGER,
    "java.lang.Long": EditorKind.INTEGER, "long": EditorKind.INTEGER, "double": EditorKind.DECIMAL,
    "java.lang.Double": EditorKind.DECIMAL, "boolean": EditorKind.BOOLEAN, "java.lang.Boolean": EditorKind.BOOLEAN,
    "dateTime": EditorKind.DATE_TIME, "date": EditorKind.DATE,
}

#: Wire type of the arguments sent as one JSON object.
MAP_TYPE = "map"

#: Code arguments with the values the API documents (classic-api.md §3.9, §7).
ARGUMENT_CHOICES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "objCode": (("USER", "User"), ("ROLE", "Job role"), ("TEAMOB", "Team")),
    "accessorObjCode": (("USER", "User"), ("TEAMOB", "Team"), ("GROUP", "Group"), ("ROLE", "Job role"),
                        ("CMPY", "Company")),
    "coreAction": (("VIEW", "View"), ("CONTRIBUTE", "Contribute"), ("MANAGE", "Manage")),
    "docObjCode": (("PROJ", "Project"), ("TASK", "Task"), ("OPTASK", "Issue"), ("PORT", "Portfolio"),
                   ("PRGM", "Program"), ("USER", "User")),
    "noteObjCode": (("PROJ", "Project"), ("TASK", "Task"), ("OPTASK", "Issue")),
}

#: ``…ID`` arguments whose target the object's references do not tell.
ARGUMENT_TARGETS: Mapping[str, str] = {
    "userID": "USER", "projectID": "PROJ", "parentID": "TASK", "templateID": "TMPL", "portfolioID": "PORT",
    "assignmentID": "ASSGN", "teamID": "TEAMOB", "categoryID": "CTGY", "documentID": "DOCU",
}

#: Arguments without which the API documents an action as unusable (classic-api.md §7), by action name.
REQUIRED_ARGUMENTS: Mapping[str, frozenset[str]] = {
    "assign": frozenset({"objID", "objCode"}), "unassign": frozenset({"userID"}),
    "share": frozenset({"accessorID", "accessorObjCode", "coreAction"}),
    "replyToAssignment": frozenset({"noteText"}), "bulkMove": frozenset({"taskIDs"}),
    "bulkCopy": frozenset({"taskIDs"}), "attachTemplate": frozenset({"templateID"}),
    "removeUsersFromProject": frozenset({"userIDs"}), "copyIssue": frozenset({"projectID"}),
    "moveToTask": frozenset({"parentID"}), "resetPassword": frozenset({"newPassword"}),
}

#: Actions whose required argument depends on the object (``OPTASK.move`` needs ``projectID``; ``TASK.move``
#: needs ``projectID`` or ``parentID``, which the server checks).
REQUIRED_BY_OBJECT: Mapping[tuple[str, str], frozenset[str]] = {
    ("OPTASK", "move"): frozenset({"projectID"}), ("PORT", "move"): frozenset({"portfolioID"}),
}


@dataclass(frozen=True)
class ActionSpec:
    """One action of an object type: its Workfront name, label, arguments (as field specs) and result type."""

    code: str
    name: str
    label: str
    arguments: tuple[FieldSpec, ...] = ()
    result_type: str | None = None

    def argument(self, key: str) -> FieldSpec:
        """The spec of argument ``key`` (KeyError when the action has none of that name)."""
        for spec in self.arguments:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def required(self) -> tuple[str, ...]:
        """The names of the required arguments."""
        return tuple(spec.key for spec in self.arguments if spec.required)


def is_list_type(type_name: str) -> bool:
    """Whether an argument of this type takes several values."""
    return type_name.endswith("[]") or type_name in ("java.util.Set", "java.util.List")


def is_map_type(type_name: str) -> bool:
    """Whether an argument of this type is sent as a JSON object (``map`` or an object name such as ``Project``)."""
    return type_name == MAP_TYPE or (type_name[:1].isupper() and "." not in type_name)


def _label(name: str) -> str:
    words: list[str] = []
    for char in name:
        if char.isupper() and words and not words[-1].endswith(" ") and not words[-1][-1:].isupper():
            words.append(" ")
        words.append(char)
    text = "".join(words).replace(" I D", " ID")
    return text[:1].upper() + text[1:]


def _target(meta: ObjectMeta, name: str) -> str:
    if not name.endswith("ID") or len(name) <= 2:
        return ""
    link = meta.references.get(name[:-2])
    if link is not None and link.target_code:
        return link.target_code.upper()
    return ARGUMENT_TARGETS.get(name, "")


def _required(meta: ObjectMeta, action: ActionMeta, raw: Mapping[str, object] | None, name: str) -> bool:
    if raw is not None and bool(raw.get("required")):
        return True
    return name in REQUIRED_ARGUMENTS.get(action.name, frozenset()) or \
        name in REQUIRED_BY_OBJECT.get((meta.obj_code.upper(), action.name), frozenset())


def argument_spec(meta: ObjectMeta, action: ActionMeta, argument: ArgumentMeta,
                  raw: Mapping[str, object] | None = None) -> FieldSpec:
    """The field spec of one argument (see the module docs for how each part is found)."""
    name, type_name = argument.name, argument.type
    required = _required(meta, action, raw, name)
    label = _label(name)
    if is_list_type(type_name):
        return FieldSpec(name, label, EditorKind.LONG_TEXT, Api.CLASSIC, required=required, multiple=True,
                         wire_type=type_name)
    if is_map_type(type_name):
        return FieldSpec(name, label, EditorKind.LONG_TEXT, Api.CLASSIC, required=required, wire_type=MAP_TYPE)
    field = meta.fields.get(name)
    if field is not None and field.possible_values:
        options = tuple(Option(value.value, value.label) for value in field.possible_values)
        return FieldSpec(name, field.label or label, EditorKind.CHOICE, Api.CLASSIC, options, required,
                         wire_type=type_name)
    if name in ARGUMENT_CHOICES:
        options = tuple(Option(value, text) for value, text in ARGUMENT_CHOICES[name])
        return FieldSpec(name, label, EditorKind.CHOICE, Api.CLASSIC, options, required, wire_type=type_name)
    target = _target(meta, name) if type_name == "string" else ""
    if target:
        return FieldSpec(name, label, EditorKind.REFERENCE, Api.CLASSIC, required=required, target=target,
                         link=name[:-2], wire_type=type_name)
    kind = TYPE_KINDS.get(type_name, EditorKind.TEXT)
    return FieldSpec(name, label, kind, Api.CLASSIC, required=required, wire_type=type_name)


def action_spec(meta: ObjectMeta, action: ActionMeta) -> ActionSpec:
    """The spec of one action of ``meta``'s type."""
    arguments = tuple(argument_spec(meta, action, argument) for argument in action.arguments)
    return ActionSpec(meta.obj_code.upper(), action.name, _label(action.label or action.name), arguments,
                      action.result_type)


def action_specs(meta: ObjectMeta) -> list[ActionSpec]:
    """Every action of ``meta``'s type, sorted by label."""
    return sorted((action_spec(meta, action) for action in meta.actions.values()), key=lambda spec: spec.label)
