"""Every action of the project, task and issue types gets an argument form from its metadata."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.core.actions import ArgumentForm, action_specs
from wfexplorer.core.actions.specs import MAP_TYPE
from wfexplorer.core.editing.specs import EditorKind


@pytest.mark.parametrize("code", ["PROJ", "TASK", "OPTASK"])
def test_every_action_of_the_type_has_a_spec_per_argument_in_metadata_order(connection, code):
    meta = connection.session.metadata.describe(code)
    specs = {spec.name: spec for spec in action_specs(meta)}
    assert set(specs) == set(meta.actions)
    for name, action in meta.actions.items():
        spec = specs[name]
        assert [argument.key for argument in spec.arguments] == [argument.name for argument in action.arguments]
        for argument, meta_argument in zip(spec.arguments, action.arguments, strict=True):
            if meta_argument.is_list:
                assert argument.multiple and argument.kind is EditorKind.LONG_TEXT
            elif meta_argument.type == "boolean":
                assert argument.kind is EditorKind.BOOLEAN
            elif meta_argument.type == "dateTime":
                assert argument.kind is EditorKind.DATE_TIME
            elif meta_argument.type in ("map", "Project", "ExchangeRate"):
                assert argument.wire_type == MAP_TYPE
            assert argument.label


def test_types_enums_references_and_required_come_from_the_metadata(connection):
    task = {spec.name: spec for spec in action_specs(connection.session.metadata.describe("TASK"))}
    status = task["markDone"].argument("status")
    assert status.kind is EditorKind.CHOICE
    assert [option.value for option in status.options] == ["NEW", "INP", "CPL"]
    project = task["move"].argument("projectID")
    assert project.kind is EditorKind.REFERENCE and project.target == "PROJ"
    assert task["move"].argument("options").multiple
    assert task["assign"].required == ("objID", "objCode")
    assert [option.value for option in task["assign"].argument("objCode").options] == ["USER", "ROLE", "TEAMOB"]
    assert task["replyToAssignment"].argument("commitDate").kind is EditorKind.DATE_TIME
    issue = {spec.name: spec for spec in action_specs(connection.session.metadata.describe("OPTASK"))}
    assert issue["move"].required == ("projectID",)
    assert issue["convertToTask"].argument("task").wire_type == MAP_TYPE


def test_an_empty_required_argument_and_a_wrong_type_are_said_before_anything_is_sent(connection):
    specs = {spec.name: spec for spec in action_specs(connection.session.metadata.describe("TASK"))}
    assign = ArgumentForm(specs["assign"])
    assert set(assign.problems()) == {"objID", "objCode"}
    with pytest.raises(errors.ValidationError) as refused:
        assign.params()
    assert "Obj ID is required." in refused.value.message
    convert = ArgumentForm(specs["convertToProject"])
    convert.set("project", "not json")
    assert "JSON object" in convert.problems()["project"]
    reply = ArgumentForm(specs["replyToAssignment"])
    reply.set("noteText", "On it")
    reply.set("commitDate", "next tuesday")
    assert "must be a date" in reply.problems()["commitDate"]


def test_lists_are_one_value_per_line_and_maps_are_json_objects(connection):
    specs = {spec.name: spec for spec in action_specs(connection.session.metadata.describe("OPTASK"))}
    convert = ArgumentForm(specs["convertToTask"])
    convert.set("options", "preserveIssue\npreserveUpdates, preservePrimaryContact\n")
    convert.set("task", '{"name": "From the issue"}')
    assert convert.params() == {"options": ["preserveIssue", "preserveUpdates", "preservePrimaryContact"],
                                "task": {"name": "From the issue"}}
