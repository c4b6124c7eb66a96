"""Regenerate the shipped typed version modules from the bundled simulator's metadata.

    .venv/bin/python packaging/generate_versions.py

Starts the simulator on a free loopback port, signs in, and writes what ``wfexplorer-generate`` renders for
each version in ``SHIPPED`` to ``wfexplorer/core/classic/versions/<v21_0>.py``. tests/core/classic/
test_shipped_versions.py fails when a shipped module differs from what the generator produces today.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from wfexplorer.core.classic import generate
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.demo.server import DemoServer

#: v21.0 is the simulator's (and Workfront's) current version; v4.0 is the one python-workfront's guide imports.
SHIPPED = ("v21.0", "v4.0")
SOURCE = "the wfexplorer simulator"
TARGET = Path(__file__).resolve().parent.parent / "wfexplorer" / "core" / "classic" / "versions"


def module_name(version: str) -> str:
    """``v21.0`` → ``v21_0``."""
    return version.replace(".", "_")


def render(base_url: str, username: str, password: str, version: str) -> str:
    """The module source ``wfexplorer-generate`` writes for ``version`` of the server at ``base_url``."""
    session = Session("generate", api_version=version, url_template=base_url_template(base_url), use_cache=False)
    with session:
        session.login(username, password)
        try:
            return generate.render_module(session, SOURCE)
        finally:
            session.logout()


def main() -> int:
    with tempfile.TemporaryDirectory() as data:
        server = DemoServer(Path(data), scale=0.05).start()
        try:
            credentials = server.credentials()
            for version in SHIPPED:
                target = TARGET / f"{module_name(version)}.py"
                target.write_text(render(server.base_url, credentials["username"], credentials["password"], version),
                                  encoding="utf-8")
                print(target)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
