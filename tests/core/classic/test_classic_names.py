"""Workfront names become python-workfront's attribute names; misspellings get close suggestions."""

from __future__ import annotations

import pytest

from wfexplorer.core.classic import names


@pytest.mark.parametrize(("workfront", "python"), [
    ("projectID", "project_id"), ("assignedToID", "assigned_to_id"), ("URL", "url"), ("name", "name"),
    ("previousStatus", "previous_status"), ("BCCompletionState", "bccompletion_state"),
    ("objCode", "obj_code"), ("DE:Budget Code", None), ("isCritical", "is_critical"),
])
def test_python_names_follow_python_workfront(workfront: str, python: str | None) -> None:
    assert names.python_name(workfront) == python


def test_the_issue_object_is_called_issue() -> None:
    assert names.class_name("OpTask") == "Issue" and names.class_name("Project") == "Project"


def test_closest_names_are_found_case_insensitively() -> None:
    assert names.closest("previousstatus", ["previousStatus", "status", "name"])[0] == "previousStatus"
    assert names.closest("zzz", ["name"]) == []
