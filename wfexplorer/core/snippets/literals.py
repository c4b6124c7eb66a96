"""Source-code literals for Python and JavaScript snippets: strings, JSON values, and secrets from the environment."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from wfexplorer.core.snippets.call import Secret, Value


def string(text: str) -> str:
    """A double-quoted string literal, valid in Python and JavaScript alike."""
    return json.dumps(text, ensure_ascii=False)


def python_secret(secret: Secret) -> str:
    """Python reading a secret: ``os.environ["NAME"]`` (a KeyError naming the variable when unset)."""
    return f"os.environ[{string(secret.env)}]"


def javascript_secret(secret: Secret) -> str:
    """JavaScript reading a secret through the snippet's ``need()`` helper (an Error naming the variable)."""
    return f"need({string(secret.env)})"


def joined(value: Value, secret: Callable[[Secret], str]) -> str:
    """A value's pieces as one expression, concatenated with ``+``."""
    parts = [secret(piece) if isinstance(piece, Secret) else string(piece) for piece in value if piece != ""]
    return " + ".join(parts) or '""'


def literal(value: Any, language: str, secret: Callable[[Secret], str], indent: int = 0) -> str:
    """A JSON value as a Python (``language="python"``) or JavaScript literal, indented by 4 / 2 per level."""
    step = " " * (4 if language == "python" else 2)
    inner = step * (indent + 1)
    if isinstance(value, Secret):
        return secret(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{string(str(k))}: {literal(v, language, secret, indent + 1)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + step * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        items = [f"{inner}{literal(v, language, secret, indent + 1)}," for v in value]
        return "[\n" + "\n".join(items) + "\n" + step * indent + "]"
    if isinstance(value, str):
        return string(value)
    if value is None:
        return "None" if language == "python" else "null"
    if isinstance(value, bool):
        return ("True" if value else "False") if language == "python" else ("true" if value else "false")
    return json.dumps(value)


def pair_list(pairs: tuple[tuple[str, Value], ...], secret: Callable[[Secret], str], indent: str,
              brackets: str = "()") -> str:
    """Pairs as a list of two-element tuples (Python, ``()``) or arrays (JavaScript, ``[]``), one per line."""
    open_, close = brackets[0], brackets[1]
    step = "    " if brackets == "()" else "  "
    lines = [f"{indent}{step}{open_}{string(name)}, {joined(value, secret)}{close}," for name, value in pairs]
    return "[\n" + "\n".join(lines) + f"\n{indent}]"
