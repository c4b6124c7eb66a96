"""Portfolios, programs, projects and their task outlines, assignments, predecessors and sharing."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from wfexplorer.demo.classic.seed import forms
from wfexplorer.demo.classic.seed import vocabulary as vocab
from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, Record, SeedState, epoch, iso, work_start

PROJECT_STATUS_CYCLE = ("CUR", "PLN", "CPL", "DED", "ONH", "REQ", "APR", "REJ", "IDA")
PROJECT_STATUS_WEIGHTS = (
    ("CUR", 40), ("PLN", 14), ("CPL", 20), ("ONH", 6), ("DED", 3), ("REQ", 5), ("APR", 4), ("REJ", 3), ("IDA", 5),
)
NOT_STARTED = {"PLN", "REQ", "APR", "REJ", "IDA"}


@dataclass
class ProjectPlan:
    """A project record plus what later builders need: its kind, team and leaf tasks."""

    record: Record
    kind: str
    team: list[Record]
    tasks: list[Record] = field(default_factory=list)
    leaves: list[Record] = field(default_factory=list)


def build_portfolios(state: SeedState) -> tuple[list[Record], list[tuple[Record, str]]]:
    """Create portfolios and programs; return the portfolios and (program, kind) pairs."""
    owners = _planners(state)
    portfolios = []
    for index in range(state.count(4, 2)):
        name, description = vocab.PORTFOLIOS[index % len(vocab.PORTFOLIOS)]
        if index >= len(vocab.PORTFOLIOS):
            name = f"{name} {index // len(vocab.PORTFOLIOS) + 1}"
        portfolios.append(state.add("PORT", {
            "name": name, "description": description, "ownerID": owners[index % len(owners)]["ID"],
            "isActive": True, "budget": float(state.rng.randrange(2, 12) * 500_000), "currency": "USD",
        }, ANCHOR - 700 * DAY + index * DAY))
    programs = []
    for index in range(state.count(10, 3)):
        name, portfolio_index, kind = vocab.PROGRAMS[index % len(vocab.PROGRAMS)]
        if index >= len(vocab.PROGRAMS):
            name = f"{name} Wave {index // len(vocab.PROGRAMS) + 1}"
        portfolio = portfolios[(portfolio_index + index // len(vocab.PROGRAMS)) % len(portfolios)]
        program = state.add("PRGM", {
            "name": name, "description": f"{name} program", "portfolioID": portfolio["ID"],
            "ownerID": owners[(index + 1) % len(owners)]["ID"], "isActive": True,
        }, ANCHOR - 650 * DAY + index * DAY)
        programs.append((program, kind))
    return portfolios, programs


def _planners(state: SeedState) -> list[Record]:
    planner = state.named("ACSLVL", "Planner")["ID"]
    users = [user for user in state.of("USER") if user.get("accessLevelID") == planner and user.get("isActive")]
    return users or state.of("USER")[:1]


def _project_status(state: SeedState, index: int) -> str:
    if index < len(PROJECT_STATUS_CYCLE):
        return PROJECT_STATUS_CYCLE[index]
    total = sum(weight for _, weight in PROJECT_STATUS_WEIGHTS)
    pick = state.rng.uniform(0, total)
    for status, weight in PROJECT_STATUS_WEIGHTS:
        pick -= weight
        if pick <= 0:
            return status
    return "CUR"


def build_projects(state: SeedState, portfolios: list[Record], programs: list[tuple[Record, str]],
                   form_ids: dict[str, str]) -> list[ProjectPlan]:
    """Create every project with its tasks, assignments, predecessors, access rules and project team."""
    rng = state.rng
    total = state.count(60, 6)
    task_target = state.count(3000, 100)
    per_project = max(12, round(task_target / total))
    owners = _planners(state)
    active_users = [user for user in state.of("USER") if user.get("isActive")]
    teams = state.of("TEAMOB")
    members: dict[str, list[Record]] = {}
    users_by_id = {user["ID"]: user for user in state.of("USER")}
    for link in state.of("TEAMMB"):
        user = users_by_id.get(link["userID"])
        if user is not None and user.get("isActive"):
            members.setdefault(link["teamID"], []).append(user)
    approval = {row["approvalObjCode"]: row["ID"] for row in state.of("ARVPRC")}
    subject_use: dict[str, int] = {}
    plans: list[ProjectPlan] = []
    for index in range(total):
        status = _project_status(state, index)
        if index == len(PROJECT_STATUS_CYCLE):
            status = "WSX"
        if rng.random() < 0.8 and programs:
            program, kind = programs[index % len(programs)]
            portfolio_id = program["portfolioID"]
            program_id = program["ID"]
        else:
            program_id = None
            kind = rng.choice(tuple(vocab.PROJECT_SUBJECTS))
            portfolio_id = portfolios[index % len(portfolios)]["ID"]
        subjects = vocab.PROJECT_SUBJECTS[kind]
        position = subject_use.get(kind, 0)
        subject_use[kind] = position + 1
        subject = subjects[position % len(subjects)]
        used = subject_use.get(subject, 0)
        subject_use[subject] = used + 1
        name = subject if used == 0 else f"{subject} - Phase {used + 1}"
        if status == "CPL" or status == "DED":
            start = ANCHOR - rng.randint(200, 520) * DAY
        elif status in NOT_STARTED:
            start = ANCHOR + rng.randint(10, 150) * DAY
        else:
            start = ANCHOR - rng.randint(20, 200) * DAY
        start = work_start(start)
        owner = owners[index % len(owners)]
        team_pool: list[Record] = []
        for team in rng.sample(teams, min(len(teams), 2)):
            team_pool.extend(members.get(team["ID"], []))
        if len(team_pool) < 4:
            team_pool.extend(rng.sample(active_users, min(len(active_users), 4)))
        team_pool = list({user["ID"]: user for user in team_pool}.values())
        entered = start - rng.randint(14, 90) * DAY
        project = state.add("PROJ", {
            "name": name, "description": f"{name}: {_describe(kind)}", "status": status,
            "priority": rng.choice((1, 2, 2, 2, 3, 3, 4)), "ownerID": owner["ID"],
            "sponsorID": owner.get("managerID") or state.admin_id, "portfolioID": portfolio_id,
            "programID": program_id, "groupID": owner.get("homeGroupID"), "companyID": owner.get("companyID"),
            "currency": "USD", "budget": float(rng.randrange(40, 900) * 1000),
            "referenceNumber": 1000 + index, "categoryID": form_ids.get("PROJ"),
            "scheduleID": state.named("SCHED", "Default Schedule")["ID"], "URL": None,
        }, entered, by=owner["ID"])
        if index % 9 == 4 or status == "REQ":
            project["approvalProcessID"] = approval.get("PROJ")
        plan = ProjectPlan(project, kind, team_pool)
        _outline(state, plan, per_project, start, form_ids)
        _finish_project(state, plan, index)
        _share(state, plan)
        plans.append(plan)
    return plans


def _describe(kind: str) -> str:
    return {
        "web": "digital delivery with design, build, QA and launch",
        "product": "product development from concept to stores",
        "ops": "operations improvement with pilot and rollout",
        "data": "data migration and reporting",
        "campaign": "integrated marketing campaign",
    }[kind]


def _outline(state: SeedState, plan: ProjectPlan, target: int, start: float, form_ids: dict[str, str]) -> None:
    """Build the phase → task → subtask outline with dates, then statuses from the dataset's today."""
    rng = state.rng
    project = plan.record
    phases = vocab.PHASES[plan.kind]
    per_phase = max(2, round((target - len(phases)) / len(phases) / 1.4))
    phase_start = start
    number = 0
    gate: Record | None = None  # the last leaf of the previous phase
    entered = project["entryDate"]
    created = epoch(entered) + 3600
    for phase_index, (phase_name, task_names) in enumerate(phases):
        number += 1
        phase = _task(state, project, phase_name, None, number, f"{phase_index + 1}", 0, created)
        phase_children = []
        names = list(task_names)
        rng.shuffle(names)
        count = min(len(names), max(2, per_phase + rng.randint(-1, 1)))
        # Work inside a phase runs in two or three parallel lanes, each lane one person's sequence.
        lanes = [(phase_start, gate) for _ in range(rng.choice((2, 2, 3)))]
        for child_index, child_name in enumerate(sorted(names[:count], key=task_names.index)):
            number += 1
            wbs = f"{phase_index + 1}.{child_index + 1}"
            child = _task(state, project, child_name, phase, number, wbs, 1, created)
            phase_children.append(child)
            steps: list[str] = []
            step_kind = vocab.PHASE_STEPS.get(phase_name)
            lowered = child_name.lower()
            excluded = vocab.NO_SUBTASKS + vocab.STEP_EXCLUSIONS.get(step_kind or "", ())
            if step_kind and not any(word in lowered for word in excluded) and rng.random() < 0.7:
                steps = list(vocab.SUBTASK_STEPS[step_kind][: rng.randint(2, 4)])
            leaves = []
            if steps:
                for step_index, step in enumerate(steps):
                    number += 1
                    leaves.append(_task(state, project, f"{child_name}: {step}", child, number,
                                        f"{wbs}.{step_index + 1}", 2, created))
                child["numberOfChildren"] = len(steps)
            else:
                leaves.append(child)
            lane = child_index % len(lanes)
            cursor, previous_leaf = lanes[lane]
            for leaf in leaves:
                days = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 5, 8, 10))
                leaf_end = cursor + (days - 1) * DAY + 7 * 3600
                _schedule(leaf, cursor, leaf_end, days)
                leaf["_phase"] = phase_name
                if previous_leaf is not None and (previous_leaf is gate or rng.random() < 0.85):
                    _predecessor(state, previous_leaf, leaf, created)
                previous_leaf = leaf
                cursor = work_start(leaf_end + DAY)
                plan.leaves.append(leaf)
                if form_ids.get("TASK") and rng.random() < 0.3:
                    leaf["categoryID"] = form_ids["TASK"]
                    leaf.update(forms.task_values(rng, phase_name))
            lanes[lane] = (cursor, previous_leaf)
        phase["numberOfChildren"] = len(phase_children)
        phase_start, gate = max(lanes, key=lambda lane: lane[0])
    plan.tasks = list(state.of("TASK")[-number:])



def _task(state: SeedState, project: Record, name: str, parent: Record | None, number: int, wbs: str,
          indent: int, created: float) -> Record:
    return state.add("TASK", {
        "name": name, "projectID": project["ID"], "parentID": parent["ID"] if parent else None,
        "taskNumber": number, "wbs": wbs, "indent": indent, "numberOfChildren": 0, "status": "NEW",
        "priority": project.get("priority", 2), "percentComplete": 0.0, "durationUnit": "D", "durationType": "A",
        "taskConstraint": "ASAP", "progressStatus": "ON", "condition": "ON", "statusEquatesWith": "NEW",
        "isCritical": False, "groupID": project.get("groupID"),
    }, created, by=project.get("ownerID"))


def _schedule(task: Record, start: float, end: float, days: int) -> None:
    task["plannedStartDate"] = task["projectedStartDate"] = iso(start)
    task["plannedCompletionDate"] = task["projectedCompletionDate"] = iso(end)
    task["duration"] = float(days)
    task["durationMinutes"] = days * 480
    task["workRequired"] = days * 480


def _predecessor(state: SeedState, before: Record, after: Record, created: float) -> None:
    state.add("PRED", {"predecessorID": before["ID"], "successorID": after["ID"], "predecessorType": "fs",
                       "lagDays": 0, "lagType": "d", "isCP": False, "isEnforced": state.rng.random() < 0.2},
              created)
    after["predecessorExpression"] = str(before["taskNumber"])


def _finish_project(state: SeedState, plan: ProjectPlan, index: int) -> None:
    """Statuses, progress, assignments and roll-ups from the leaf schedule and the project status."""
    rng = state.rng
    project = plan.record
    status = project["status"]
    base = "CUR" if status == "WSX" else status
    frozen_at = ANCHOR
    if base in ("ONH", "DED"):
        frozen_at = ANCHOR - rng.randint(20, 60) * DAY
    approval_task = state.named("ARVPRC", "Creative Sign-off")["ID"]
    for leaf in plan.leaves:
        start = epoch(leaf["plannedStartDate"])
        end = epoch(leaf["plannedCompletionDate"])
        slip = rng.choice((0, 0, 0, 1, 2, 3)) * DAY
        overdue = base in ("CUR", "ONH") and end < frozen_at < end + 12 * DAY and rng.random() < 0.35
        if overdue:
            # Past its planned end but not finished: late work still in progress.
            done = float(rng.choice((60, 70, 75, 80, 90)))
            leaf.update(status="INP", statusEquatesWith="INP", percentComplete=done, actualStartDate=iso(start),
                        actualWorkRequired=int(leaf["workRequired"] * done / 100), progressStatus="LT")
        elif base == "CPL" or (base not in NOT_STARTED and end + slip < frozen_at):
            leaf.update(status="CPL", statusEquatesWith="CPL", percentComplete=100.0,
                        actualStartDate=iso(start), actualCompletionDate=iso(end + slip),
                        actualWorkRequired=int(leaf["workRequired"] * rng.uniform(0.8, 1.3)),
                        progressStatus="LT" if slip > DAY else "ON")
        elif base not in NOT_STARTED and start < frozen_at:
            done = round(min(95.0, max(5.0, 100 * (frozen_at - start) / max(end - start, DAY))) / 5) * 5
            leaf.update(status="INP", statusEquatesWith="INP", percentComplete=float(done),
                        actualStartDate=iso(start + rng.choice((0, 0, DAY))),
                        actualWorkRequired=int(leaf["workRequired"] * done / 100))
            leaf["progressStatus"] = "BH" if done < 40 and end < ANCHOR + 2 * DAY else "ON"
        else:
            if end < ANCHOR and base not in NOT_STARTED:
                leaf["progressStatus"] = "LT"
        if leaf["progressStatus"] == "LT" and leaf["status"] != "CPL":
            leaf["condition"] = "IT"
        elif leaf["progressStatus"] == "BH":
            leaf["condition"] = "AR"
        if leaf["_phase"] in ("Design", "Creative") and rng.random() < 0.3:
            leaf["approvalProcessID"] = approval_task
        del leaf["_phase"]
    in_progress = [leaf for leaf in plan.leaves if leaf["status"] == "INP"]
    if in_progress and index % 3 == 0:
        # Someone marked this task done; its completion now waits for the creative sign-off.
        pending = in_progress[0]
        pending.update(status="CPL:A", _statusBeforeApproval="INP", approvalProcessID=approval_task)
    for leaf in plan.leaves:
        _assign(state, plan, leaf)
    _roll_up(plan)
    tasks = plan.tasks
    starts = [task["plannedStartDate"] for task in tasks if task.get("plannedStartDate")]
    ends = [task["plannedCompletionDate"] for task in tasks if task.get("plannedCompletionDate")]
    project["plannedStartDate"] = project["projectedStartDate"] = min(starts)
    project["plannedCompletionDate"] = max(ends)
    late = sum(1 for task in plan.leaves if task.get("progressStatus") == "LT" and task["status"] != "CPL")
    project["projectedCompletionDate"] = iso(epoch(max(ends)) + late * DAY // 2)
    leaf_work = [float(task["workRequired"]) for task in plan.leaves]
    done = sum(float(task["percentComplete"]) * work for task, work in zip(plan.leaves, leaf_work, strict=True))
    project["percentComplete"] = round(done / sum(leaf_work), 1) if leaf_work else 0.0
    project["workRequired"] = int(sum(leaf_work))
    project["actualWorkRequired"] = sum(int(task.get("actualWorkRequired") or 0) for task in plan.leaves)
    project["condition"] = "IT" if late > 3 else "AR" if late else "ON"
    project["progressStatus"] = "LT" if late > 3 else "BH" if late else "ON"
    if base not in NOT_STARTED:
        project["actualStartDate"] = min(starts)
    if base == "CPL":
        project["actualCompletionDate"] = max(task.get("actualCompletionDate") or "" for task in plan.leaves)
        project["percentComplete"] = 100.0
    if status == "PLN" and index % 2 == 0:
        # The owner asked to make the plan current; the gate review has not decided yet.
        project.update(status="CUR:A", _statusBeforeApproval="PLN",
                       approvalProcessID=state.named("ARVPRC", "Project Gate Review")["ID"])
    project["lastCalcDate"] = iso(ANCHOR - DAY)


def _assign(state: SeedState, plan: ProjectPlan, leaf: Record) -> None:
    rng = state.rng
    pool = plan.team
    if not pool:
        return
    roll = rng.random()
    assignees = [rng.choice(pool)]
    if roll > 0.72 and len(pool) > 1:
        second = rng.choice(pool)
        if second["ID"] != assignees[0]["ID"]:
            assignees.append(second)
    status = {"CPL": "DN", "INP": "WRK"}.get(leaf["status"], "DN" if leaf["status"] == "CPL:A" else "NEW")
    created = epoch(leaf["entryDate"]) + 1800
    share = 100.0 / len(assignees)
    if roll < 0.04:
        role_id = pool[0].get("roleID")
        row = state.add("ASSGN", {"taskID": leaf["ID"], "projectID": leaf["projectID"], "roleID": role_id,
                                  "assignmentPercent": 100.0, "isPrimary": True, "status": "NEW",
                                  "workRequired": leaf["workRequired"], "workUnit": "H",
                                  "assignedByID": plan.record["ownerID"]}, created)
        leaf.update(roleID=role_id, primaryAssignmentID=row["ID"])
        return
    for position, user in enumerate(assignees):
        row = state.add("ASSGN", {
            "taskID": leaf["ID"], "projectID": leaf["projectID"], "assignedToID": user["ID"],
            "roleID": user.get("roleID"), "teamID": user.get("homeTeamID"), "assignmentPercent": share,
            "isPrimary": position == 0, "isTeamAssignment": False, "status": status,
            "workRequired": int(leaf["workRequired"] * share / 100), "workUnit": "H",
            "avgWorkPerDay": round(8 * share / 100, 2), "assignedByID": plan.record["ownerID"],
        }, created)
        if position == 0:
            leaf.update(assignedToID=user["ID"], roleID=user.get("roleID"), teamID=user.get("homeTeamID"),
                        primaryAssignmentID=row["ID"])


def _roll_up(plan: ProjectPlan) -> None:
    """Parent tasks take their children's span, work, progress and status (deepest first)."""
    by_parent: dict[str, list[Record]] = {}
    for task in plan.tasks:
        if task.get("parentID"):
            by_parent.setdefault(task["parentID"], []).append(task)
    for task in sorted(plan.tasks, key=lambda row: -int(row["indent"])):
        kids = by_parent.get(task["ID"])
        if not kids:
            continue
        task["plannedStartDate"] = task["projectedStartDate"] = min(kid["plannedStartDate"] for kid in kids)
        task["plannedCompletionDate"] = task["projectedCompletionDate"] = max(
            kid["plannedCompletionDate"] for kid in kids
        )
        work = sum(int(kid["workRequired"]) for kid in kids)
        task["workRequired"] = work
        task["actualWorkRequired"] = sum(int(kid.get("actualWorkRequired") or 0) for kid in kids)
        task["durationMinutes"] = sum(int(kid["durationMinutes"]) for kid in kids)
        task["duration"] = task["durationMinutes"] / 480
        pct = sum(float(kid["percentComplete"]) * int(kid["workRequired"]) for kid in kids) / max(work, 1)
        task["percentComplete"] = round(pct, 1)
        statuses = {kid["status"] for kid in kids}
        if statuses == {"CPL"}:
            task.update(status="CPL", statusEquatesWith="CPL", percentComplete=100.0,
                        actualStartDate=min(kid.get("actualStartDate") or "9" for kid in kids),
                        actualCompletionDate=max(kid.get("actualCompletionDate") or "" for kid in kids))
        elif statuses != {"NEW"}:
            task.update(status="INP", statusEquatesWith="INP")
            started = [kid["actualStartDate"] for kid in kids if kid.get("actualStartDate")]
            if started:
                task["actualStartDate"] = min(started)
        if any(kid.get("progressStatus") == "LT" and kid["status"] != "CPL" for kid in kids):
            task.update(progressStatus="LT", condition="IT")


def _share(state: SeedState, plan: ProjectPlan) -> None:
    project = plan.record
    created = epoch(project["entryDate"]) + 7200
    teams = {user["homeTeamID"] for user in plan.team if user.get("homeTeamID")}
    for team_id in sorted(teams)[:2]:
        state.add("ACSRUL", {"accessorID": team_id, "accessorObjCode": "TEAMOB", "coreAction": "VIEW",
                             "securityObjID": project["ID"], "securityObjCode": "PROJ", "secondaryActions": [],
                             "forbiddenActions": []}, created)
    if project.get("sponsorID"):
        state.add("ACSRUL", {"accessorID": project["sponsorID"], "accessorObjCode": "USER", "coreAction": "EDIT",
                             "securityObjID": project["ID"], "securityObjCode": "PROJ", "secondaryActions": [],
                             "forbiddenActions": []}, created)
    for user in plan.team:
        state.add("PRTU", {"projectID": project["ID"], "userID": user["ID"], "name": user["name"]}, created)
        if user.get("roleID"):
            state.add("PTEAM", {"projectID": project["ID"], "userID": user["ID"], "roleID": user["roleID"],
                                "name": user["name"]}, created)


def build_templates(state: SeedState) -> None:
    """Two project templates with task outlines, for attachTemplate."""
    for kind, name in (("campaign", "Standard Campaign Template"), ("web", "Web Release Template")):
        created = ANCHOR - 400 * DAY
        template = state.add("TMPL", {"name": name, "description": f"Reusable {kind} plan",
                                      "ownerID": state.admin_id}, created)
        number = 0
        for phase_name, task_names in vocab.PHASES[kind]:
            number += 1
            phase = state.add("TTSK", {"name": phase_name, "templateID": template["ID"], "taskNumber": number},
                              created)
            for task_name in task_names[:3]:
                number += 1
                days = 1 + number % 4
                state.add("TTSK", {"name": task_name, "templateID": template["ID"], "parentID": phase["ID"],
                                   "taskNumber": number, "duration": float(days), "durationUnit": "D",
                                   "workRequired": days * 480}, created)


def build_template_links(state: SeedState) -> None:
    """Finish-start links between the consecutive leaf tasks of each template.

    Built last (IDs draw on the shared RNG), so adding them leaves every other seeded record as it was.
    """
    created = ANCHOR - 400 * DAY
    for template in state.of("TMPL"):
        rows = sorted((row for row in state.of("TTSK") if row["templateID"] == template["ID"]),
                      key=lambda row: row["taskNumber"])
        parents = {row.get("parentID") for row in rows}
        leaves = [row for row in rows if row["ID"] not in parents]
        for before, after in itertools.pairwise(leaves):
            state.add("TPRED", {"predecessorID": before["ID"], "successorID": after["ID"],
                                "predecessorType": "fs", "lagDays": 0, "lagType": "d", "isEnforced": False}, created)


def project_custom_values(state: SeedState, plans: list[ProjectPlan]) -> None:
    """Fill the Project Intake form on every project that has it."""
    for index, plan in enumerate(plans):
        project = plan.record
        if project.get("categoryID"):
            project.update(forms.project_values(state.rng, index, epoch(project["plannedStartDate"]),
                                                epoch(project["plannedCompletionDate"])))
