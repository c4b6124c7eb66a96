"""A simulator in memory seeds once and keeps a copy: the next start serves the same data without seeding."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
import requests

from wfexplorer.demo import seed, seed_cache
from wfexplorer.demo.seed_cache import SeedCache
from wfexplorer.demo.server import DemoServer

SCALE = 0.05


def projects(server: DemoServer) -> list[str]:
    """The project names the running server answers with, signed in with its own admin token."""
    answer = requests.get(f"{server.base_url}/attask/api/v21.0/proj/search",
                          params={"fields": "name", "$$LIMIT": 2000},
                          headers={"sessionID": server.credentials()["access_token"]}, timeout=10)
    assert answer.status_code == 200
    return sorted(project["name"] for project in answer.json()["data"])


def refuse_to_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    def seeded(*_args: object) -> None:
        raise AssertionError("the kept copy should have been used instead of seeding")

    monkeypatch.setattr(seed, "seed_all", seeded)


def test_the_second_start_serves_the_kept_copy_without_seeding(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as first:
        names, credentials = projects(first), {**first.credentials(), "base_url": None}
    (kept,) = tmp_path.glob("demo-seed-*.sqlite")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600, "the copy holds the demo's passwords and keys"
    refuse_to_seed(monkeypatch)
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as second:
        assert {**second.credentials(), "base_url": None} == credentials  # another port, the same accounts
        assert projects(second) == names and names


def test_a_change_to_the_simulators_code_seeds_again_and_replaces_the_old_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)):
        pass
    (old,) = tmp_path.glob("demo-seed-*.sqlite")
    monkeypatch.setattr(seed_cache, "fingerprint", lambda: "changed")
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as server:
        assert projects(server)
    assert [path.name for path in tmp_path.glob("demo-seed-*.sqlite")] == [f"demo-seed-{SCALE:g}-changed.sqlite"]
    assert not old.exists()


def test_the_first_start_seeds_in_a_process_of_its_own_and_serves_what_it_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_to_seed(monkeypatch)  # not in this process: it shares its interpreter lock with the starting app
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as server:
        names = projects(server)
    assert names and SeedCache(tmp_path, SCALE).path.is_file()


def test_when_the_seeding_process_cannot_seed_this_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seed_cache, "seed_command", lambda: [sys.executable, "-c", "raise SystemExit(3)"])
    seeds: list[float] = []
    original = seed.seed_all
    monkeypatch.setattr(seed, "seed_all", lambda context, scale: (seeds.append(scale), original(context, scale)))
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as server:
        assert projects(server)
    assert seeds == [SCALE] and SeedCache(tmp_path, SCALE).path.is_file(), "seeded here, and kept"


def test_another_scale_has_its_own_copy(tmp_path: Path) -> None:
    assert SeedCache(tmp_path, 0.5).path != SeedCache(tmp_path, 0.05).path


def test_a_damaged_copy_costs_a_seed_not_a_failed_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SeedCache(tmp_path, SCALE)
    cache.path.write_bytes(b"not a database")
    with DemoServer(scale=SCALE, seed_cache=cache) as server:
        names = projects(server)
    assert names
    refuse_to_seed(monkeypatch)
    with DemoServer(scale=SCALE, seed_cache=SeedCache(tmp_path, SCALE)) as again:  # the new seed was kept
        assert projects(again) == names


def test_a_seeding_begun_ahead_is_the_one_the_start_waits_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SeedCache(tmp_path, SCALE)
    cache.begin_seeding()  # the application begins it before it loads the simulator's modules
    refuse_to_seed(monkeypatch)
    with DemoServer(scale=SCALE, seed_cache=cache) as server:
        assert projects(server)
    cache.end_seeding()
    assert [path.name for path in tmp_path.glob("demo-seed-*")] == [cache.path.name], "one copy, no leftovers"
