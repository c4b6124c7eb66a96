"""The store loads each kind on first read, so a restart on a big database answers at once."""

from __future__ import annotations

from pathlib import Path

from wfexplorer.demo.store import Store


def _filled(path: Path) -> None:
    store = Store(path)
    with store.transaction() as tx:
        tx.put_many("TASK", [{"ID": f"t{n}", "name": f"task {n}"} for n in range(3)])
        tx.put("PROJ", {"ID": "p1", "name": "project"})
    store.close()


def test_reopened_store_reads_every_kind_back(tmp_path: Path) -> None:
    _filled(tmp_path / "db.sqlite3")
    store = Store(tmp_path / "db.sqlite3")
    assert not store.is_empty()
    assert sorted(store.kinds()) == ["PROJ", "TASK"]
    assert sorted(store.table("TASK")) == ["t0", "t1", "t2"]
    assert store.get("PROJ", "p1") == {"ID": "p1", "name": "project"}


def test_writing_a_kind_not_yet_read_keeps_its_stored_rows(tmp_path: Path) -> None:
    _filled(tmp_path / "db.sqlite3")
    store = Store(tmp_path / "db.sqlite3")
    with store.transaction() as tx:
        tx.put("TASK", {"ID": "t3", "name": "new"})
        tx.delete("TASK", "t0")
    assert sorted(store.table("TASK")) == ["t1", "t2", "t3"]
    store.close()
    assert sorted(Store(tmp_path / "db.sqlite3").table("TASK")) == ["t1", "t2", "t3"]


def test_failed_transaction_on_an_unread_kind_changes_nothing(tmp_path: Path) -> None:
    _filled(tmp_path / "db.sqlite3")
    store = Store(tmp_path / "db.sqlite3")
    try:
        with store.transaction() as tx:
            tx.put("TASK", {"ID": "t9", "name": "never"})
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    assert sorted(store.table("TASK")) == ["t0", "t1", "t2"]


def test_empty_and_cleared_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    assert store.is_empty()
    with store.transaction() as tx:
        tx.put("PROJ", {"ID": "p1"})
    assert not store.is_empty()
    store.clear()
    assert store.is_empty()
    assert store.table("PROJ") == {}
