"""Copy as curl: a POSIX shell command that reads its secrets from environment variables."""

from __future__ import annotations

import json
import shlex
from typing import Any
from urllib.parse import quote

from wfexplorer.core.snippets.call import Resolved, Secret, Value


def _word(value: Value) -> str:
    """One shell word: literal parts single-quoted, secrets as ``"${VAR:?…}"`` (a clear error when unset)."""
    merged: list[str | Secret] = []
    for piece in value:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    parts = [f'"${{{piece.env}:?set {piece.env} first}}"' if isinstance(piece, Secret) else shlex.quote(piece)
             for piece in merged]
    return "".join(parts) or "''"


def _joined(name: str, separator: str, value: Value) -> Value:
    return (f"{name}{separator}", *value)


def _query_url(url: str, params: tuple[tuple[str, Value], ...]) -> Value:
    """The URL with its query written in (secret values inline from the environment, not encoded)."""
    pieces: list[str | Secret] = [url]
    for index, (name, value) in enumerate(params):
        pieces.append(("?" if index == 0 else "&") + quote(name, safe="$:,") + "=")
        pieces.extend(piece if isinstance(piece, Secret) else quote(piece, safe="$:,*") for piece in value)
    return tuple(pieces)


def _json_word(value: Any) -> str:
    """The JSON body as one shell word, each secret spliced in from the environment."""
    markers: dict[str, Secret] = {}

    def mark(item: Any) -> Any:
        if isinstance(item, Secret):
            key = f"\x00{len(markers)}\x00"
            markers[key] = item
            return key
        if isinstance(item, dict):
            return {k: mark(v) for k, v in item.items()}
        if isinstance(item, list):
            return [mark(v) for v in item]
        return item

    text = json.dumps(mark(value), ensure_ascii=False)
    pieces: list[str | Secret] = [text]
    for key, secret in markers.items():
        quoted = json.dumps(key)[1:-1]
        rebuilt: list[str | Secret] = []
        for piece in pieces:
            if isinstance(piece, Secret) or quoted not in piece:
                rebuilt.append(piece)
                continue
            before, after = piece.split(quoted, 1)
            rebuilt += [before, secret, after]
        pieces = rebuilt
    return _word(tuple(pieces))


def render_curl(resolved: Resolved) -> str:
    """``curl`` for the call: ``-G --data-urlencode`` for reads, form fields or a JSON body for writes."""
    call = resolved.call
    lines = ["curl -sS"]
    has_body = resolved.form is not None or resolved.has_json
    as_read = call.method in ("GET", "DELETE") and not has_body
    if call.method != ("POST" if has_body else "GET"):
        lines[0] += f" -X {call.method}"
    if as_read:
        lines.append(shlex.quote(call.url) + (" -G" if resolved.params else ""))
        lines += [f"--data-urlencode {_word(_joined(name, '=', value))}" for name, value in resolved.params]
    else:
        lines.append(_word(_query_url(call.url, resolved.params)))
    lines += [f"-H {_word(_joined(name, ': ', value))}" for name, value in resolved.headers]
    if resolved.form is not None:
        lines += [f"--data-urlencode {_word(_joined(name, '=', value))}" for name, value in resolved.form]
    elif resolved.has_json:
        lines.append("-H 'Content-Type: application/json'")
        lines.append(f"--data-raw {_json_word(resolved.json)}")
    return " \\\n  ".join(lines) + "\n"
