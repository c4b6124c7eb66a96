"""Atomic writes: the new content replaces the old at once; a failed write leaves the old content and no debris."""

from __future__ import annotations

from pathlib import Path

import pytest

from wfexplorer.core.files import write_text_atomic


def test_the_new_text_replaces_the_old_and_missing_folders_are_made(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.json"
    write_text_atomic(path, "old")
    write_text_atomic(path, "néw")
    assert path.read_text(encoding="utf-8") == "néw"
    assert sorted(p.name for p in path.parent.iterdir()) == ["store.json"]


def test_a_failed_write_keeps_the_old_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "store.json"
    write_text_atomic(path, "old")
    with pytest.raises(UnicodeEncodeError):
        write_text_atomic(path, "half \udc80 written")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["store.json"]
