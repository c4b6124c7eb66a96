"""No two modules of wfexplorer import each other, directly or round a loop, at module level or inside functions.

An import inside a function (or under ``if TYPE_CHECKING:``) hides a cycle from Python but not from the reader:
the two modules still depend on each other. So every ``import`` statement in the package counts, wherever it is.
``from a import b`` counts as importing module ``a.b`` when there is one, otherwise as importing ``a``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "wfexplorer"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(tree: ast.AST, name: str, is_package: bool) -> Iterator[tuple[str, str | None]]:
    """``(module, name)`` for every ``import module`` (name ``None``) or ``from module import name`` in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            yield from ((source, alias.name) for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Module → the wfexplorer modules it imports (``from a import b`` is module ``a.b`` when that exists)."""
    modules = all_modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets = set()
        for source, imported in imported_names(tree, name, path.name == "__init__.py"):
            target = f"{source}.{imported}" if imported and f"{source}.{imported}" in modules else source
            if target in modules and target != name:
                targets.add(target)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_import_cycles_inside_wfexplorer() -> None:
    found = cycles(import_graph())
    assert found == [], "import cycles (each line: modules that reach each other):\n" + "\n".join(
        " <-> ".join(cycle) for cycle in found)


def test_the_check_sees_an_import_hidden_inside_a_function_and_one_under_type_checking() -> None:
    tree = ast.parse("import os\n\ndef f():\n    from a.b import c\n\nif TYPE_CHECKING:\n    from x import y\n")
    assert set(imported_names(tree, "pkg.mod", False)) == {("os", None), ("a.b", "c"), ("x", "y")}


def test_the_check_resolves_relative_imports() -> None:
    tree = ast.parse("from . import sibling\nfrom ..other import thing\n")
    assert set(imported_names(tree, "pkg.sub.mod", False)) == {("pkg.sub", "sibling"), ("pkg.other", "thing")}


def test_the_check_finds_a_loop_of_three_and_ignores_a_chain() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
