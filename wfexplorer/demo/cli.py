"""``wfexplorer-demo``: serve the Workfront simulator on its own, for any client."""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from pathlib import Path

from wfexplorer.core.app_dirs import default_data_dir
from wfexplorer.demo.datadir import DataDirInUseError
from wfexplorer.demo.faults import Faults
from wfexplorer.demo.server import CREDENTIALS_NAME, DemoServer


def build_parser() -> argparse.ArgumentParser:
    """Describe the command line."""
    parser = argparse.ArgumentParser(
        prog="wfexplorer-demo",
        description="Serve a local Workfront simulator (classic API, Planning v1/v2, OAuth) backed by SQLite.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to bind; 0 picks a free one (default 8080)")
    parser.add_argument(
        "--data",
        type=Path,
        default=default_data_dir() / "demo",
        help="directory for the SQLite database and demo-credentials.json",
    )
    parser.add_argument("--reset", action="store_true", help="rebuild the demo data from scratch")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the demo data volumes (default 1)")
    parser.add_argument(
        "--faults",
        default="",
        metavar="SPEC",
        help="inject faults, e.g. latency=200,jitter=50,error_rate=0.1,error_status=503,"
        "max_in_flight=10,session_expiry=30,drop_rate=0.05",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the simulator until Ctrl-C."""
    args = build_parser().parse_args(argv)
    try:
        faults = Faults.parse(args.faults)
    except ValueError as error:
        print(f"wfexplorer-demo: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    server = DemoServer(args.data, host=args.host, port=args.port, scale=args.scale, reset=args.reset, faults=faults)
    try:
        server.open()
    except KeyboardInterrupt:  # while building the data: the next start builds it again
        print("wfexplorer-demo stopped.")
        return 130
    except DataDirInUseError as error:
        print(f"wfexplorer-demo: {error}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as error:
        print(
            f"wfexplorer-demo: cannot open the demo data in {args.data}: {error}"
            " (--reset rebuilds it from scratch)",
            file=sys.stderr,
        )
        return 1
    try:
        server.start()
    except OSError as error:
        print(f"wfexplorer-demo: cannot listen on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    credentials = server.credentials()
    print(f"wfexplorer-demo listening on {server.base_url}", flush=True)
    print(f"  username: {credentials['username']}  password: {credentials['password']}")
    print(f"  api_key: {credentials['api_key']}")
    print(f"  access_token: {credentials['access_token']}")
    levels = ", ".join(f"{user['username']} ({user['access_level']})" for user in credentials.get("users", ())[1:])
    if levels:
        print(f"  users of each access level, password demo: {levels}")
    for key in ("oauth_public_client_id", "oauth_client_id", "oauth_client_secret"):
        if key in credentials:
            print(f"  {key}: {credentials[key]}")
    print(f"  credentials file: {args.data / CREDENTIALS_NAME}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("wfexplorer-demo stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
