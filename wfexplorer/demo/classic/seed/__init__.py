"""Deterministic, realistic demo data for the classic simulator: a fictional outdoor-gear company.

``seed_classic(context, scale)`` builds, at ``scale`` 1: about 40 users (the administrator
``admin``; every user's password is ``demo``) with job roles, teams, groups and a company;
4 portfolios, 10 programs and 60 projects across every project status (plus the custom status
WSX and a project pending approval ``CUR:A``); about 3,000 tasks in phase → task → subtask
outlines with ``taskNumber``/``wbs``, assignments and finish-start predecessors; 800 issues across
every issue status; 5,000 hour entries; comment threads; documents with versions; CSTEM rows
for statuses, priorities, conditions and severities; three custom forms (Project Intake, Task
Details, Issue Triage) with text, number, date, dropdown and multi-select fields, filled in, and an
OBJCAT row per object with a form; two project templates of template tasks linked by predecessors.
``scale`` multiplies the volumes (0.2 for tests, 10 for about 30,000 tasks). The random
generator is seeded and the dataset's "today" is fixed (2026-06-01), so every run produces the
same records and IDs.
"""

from __future__ import annotations

from wfexplorer.demo.classic import objcats
from wfexplorer.demo.classic.seed.activity import build_documents, build_hours, build_notes
from wfexplorer.demo.classic.seed.forms import build_forms
from wfexplorer.demo.classic.seed.issues import build_issues
from wfexplorer.demo.classic.seed.levels import LEVEL_USERS, build_level_permissions, build_level_users
from wfexplorer.demo.classic.seed.org import ADMIN_USERNAME, DEMO_PASSWORD, build_org
from wfexplorer.demo.classic.seed.projects import (
    build_portfolios,
    build_projects,
    build_template_links,
    build_templates,
    project_custom_values,
)
from wfexplorer.demo.classic.seed.state import ANCHOR, Record, SeedState
from wfexplorer.demo.context import DemoContext
from wfexplorer.demo.ids import new_id

__all__ = ["ADMIN_USERNAME", "ANCHOR", "DEMO_PASSWORD", "LEVEL_USERS", "build_dataset", "seed_classic"]


def build_dataset(scale: float = 1.0) -> dict[str, list[Record]]:
    """Build every classic record for ``scale`` in memory; return them by kind (objCode)."""
    state = SeedState(scale=scale)
    build_org(state)
    form_ids = build_forms(state)
    build_templates(state)
    portfolios, programs = build_portfolios(state)
    plans = build_projects(state, portfolios, programs, form_ids)
    project_custom_values(state, plans)
    build_issues(state, plans, form_ids.get("OPTASK"))
    build_hours(state, plans)
    build_notes(state, plans)
    build_documents(state, plans)
    build_template_links(state)
    build_object_categories(state)
    build_level_users(state)
    build_level_permissions(state)
    return state.rows


def build_object_categories(state: SeedState) -> None:
    """One OBJCAT row per seeded object with a form (built last: IDs draw on the shared RNG)."""
    rows = list(objcats.seed_rows(state.rows, lambda owner: new_id(epoch_of(owner), state.rng)))
    state.rows.setdefault(objcats.KIND, []).extend(rows)


def epoch_of(record: Record) -> float:
    """The creation time of a seeded record (its ID's first 8 hex digits)."""
    return float(int(str(record["ID"])[:8], 16))


def seed_classic(context: DemoContext, scale: float = 1.0) -> None:
    """Write the classic demo dataset at ``scale`` into ``context.store`` in one transaction."""
    rows = build_dataset(scale)
    with context.store.transaction() as tx:
        for kind, records in rows.items():
            tx.put_many(kind, records)
