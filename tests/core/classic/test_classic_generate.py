"""The generator writes a typed version module whose classes are the ones sessions on that version use."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

from classic_canned import CannedServer

from wfexplorer.core.classic import api as api_module
from wfexplorer.core.classic import generate


def test_generated_module_is_valid_python_with_one_class_per_type(reflected: CannedServer) -> None:
    source = generate.render_module(reflected.session(), "http://example/attask/api/v21.0/metadata")
    tree = ast.parse(source)
    classes = sorted(node.name for node in tree.body if isinstance(node, ast.ClassDef))
    assert classes == ["Issue", "Role", "User"]
    assert "def mark_done(self, status: str | None = None) -> None:" in source
    assert "def assign_multiple(self, user_ids: list[str] | None = None, team_id: str | None = None) -> str:" in source
    assert "owner = Reference['User']('owner', 'USER')" in source
    assert "previous_status = Field[str | None]('previousStatus')" in source
    assert "billing_per_hour = Field[float | None]('billingPerHour')" in source


def test_a_session_on_the_generated_version_uses_the_generated_classes(
        reflected: CannedServer, tmp_path: Path) -> None:
    target = tmp_path / "wf_generated_v21.py"
    generate.main(["--url", reflected.base_url, "--api-version", "v21.0", "--output", str(target)])
    spec = importlib.util.spec_from_file_location("wf_generated_v21", target)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["wf_generated_v21"] = module
    try:
        spec.loader.exec_module(module)
        session = reflected.session()
        assert session.api.Issue is module.Issue
        reflected.requests.clear()
        issue = session.api.from_data(session, {"ID": "a" * 32, "objCode": "OPTASK", "name": "x"})
        assert type(issue) is module.Issue and issue.name == "x"
        assert reflected.requests == [], "generated classes need no metadata"
    finally:
        sys.modules.pop("wf_generated_v21", None)
        api_module._REGISTRY.pop("v21.0", None)


def test_the_generator_is_an_installed_command() -> None:
    from importlib.metadata import entry_points

    scripts = {entry.name: entry.value for entry in entry_points(group="console_scripts")}
    assert scripts.get("wfexplorer-generate") == "wfexplorer.core.classic.generate:main"
