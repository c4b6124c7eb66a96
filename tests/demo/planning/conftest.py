"""Fixtures for the Planning simulator tests: a small HTTP helper bound to a running simulator."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from planning_http import PlanningHttp

from wfexplorer.demo.server import DemoServer


@pytest.fixture
def api(demo_server: DemoServer) -> PlanningHttp:
    """The session simulator, signed in with the demo access token."""
    return PlanningHttp(demo_server, demo_server.credentials()["access_token"])


@pytest.fixture
def fresh_api(fresh_demo_server: DemoServer) -> PlanningHttp:
    """A private simulator (for option and fault changes), signed in with the demo access token."""
    return PlanningHttp(fresh_demo_server, fresh_demo_server.credentials()["access_token"])


@pytest.fixture
def opt_api(api: PlanningHttp) -> Iterator[PlanningHttp]:
    """The session simulator; ``planning_options`` changed by the test are restored afterwards."""
    context = api.server.context
    assert context is not None
    saved = dict(context.settings.planning_options)
    try:
        yield api
    finally:
        context.settings.planning_options.clear()
        context.settings.planning_options.update(saved)


@pytest.fixture
def campaigns(api: PlanningHttp) -> dict[str, Any]:
    """The seeded Campaigns record type with its fields by alias (``fields`` key)."""
    rt = api.record_type("2027 Marketing Plan", "campaigns")
    return {**rt, "fields": api.fields(rt["id"])}


@pytest.fixture
def scratch(api: PlanningHttp) -> Iterator[dict[str, Any]]:
    """A new record type (in the marketing workspace) with one field of each simple type, for write tests."""
    ws = api.workspace("2027 Marketing Plan")
    rt = api.post(f"/v2/workspaces/{ws['id']}/record-types", json={"displayName": f"Scratch {uuid.uuid4().hex[:8]}"})
    assert rt.status_code == 201, rt.text
    rt_id = rt.json()["id"]
    specs = [
        {"displayName": "Notes", "type": "PARAGRAPH"},
        {"displayName": "Count", "type": "NUMBER"},
        {"displayName": "Due", "type": "DATE"},
        {"displayName": "Done", "type": "CHECKBOX"},
        {"displayName": "State", "type": "SINGLE_SELECT", "options": [
            {"name": "opt_a", "displayName": "Alpha", "color": "green"},
            {"name": "opt_b", "displayName": "Beta", "color": "blue"}]},
        {"displayName": "Labels", "type": "MULTI_SELECT", "options": [
            {"name": "l1", "displayName": "One"}, {"name": "l2", "displayName": "Two"},
            {"name": "l3", "displayName": "Three"}]},
        {"displayName": "People", "type": "USER", "userOptions": {"multipleUsersAllowed": True}},
    ]
    for spec in specs:
        created = api.post(f"/v2/record-types/{rt_id}/fields", json=spec)
        assert created.status_code == 201, created.text
    yield {"id": rt_id, "workspace": ws, "fields": api.fields(rt_id)}
    api.delete(f"/v2/record-types/{rt_id}")
