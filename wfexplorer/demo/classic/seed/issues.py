"""Issues across every status, with assignments, triage form values and links to tasks."""

from __future__ import annotations

from wfexplorer.demo.classic.schema import enums
from wfexplorer.demo.classic.seed import forms
from wfexplorer.demo.classic.seed import vocabulary as vocab
from wfexplorer.demo.classic.seed.projects import NOT_STARTED, ProjectPlan
from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, SeedState, epoch, iso

ISSUE_STATUSES = (*tuple(value for value, _ in enums.ISSUE_STATUS), "QAR")
_OPEN_WEIGHTS = (("NEW", 30), ("INP", 25), ("AWF", 8), ("ONH", 5), ("ROP", 5), ("QAR", 5))
_CLOSED_WEIGHTS = (("CLS", 40), ("RLV", 25), ("VCP", 15), ("CND", 10), ("WTR", 10))
_EQUATES = {**enums.ISSUE_STATUS_EQUATES, "QAR": "INP"}


def _weighted(state: SeedState, weights: tuple[tuple[str, int], ...]) -> str:
    total = sum(weight for _, weight in weights)
    pick = state.rng.uniform(0, total)
    for value, weight in weights:
        pick -= weight
        if pick <= 0:
            return value
    return weights[0][0]


def _name(state: SeedState, plan: ProjectPlan) -> tuple[str, str]:
    rng = state.rng
    roll = rng.random()
    subject = plan.record["name"]
    if roll < 0.62:
        return f"{rng.choice(vocab.ISSUE_COMPONENTS)} {rng.choice(vocab.ISSUE_PROBLEMS)}", "BUG"
    if roll < 0.85:
        return rng.choice(vocab.REQUESTS).format(subject=subject), "REQ"
    if roll < 0.95:
        return rng.choice(vocab.CHANGE_ORDERS).format(subject=subject), "CHG"
    return f"Risk: {subject} depends on {rng.choice(('ERP cutover', 'vendor delivery', 'legal review'))}", "ISU"


def build_issues(state: SeedState, plans: list[ProjectPlan], form_id: str | None) -> None:
    """Create the issues (every status appears), their assignments and resolution links."""
    rng = state.rng
    candidates = [plan for plan in plans if plan.record["status"] not in ("IDA", "REQ")] or plans
    total = state.count(800, len(ISSUE_STATUSES) + 5)
    for index in range(total):
        plan = candidates[rng.randrange(len(candidates))]
        project = plan.record
        project_base = project["status"].split(":")[0]
        if index < len(ISSUE_STATUSES):
            status = ISSUE_STATUSES[index]
        elif project_base in ("CPL", "DED"):
            status = _weighted(state, _CLOSED_WEIGHTS)
        elif project_base in NOT_STARTED:
            status = _weighted(state, _OPEN_WEIGHTS[:2])
        else:
            status = _weighted(state, _OPEN_WEIGHTS + _CLOSED_WEIGHTS)
        name, issue_type = _name(state, plan)
        started = plan.leaves[0]["plannedStartDate"] if plan.leaves else project["plannedStartDate"]
        start = epoch(started)
        latest = min(ANCHOR - DAY, epoch(project["plannedCompletionDate"]))
        entered = start + rng.random() * max(latest - start, 3 * DAY) if latest > start else start - 5 * DAY
        submitter = rng.choice(plan.team) if plan.team else state.named("USER", "Jordan Avery")
        owner = rng.choice(plan.team) if plan.team else submitter
        severity = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
        equates = _EQUATES[status]
        issue = state.add("OPTASK", {
            "name": name, "projectID": project["ID"], "status": status, "statusEquatesWith": equates,
            "priority": min(4, max(1, severity - 1)), "severity": severity, "opTaskType": issue_type,
            "submittedByID": submitter["ID"], "ownerID": owner["ID"], "referenceNumber": 5000 + index,
            "description": f"Reported by {submitter['name']} on {iso(entered)[:10]}.",
            "plannedStartDate": iso(entered), "plannedCompletionDate": iso(entered + rng.randint(2, 21) * DAY),
            "isHelpDesk": rng.random() < 0.1, "isComplete": equates == "CLS", "percentComplete": 0.0,
            "condition": "ON", "groupID": project.get("groupID"),
        }, entered, by=submitter["ID"])
        issue["projectedStartDate"] = issue["plannedStartDate"]
        issue["projectedCompletionDate"] = issue["plannedCompletionDate"]
        if equates in ("INP", "CLS"):
            issue["actualStartDate"] = iso(entered + rng.randint(0, 3) * DAY)
        if equates == "CLS":
            issue["actualCompletionDate"] = iso(entered + rng.randint(1, 25) * DAY)
            issue["percentComplete"] = 100.0
            issue["previousStatus"] = "INP"
        elif status == "ROP":
            issue["previousStatus"] = "RLV"
        if plan.leaves and rng.random() < 0.3:
            task = rng.choice(plan.leaves)
            issue["sourceTaskID"] = task["ID"]
            if status in ("RLV", "VCP") and rng.random() < 0.5:
                issue.update(resolveTaskID=task["ID"], resolvingObjCode="TASK", resolvingObjID=task["ID"])
        if form_id and rng.random() < 0.6:
            issue["categoryID"] = form_id
            issue.update(forms.issue_values(rng, severity, entered))
        if index % 40 == 7 and equates != "CLS":
            issue["approvalProcessID"] = state.named("ARVPRC", "Change Control Board")["ID"]
            issue["status"] = "CLS:A"
            issue["_statusBeforeApproval"] = status
        if rng.random() < 0.85 and plan.team:
            assignee = rng.choice(plan.team)
            state.add("ASSGN", {
                "opTaskID": issue["ID"], "projectID": project["ID"], "assignedToID": assignee["ID"],
                "roleID": assignee.get("roleID"), "teamID": assignee.get("homeTeamID"), "assignmentPercent": 100.0,
                "isPrimary": True, "status": "DN" if equates == "CLS" else "WRK" if equates == "INP" else "NEW",
                "assignedByID": owner["ID"], "workUnit": "H",
            }, entered + 600)
            issue["assignedToID"] = assignee["ID"]
            issue["teamID"] = assignee.get("homeTeamID")
            issue["roleID"] = assignee.get("roleID")
