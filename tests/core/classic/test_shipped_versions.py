"""The shipped typed version modules are what the generator produces today, and sessions use their classes."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

import pytest

from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import base_url_template

ROOT = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("generate_versions", ROOT / "packaging" / "generate_versions.py")
assert _spec is not None and _spec.loader is not None
generate_versions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_versions)
DATE = re.compile(r" on \d{4}-\d{2}-\d{2}\.", re.ASCII)


def undated(source: str) -> str:
    return DATE.sub(" on DATE.", source, count=1)


@pytest.mark.parametrize("version", generate_versions.SHIPPED)
def test_the_shipped_module_is_what_the_generator_writes_today(version, demo_server, demo_credentials):
    shipped = generate_versions.TARGET / f"{generate_versions.module_name(version)}.py"
    assert shipped.is_file(), f"{shipped} is missing: run packaging/generate_versions.py"
    today = generate_versions.render(demo_server.base_url, demo_credentials["username"],
                                     demo_credentials["password"], version)
    assert undated(shipped.read_text(encoding="utf-8")) == undated(today), \
        f"{shipped.name} is stale: run packaging/generate_versions.py"


@pytest.mark.parametrize("version", generate_versions.SHIPPED)
def test_a_session_on_the_version_uses_the_imported_classes(version, demo_server, demo_credentials):
    module = importlib.import_module(f"wfexplorer.core.classic.versions.{generate_versions.module_name(version)}")
    session = Session("acme", api_version=version, url_template=base_url_template(demo_server.base_url),
                      use_cache=False)
    with session:
        session.login(demo_credentials["username"], demo_credentials["password"])
        assert session.api.Task is module.Task
        assert session.api.Project is module.Project
        task = session.search_page(module.Task, limit=1, fields=["name"])[0]
        assert isinstance(task, module.Task) and task.name


def test_the_guide_example_imports_from_v21_0():
    from wfexplorer.core.classic.versions.v21_0 import Task

    assert Task.code == "TASK"
