"""What reading the user's rights ahead costs a detail load (issue 15): a task's form as the admin and the worker.

    .venv/bin/python tests/benchmarks/bench_detail_rights.py [--scale 1] [--rounds 25]

Starts an in-process simulator on the default dataset (in a temporary directory), signs in as the
administrator (no rights read: nothing is locked for them) and as the worker (the batch also reads their
access level, accessor IDs and the task's project's access rules), and prints, for ``DetailLoader.classic``
of one task of the project shared with the worker, the median time and the requests per load (metadata
warmed first, so both are one batch).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import DetailLoader
from wfexplorer.demo.server import DemoServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, DemoServer(Path(folder) / "demo", scale=args.scale) as server:
        passwords = {entry["username"]: entry["password"] for entry in server.credentials()["users"]}
        connections = {}
        for who in ("admin", "worker"):
            authenticator = Authenticator(profiles=ProfileStore(Path(folder) / who), secrets=SecretStore())
            profile = Profile(name=who, environment=Environment.CUSTOM, custom_url=server.base_url)
            connections[who] = Connection(authenticator.sign_in_with_password(profile, who, passwords[who]),
                                          cache_dir=Path(folder) / f"{who}-cache")
        task = connections["worker"].session.search_page("TASK", 0, 1, fields=["name"])[0]
        for who, connection in connections.items():
            loader = DetailLoader(connection)
            details = loader.classic("TASK", task["ID"])  # metadata in hand from here on
            sent: list[object] = []
            unsubscribe = connection.subscribe(sent.append)
            samples = []
            for _ in range(args.rounds):
                started = time.perf_counter()
                details = loader.classic("TASK", task["ID"])
                samples.append((time.perf_counter() - started) * 1000)
            unsubscribe()
            print(f"task detail load as {who:6}: {statistics.median(samples):6.1f} ms median, "
                  f"{len(sent) / args.rounds:.0f} request(s) each, locked: {details.rights.edit or 'nothing'}")
        for connection in connections.values():
            connection.sign_out()


if __name__ == "__main__":
    main()
