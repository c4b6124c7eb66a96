"""API versions of the classic surface: which version segments exist and how errors name them."""

from __future__ import annotations

import re

#: Released numbered versions the simulator serves (classic-api.md §1.2).
NUMBERED_VERSIONS: tuple[str, ...] = ("v0.5", "v0.75", *(f"v{n}.0" for n in range(1, 23)))
CURRENT_VERSION = "v21.0"
INTERNAL = "internal"
UNSUPPORTED = "unsupported"

OBJECT_CATEGORIES_SINCE = 5
"""First numbered version with OBJCAT and the ``objectCategories`` collections (which forms an object has).

classic-api.md §7.16 names them in v22; python-workfront's v4.0 model lacks them and its 2016
``unsupported`` model has them, so the simulator serves them from v5.0 on (inferred) and always in
``internal`` / ``unsupported``.
"""

_NUMBERED = re.compile(r"^v(\d+)(?:\.(\d+))?$", re.IGNORECASE)
_MODEL = re.compile(r"^V(\d+)_\d+$")


def normalise_version(segment: str) -> str | None:
    """Return the canonical name of a version segment (``v17`` → ``v17.0``), or ``None`` if unknown."""
    lowered = segment.lower()
    if lowered in ("unsupported", "api-unsupported"):
        return UNSUPPORTED
    if lowered in ("internal", "api-internal"):
        return INTERNAL
    match = _NUMBERED.match(segment)
    if match is None:
        return None
    name = f"v{int(match.group(1))}.{match.group(2) or '0'}"
    return name if name in NUMBERED_VERSIONS else None


def api_model_name(version: str) -> str:
    """Name the version as Workfront's error texts do: ``V17_0``, ``INTERNAL``, ``UNSUPPORTED``."""
    if version in (INTERNAL, UNSUPPORTED):
        return version.upper()
    return "V" + version[1:].replace(".", "_")


def major(version: str) -> int | None:
    """Return the major number of ``v7.0`` or of its error token ``V7_0``; ``None`` for the unversioned models.

    ``internal`` and ``unsupported`` (and their tokens) are the newest model, so they have everything.
    """
    match = _NUMBERED.match(version) or _MODEL.match(version)
    return int(match.group(1)) if match else None


def serves(version: str, since: int | None) -> bool:
    """Tell whether a member or object that appeared in version ``since`` exists in ``version`` (or its token)."""
    if since is None:
        return True
    number = major(version)
    return number is None or number >= since


def api_version_paths() -> dict[str, str]:
    """Return ``{"v1.0": "/attask/api/v1.0/", ...}`` as ``/login`` reports them."""
    return {name: f"/attask/api/{name}/" for name in NUMBERED_VERSIONS if not name.startswith("v0.")}
