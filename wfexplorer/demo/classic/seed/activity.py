"""Activity on the work: hour entries, comment threads and documents with versions."""

from __future__ import annotations

from wfexplorer.demo.classic.seed import vocabulary as vocab
from wfexplorer.demo.classic.seed.projects import ProjectPlan
from wfexplorer.demo.classic.seed.state import ANCHOR, DAY, Record, SeedState, epoch, iso


def build_hours(state: SeedState, plans: list[ProjectPlan]) -> None:
    """Log time on started tasks and issues by their assignees, approved when older than two weeks."""
    rng = state.rng
    total = state.count(5000, 50)
    users = {user["ID"]: user for user in state.of("USER")}
    hour_types = [row["ID"] for row in state.of("HOURT")]
    targets: list[tuple[Record, str, str, float, float]] = []
    for plan in plans:
        for leaf in plan.leaves:
            if leaf.get("actualStartDate") and leaf.get("assignedToID"):
                begin = epoch(leaf["actualStartDate"])
                end = epoch(leaf.get("actualCompletionDate") or iso(ANCHOR))
                targets.append((leaf, "taskID", leaf["assignedToID"], begin, min(end, ANCHOR)))
    for issue in state.of("OPTASK"):
        if issue.get("actualStartDate") and issue.get("assignedToID"):
            begin = epoch(issue["actualStartDate"])
            end = epoch(issue.get("actualCompletionDate") or iso(ANCHOR))
            targets.append((issue, "opTaskID", issue["assignedToID"], begin, min(end, ANCHOR)))
    if not targets:
        return
    approvers = {plan.record["ID"]: plan.record.get("ownerID") for plan in plans}
    for _ in range(total):
        work, link, owner_id, begin, end = targets[rng.randrange(len(targets))]
        when = begin + rng.random() * max(end - begin, 3600)
        when = (when // DAY) * DAY + 15 * 3600
        hours = rng.choice((0.5, 1.0, 1.5, 2.0, 2.0, 3.0, 4.0, 4.0, 6.0, 8.0))
        user = users[owner_id]
        approved = when < ANCHOR - 14 * DAY
        state.add("HOUR", {
            "hours": hours, "entryDate": iso(when), "ownerID": owner_id, link: work["ID"],
            "projectID": work["projectID"], "roleID": user.get("roleID"),
            "hourTypeID": hour_types[0] if rng.random() < 0.8 else rng.choice(hour_types),
            "status": "APR" if approved else "SUB",
            "approvedByID": approvers.get(work["projectID"]) if approved else None,
            "approvedOnDate": iso(when + 7 * DAY) if approved else None,
            "actualCost": round(hours * float(user.get("costPerHour") or 0), 2),
        }, when + 8 * 3600, by=owner_id)


def build_notes(state: SeedState, plans: list[ProjectPlan]) -> None:
    """Comment threads on projects, tasks and issues, some with replies."""
    rng = state.rng
    total = state.count(1200, 20)
    issues = state.of("OPTASK")
    plan_by_id = {plan.record["ID"]: plan for plan in plans}
    for _ in range(total):
        roll = rng.random()
        if roll < 0.2:
            plan = rng.choice(plans)
            target, code = plan.record, "PROJ"
        elif roll < 0.7:
            plan = rng.choice(plans)
            if not plan.leaves:
                continue
            target, code = rng.choice(plan.leaves), "TASK"
        else:
            if not issues:
                continue
            target, code = rng.choice(issues), "OPTASK"
            plan = plan_by_id[target["projectID"]]
        people = plan.team or state.of("USER")[:3]
        author = rng.choice(people)
        base = epoch(target.get("actualStartDate") or target.get("plannedStartDate") or target["entryDate"])
        when = min(ANCHOR - 3600, base + rng.random() * 20 * DAY)
        project_id = target["ID"] if code == "PROJ" else target["projectID"]
        values = {
            "noteText": rng.choice(vocab.NOTES), "noteObjCode": code, "objID": target["ID"],
            "ownerID": author["ID"], "userID": author["ID"], "projectID": project_id,
            "taskID": target["ID"] if code == "TASK" else None, "opTaskID": target["ID"] if code == "OPTASK" else None,
            "topNoteObjCode": code, "topObjID": target["ID"], "isPrivate": False, "emailUsers": rng.random() < 0.3,
            "isReply": False, "hasReplies": False, "numReplies": 0, "isDeleted": False, "numLikes": 0,
        }
        note = state.add("NOTE", values, when, by=author["ID"])
        note["threadID"] = note["ID"]
        replies = rng.choice((0, 0, 0, 1, 1, 2, 3))
        for number in range(replies):
            replier = rng.choice(people)
            reply = state.add("NOTE", {
                **values, "noteText": rng.choice(vocab.REPLIES), "ownerID": replier["ID"], "userID": replier["ID"],
                "parentNoteID": note["ID"], "threadID": note["ID"], "isReply": True,
            }, min(ANCHOR - 60, when + (number + 1) * rng.randint(1, 30) * 3600), by=replier["ID"])
            del reply
        if replies:
            note.update(hasReplies=True, numReplies=replies)


def build_documents(state: SeedState, plans: list[ProjectPlan]) -> None:
    """Documents on projects, tasks and issues, each with one to three versions."""
    rng = state.rng
    total = state.count(300, 10)
    issues = state.of("OPTASK")
    for index in range(total):
        plan = plans[index % len(plans)]
        roll = rng.random()
        if roll < 0.5 or not plan.leaves:
            target, code = plan.record, "PROJ"
        elif roll < 0.85 or not issues:
            target, code = rng.choice(plan.leaves), "TASK"
        else:
            target, code = rng.choice(issues), "OPTASK"
        title, ext = rng.choice(vocab.DOCUMENTS)
        owner = rng.choice(plan.team) if plan.team else state.of("USER")[0]
        name = f"{title} - {plan.record['name']}.{ext}" if code == "PROJ" else f"{title}.{ext}"
        when = min(ANCHOR - DAY, epoch(target["entryDate"]) + rng.randint(1, 40) * DAY)
        document = state.add("DOCU", {
            "name": name, "description": f"{title} for {target['name']}", "docObjCode": code,
            "objID": target["ID"], "ownerID": owner["ID"], "isPrivate": False, "isPublic": False,
            "projectID": target["ID"] if code == "PROJ" else target.get("projectID"),
            "taskID": target["ID"] if code == "TASK" else None, "opTaskID": target["ID"] if code == "OPTASK" else None,
            "topDocObjCode": code, "topObjID": target["ID"],
        }, when, by=owner["ID"])
        versions = rng.choice((1, 1, 2, 3))
        version = None
        for number in range(versions):
            stamp = when + number * rng.randint(1, 10) * DAY
            version = state.add("DOCV", {
                "documentID": document["ID"], "version": f"v{number + 1}.0", "fileName": name, "ext": ext,
                "fileType": vocab.MIME[ext], "docSize": rng.randint(20_000, 8_000_000), "ownerID": owner["ID"],
                "format": ext.upper(), "isProofable": ext in ("pdf", "png"),
            }, stamp, by=owner["ID"])
        assert version is not None
        document["currentVersionID"] = version["ID"]
        document["lastModDate"] = version["entryDate"]
