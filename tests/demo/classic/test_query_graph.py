"""Reference and collection resolution with cached indexes (used by search, fields and delete)."""

from __future__ import annotations

from classic_query_helpers import ALPHA, ANN, BOB, ROLE_DEV, ROLE_QA, make_store, obj, task_id

from wfexplorer.demo.classic import graph


def test_reference_resolves_the_target_record() -> None:
    store = make_store()
    task = store.get("TASK", task_id(1))
    assert task is not None
    assert graph.reference(store, task, obj("TASK").references["project"]) == store.get("PROJ", ALPHA)


def test_empty_or_dangling_reference_is_none() -> None:
    store = make_store()
    ref = obj("TASK").references["assignedTo"]
    assert graph.reference(store, {"assignedToID": None}, ref) is None
    assert graph.reference(store, {"assignedToID": "f" * 32}, ref) is None


def test_collection_by_link_field() -> None:
    store = make_store()
    project = store.get("PROJ", ALPHA)
    assert project is not None
    rows = graph.collection(store, project, obj("PROJ").collections["tasks"])
    assert sorted(row["ID"] for row in rows) == [task_id(1), task_id(2), task_id(3)]


def test_collection_through_a_join_table() -> None:
    store = make_store()
    with store.transaction() as tx:
        tx.put("TEAMOB", {"ID": "t1", "objCode": "TEAMOB", "name": "Blue"})
        tx.put("TEAMMB", {"ID": "m1", "objCode": "TEAMMB", "teamID": "t1", "userID": ANN})
    ann = store.get("USER", ANN)
    bob = store.get("USER", BOB)
    assert ann is not None and bob is not None
    teams = obj("USER").collections["teams"]
    assert [row["name"] for row in graph.collection(store, ann, teams)] == ["Blue"]
    assert graph.collection(store, bob, teams) == []


def test_index_is_reused_until_the_kind_changes() -> None:
    store = make_store()
    first = graph.index(store, "TASK", ("projectID",))
    assert graph.index(store, "TASK", ("projectID",)) is first
    with store.transaction() as tx:
        tx.put("USER", {"ID": "u7", "objCode": "USER", "name": "Unrelated"})
    assert graph.index(store, "TASK", ("projectID",)) is first
    with store.transaction() as tx:
        tx.put("TASK", {"ID": "t7", "objCode": "TASK", "name": "New", "projectID": ALPHA})
    rebuilt = graph.index(store, "TASK", ("projectID",))
    assert rebuilt is not first
    assert "t7" in [row["ID"] for row in rebuilt[(ALPHA,)]]


def test_rows_where_finds_dependants_for_delete() -> None:
    store = make_store()
    dependants = graph.rows_where(store, "USER", ("roleID",), (ROLE_QA,))
    assert [row["ID"] for row in dependants] == [BOB]
    assert graph.rows_where(store, "USER", ("roleID",), (None,)) == []
    assert graph.rows_where(store, "USER", ("roleID",), (ROLE_DEV,))[0]["ID"] == ANN


def test_transactions_see_their_own_pending_rows() -> None:
    store = make_store()
    with store.transaction() as tx:
        tx.put("ASSGN", {"ID": "g8", "objCode": "ASSGN", "taskID": task_id(6), "assignedToID": ANN})
        pending = graph.rows_where(tx, "ASSGN", ("taskID",), (task_id(6),))
        assert [row["ID"] for row in pending] == ["g8"]
        tx.delete("ASSGN", "g8")
