"""Sharing, hours, notes, documents, programs, work items, categories and reference checks."""

from __future__ import annotations

from typing import Any

from wfexplorer.demo.classic.actions.base import (
    ActionEnv,
    action,
    create,
    illegal,
    load,
    require_arg,
    rows_where,
    save,
)
from wfexplorer.demo.classic.actions.rules import BUSINESS_RULE, ensure_project_open
from wfexplorer.demo.classic.actions.work import note_values
from wfexplorer.demo.classic.errors import business_rule_error
from wfexplorer.demo.classic.schema import all_objects, enums
from wfexplorer.demo.classic.schema.model import ObjectDef, Record
from wfexplorer.demo.store import Transaction

SHARABLE = ("PROJ", "TASK", "OPTASK", "PORT", "PRGM", "DOCU")
_CORE_ACTIONS = {value for value, _ in enums.CORE_ACTION}
_ACCESSORS = {value for value, _ in enums.ACCESSOR_OBJ_CODE}


@action(SHARABLE, "share")
def share(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Grant ``accessorID`` (USER, TEAMOB, GROUP, ROLE or CMPY) ``coreAction`` (VIEW, EDIT, DELETE).

    Creates an ACSRUL row (visible through ``accessRules``) or updates the accessor's existing rule.
    """
    assert record is not None
    accessor_id = require_arg(args, "accessorID", "share")
    accessor_code = str(args.get("accessorObjCode") or "USER").upper()
    core_action = str(args.get("coreAction") or "VIEW").upper()
    if accessor_code not in _ACCESSORS:
        raise illegal(f"Invalid accessorObjCode {accessor_code}")
    if core_action not in _CORE_ACTIONS:
        raise illegal(f"Invalid coreAction {core_action}")
    load(tx, accessor_code, accessor_id, accessor_code)
    for rule in rows_where(tx, "ACSRUL", securityObjID=record["ID"], securityObjCode=obj.obj_code):
        if rule.get("accessorID") == accessor_id and rule.get("accessorObjCode") == accessor_code:
            save(tx, rule, {"coreAction": core_action}, env)
            return None
    create(tx, "ACSRUL", {
        "accessorID": accessor_id, "accessorObjCode": accessor_code, "coreAction": core_action,
        "securityObjID": record["ID"], "securityObjCode": obj.obj_code, "secondaryActions": [],
        "forbiddenActions": [],
    }, env)
    return None


_DATA_EXTENDIBLE = [obj.obj_code for obj in all_objects() if obj.find_action("calculateDataExtension")]


@action(_DATA_EXTENDIBLE, "calculateDataExtension")
def calculate_data_extension(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                             env: ActionEnv) -> None:
    """Recalculate calculated custom fields; the demo forms have none, so only the stamp changes."""
    assert record is not None
    save(tx, record, {}, env)
    return None


# -- hours ----------------------------------------------------------------------------------


@action("HOUR", "approve")
def approve_hour(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                 env: ActionEnv) -> None:
    """Approve the time entry (status APR, approver and date)."""
    assert record is not None
    if record.get("status") == "APR":
        raise business_rule_error(BUSINESS_RULE, "The hour entry is already approved")
    save(tx, record, {"status": "APR", "approvedByID": env.user_id, "approvedOnDate": env.now_iso,
                      "_statusBeforeApproval": record.get("status")}, env)
    return None


@action("HOUR", "unapprove")
def unapprove_hour(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                   env: ActionEnv) -> None:
    """Take back an approval (status back to SUB)."""
    assert record is not None
    if record.get("status") != "APR":
        raise business_rule_error(BUSINESS_RULE, "The hour entry is not approved")
    save(tx, record, {"status": "SUB", "approvedByID": None, "approvedOnDate": None}, env)
    return None


# -- notes ----------------------------------------------------------------------------------


@action("NOTE", "like")
def like(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """The signed-in user likes the note (a LIKE row; numLikes counts them)."""
    assert record is not None
    if any(row.get("ownerID") == env.user_id for row in rows_where(tx, "LIKE", noteID=record["ID"])):
        return None
    create(tx, "LIKE", {"noteID": record["ID"], "ownerID": env.user_id, "name": "like"}, env)
    save(tx, record, {"numLikes": int(record.get("numLikes") or 0) + 1}, env)
    return None


@action("NOTE", "unlike")
def unlike(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Remove the signed-in user's like."""
    assert record is not None
    mine = [row for row in rows_where(tx, "LIKE", noteID=record["ID"]) if row.get("ownerID") == env.user_id]
    for row in mine:
        tx.delete("LIKE", row["ID"])
    if mine:
        save(tx, record, {"numLikes": max(0, int(record.get("numLikes") or 0) - len(mine))}, env)
    return None


@action("NOTE", "addNoteToObjects")
def add_note_to_objects(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                        env: ActionEnv) -> list[str]:
    """Post the same note on several objects of one type; returns the new note IDs."""
    code = str(require_arg(args, "noteObjCode", "addNoteToObjects")).upper()
    text = require_arg(args, "noteText", "addNoteToObjects")
    ids: list[str] = []
    for obj_id in require_arg(args, "objIDs", "addNoteToObjects"):
        target = load(tx, code, obj_id, code)
        values = note_values(target, code, text, env)
        values.update({"isPrivate": bool(args.get("isPrivate")), "emailUsers": bool(args.get("emailUsers"))})
        ids.append(str(create(tx, "NOTE", values, env)["ID"]))
    return ids


# -- documents ------------------------------------------------------------------------------

_DOC_LINKS = {"PROJ": "projectID", "TASK": "taskID", "OPTASK": "opTaskID"}


@action("DOCU", "move")
def move_document(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                  env: ActionEnv) -> None:
    """Attach the document to another object (``objID`` + ``docObjCode``)."""
    assert record is not None
    code = str(require_arg(args, "docObjCode", "move")).upper()
    target = load(tx, code, require_arg(args, "objID", "move"), code)
    changes: dict[str, Any] = {"objID": target["ID"], "docObjCode": code, "topObjID": target["ID"],
                               "topDocObjCode": code, "projectID": None, "taskID": None, "opTaskID": None}
    if code in _DOC_LINKS:
        changes[_DOC_LINKS[code]] = target["ID"]
        if code != "PROJ":
            changes["projectID"] = target.get("projectID")
    save(tx, record, changes, env)
    return None


def _document(tx: Transaction, record: Record | None, args: dict[str, Any]) -> Record:
    return record or load(tx, "DOCU", require_arg(args, "documentID", "checkOut"), "Document")


@action("DOCU", "checkOut")
def check_out(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Check the document out to the signed-in user (error when someone else has it)."""
    document = _document(tx, record, args)
    holder = document.get("checkedOutByID")
    if holder and holder != env.user_id:
        raise business_rule_error(BUSINESS_RULE, "The document is checked out by another user")
    save(tx, document, {"checkedOutByID": env.user_id}, env)
    return None


@action("DOCU", "checkIn")
def check_in(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any], env: ActionEnv) -> None:
    """Check the document back in."""
    document = _document(tx, record, args)
    save(tx, document, {"checkedOutByID": None}, env)
    return None


# -- programs, work items, categories -------------------------------------------------------


@action("PRGM", "move")
def move_program(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                 env: ActionEnv) -> None:
    """Move the program (and its projects) to another portfolio."""
    assert record is not None
    portfolio = load(tx, "PORT", require_arg(args, "portfolioID", "move"), "Portfolio")
    save(tx, record, {"portfolioID": portfolio["ID"]}, env)
    for project in rows_where(tx, "PROJ", programID=record["ID"]):
        save(tx, project, {"portfolioID": portfolio["ID"]}, env)
    return None


@action("WRKITM", "markViewed")
def mark_viewed(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                env: ActionEnv) -> None:
    """Record that the work item was viewed now."""
    assert record is not None
    save(tx, record, {"lastViewedDate": env.now_iso, "madeRelevant": False}, env)
    return None


@action("WRKITM", "markDone")
def mark_item_done(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                   env: ActionEnv) -> None:
    """Mark the work item done for its user."""
    assert record is not None
    ensure_project_open(tx, record.get("projectID"))
    save(tx, record, {"isMarkedAsDone": True}, env)
    return None


def _category_target(tx: Transaction, args: dict[str, Any], action_name: str) -> Record:
    code = str(require_arg(args, "objCode", action_name)).upper()
    return load(tx, code, require_arg(args, "objID", action_name), code)


@action("CTGY", "assignCategory")
def assign_category(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                    env: ActionEnv) -> None:
    """Attach a custom form to an object (sets its ``categoryID``)."""
    target = _category_target(tx, args, "assignCategory")
    category = load(tx, "CTGY", require_arg(args, "categoryID", "assignCategory"), "Category")
    if category.get("catObjCode") != target.get("objCode"):
        raise illegal(f"The custom form is for {category.get('catObjCode')} objects, not {target.get('objCode')}")
    save(tx, target, {"categoryID": category["ID"]}, env)
    return None


@action("CTGY", "assignCategories")
def assign_categories(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                      env: ActionEnv) -> None:
    """Attach the first of several forms (the simulator keeps one form per object)."""
    ids = require_arg(args, "categoryIDs", "assignCategories")
    return assign_category(tx, obj, record, {**args, "categoryID": ids[0]}, env)


@action("CTGY", "unassignCategory")
def unassign_category(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                      env: ActionEnv) -> None:
    """Detach the form from the object (clears ``categoryID``; values stay stored)."""
    target = _category_target(tx, args, "unassignCategory")
    if args.get("categoryID") in (None, target.get("categoryID")):
        save(tx, target, {"categoryID": None}, env)
    return None


@action("CTGY", "unassignCategories")
def unassign_categories(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                        env: ActionEnv) -> None:
    """Detach the listed forms from the object."""
    target = _category_target(tx, args, "unassignCategories")
    if target.get("categoryID") in set(args.get("categoryIDs") or []):
        save(tx, target, {"categoryID": None}, env)
    return None


@action("CTGY", "getFilteredCategories")
def filtered_categories(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                        env: ActionEnv) -> list[str]:
    """Return the IDs of the forms available for ``objCode``."""
    code = str(require_arg(args, "objCode", "getFilteredCategories")).upper()
    return sorted(row["ID"] for row in rows_where(tx, "CTGY", catObjCode=code))


# -- references -----------------------------------------------------------------------------


def referencing(tx: Transaction, code: str, ids: set[str]) -> list[tuple[str, str, str]]:
    """Return ``(objCode, ID, field)`` of every record whose reference points at one of ``ids`` of ``code``."""
    out: list[tuple[str, str, str]] = []
    for obj in all_objects():
        fields = {ref.id_field for ref in obj.references.values() if ref.target == code and not ref.target_code_field}
        if not fields:
            continue
        for row in tx.table(obj.obj_code).values():
            for name in fields:
                if row.get(name) in ids and not (obj.obj_code == code and row["ID"] in ids):
                    out.append((obj.obj_code, row["ID"], name))
    for kind, name in (("USRROL", "roleID"), ("USRGPS", "groupID"), ("TEAMMB", "teamID")):
        for row in tx.table(kind).values():
            if row.get(name) in ids and code in {"USRROL": "ROLE", "USRGPS": "GROUP", "TEAMMB": "TEAMOB"}[kind]:
                out.append((kind, row["ID"], name))
    return out


@action(("ROLE", "GROUP", "CMPY"), "hasReference")
def has_reference(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                  env: ActionEnv) -> bool:
    """Tell whether any record refers to one of ``ids``."""
    ids = set(require_arg(args, "ids", "hasReference"))
    return bool(referencing(tx, obj.obj_code, ids))


def _replace_and_delete(tx: Transaction, code: str, ids: set[str], replacement_id: str, env: ActionEnv) -> None:
    load(tx, code, replacement_id, code)
    if replacement_id in ids:
        raise illegal("The replacement cannot be one of the deleted objects")
    for kind, row_id, name in referencing(tx, code, ids):
        row = tx.get(kind, row_id)
        if row is None:
            continue
        if "objCode" in row:
            save(tx, row, {name: replacement_id}, env)
        else:
            tx.put(kind, {**row, name: replacement_id})
    for object_id in ids:
        load(tx, code, object_id, code)
        tx.delete(code, object_id)


@action("ROLE", "replaceDelete")
def replace_delete_roles(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                         env: ActionEnv) -> None:
    """Point every reference to the roles at ``replacementID``, then delete the roles."""
    ids = set(require_arg(args, "ids", "replaceDelete"))
    _replace_and_delete(tx, "ROLE", ids, require_arg(args, "replacementID", "replaceDelete"), env)
    return None


@action("GROUP", "replaceDeleteGroups")
def replace_delete_groups(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                          env: ActionEnv) -> None:
    """Point every reference to the groups at ``replaceGroupID``, then delete the groups."""
    ids = set(require_arg(args, "ids", "replaceDeleteGroups"))
    _replace_and_delete(tx, "GROUP", ids, require_arg(args, "replaceGroupID", "replaceDeleteGroups"), env)
    return None


@action("GROUP", "checkDelete")
def check_delete(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                 env: ActionEnv) -> None:
    """Raise when one of the groups is still referenced (and so cannot be deleted)."""
    ids = set(require_arg(args, "ids", "checkDelete"))
    if referencing(tx, "GROUP", ids):
        raise business_rule_error(BUSINESS_RULE, "The group is referenced by other objects and cannot be deleted")
    return None


@action(("ROLE", "CMPY"), "addEarlyAccess")
def add_early_access(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                     env: ActionEnv) -> None:
    """Flag the given objects for early access."""
    for object_id in require_arg(args, "ids", "addEarlyAccess"):
        save(tx, load(tx, obj.obj_code, object_id, obj.label), {"_earlyAccess": True}, env)
    return None


@action(("ROLE", "CMPY"), "deleteEarlyAccess")
def delete_early_access(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                        env: ActionEnv) -> None:
    """Clear the early-access flag of the given objects."""
    for object_id in require_arg(args, "ids", "deleteEarlyAccess"):
        save(tx, load(tx, obj.obj_code, object_id, obj.label), {"_earlyAccess": False}, env)
    return None


# -- groups ---------------------------------------------------------------------------------


def _group_member_ids(tx: Transaction, group_id: str) -> list[str]:
    members = {row["userID"] for row in rows_where(tx, "USRGPS", groupID=group_id) if row.get("userID")}
    members |= {row["ID"] for row in rows_where(tx, "USER", homeGroupID=group_id)}
    return sorted(members)


@action("GROUP", "getGroupMembers")
def get_group_members(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                      env: ActionEnv) -> list[str]:
    """Return the IDs of the group's users (home group or other group)."""
    assert record is not None
    return _group_member_ids(tx, record["ID"])


@action("GROUP", "updateMembersList")
def update_members(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                   env: ActionEnv) -> None:
    """Make ``userIDs`` the group's other-group members (USRGPS rows), keeping home-group users."""
    assert record is not None
    wanted = set(args.get("userIDs") or [])
    for user_id in wanted:
        load(tx, "USER", user_id, "User")
    existing = rows_where(tx, "USRGPS", groupID=record["ID"])
    for row in existing:
        if row.get("userID") not in wanted:
            tx.delete("USRGPS", row["ID"])
    present = {row.get("userID") for row in existing}
    for user_id in sorted(wanted - present):
        create(tx, "USRGPS", {"groupID": record["ID"], "userID": user_id, "isOwner": False}, env)
    return None


@action("GROUP", "addSubgroups")
def add_subgroups(tx: Transaction, obj: ObjectDef, record: Record | None, args: dict[str, Any],
                  env: ActionEnv) -> None:
    """Make the groups ``ids`` children of this group (refusing cycles)."""
    assert record is not None
    ancestors: set[str] = set()
    current: Record | None = record
    while current is not None and current["ID"] not in ancestors:
        ancestors.add(current["ID"])
        current = tx.get("GROUP", str(current.get("parentID"))) if current.get("parentID") else None
    for group_id in require_arg(args, "ids", "addSubgroups"):
        group = load(tx, "GROUP", group_id, "Group")
        if group["ID"] in ancestors:
            raise illegal("A group cannot become a subgroup of itself or of its own subgroup")
        save(tx, group, {"parentID": record["ID"]}, env)
    return None
