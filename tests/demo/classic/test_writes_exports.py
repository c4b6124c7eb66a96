"""The classic writes module keeps its public names after the split into wfexplorer.demo.classic.writing."""

from __future__ import annotations

from wfexplorer.demo.classic import writes

IMPORTED_ELSEWHERE = {
    # dispatch.py, reads.py, deleting.py, upload.py and actions_http.py use these
    "PROJECT_STATUS_VIOLATION",
    "bulk_edit",
    "copy",
    "create",
    "create_record",
    "edit",
    "edit_many_ids",
    "require_operation",
    "resolve_id",
    "to_stored_now",
}


def test_every_name_in_all_exists_on_the_writes_module() -> None:
    missing = [name for name in writes.__all__ if not hasattr(writes, name)]
    assert missing == []


def test_names_other_modules_use_are_listed_in_all() -> None:
    assert IMPORTED_ELSEWHERE - set(writes.__all__) == set()
