"""Issue 15 §5: the simulator's data directory: private files, and one simulator at a time."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
import requests

from wfexplorer.demo import cli
from wfexplorer.demo.datadir import DataDirInUseError
from wfexplorer.demo.server import CREDENTIALS_NAME, DATABASE_NAME, DemoServer

SCALE = 0.05


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_database_its_wal_and_the_credentials_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    with DemoServer(tmp_path, scale=SCALE) as server:
        # a write, so SQLite has its WAL and shared-memory files open
        requests.get(f"{server.base_url}/attask/api/v21.0/proj/count",
                     params={"apiKey": server.credentials()["api_key"]}, timeout=10)
        database = tmp_path / DATABASE_NAME
        files = [database, tmp_path / CREDENTIALS_NAME]
        files += [path for path in (tmp_path / f"{DATABASE_NAME}-wal", tmp_path / f"{DATABASE_NAME}-shm")
                  if path.exists()]
        assert (tmp_path / f"{DATABASE_NAME}-wal").exists()
        for path in files:
            assert mode(path) == 0o600, path.name


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_existing_database_created_readable_by_all_is_made_private(tmp_path: Path) -> None:
    with DemoServer(tmp_path, scale=SCALE):
        pass
    (tmp_path / DATABASE_NAME).chmod(0o644)
    with DemoServer(tmp_path, scale=SCALE):
        assert mode(tmp_path / DATABASE_NAME) == 0o600


def test_a_second_simulator_on_the_same_directory_is_refused_naming_the_first(tmp_path: Path) -> None:
    with DemoServer(tmp_path, scale=SCALE):
        second = DemoServer(tmp_path, scale=SCALE)
        with pytest.raises(DataDirInUseError, match=f"in use by process {os.getpid()}"):
            second.open()
        assert second.context is None


def test_the_directory_is_free_again_once_the_first_stops(tmp_path: Path) -> None:
    with DemoServer(tmp_path, scale=SCALE) as first:
        api_key = first.credentials()["api_key"]
    with DemoServer(tmp_path, scale=SCALE) as again:
        assert again.credentials()["api_key"] == api_key  # the same data, not a new seed


def test_the_command_line_says_which_process_holds_the_directory(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with DemoServer(tmp_path, scale=SCALE):
        code = cli.main(["--data", str(tmp_path), "--port", "0", "--scale", str(SCALE)])

    assert code == 1
    message = capsys.readouterr().err
    assert f"in use by process {os.getpid()}" in message and "--reset" not in message
