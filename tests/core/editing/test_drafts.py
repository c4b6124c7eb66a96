"""Unsaved edits are kept on disk and come back after the process is killed; no secrets in them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from wfexplorer.core.editing import DraftStore, EditState, EditTarget
from wfexplorer.core.editing.specs import EditorKind, FieldSpec

SPECS = [FieldSpec("name", "Name", EditorKind.TEXT), FieldSpec("workRequired", "Planned hours", EditorKind.INTEGER)]


def test_a_draft_comes_back_after_the_process_is_killed(tmp_path):
    folder = tmp_path / "drafts"
    script = textwrap.dedent(f"""
        import os, signal
        from wfexplorer.core.editing import DraftStore, EditState, EditTarget
        from wfexplorer.core.editing.specs import EditorKind, FieldSpec
        specs = [FieldSpec("name", "Name", EditorKind.TEXT), FieldSpec("workRequired", "Planned hours",
                 EditorKind.INTEGER)]
        state = EditState(EditTarget.classic("TASK", "t1"), specs, {{"name": "Discovery", "workRequired": 8}})
        state.set("name", "Typed before the crash")
        DraftStore({str(folder)!r}).keep("demo.example:8080", state, label="Discovery")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert finished.returncode == -9, finished.stderr
    [draft] = DraftStore(folder).pending("demo.example:8080")
    assert draft.target == EditTarget.classic("TASK", "t1") and draft.label == "Discovery"
    state = EditState(draft.target, SPECS, {"name": "Discovery", "workRequired": 8})
    assert state.restore(draft.current) == ["name"]
    assert state.dirty == ("name",) and state.value("name") == "Typed before the crash"


def test_an_unchanged_state_removes_its_draft_and_other_hosts_keep_theirs(tmp_path):
    store = DraftStore(tmp_path)
    state = EditState(EditTarget.classic("TASK", "t1"), SPECS, {"name": "A"})
    state.set("name", "B")
    store.keep("one", state)
    store.keep("two", state)
    state.revert_all()
    store.keep("one", state)
    assert store.pending("one") == [] and len(store.pending("two")) == 1


def test_a_draft_holds_field_values_only(tmp_path):
    store = DraftStore(tmp_path)
    state = EditState(EditTarget.classic("TASK", "t1"), SPECS, {"name": "A"})
    state.set("name", "B")
    store.keep("host", state)
    [path] = tmp_path.glob("*.json")
    body = json.loads(path.read_text())
    assert set(body) == {"version", "host", "label", "saved_at", "target", "original", "current"}
    assert body["current"] == {"name": "B"}
