"""v1 ``attributes`` projection: only the named top-level properties (others dropped, or ``null`` if set)."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.planning.call import Call

_ALWAYS = ("id",)


def project(call: Call, body: dict[str, Any]) -> dict[str, Any]:
    """``body`` limited to ``?attributes=`` (``*`` or absent: everything)."""
    wanted = call.args("attributes")
    if not wanted or "*" in wanted:
        return body
    keep = set(wanted) | set(_ALWAYS)
    if call.pl.options.flag("v1_projection_nulls"):
        return {key: (value if key in keep else None) for key, value in body.items()}
    return {key: value for key, value in body.items() if key in keep}
