"""Deterministic demo data for the Planning simulator (seeded RNG; ``scale`` multiplies record counts).

Three workspaces: a 2027 marketing plan (campaigns, tactics, audiences, channels, budget lines, plus external
record types mirroring the classic simulator's projects, portfolios and users), product launches, and events
(which uses the launches workspace's global "Regions" record type). Fields cover all 12 v2 types, lookups
(with and without rollups) and the four system fields; select options carry colours; references run between
record types (single and multiple, with a back reference) and to the external record types. About 5,000
records at scale 1. Runs after the classic seed and reads its USER, PROJ and PORT records.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.planning import kinds
from wfexplorer.demo.planning.external import mirror_doc
from wfexplorer.demo.planning.records import compute_formulas
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.support import aliasify, new_id, timestamp

SEED = 2027
BASE_TIME = 1_767_225_600.0  # 2026-01-01T00:00:00Z
COLORS = ("green", "blue", "orange", "red", "purple", "teal", "yellow", "gray")
WORDS = ("Spring", "Summer", "Autumn", "Winter", "Bold", "Bright", "Global", "Local", "Digital", "Green", "Smart",
         "Fresh", "Prime", "Urban", "Coastal", "Alpine", "Nova", "Apex", "Pulse", "Vivid")
NOUNS = ("Launch", "Push", "Drive", "Wave", "Story", "Journey", "Moment", "Boost", "Sprint", "Showcase")


def _options(prefix: str, names: list[str]) -> list[dict[str, str]]:
    return [{"name": f"opt_{prefix}_{aliasify(n, set())}", "displayName": n, "color": COLORS[i % len(COLORS)]}
            for i, n in enumerate(names)]


@dataclass
class FieldSpec:
    """One field of a record type in the seed (``ref``: key of the referenced record type)."""

    name: str
    type: str
    options: list[str] = field(default_factory=list)
    ref: str | None = None
    multiple: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
    lookup: tuple[str, str, str | None] | None = None  # (reference field name, source field name, rollup)
    back: str | None = None  # name of the back-reference field created on the target
    empty: float = 0.1  # share of records with no value


@dataclass
class TypeSpec:
    """One record type in the seed."""

    key: str
    name: str
    workspace: str
    count: int
    fields: list[FieldSpec]
    icon: str = "diamond"
    color: str = "purple"
    external: dict[str, Any] | None = None
    global_: bool = False


CAMPAIGN_STATUS = ["Planned", "Active", "On hold", "Complete", "Cancelled"]
TACTIC_STATUS = ["Draft", "Scheduled", "Live", "Done"]

TYPES = [
    TypeSpec("channels", "Channels", "marketing", 20, [
        FieldSpec("Channel type", "SINGLE_SELECT", ["Paid", "Owned", "Earned"], empty=0),
        FieldSpec("Cost per contact", "CURRENCY", extra={"numberOptions": {"precision": 2, "currency": "USD"}}),
    ], icon="broadcast", color="teal"),
    TypeSpec("audiences", "Audiences", "marketing", 150, [
        FieldSpec("Segment", "SINGLE_SELECT", ["Consumers", "Small business", "Enterprise", "Partners"]),
        FieldSpec("Audience size", "NUMBER", extra={"numberOptions": {"precision": 0, "allowNegatives": False}}),
        FieldSpec("Regions", "MULTI_SELECT", ["EMEA", "NA", "LATAM", "APAC"]),
    ], icon="people", color="orange"),
    TypeSpec("campaigns", "Campaigns", "marketing", 400, [
        FieldSpec("Description", "PARAGRAPH"),
        FieldSpec("Target reach", "NUMBER", extra={"numberOptions": {"precision": 0, "allowNegatives": False}}),
        FieldSpec("Completion", "PERCENTAGE", extra={"numberOptions": {"precision": 0,
                                                                      "visualizationType": "PROGRESS_BAR"}}),
        FieldSpec("Budget", "CURRENCY", extra={"numberOptions": {"precision": 2, "allowNegatives": False,
                                                                 "currency": "USD"}}),
        FieldSpec("Launch date", "DATE", extra={"dateOptions": {"dateFormat": "iso"}}),
        FieldSpec("End date", "DATE", extra={"dateOptions": {"dateFormat": "iso"}}),
        FieldSpec("Status", "SINGLE_SELECT", CAMPAIGN_STATUS, empty=0.05),
        FieldSpec("Tags", "MULTI_SELECT", ["Brand", "Web", "Social", "Events", "Retail", "Email"]),
        FieldSpec("Approved", "CHECKBOX", empty=0),
        FieldSpec("Owners", "USER", extra={"userOptions": {"multipleUsersAllowed": True}}),
        FieldSpec("Audiences", "REFERENCE", ref="audiences", multiple=True),
        FieldSpec("Primary channel", "REFERENCE", ref="channels", multiple=False),
        FieldSpec("Summary", "FORMULA", extra={"formulaOptions": {
            "formula": 'CONCAT({name}, " (", {target_reach}, ")")', "returnType": "TEXT"}}, empty=0),
        FieldSpec("Workfront projects", "REFERENCE", ref="wf_projects", multiple=True, empty=0.3),
        FieldSpec("Portfolio", "REFERENCE", ref="wf_portfolios", multiple=False, empty=0.3),
        FieldSpec("Sponsor", "REFERENCE", ref="wf_users", multiple=False, empty=0.2),
        FieldSpec("Channel type", "LOOKUP", lookup=("Primary channel", "Channel type", None)),
        FieldSpec("Total audience size", "LOOKUP", lookup=("Audiences", "Audience size", "sum")),
    ], icon="megaphone", color="purple"),
    TypeSpec("tactics", "Tactics", "marketing", 1600, [
        FieldSpec("Campaign", "REFERENCE", ref="campaigns", multiple=False, back="Tactics", empty=0.02),
        FieldSpec("Channel", "REFERENCE", ref="channels", multiple=False),
        FieldSpec("Start date", "DATE"),
        FieldSpec("Cost", "CURRENCY", extra={"numberOptions": {"precision": 2, "currency": "USD"}}),
        FieldSpec("Status", "SINGLE_SELECT", TACTIC_STATUS),
        FieldSpec("Owner", "USER", extra={"userOptions": {"multipleUsersAllowed": False}}),
        FieldSpec("Campaign budget", "LOOKUP", lookup=("Campaign", "Budget", None)),
    ], icon="target", color="blue"),
    TypeSpec("budget_lines", "Budget lines", "marketing", 1200, [
        FieldSpec("Campaign", "REFERENCE", ref="campaigns", multiple=False),
        FieldSpec("Amount", "CURRENCY", extra={"numberOptions": {"precision": 2, "currency": "USD"}}),
        FieldSpec("Quarter", "SINGLE_SELECT", ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"], empty=0),
        FieldSpec("Committed", "CHECKBOX", empty=0),
        FieldSpec("Cost center", "TEXT"),
    ], icon="dollar", color="green"),
    TypeSpec("wf_projects", "Workfront projects", "marketing", 0, [FieldSpec("Workfront ID", "TEXT")],
             icon="project", color="gray", external={"connection": "WORKFRONT", "object": "PROJECT"}),
    TypeSpec("wf_portfolios", "Workfront portfolios", "marketing", 0, [FieldSpec("Workfront ID", "TEXT")],
             icon="portfolio", color="gray", external={"connection": "WORKFRONT", "object": "PORTFOLIO"}),
    TypeSpec("wf_users", "Workfront users", "marketing", 0, [FieldSpec("Workfront ID", "TEXT")],
             icon="user", color="gray", external={"connection": "WORKFRONT", "fields": {"objCode": "USER"}}),
    TypeSpec("regions", "Regions", "launches", 12, [
        FieldSpec("Region code", "TEXT", empty=0),
        FieldSpec("Market size", "CURRENCY", extra={"numberOptions": {"precision": 0, "currency": "EUR"}}),
    ], icon="globe", color="teal", global_=True),
    TypeSpec("products", "Products", "launches", 200, [
        FieldSpec("SKU", "TEXT", empty=0),
        FieldSpec("Price", "CURRENCY", extra={"numberOptions": {"precision": 2, "currency": "EUR"}}),
        FieldSpec("Category", "SINGLE_SELECT", ["Hardware", "Software", "Service", "Bundle"]),
        FieldSpec("Discontinued", "CHECKBOX", empty=0),
    ], icon="box", color="orange"),
    TypeSpec("launches", "Launches", "launches", 600, [
        FieldSpec("Launch date", "DATE"),
        FieldSpec("Readiness", "PERCENTAGE"),
        FieldSpec("Stage", "SINGLE_SELECT", ["Idea", "Build", "Beta", "GA", "Retired"]),
        FieldSpec("Channels", "MULTI_SELECT", ["Web", "Retail", "Partner", "Direct"]),
        FieldSpec("Products", "REFERENCE", ref="products", multiple=True),
        FieldSpec("Regions", "REFERENCE", ref="regions", multiple=True),
        FieldSpec("Launch team", "USER", extra={"userOptions": {"multipleUsersAllowed": True}}),
        FieldSpec("Notes", "PARAGRAPH", empty=0.4),
        FieldSpec("Workfront project", "REFERENCE", ref="wf_projects", multiple=False, empty=0.4),
        FieldSpec("Product prices", "LOOKUP", lookup=("Products", "Price", None)),
    ], icon="rocket", color="red"),
    TypeSpec("venues", "Venues", "events", 100, [
        FieldSpec("City", "TEXT", empty=0),
        FieldSpec("Capacity", "NUMBER"),
        FieldSpec("Accessible", "CHECKBOX", empty=0),
    ], icon="building", color="blue"),
    TypeSpec("events", "Events", "events", 700, [
        FieldSpec("Event date", "DATE", empty=0.02),
        FieldSpec("Format", "SINGLE_SELECT", ["In person", "Virtual", "Hybrid"]),
        FieldSpec("Expected attendees", "NUMBER"),
        FieldSpec("Budget", "CURRENCY", extra={"numberOptions": {"precision": 2, "currency": "USD"}}),
        FieldSpec("Venue", "REFERENCE", ref="venues", multiple=False),
        FieldSpec("Region", "REFERENCE", ref="regions", multiple=False),
        FieldSpec("Hosts", "USER", extra={"userOptions": {"multipleUsersAllowed": True}}),
        FieldSpec("Topics", "MULTI_SELECT", ["AI", "Cloud", "Security", "Design", "Data"]),
        FieldSpec("Confirmed", "CHECKBOX", empty=0),
        FieldSpec("Abstract", "PARAGRAPH", empty=0.3),
        FieldSpec("Venue capacity", "LOOKUP", lookup=("Venue", "Capacity", "max")),
        FieldSpec("Headline", "FORMULA", extra={"formulaOptions": {
            "formula": 'UPPER({name})', "returnType": "TEXT"}}, empty=0),
    ], icon="calendar", color="yellow"),
]

WORKSPACES = [
    ("marketing", "2027 Marketing Plan", "Campaigns, tactics, audiences, channels and budget lines for 2027",
     "blue", "megaphone", [("Plan", ["campaigns", "tactics", "budget_lines"]), ("Reference data", [
         "audiences", "channels"]), ("Workfront", ["wf_projects", "wf_portfolios", "wf_users"])]),
    ("launches", "Product Launches", "Products and their launches by region", "orange", "rocket",
     [("Launches", ["launches", "products", "regions"])]),
    ("events", "Events", "Conferences, webinars and venues", "green", "calendar",
     [("Events", ["events", "venues", "regions"])]),
]
CLASSIC_FOR = {"wf_projects": "PROJ", "wf_portfolios": "PORT", "wf_users": "USER"}


class _Seeder:
    def __init__(self, context: DemoContext, scale: float) -> None:
        self.context = context
        self.scale = scale
        self.rng = random.Random(SEED)
        self.pl = Planning(context)
        self.people = self.pl.directory.everyone()
        admins = [p for p in self.people if p.is_admin] or self.people
        self.admin = admins[0].wf_id if admins else "planning-seed"
        self.tick = 0
        self.ws_ids: dict[str, str] = {}
        self.rt_docs: dict[str, dict[str, Any]] = {}
        self.field_ids: dict[tuple[str, str], str] = {}
        self.fields: list[dict[str, Any]] = []

    def moment(self) -> str:
        self.tick += 1
        return timestamp(BASE_TIME + self.tick * 617.0)

    def audit(self, user: str | None = None) -> dict[str, Any]:
        moment = self.moment()
        who = user or self.admin
        return {"createdBy": who, "createdAt": moment, "updatedBy": who, "updatedAt": moment,
                "_seq": float(self.tick)}

    def structure(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        workspaces = []
        for key, name, description, color, icon, sections in WORKSPACES:
            self.ws_ids[key] = new_id("workspace", self.rng, BASE_TIME)
            workspaces.append({"ID": self.ws_ids[key], "alias": aliasify(name, set(), "-"), "name": name,
                               "description": description, "color": color, "icon": icon,
                               "ownerId": self.pl.directory.ims_of(self.admin), "_sections": sections,
                               **self.audit()})
        rt_aliases: set[str] = set()
        for spec in TYPES:
            rt = {"ID": new_id("recordtype", self.rng, BASE_TIME), "workspaceId": self.ws_ids[spec.workspace],
                  "alias": aliasify(spec.name, rt_aliases), "displayName": spec.name,
                  "description": f"{spec.name} of the demo data", "icon": spec.icon, "color": spec.color,
                  "isExternal": spec.external is not None, "dynamicWorkspaceIds": [], **self.audit()}
            rt_aliases.add(rt["alias"])
            if spec.external:
                rt["externalOptions"] = spec.external
            if spec.global_:
                rt.update({"linkableWithAllWorkspaces": True, "isGlobal": True,
                           "dynamicWorkspaceIds": [self.ws_ids["events"]]})
            self.rt_docs[spec.key] = rt
        for spec in TYPES:
            self._fields(spec)
        for workspace, (_, _, _, _, _, sections) in zip(workspaces, WORKSPACES, strict=True):
            workspace["recordTypeSections"] = [
                {"displayName": title, "recordTypeIds": [self.rt_docs[k]["ID"] for k in keys]}
                for title, keys in sections]
            workspace.pop("_sections")
        return workspaces, list(self.rt_docs.values()), self.fields

    def _add_field(self, spec_key: str, name: str, type_name: str, aliases: set[str], **extra: Any) -> dict[str, Any]:
        rt = self.rt_docs[spec_key]
        doc = {"ID": new_id("field", self.rng, BASE_TIME), "recordTypeId": rt["ID"], "alias": aliasify(name, aliases),
               "displayName": name, "type": type_name, **extra, **self.audit()}
        aliases.add(doc["alias"])
        self.fields.append(doc)
        self.field_ids[(spec_key, name)] = doc["ID"]
        return doc

    def _fields(self, spec: TypeSpec) -> None:
        aliases = {str(f["alias"]) for f in self.fields if f["recordTypeId"] == self.rt_docs[spec.key]["ID"]}
        primary = self._add_field(spec.key, "Name", "TEXT", aliases)
        self.rt_docs[spec.key]["primaryFieldId"] = primary["ID"]
        for fs in spec.fields:
            extra: dict[str, Any] = dict(fs.extra)
            if fs.options:
                extra["options"] = _options(aliasify(fs.name, set()), fs.options)
            if fs.ref:
                target = self.rt_docs[fs.ref]
                options: dict[str, Any] = {"recordTypeId": target["ID"], "multiple": fs.multiple,
                                           "isExternal": bool(target.get("isExternal")), "showTitle": True}
                if target.get("isExternal"):
                    ext = target["externalOptions"]
                    options["externalOptions"] = {"connectionName": ext["connection"],
                                                  "objectName": ext.get("object") or ext["fields"]["objCode"]}
                extra["referenceOptions"] = options
            if fs.lookup:
                ref_name, source_name, rollup = fs.lookup
                ref_field = self.field_ids[(spec.key, ref_name)]
                ref_spec = next(f for f in spec.fields if f.name == ref_name)
                extra["lookupOptions"] = {"referenceFieldId": ref_field,
                                          "sourceFieldId": self.field_ids[(str(ref_spec.ref), source_name)],
                                          **({"rollup": rollup} if rollup else {})}
            doc = self._add_field(spec.key, fs.name, fs.type, aliases, **extra)
            if fs.back and fs.ref:
                target_aliases = {str(f["alias"]) for f in self.fields
                                  if f["recordTypeId"] == self.rt_docs[fs.ref]["ID"]}
                back = self._add_field(fs.ref, fs.back, "REFERENCE", target_aliases, referenceOptions={
                    "recordTypeId": self.rt_docs[spec.key]["ID"], "multiple": True, "isExternal": False,
                    "backFieldId": doc["ID"]})
                doc["referenceOptions"]["backFieldId"] = back["ID"]
                doc["referenceOptions"]["createBackReference"] = True
        for name, type_name in (("Created by", "CREATED_BY"), ("Created at", "CREATED_AT"),
                                ("Last updated by", "UPDATED_BY"), ("Last updated at", "UPDATED_AT")):
            self._add_field(spec.key, name, type_name, aliases)

    # -- records -----------------------------------------------------------------------------

    def records(self) -> list[dict[str, Any]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for spec in sorted(TYPES, key=lambda s: s.external is None):  # mirrors first: others link to them
            rt = self.rt_docs[spec.key]
            if spec.external:
                objects = sorted(self.context.store.table(CLASSIC_FOR[spec.key]).values(), key=lambda o: o["ID"])
                out[spec.key] = [mirror_doc(self.pl, rt, obj, float(i + 1), self.moment(), self.admin, self.rng,
                                            BASE_TIME) for i, obj in enumerate(objects)]
                continue
            count = max(1, round(spec.count * self.scale)) if spec.count else 0
            out[spec.key] = [self._record(spec, rt, index, out) for index in range(count)]
        for spec in TYPES:
            for fs in spec.fields:
                if fs.back and fs.ref:
                    self._fill_back(spec, fs, out)
        everything = [record for rows in out.values() for record in rows]
        return everything

    def _record(self, spec: TypeSpec, rt: dict[str, Any], index: int,
                done: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        rng = self.rng
        user = rng.choice(self.people).wf_id if self.people else self.admin
        record: dict[str, Any] = {"ID": new_id("record", rng, BASE_TIME), "recordTypeId": rt["ID"],
                                  "workspaceId": rt["workspaceId"], "_pos": float(index + 1), **self.audit(user)}
        record.pop("_seq")
        if rng.random() < 0.3:
            record["updatedBy"] = rng.choice(self.people).wf_id if self.people else self.admin
        if spec.global_ and rng.random() < 0.4:
            record["workspaceId"] = self.ws_ids["events"]
        data: dict[str, Any] = {rt["primaryFieldId"]: self._name(spec, index)}
        start: date | None = None
        for fs in spec.fields:
            if fs.type in ("LOOKUP", "FORMULA") or rng.random() < fs.empty:
                continue
            value = self._value(fs, spec, index, done, start)
            if fs.type == "DATE":
                start = date.fromisoformat(value)
            if value is not None and value != []:
                data[self.field_ids[(spec.key, fs.name)]] = value
        compute_formulas(self.pl, rt["ID"], record, data)
        record["data"] = data
        return record

    def _name(self, spec: TypeSpec, index: int) -> str:
        if spec.key == "regions":
            return ("EMEA North", "EMEA South", "DACH", "Nordics", "UK & Ireland", "North America", "LATAM",
                    "Brazil", "Japan", "ANZ", "India", "Greater China")[index % 12]
        if spec.key == "channels":
            return ("Search ads", "Social ads", "Display", "Email", "Webinars", "Blog", "Podcast", "TV", "Radio",
                    "Print", "Out of home", "Events", "Partners", "Affiliates", "SMS", "In-app", "Video",
                    "Community", "PR", "Influencers")[index % 20]
        return f"{self.rng.choice(WORDS)} {self.rng.choice(NOUNS)} {index + 1:04d}"

    def _value(self, fs: FieldSpec, spec: TypeSpec, index: int, done: dict[str, list[dict[str, Any]]],
               start: date | None) -> Any:
        rng = self.rng
        kind = fs.type
        if kind == "TEXT":
            return f"{aliasify(fs.name, set()).upper()[:3]}-{rng.randint(100, 999)}"
        if kind == "PARAGRAPH":
            return f"{rng.choice(WORDS)} plan for {rng.choice(NOUNS).lower()} number {index + 1}."
        if kind == "NUMBER":
            return rng.randint(10, 500_000)
        if kind == "PERCENTAGE":
            return rng.randint(0, 100)
        if kind == "CURRENCY":
            return round(rng.uniform(500, 250_000), 2)
        if kind == "DATE":
            if start is not None:
                return (start + timedelta(days=rng.randint(7, 90))).isoformat()
            return (date(2027, 1, 1) + timedelta(days=rng.randint(0, 364))).isoformat()
        if kind == "CHECKBOX":
            return rng.random() < 0.5
        if kind == "SINGLE_SELECT":
            return f"opt_{aliasify(fs.name, set())}_{aliasify(rng.choice(fs.options), set())}"
        if kind == "MULTI_SELECT":
            picks = rng.sample(fs.options, rng.randint(1, min(3, len(fs.options))))
            return [f"opt_{aliasify(fs.name, set())}_{aliasify(p, set())}" for p in picks]
        if kind == "USER":
            if not self.people:
                return None
            multiple = fs.extra.get("userOptions", {}).get("multipleUsersAllowed", True)
            count = rng.randint(1, min(3, len(self.people))) if multiple else 1
            return [p.ims_id for p in rng.sample(self.people, count)]
        if kind == "REFERENCE" and fs.ref:
            targets = done.get(fs.ref) or []
            if not targets:
                return None
            count = rng.randint(1, min(3, len(targets))) if fs.multiple else 1
            return [t["ID"] for t in rng.sample(targets, count)]
        return None

    def _fill_back(self, spec: TypeSpec, fs: FieldSpec, out: dict[str, list[dict[str, Any]]]) -> None:
        forward = self.field_ids[(spec.key, fs.name)]
        back = self.field_ids[(str(fs.ref), str(fs.back))]
        by_id = {r["ID"]: r for r in out[str(fs.ref)]}
        for record in out[spec.key]:
            for target_id in record["data"].get(forward) or []:
                target = by_id.get(target_id)
                if target is not None:
                    target["data"].setdefault(back, []).append(record["ID"])

    def sharing(self, workspaces: list[dict[str, Any]]) -> list[dict[str, Any]]:
        acls = []
        for ws in workspaces:
            members = []
            for index, person in enumerate(self.people):
                role = "manager" if person.wf_id == self.admin else ("viewer" if index % 4 == 3 else "editor")
                members.append({"subjectId": person.wf_id, "subjectType": "user", "role": role})
            acls.append({"ID": f"workspaces:{ws['ID']}", "members": members, "inherited": True})
        return acls

    def views(self) -> list[dict[str, Any]]:
        views = []
        for key, name, view_type, extra in (
            ("campaigns", "All campaigns", "table", {}),
            ("campaigns", "Campaign timeline", "timeline", {"metadata": {
                "startDateKey": self.field_ids[("campaigns", "Launch date")],
                "endDateKey": self.field_ids[("campaigns", "End date")], "timelineScale": "MONTH"}}),
            ("campaigns", "Active campaigns", "table", {"filter": [{"operator": "AND", "conditions": [
                {"fieldId": self.field_ids[("campaigns", "Status")], "condition": "IS",
                 "value": "opt_status_active"}]}],
                "sorting": [{"fieldId": self.field_ids[("campaigns", "Launch date")], "direction": "asc"}]}),
            ("tactics", "Tactics by status", "table", {"grouping": [
                {"fieldId": self.field_ids[("tactics", "Status")], "direction": "asc"}]}),
            ("events", "Event calendar", "calendar", {"metadata": {
                "startDateKey": self.field_ids[("events", "Event date")]}}),
            ("launches", "Launch gallery", "gallery", {}),
        ):
            views.append({"ID": new_id("view", self.rng, BASE_TIME), "recordTypeId": self.rt_docs[key]["ID"],
                          "name": name, "type": view_type, "isHidden": False, "isPublicShared": True,
                          "isRestricted": False, **extra, **self.audit()})
        return views


def seed_planning(context: DemoContext, scale: float = 1.0) -> None:
    """Create the Planning demo data at ``scale`` (deterministic for a given classic dataset)."""
    seeder = _Seeder(context, scale)
    workspaces, record_types, fields = seeder.structure()
    with context.store.transaction() as tx:
        tx.put_many(kinds.WORKSPACE, workspaces)
        tx.put_many(kinds.RECORD_TYPE, record_types)
        tx.put_many(kinds.FIELD, fields)
        tx.put_many(kinds.ACL, seeder.sharing(workspaces))
        tx.put_many(kinds.VIEW, seeder.views())
    records = seeder.records()
    with context.store.transaction() as tx:
        tx.put_many(kinds.RECORD, records)


def grow_record_type(context: DemoContext, alias: str, count: int, seed: int = SEED + 1) -> str:
    """Add seeded records to the seeded record type ``alias`` (a key of ``TYPES`` such as ``campaigns``) until it
    holds ``count``; return its ID.

    For benchmarks and volume tests (e.g. 25,000 campaigns); references point at existing records.
    """
    spec = next(s for s in TYPES if s.key == alias and not s.external)
    pl = Planning(context)
    seeder = _Seeder(context, 1.0)
    seeder.rng = random.Random(seed)
    seeded = sorted(context.store.table(kinds.RECORD_TYPE).values(), key=lambda r: r.get("_seq", 0))
    seeder.rt_docs = {s.key: next(r for r in seeded if r.get("displayName") == s.name) for s in TYPES}
    rt = seeder.rt_docs[alias]
    seeder.field_ids = {(s.key, f["displayName"]): f["ID"] for s in TYPES
                        for f in pl.fields_of(seeder.rt_docs[s.key]["ID"])}
    done = {s.key: list(pl.records_of(seeder.rt_docs[s.key]["ID"])) for s in TYPES}
    existing = len(done[alias])
    new = [seeder._record(spec, rt, existing + index, done) for index in range(max(0, count - existing))]
    taken = set(context.store.table(kinds.RECORD))
    ids = random.Random(f"grow-{seed}-{alias}")
    for index, record in enumerate(new):
        record["_pos"] = float(existing + index + 1)
        while record["ID"] in taken:  # the seeded RNG repeats the first seed's IDs: draw fresh ones
            record["ID"] = new_id("record", ids, BASE_TIME)
        taken.add(record["ID"])
    with context.store.transaction() as tx:
        tx.put_many(kinds.RECORD, new)
    return str(rt["ID"])
