"""The layering of ARCHITECTURE.md, checked on the source: core and demo know no Qt, ui knows no HTTP or simulator."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "wfexplorer"

#: package folder → module prefixes it must never import
FORBIDDEN = {
    "core": ("PySide6", "shiboken6", "qasync", "wfexplorer.ui", "wfexplorer.demo", "wfexplorer.app"),
    "demo": ("PySide6", "shiboken6", "qasync", "wfexplorer.ui", "wfexplorer.app"),
    "ui": ("requests", "urllib3", "wfexplorer.demo", "wfexplorer.app", "werkzeug", "http.client", "urllib.request"),
}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module an ``import`` / ``from … import`` in ``path`` names, with its line (relative ones resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package_parts[: len(package_parts) - node.level + 1])
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and _is_dynamic_import(node):
            argument = node.args[0] if node.args else None
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((node.lineno, argument.value))
    return found


def _is_dynamic_import(node: ast.Call) -> bool:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id == "__import__"
    return isinstance(function, ast.Attribute) and function.attr == "import_module"


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, module in imported_modules(path):
            for prefix in FORBIDDEN[layer]:
                if module == prefix or module.startswith(prefix + "."):
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_nothing_it_must_not(layer: str) -> None:
    assert (PACKAGE / layer).is_dir()
    assert violations(layer) == []


def test_ui_builds_no_urls() -> None:
    offenders = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "://" in node.value:
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value!r}")
    assert offenders == []


def test_the_checker_sees_forbidden_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_package = tmp_path / "wfexplorer"
    (fake_package / "core").mkdir(parents=True)
    (fake_package / "core" / "bad.py").write_text(
        "import os\nfrom PySide6 import QtCore\nfrom ..ui import asyncops\nimportlib.import_module('qasync')\n"
    )
    monkeypatch.setitem(globals(), "PACKAGE", fake_package)
    found = sorted(entry.split(" imports ")[1] for entry in violations("core"))
    assert found == ["PySide6", "PySide6.QtCore", "qasync", "wfexplorer.ui", "wfexplorer.ui.asyncops"]
