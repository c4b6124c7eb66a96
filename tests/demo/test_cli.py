"""``wfexplorer-demo`` as a user runs it: a real process, its printed lines, its files, Ctrl-C (issue 2, §2)."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import entry_points
from pathlib import Path

import platformdirs
import pytest
import requests

from wfexplorer.demo.classic.seed import build_dataset, seed_classic
from wfexplorer.demo.cli import build_parser, main
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.server import CREDENTIALS_NAME
from wfexplorer.demo.store import Store

SCALE = "0.02"
TIMEOUT = 10
LISTENING = "wfexplorer-demo listening on http://"


class Running:
    """A ``wfexplorer-demo`` process that printed its first line."""

    def __init__(self, process: subprocess.Popen[str], first_line: str, banner: list[str]) -> None:
        self.process = process
        self.first_line = first_line
        self.banner = banner
        self.base_url = first_line.removeprefix("wfexplorer-demo listening on ").strip()

    def interrupt(self) -> tuple[int, str, str]:
        """Press Ctrl-C and return the exit code, the rest of stdout and stderr."""
        self.process.send_signal(signal.SIGINT)
        rest, errors = self.process.communicate(timeout=TIMEOUT)
        return self.process.returncode, rest, errors


@contextmanager
def demo_process(data: Path, *args: str) -> Iterator[Running]:
    """Run ``python -m wfexplorer.demo`` on port 0 until the block ends (Ctrl-C, or kill if still running)."""
    command = [sys.executable, "-m", "wfexplorer.demo", "--port", "0", "--data", str(data), "--scale", SCALE, *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(LISTENING), first + process.stderr.read() if process.stderr else first
        banner = []
        while (line := process.stdout.readline()) and not line.startswith("Press Ctrl-C"):
            banner.append(line)
        yield Running(process, first, banner)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()


def _login(base_url: str) -> str:
    response = requests.post(
        f"{base_url}/attask/api/v21.0/login", data={"username": "admin", "password": "demo"}, timeout=TIMEOUT
    )
    return str(response.json()["data"]["sessionID"])


def test_the_console_script_runs_the_cli_main() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "wfexplorer-demo"]
    assert script.load() is main


def test_first_line_is_the_address_then_the_credentials_file_and_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    with demo_process(tmp_path) as running:
        assert running.base_url.startswith("http://127.0.0.1:") and not running.base_url.endswith(":0")
        credentials = json.loads((tmp_path / CREDENTIALS_NAME).read_text(encoding="utf-8"))
        assert {"base_url", "username", "password", "api_key", "access_token"} <= set(credentials)
        assert {"oauth_public_client_id", "oauth_client_id", "oauth_client_secret"} <= set(credentials)
        assert credentials["base_url"] == running.base_url
        assert (credentials["username"], credentials["password"]) == ("admin", "demo")
        assert (tmp_path / CREDENTIALS_NAME).stat().st_mode & 0o077 == 0
        # the token and the API key the file gives work as they are, for scripts and curl
        by_token = requests.get(
            f"{running.base_url}/attask/api/v21.0/user", params={"id": "$$USER"},
            headers={"sessionID": credentials["access_token"]}, timeout=TIMEOUT,
        )
        assert by_token.json()["data"]["name"]
        by_key = requests.get(
            f"{running.base_url}/attask/api/v21.0/user", params={"id": "$$USER", "apiKey": credentials["api_key"]},
            timeout=TIMEOUT,
        )
        assert by_key.json()["data"]["ID"] == by_token.json()["data"]["ID"]
        code, rest, errors = running.interrupt()
    assert code == 0
    assert any(credentials["access_token"] in line for line in running.banner)
    assert rest.rstrip().endswith("wfexplorer-demo stopped.")
    assert "Traceback" not in errors


def test_it_binds_only_the_address_it_is_given(tmp_path: Path) -> None:
    with demo_process(tmp_path, "--host", "127.0.0.1") as running:
        port = int(running.base_url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT):
            pass
        # every 127/8 address reaches the loopback device, so a wildcard bind would accept this one
        with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.2", port), timeout=TIMEOUT):
            pass


def test_data_survives_a_restart_and_reset_rebuilds_it(tmp_path: Path) -> None:
    with demo_process(tmp_path) as running:
        session = _login(running.base_url)
        created = requests.post(
            f"{running.base_url}/attask/api/v21.0/proj", data={"name": "Survives restarts"},
            headers={"sessionID": session}, timeout=TIMEOUT,
        ).json()["data"]
    with demo_process(tmp_path) as running:
        again = requests.get(
            f"{running.base_url}/attask/api/v21.0/proj/{created['ID']}",
            headers={"sessionID": _login(running.base_url)}, timeout=TIMEOUT,
        )
        assert again.json()["data"]["name"] == "Survives restarts"
    with demo_process(tmp_path, "--reset") as running:
        gone = requests.get(
            f"{running.base_url}/attask/api/v21.0/proj/{created['ID']}",
            headers={"sessionID": _login(running.base_url)}, timeout=TIMEOUT,
        )
        assert gone.status_code == 404
        seeded = requests.get(
            f"{running.base_url}/attask/api/v21.0/task/count",
            headers={"sessionID": _login(running.base_url)}, timeout=TIMEOUT,
        )
        # --scale reached the seed: the rebuilt data has the scaled volume
        assert seeded.json()["data"]["count"] == len(build_dataset(float(SCALE))["TASK"])


def test_data_lives_in_the_user_data_dir_by_default() -> None:
    assert build_parser().parse_args([]).data == Path(platformdirs.user_data_dir("wfexplorer")) / "demo"
    assert build_parser().parse_args([]).host == "127.0.0.1"


def test_faults_from_the_command_line_reach_every_request(tmp_path: Path) -> None:
    with demo_process(tmp_path, "--faults", "latency=150,error_rate=1,error_status=503") as running:
        started = time.perf_counter()
        response = requests.get(f"{running.base_url}/attask/api/v21.0/metadata", timeout=TIMEOUT)
        assert time.perf_counter() - started >= 0.15
        assert response.status_code == 503
        assert set(response.json()) == {"error"}


def test_a_bad_faults_spec_is_refused_with_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--faults", "latency=fast"]) == 2
    assert "fault 'latency' needs a number, not 'fast'" in capsys.readouterr().err
    assert main(["--faults", "meltdown=1"]) == 2
    assert "unknown fault 'meltdown=1'" in capsys.readouterr().err


def test_a_port_in_use_is_a_clear_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--port", str(port), "--data", str(tmp_path), "--scale", SCALE])
    assert code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_data_that_cannot_be_opened_is_a_clear_error_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("x", encoding="utf-8")
    assert main(["--port", "0", "--data", str(not_a_directory)]) == 1
    assert f"cannot open the demo data in {not_a_directory}" in capsys.readouterr().err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "wfexplorer-demo.sqlite3").write_text("not a database" * 100, encoding="utf-8")
    assert main(["--port", "0", "--data", str(broken)]) == 1
    error = capsys.readouterr().err
    assert f"cannot open the demo data in {broken}" in error and "--reset" in error


def test_reset_rebuilds_a_damaged_database(tmp_path: Path) -> None:
    (tmp_path / "wfexplorer-demo.sqlite3").write_text("not a database" * 100, encoding="utf-8")
    with demo_process(tmp_path, "--reset") as running:
        assert _login(running.base_url)


def test_a_seed_cut_short_is_rebuilt_on_the_next_start(tmp_path: Path) -> None:
    # what Ctrl-C during the first (seeding) start leaves: classic records, no credentials, no Planning data
    store = Store(tmp_path / "wfexplorer-demo.sqlite3")
    seed_classic(DemoContext(store), float(SCALE))
    store.close()
    with demo_process(tmp_path) as running:
        credentials = json.loads((tmp_path / CREDENTIALS_NAME).read_text(encoding="utf-8"))
        assert credentials["username"] == "admin" and any(credentials["access_token"] in line
                                                          for line in running.banner)
        workspaces = requests.get(f"{running.base_url}/maestro/api/v2/workspaces",
                                  headers={"Authorization": f"Bearer {credentials['access_token']}"}, timeout=TIMEOUT)
        assert workspaces.status_code == 200 and workspaces.json()
