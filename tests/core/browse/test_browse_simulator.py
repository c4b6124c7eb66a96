"""Browsing the simulator through the core tree: what each expansion shows and exactly what it costs."""

from __future__ import annotations

from typing import Any

import pytest

from wfexplorer.core import errors
from wfexplorer.core.browse import PAGE_SIZE, LoadState, MessageRole, NodeKind, ObjectRef
from wfexplorer.core.browse.display import COMMON_TYPES


def first_object(browser: Any, type_label: str) -> Any:
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    kind = browser.child(classic, type_label)
    browser.expand(kind)
    return next(node for node in kind.children if node.kind is NodeKind.OBJECT)


def test_object_types_come_by_label_with_code_the_common_ones_first_for_one_request(browser):
    classic = browser.tree.top(NodeKind.CLASSIC)
    assert browser.expand(classic) == 1
    labels = [node.label for node in classic.children]
    assert labels[:3] == ["Project (PROJ)", "Task (TASK)", "Issue (OPTASK)"]
    codes = [node.payload.code for node in classic.children]
    assert codes[:len(COMMON_TYPES)] == [code for code in COMMON_TYPES if code in codes]
    rest = labels[len(COMMON_TYPES):]
    assert rest == sorted(rest, key=str.casefold)
    assert len(labels) > 40


def test_from_a_task_to_its_project_its_portfolio_and_down_through_its_programs(browser):
    task = first_object(browser, "Task (TASK)")
    assert browser.expand(task) == 1                      # references with their targets' names, one request
    project_ref = browser.child(task, "Project")
    assert project_ref.state is LoadState.LOADED          # already in hand
    assert browser.expand(project_ref) == 0
    (project,) = project_ref.children
    assert project.kind is NodeKind.OBJECT and project.payload.code == "PROJ"
    assert project_ref.detail == project.label

    assert browser.expand(project) == 1
    portfolio_ref = browser.child(project, "Portfolio")
    assert browser.expand(portfolio_ref) == 0
    (portfolio,) = portfolio_ref.children
    assert portfolio.payload.code == "PORT"

    assert browser.expand(portfolio) == 1
    programs = browser.child(portfolio, "Programs")
    assert programs.kind is NodeKind.COLLECTION and "Program (PRGM)" in programs.detail
    assert browser.expand(programs) == 1                  # count and page in one batch
    names = [node.label for node in programs.children]
    assert names and names == sorted(names, key=str.casefold)
    assert programs.detail == f"{len(names):,}"
    # and back down: the project's own program is among the portfolio's programs
    program_ref = browser.child(project, "Program")
    assert program_ref.detail in names
    program = browser.child(programs, program_ref.detail)
    assert browser.expand(program) == 1
    assert browser.child(program, "Portfolio").detail == portfolio.label
    # every request went as one /batch or one GET: none was spent on metadata alone
    assert all(event.method in ("GET", "POST") for event in browser.sent.sent)


def test_a_null_reference_shows_none_and_costs_nothing(browser):
    task = first_object(browser, "Task (TASK)")
    browser.expand(task)
    empty = [node for node in task.children if node.kind is NodeKind.REFERENCE and node.detail == "(none)"]
    assert empty, "the seeded task should have at least one empty reference"
    assert not empty[0].expandable and empty[0].children == []
    assert browser.expand(empty[0]) == 0


def test_a_type_pages_by_200_with_the_total_from_count(browser):
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    tasks = browser.child(classic, "Task (TASK)")
    assert browser.expand(tasks) == 1
    total = tasks.total
    assert total is not None and total > PAGE_SIZE
    assert tasks.loaded_count == PAGE_SIZE
    more = tasks.children[-1]
    assert more.kind is NodeKind.MORE and more.label == f"Load {PAGE_SIZE} more ({PAGE_SIZE} of {total:,} shown)"
    assert tasks.detail == f"{PAGE_SIZE} of {total:,}"
    assert browser.more(tasks) == 1
    assert tasks.loaded_count == 2 * PAGE_SIZE
    ids = [node.payload.id for node in tasks.children if node.kind is NodeKind.OBJECT]
    assert len(ids) == len(set(ids)), "pages must not overlap"


def test_a_name_filter_searches_the_server(browser, connection):
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    projects = browser.child(classic, "Project (PROJ)")
    browser.expand(projects)
    word = projects.children[0].label.split()[0]
    request = browser.tree.set_query(projects, word.lower())
    before = browser.sent.count()
    browser.tree.apply(browser.loader.load(request))
    assert browser.sent.count() - before == 1
    assert projects.children and all(word.lower() in node.label.lower() for node in projects.children)
    expected = connection.session.count("PROJ", {"name": word.lower(), "name_Mod": "cicontains"})
    assert projects.total == expected


def test_a_large_collection_is_paged_by_searching_the_target_type(browser):
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    projects = browser.child(classic, "Project (PROJ)")
    browser.expand(projects)
    project = projects.children[0]
    browser.expand(project)
    tasks = browser.child(project, "Tasks")
    before = browser.sent.count()
    assert browser.expand(tasks) == 1
    (batch,) = browser.sent.sent[before:]
    assert batch.request is not None
    body = str((batch.request.form, batch.request.query, batch.request.json))
    assert "task/search" in body and "projectID" in body and project.payload.id in body
    assert all(node.payload.code == "TASK" for node in tasks.children if node.kind is NodeKind.OBJECT)


def test_planning_workspaces_record_types_records_and_linked_records(browser):
    planning = browser.tree.top(NodeKind.PLANNING)
    assert browser.expand(planning) == 1
    workspace = planning.children[0]
    assert browser.expand(workspace) == 1
    campaigns = browser.child(workspace, "Campaigns")
    assert campaigns.payload.color and campaigns.payload.icon
    assert browser.expand(campaigns) == 1
    record = next(node for node in campaigns.children if node.kind is NodeKind.RECORD)
    assert browser.expand(record) <= 1                    # the record type's fields, once
    links = [node for node in record.children if node.kind is NodeKind.RECORD_LINK and node.children]
    assert links, "a seeded campaign links to other records"
    assert browser.expand(links[0]) == 0                  # linked records' names came with the record
    second = next(node for node in campaigns.children if node.kind is NodeKind.RECORD and node is not record)
    assert browser.expand(second) == 0                    # fields of the type are kept


def test_from_a_record_down_to_linked_records_of_other_types_no_expansion_costs_more_than_one_request(browser):
    planning = browser.tree.top(NodeKind.PLANNING)
    browser.expand(planning)
    workspace = browser.child(planning, "2027 Marketing Plan")
    browser.expand(workspace)
    campaigns = browser.child(workspace, "Campaigns")
    tactic_type = browser.child(workspace, "Tactics").payload
    channel_type = browser.child(workspace, "Channels").payload
    browser.expand(campaigns)
    records = [node for node in campaigns.children if node.kind is NodeKind.RECORD]

    def sent_since(before: int) -> list[str]:
        return [f"{event.method} {event.url.split('/api/v2/', 1)[1]}" for event in browser.sent.sent[before:]]

    assert browser.expand(records[0]) == 1                # the campaigns' fields, kept for every campaign
    for campaign in records:
        browser.expand(campaign)
        tactics = browser.child(campaign, "Tactics")      # the back reference of each tactic's "Campaign"
        if tactics.expandable:
            break
    else:
        pytest.fail("no seeded campaign has tactics")
    assert tactics.payload.target_record_type_id == tactic_type.id
    before = browser.sent.count()
    assert browser.expand(tactics) == 1                   # the tactics' fields, so that a tactic then costs one
    assert sent_since(before) == [f"GET record-types/{tactic_type.id}/fields?limit=100"]
    assert tactics.detail == (tactics.children[0].label if len(tactics.children) == 1
                              else f"{len(tactics.children)} linked")
    tactic = tactics.children[0]
    assert tactic.kind is NodeKind.RECORD and tactic.payload.record_type == tactic_type

    before = browser.sent.count()
    assert browser.expand(tactic) == 1                    # the tactic itself: its fields are kept
    assert sent_since(before) == [f"GET records/{tactic.payload.id}"]
    back = browser.child(tactic, "Campaign")
    assert back.state is LoadState.LOADED                 # the campaigns' fields are kept: nothing to fetch
    assert browser.expand(back) == 0
    assert [node.payload.id for node in back.children] == [campaign.payload.id]
    before = browser.sent.count()
    assert browser.expand(back.children[0]) == 1          # the campaign, reached again from its tactic
    assert sent_since(before) == [f"GET records/{campaign.payload.id}"]

    channel_link = browser.child(tactic, "Channel")
    before = browser.sent.count()
    assert browser.expand(channel_link) == 1              # the channels' fields
    assert sent_since(before) == [f"GET record-types/{channel_type.id}/fields?limit=100"]
    (channel,) = channel_link.children
    assert channel.label == channel_link.detail
    before = browser.sent.count()
    assert browser.expand(channel) == 1
    assert sent_since(before) == [f"GET records/{channel.payload.id}"]

    fresh = records[-1]                                   # a campaign not expanded yet: values and fields in hand
    assert fresh.can_fetch and browser.expand(fresh) == 0
    for name in ("Tactics", "Primary channel"):           # linked types whose fields are kept now: links in hand
        link = browser.child(fresh, name)
        assert link.state is LoadState.LOADED
        assert browser.expand(link) == 0


def test_record_types_and_their_records_carry_the_record_types_icon_and_colour(browser):
    planning = browser.tree.top(NodeKind.PLANNING)
    browser.expand(planning)
    workspace = browser.child(planning, "2027 Marketing Plan")
    browser.expand(workspace)
    looks = {node.label: (node.icon, node.color) for node in workspace.children}
    assert looks["Channels"] == ("broadcast", "teal")
    assert looks["Audiences"] == ("people", "orange")
    assert looks["Campaigns"] == ("megaphone", "purple")
    campaigns = browser.child(workspace, "Campaigns")
    browser.expand(campaigns)
    campaign = next(node for node in campaigns.children if node.kind is NodeKind.RECORD)
    assert (campaign.icon, campaign.color) == ("megaphone", "purple")
    browser.expand(campaign)
    audiences = browser.child(campaign, "Audiences")
    browser.expand(audiences)
    assert audiences.children and all((node.icon, node.color) == ("people", "orange") for node in audiences.children)


def test_an_external_reference_opens_the_classic_project_it_stands_for(browser, connection):
    planning = browser.tree.top(NodeKind.PLANNING)
    browser.expand(planning)
    workspace = planning.children[0]
    browser.expand(workspace)
    campaigns = browser.child(workspace, "Campaigns")
    browser.expand(campaigns)
    for record in (node for node in campaigns.children if node.kind is NodeKind.RECORD):
        browser.expand(record)
        link = browser.child(record, "Workfront projects")
        if link.children:
            break
    else:
        pytest.fail("no seeded campaign links a Workfront project")
    project = link.children[0]
    assert isinstance(project.payload, ObjectRef) and project.payload.code == "PROJ"
    assert browser.expand(project) <= 2                   # PROJ metadata (with the type list), then the project
    assert browser.child(project, "Portfolio")
    found = connection.session.load("PROJ", project.payload.id, ["name"])
    assert found["name"] == project.label


def test_a_failed_expansion_stays_in_its_node_with_the_message(browser, demo_faults):
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    projects = browser.child(classic, "Project (PROJ)")
    demo_faults.error_rate, demo_faults.error_status = 1.0, 400
    request = browser.tree.begin_load(projects)
    with pytest.raises(errors.WorkfrontError) as failure:
        browser.loader.load(request)
    demo_faults.reset()
    assert browser.tree.fail(request, failure.value)
    assert projects.state is LoadState.FAILED
    (message,) = projects.children
    assert message.kind is NodeKind.MESSAGE and message.payload is MessageRole.ERROR
    assert message.label == failure.value.message


def test_a_users_team_memberships_groups_and_roles_come_from_the_user_for_one_request_each(browser):
    user = first_object(browser, "User (USER)")
    browser.expand(user)
    for label in ("Team members", "User groups", "User roles"):
        collection = browser.child(user, label)
        assert browser.expand(collection) == 1, label       # read from the user: these are never searched
        assert collection.state is LoadState.LOADED, collection.error
        assert all(node.kind is NodeKind.OBJECT for node in collection.children)
    teams = [node.label for node in browser.child(user, "Team members").children]
    assert teams, "the seeded first user belongs to a team"
    assert not any(label.startswith("Team Member ") for label in teams), "named by their team, not by their ID"
    (group,) = browser.child(user, "User groups").children
    assert group.detail == "User Groups" and not group.label.startswith("User Groups ")


def test_a_type_served_only_inside_its_owner_is_listed_but_does_not_expand(browser):
    classic = browser.tree.top(NodeKind.CLASSIC)
    browser.expand(classic)
    members = browser.child(classic, "Team Member (TEAMMB)")
    assert not members.expandable and members.detail == "only inside its owner"
    assert browser.expand(members) == 0
