"""Small shared helpers of the Planning simulator: IDs, timestamps, aliases, JSON responses."""

from __future__ import annotations

import json
import random
import re
import time
import unicodedata
from datetime import UTC, datetime
from typing import Any

from werkzeug.wrappers import Response

#: ID prefixes by resource (planning-api.md §1): prefix + 24 lower-case hex digits.
PREFIXES = {
    "workspace": "Ws",
    "recordtype": "Rt",
    "record": "Rc",
    "field": "F",
    "view": "V",
    "history": "H",
    "request": "AR",
}


def new_id(kind: str, rng: random.Random | None = None, created: float | None = None) -> str:
    """A new ``Ws``/``Rt``/``Rc``/``F``/``V`` ID: prefix, 8 hex of the creation time, 16 random hex."""
    source = rng if rng is not None else random.SystemRandom()
    seconds = int(time.time() if created is None else created) & 0xFFFFFFFF
    return f"{PREFIXES[kind]}{seconds:08x}{source.getrandbits(64):016x}"


def timestamp(epoch: float) -> str:
    """``yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`` for a Unix time."""
    moment = datetime.fromtimestamp(epoch, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def aliasify(name: str, taken: set[str], separator: str = "_") -> str:
    """A readable alias for ``name`` (``Campaign name`` -> ``campaign_name``), unique among ``taken``."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", separator, text.lower()).strip(separator) or "item"
    alias = base
    counter = 2
    while alias in taken:
        alias = f"{base}{separator}{counter}"
        counter += 1
    return alias


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON response (``application/json``)."""
    response = Response(json.dumps(body, separators=(",", ":")), status=status, mimetype="application/json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def empty_response(status: int) -> Response:
    """A response without a body (204, or v1's empty 200)."""
    return Response(b"", status=status)
