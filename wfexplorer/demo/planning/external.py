"""Planning records that stand for classic Workfront objects (external record types).

An external record type (``isExternal``, ``externalOptions.connection = WORKFRONT``) holds one Planning
record per connected classic object, with ``externalId`` = the classic ID. Records are mirrored by the seed
and, for objects that appear later, on first use (``matchExternalId`` filters and reference writes that name
a classic ID), as Planning itself assigns record IDs to objects when they are first connected.
"""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.planning import kinds
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.support import new_id, timestamp
from wfexplorer.demo.store import Record, Transaction

#: ``externalOptions.object`` (or ``fields.objCode``) → classic objCode.
CLASSIC_KINDS = {"PROJECT": "PROJ", "PORTFOLIO": "PORT", "PROGRAM": "PRGM", "COMPANY": "CMPY", "GROUP": "GROUP",
                 "TEMPLATE": "TMPL", "USER": "USER", "TASK": "TASK", "TEAM": "TEAMOB"}


def classic_kind(rt: Record) -> str | None:
    """The classic objCode an external record type mirrors, if any."""
    options = rt.get("externalOptions") or {}
    if not rt.get("isExternal") or options.get("connection") != "WORKFRONT":
        return None
    name = options.get("object") or (options.get("fields") or {}).get("objCode")
    return CLASSIC_KINDS.get(str(name)) if name else None


def classic_name(obj: Record) -> str:
    """A classic object's display name."""
    return str(obj.get("name") or " ".join(str(p) for p in (obj.get("firstName"), obj.get("lastName")) if p)
               or obj.get("ID"))


def mirror_doc(pl: Planning, rt: Record, obj: Record, position: float, moment: str, user_id: str,
               rng: Any = None, created: float | None = None) -> Record:
    """A new Planning record standing for classic object ``obj``."""
    fields = {f.get("alias"): f["ID"] for f in pl.fields_of(rt["ID"])}
    data: dict[str, Any] = {}
    if rt.get("primaryFieldId"):
        data[rt["primaryFieldId"]] = classic_name(obj)
    if "workfront_id" in fields:
        data[fields["workfront_id"]] = obj["ID"]
    return {"ID": new_id("record", rng, created), "recordTypeId": rt["ID"], "workspaceId": rt.get("workspaceId"),
            "data": data, "externalId": obj["ID"], "externalLink": f"/{str(obj.get('objCode', '')).lower()}/"
            f"{obj['ID']}", "_pos": position, "createdBy": user_id, "createdAt": moment, "updatedBy": user_id,
            "updatedAt": moment}


def resolve(pl: Planning, rt_id: str, external_ids: list[str], user_id: str, moment: str,
            tx: Transaction | None = None) -> dict[str, str]:
    """External ID → Planning record ID in ``rt_id``, mirroring classic objects that have no record yet.

    Given the write's transaction ``tx``, new mirror records join it, so a write that fails later leaves none
    behind; without one (a search), they are committed at once.
    """
    rt = pl.store.get(kinds.RECORD_TYPE, rt_id)
    if rt is None:
        return {}
    user_id = user_id or str(rt.get("createdBy") or "")
    moment = moment or timestamp(pl.context.clock())
    found = {str(r["externalId"]): r["ID"] for r in pl.records_of(rt_id) if r.get("externalId")}
    pending = tx.changes.values() if tx is not None else ()
    found.update({str(r["externalId"]): r["ID"] for r in pending if isinstance(r, dict)
                  and r.get("recordTypeId") == rt_id and r.get("externalId")})
    missing = [i for i in external_ids if i not in found]
    objcode = classic_kind(rt)
    if missing and objcode:
        new_docs = []
        records = pl.records_of(rt_id)
        position = float(records[-1].get("_pos", 0.0)) + 1.0 if records else 1.0
        for external_id in dict.fromkeys(missing):
            obj = pl.store.get(objcode, external_id)
            if obj is None:
                continue
            doc = mirror_doc(pl, rt, obj, position, moment, user_id)
            position += 1.0
            new_docs.append(doc)
            found[external_id] = doc["ID"]
        if new_docs and tx is not None:
            tx.put_many(kinds.RECORD, new_docs)
        elif new_docs:
            with pl.store.transaction() as own:
                own.put_many(kinds.RECORD, new_docs)
    return {i: found[i] for i in external_ids if i in found}
