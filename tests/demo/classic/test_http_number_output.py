"""Numbers on the wire: whole-number doubles are written as integers, as Workfront's fixtures show.

Workfront's recorded responses (classic-fixtures create.json, get.json) write ``"percentComplete": 0``
and ``100``, never ``0.0``; fractional values (``7.5`` hours) stay decimals.
"""

from __future__ import annotations

import json
import re

import requests
from classic_http_helpers import Client, data_of

from wfexplorer.demo.server import DemoServer


def _raw_numbers(response: requests.Response, name: str) -> list[str]:
    """Return the literal JSON texts of every ``"name":<number>`` in the response body."""
    return re.findall(rf'"{re.escape(name)}":(-?[0-9.eE+-]+)', response.text)


def test_item16_a_new_task_writes_percent_complete_as_the_integer_0(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    project = client.new_project("Number output project")
    response = client.post("/task", json={"name": "Number output task", "projectID": project["ID"]})
    data_of(response)
    assert _raw_numbers(response, "percentComplete") == ["0"]
    again = client.get(f"/task/{json.loads(response.text)['data']['ID']}", params={"fields": "duration"})
    assert _raw_numbers(again, "percentComplete") == ["0"]
    assert ".0," not in again.text and ".0}" not in again.text


def test_item17_whole_doubles_in_references_and_collections_are_integers(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    response = client.get(
        "/task/search",
        params={"$$LIMIT": "200", "fields": "percentComplete,assignments:assignmentPercent,project:percentComplete"},
    )
    rows = data_of(response)
    assert any(row["assignments"] for row in rows)
    literals = _raw_numbers(response, "percentComplete") + _raw_numbers(response, "assignmentPercent")
    assert literals
    assert not [text for text in literals if text.endswith(".0")]


def test_fractional_doubles_stay_decimal_and_whole_ones_lose_the_point(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    response = client.get("/hour/search", params={"$$LIMIT": "2000", "fields": "hours"})
    values = data_of(response)
    literals = _raw_numbers(response, "hours")
    assert len(literals) == len(values)
    assert any("." in text for text in literals), "the seed has fractional hours"
    assert all(not text.endswith(".0") for text in literals)
    for text, row in zip(literals, values, strict=True):
        assert float(text) == row["hours"]


def test_item19_custom_number_values_are_integers_when_whole(demo_server: DemoServer) -> None:
    client = Client(demo_server)
    response = client.get(
        "/task/search",
        params={"DE:Effort Points_Mod": "notnull", "$$LIMIT": "50", "fields": "DE:Effort Points,parameterValues"},
    )
    rows = data_of(response)
    assert rows
    literals = _raw_numbers(response, "DE:Effort Points")
    assert len(literals) == 2 * len(rows)  # once as the field, once inside parameterValues
    assert not [text for text in literals if text.endswith(".0")]
