"""Quick open: what a pasted ID, ``OBJCODE:ID`` or Workfront web link points at, and name search.

    parse_target("https://acme.my.workfront.com/project/63ab…/tasks")   # ObjectTarget("PROJ", "63ab…")
    parse_target("task:63ab…")                                          # ObjectTarget("TASK", "63ab…")
    parse_target("63ab…")                                               # ObjectTarget(None, "63ab…"): type unknown
    parse_target("Rc6955…")                                             # RecordTarget("Rc6955…")
    parse_target("checkout")                                            # None: search names instead
    find_object(session, target)         # resolves an ID of unknown type: one request over the common types
    search_names(session, "check")       # the common types whose name contains the text: one request
    web_link(profile_base_url, "PROJ", "63ab…")                         # the object's page in Workfront

Web links: the classic and new experiences (``/project/<ID>/overview``, ``/task/view?ID=…``) on the
tenant's host or inside Adobe's unified shell (``experience.adobe.com/#/…/workfront/project/<ID>/…``);
Planning links are recognised by their record ID (``Rc…``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wfexplorer.core import errors
from wfexplorer.core.browse.display import object_label
from wfexplorer.core.classic.session import Session

#: Web UI path words → objCode (and back, for links).
WEB_PATHS: dict[str, str] = {
    "project": "PROJ", "task": "TASK", "issue": "OPTASK", "user": "USER", "portfolio": "PORT",
    "program": "PRGM", "template": "TMPL", "document": "DOCU", "team": "TEAMOB", "group": "GROUP",
    "company": "CMPY", "request": "OPTASK", "report": "PTLSEC", "role": "ROLE",
}  # fmt: skip
OBJECT_PATHS: dict[str, str] = {code: word for word, code in WEB_PATHS.items() if word not in ("request",)}

#: The types quick open searches by name, in the order hits are listed.
NAME_SEARCH_TYPES = ("PROJ", "TASK", "OPTASK", "PORT", "PRGM", "USER")

_CLASSIC_ID = re.compile(r"^[0-9a-f]{32}$", re.IGNORECASE)
_PLANNING_RECORD_ID = re.compile(r"\bRc[0-9A-Za-z]{12,}\b")
_CODE_ID = re.compile(r"^([A-Za-z]{2,8})\s*[:/]\s*([0-9a-fA-F]{32})$")


@dataclass(frozen=True, slots=True)
class ObjectTarget:
    """A classic object; ``code`` None when only the ID is known."""

    code: str | None
    id: str


@dataclass(frozen=True, slots=True)
class RecordTarget:
    """A Planning record."""

    id: str


@dataclass(frozen=True, slots=True)
class NameHit:
    """One object a name search found."""

    code: str
    id: str
    label: str


Target = ObjectTarget | RecordTarget


def parse_target(text: str) -> Target | None:
    """What ``text`` points at, or None when it is not an ID or a link (then it is a name to search)."""
    text = text.strip().strip("<>\"'")
    if not text:
        return None
    if _CLASSIC_ID.match(text):
        return ObjectTarget(None, text.lower())
    matched = _CODE_ID.match(text)
    if matched:
        code = matched.group(1).upper()
        return ObjectTarget(WEB_PATHS.get(code.lower(), code), matched.group(2).lower())
    if "://" in text or text.startswith(("/", "#")):
        return _from_link(text)
    record = _PLANNING_RECORD_ID.fullmatch(text)
    return RecordTarget(record.group(0)) if record else None


def _from_link(url: str) -> Target | None:
    parts = urlsplit(url)
    # The unified shell keeps the Workfront path in the fragment: #/@org/so:acme/workfront/project/<ID>/tasks
    path = parts.path + ("/" + parts.fragment if parts.fragment else "")
    query = parse_qs(parts.query)
    words = [word for word in re.split(r"[/?&=#]+", path) if word]
    for index, word in enumerate(words):
        code = WEB_PATHS.get(word.lower())
        if code is None:
            continue
        following = words[index + 1] if index + 1 < len(words) else ""
        if _CLASSIC_ID.match(following):
            return ObjectTarget(code, following.lower())
        ids = query.get("ID") or query.get("id")
        if following.lower() == "view" and ids and _CLASSIC_ID.match(ids[0]):
            return ObjectTarget(code, ids[0].lower())
    record = _PLANNING_RECORD_ID.search(url)
    if record:
        return RecordTarget(record.group(0))
    bare = next((word for word in words if _CLASSIC_ID.match(word)), None)
    return ObjectTarget(None, bare.lower()) if bare else None


def find_object(session: Session, target: ObjectTarget, types: tuple[str, ...] = NAME_SEARCH_TYPES
                ) -> ObjectTarget:
    """``target`` with its type known: as given, or found among ``types`` (one batch request)."""
    if target.code is not None:
        return target
    answers = session.batch([("GET", f"/{code.lower()}/search", {"ID": target.id, "fields": "ID"}) for code in types],
                            raise_errors=False)
    for code, answer in zip(types, answers, strict=True):
        if isinstance(answer, list) and answer:
            return ObjectTarget(code, target.id)
    raise errors.NotFoundError(f"No project, task, issue, portfolio, program or user has the ID {target.id}.")


def search_names(session: Session, text: str, *, limit: int = 8, types: tuple[str, ...] = NAME_SEARCH_TYPES
                 ) -> list[NameHit]:
    """Objects of ``types`` whose name contains ``text`` (case-insensitive), ``limit`` per type: one request."""
    text = text.strip()
    if not text:
        return []
    calls = [("GET", f"/{code.lower()}/search",
              {"name": text, "name_Mod": "cicontains", "name_Sort": "asc", "fields": "ID,name", "$$LIMIT": limit})
             for code in types]  # fmt: skip
    answers: list[Any] = session.batch(calls, raise_errors=False)
    hits: list[NameHit] = []
    for code, answer in zip(types, answers, strict=True):
        if isinstance(answer, list):
            hits += [NameHit(code, str(row["ID"]), object_label(row, "name")) for row in answer
                     if isinstance(row, dict) and row.get("ID")]
    return hits


def web_link(base_url: str, code: str, object_id: str) -> str:
    """The object's page in Workfront's web UI (``{base}/project/<ID>/overview``)."""
    word = OBJECT_PATHS.get(code.upper(), code.lower())
    return f"{base_url.rstrip('/')}/{word}/{object_id}/overview"
