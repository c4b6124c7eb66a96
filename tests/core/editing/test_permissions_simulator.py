"""What Workfront will refuse is locked in the form before any save: user records of a non-administrator."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import EditSetup
from wfexplorer.core.editing.permissions import ADMIN_FIELD, OTHER_USER


def signed_in_as(demo_server: Any, tmp_path: Any, username: str) -> Connection:
    user = next(user for user in demo_server.credentials()["users"] if user["username"] == username)
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore())
    profile = Profile(name=username, environment=Environment.CUSTOM, custom_url=demo_server.base_url)
    signed_in = authenticator.sign_in_with_password(profile, username, user["password"])
    return Connection(signed_in, cache_dir=tmp_path / "cache")


def specs_of(connection: Connection, user_id: str) -> dict[str, Any]:
    details = DetailLoader(connection).classic("USER", user_id, all_fields=True)
    editing = EditSetup(connection).for_object(details)
    return dict(editing.state.specs)


@pytest.fixture
def worker(demo_server, tmp_path, memory_keyring):
    connection = signed_in_as(demo_server, tmp_path, "worker")
    yield connection
    connection.sign_out()


def test_a_worker_may_change_their_own_title_but_not_their_access_level_or_admin_flag(worker):
    assert worker.user.get("isAdmin") is False
    specs = specs_of(worker, worker.user_id)
    assert not specs["title"].read_only
    assert specs["isAdmin"].read_only == ADMIN_FIELD
    assert specs["accessLevelID"].read_only == ADMIN_FIELD


def test_a_worker_may_change_nothing_of_another_user(worker, demo_server):
    admin = next(user for user in demo_server.credentials()["users"] if user["username"] == "admin")
    specs = specs_of(worker, admin["user_id"])
    editable = [key for key, spec in specs.items() if not spec.read_only]
    assert editable == [] and specs["title"].read_only == OTHER_USER


def test_an_administrator_sees_no_such_lock(demo_server, tmp_path, memory_keyring):
    admin = signed_in_as(demo_server, tmp_path, "admin")
    worker_id = next(user for user in demo_server.credentials()["users"] if user["username"] == "worker")["user_id"]
    specs = specs_of(admin, worker_id)
    assert specs["isAdmin"].read_only in ("", None) and specs["title"].read_only in ("", None)
    admin.sign_out()
