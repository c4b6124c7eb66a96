"""How the tree names classic objects: which field labels an object of a type, and the text of a row."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wfexplorer.core.classic.metadata import LinkMeta, ObjectMeta

#: Fields that name an object, in order of preference (the first one the type has is used).
NAME_FIELDS = ("name", "title", "subject", "noteText", "fileName", "label", "username", "emailAddr", "description")

#: Types the tree lists first, in this order (the rest follow by label).
COMMON_TYPES = ("PROJ", "TASK", "OPTASK", "PORT", "PRGM", "USER", "TEAMOB", "GROUP", "CMPY", "TMPL", "DOCU",
                "NOTE", "HOUR", "ASSGN", "ROLE", "CTGY")

#: Longest label the tree shows for an object (long note texts are cut).
MAX_LABEL = 120


def display_field(meta: ObjectMeta) -> str | None:
    """The field that names objects of this type, or None when it has none of the usual ones."""
    return next((name for name in NAME_FIELDS if name in meta.fields), None)


def object_label(data: Mapping[str, Any], display: str | None, type_label: str = "") -> str:
    """The row text of one object: its name, else its type and the start of its ID."""
    value = data.get(display) if display else None
    if value is None or value == "":
        value = data.get("name")
    if value is None or value == "":
        ident = str(data.get("ID") or "")
        return f"{type_label or data.get('objCode') or 'Object'} {ident[:8]}…" if ident else "(unnamed)"
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def value_text(value: Any) -> str:
    """The row text of a Planning value (a record's primary field): text, an option's or a link's name, a list."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        value = value.get("value") or value.get("name") or value.get("id") or ""
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def type_row_label(label: str, code: str) -> str:
    """``Project (PROJ)``."""
    return f"{label} ({code})"


#: Collections whose names say one thing in the API and another in Workfront's screens.
LINK_LABELS = {"opTasks": "Issues", "openOpTasks": "Open issues", "resolvables": "Resolving issues"}


def link_label(link: LinkMeta) -> str:
    """A reference's or collection's label; metadata often labels collections with their name (``accessRules``),
    which reads as ``Access rules``."""
    if link.label and link.label != link.name:
        return link.label
    if link.name in LINK_LABELS:
        return LINK_LABELS[link.name]
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", link.name).split()
    if not words:
        return link.name
    text = " ".join([words[0], *(w.lower() if not w.isupper() else w for w in words[1:])])
    return text[0].upper() + text[1:]
