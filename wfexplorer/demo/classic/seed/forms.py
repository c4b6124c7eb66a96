"""The three custom forms (Project Intake, Task Details, Issue Triage) and plausible values for them."""

from __future__ import annotations

import random
from typing import Any

from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, SeedState, iso

# (form, catObjCode, description, [(param name, dataType, displayType, options)])
FORMS: tuple[tuple[str, str, str, tuple[tuple[str, str, str, tuple[str, ...]], ...]], ...] = (
    ("Project Intake", "PROJ", "Business details captured when a project is requested", (
        ("Budget Code", "TEXT", "TEXT", ()),
        ("Estimated Revenue", "NMBR", "TEXT", ()),
        ("Launch Date", "DATE", "DATE", ()),
        ("Business Unit", "TEXT", "SLCT", ("Apparel", "Footwear", "Equipment", "Corporate")),
        ("Regions", "TEXT", "CHCK", ("North America", "EMEA", "APAC", "LATAM")),
    )),
    ("Task Details", "TASK", "Delivery details for creative and engineering tasks", (
        ("Effort Points", "NMBR", "TEXT", ()),
        ("Deliverable Type", "TEXT", "SLCT", ("Design asset", "Code change", "Copy", "Report", "Configuration")),
        ("Review Required", "TEXT", "RDIO", ("Yes", "No")),
        ("Channels", "TEXT", "MSLCT", ("Web", "Email", "Social", "In-store", "Mobile app")),
        ("QA Notes", "TEXT", "TXTA", ()),
    )),
    ("Issue Triage", "OPTASK", "Impact assessment for incoming issues", (
        ("Customer Impact", "TEXT", "SLCT", ("None", "Low", "Medium", "High", "Critical")),
        ("Affected Systems", "TEXT", "MSLCT", ("Storefront", "Mobile app", "ERP", "Warehouse", "Payments", "CRM")),
        ("Reported Via", "TEXT", "SLCT", ("Support ticket", "Internal QA", "Customer email", "Social media",
                                          "Store staff")),
        ("Found In Version", "TEXT", "TEXT", ()),
        ("Target Fix Date", "DATE", "DATE", ()),
    )),
)


def build_forms(state: SeedState) -> dict[str, str]:
    """Create CTGY, PARAM, CTGYPA and POPT rows; return catObjCode → form ID."""
    created = ANCHOR - 500 * DAY
    forms: dict[str, str] = {}
    for form_name, code, description, params in FORMS:
        form = state.add("CTGY", {"name": form_name, "catObjCode": code, "description": description,
                                  "hasCalculatedFields": False, "accessorIDs": []}, created)
        forms[code] = form["ID"]
        for order, (name, data_type, display_type, options) in enumerate(params):
            param = state.add("PARAM", {"name": name, "dataType": data_type, "displayType": display_type,
                                        "displaySize": 40 if display_type in ("TEXT", "TXTA") else 0,
                                        "isRequired": False, "description": f"{name} ({form_name})"},
                              created + 60)
            state.add("CTGYPA", {"categoryID": form["ID"], "parameterID": param["ID"], "displayOrder": order,
                                 "isRequired": False}, created + 120)
            for position, option in enumerate(options):
                state.add("POPT", {"parameterID": param["ID"], "label": option, "value": option,
                                   "displayOrder": position, "isDefault": position == 0, "isHidden": False},
                          created + 180)
        created += DAY
    return forms


_UNIT_CODES = {"Apparel": "APP", "Footwear": "FTW", "Equipment": "EQP", "Corporate": "CORP"}


def project_values(rng: random.Random, index: int, start: float, end: float) -> dict[str, Any]:
    """Project Intake values."""
    unit = rng.choice(("Apparel", "Footwear", "Equipment", "Corporate"))
    regions = ["North America", *rng.sample(["EMEA", "APAC", "LATAM"], rng.randint(0, 2))]
    return {
        "DE:Budget Code": f"{_UNIT_CODES[unit]}-{iso(start)[:4]}-{100 + index:03d}",
        "DE:Estimated Revenue": float(rng.randrange(50, 4000) * 1000),
        "DE:Launch Date": iso(end + rng.randint(0, 14) * DAY),
        "DE:Business Unit": unit,
        "DE:Regions": regions,
    }


def task_values(rng: random.Random, phase: str) -> dict[str, Any]:
    """Task Details values (deliverable type follows the phase)."""
    by_phase = {"Design": "Design asset", "Creative": "Design asset", "Build": "Code change",
                "Migration": "Code change", "Measure": "Report", "Validation": "Report"}
    values: dict[str, Any] = {
        "DE:Effort Points": float(rng.choice((1, 2, 3, 5, 8, 13))),
        "DE:Deliverable Type": by_phase.get(phase) or rng.choice(("Copy", "Report", "Configuration")),
        "DE:Review Required": rng.choice(("Yes", "No")),
        "DE:Channels": rng.sample(["Web", "Email", "Social", "In-store", "Mobile app"], rng.randint(1, 3)),
    }
    if rng.random() < 0.3:
        values["DE:QA Notes"] = rng.choice((
            "Check on iPhone SE and large Android phones.", "Verify copy against the legal-approved version.",
            "Regression-test the promo-code path.", "Confirm alt text on every image.",
        ))
    return values


def issue_values(rng: random.Random, severity: int, entered: float) -> dict[str, Any]:
    """Issue Triage values (impact follows severity)."""
    impact = ("None", "Low", "Medium", "High", "Critical")[max(0, min(4, severity - 1))]
    values: dict[str, Any] = {
        "DE:Customer Impact": impact,
        "DE:Affected Systems": rng.sample(["Storefront", "Mobile app", "ERP", "Warehouse", "Payments", "CRM"],
                                          rng.randint(1, 2)),
        "DE:Reported Via": rng.choice(("Support ticket", "Internal QA", "Customer email", "Social media",
                                       "Store staff")),
        "DE:Found In Version": f"2.{rng.randint(10, 18)}.{rng.randint(0, 9)}",
    }
    if severity >= 3:
        values["DE:Target Fix Date"] = iso(entered + rng.randint(3, 30) * DAY)
    return values
