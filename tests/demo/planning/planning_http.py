"""A small HTTP helper for Planning simulator tests (shared by the test modules and conftest)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests

from wfexplorer.demo.server import DemoServer

TIMEOUT = 10


@dataclass
class PlanningHttp:
    """Sends Planning requests to a simulator with the demo Bearer token (``token=None`` sends none)."""

    server: DemoServer
    token: str | None
    session: requests.Session = field(default_factory=requests.Session)

    @property
    def base(self) -> str:
        return self.server.base_url + "/maestro/api"

    def request(self, method: str, path: str, *, token: Any = "default", **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}) or {})
        bearer = self.token if token == "default" else token
        if bearer is not None:
            headers.setdefault("Authorization", f"Bearer {bearer}")
        return self.session.request(method, self.base + path, headers=headers, timeout=TIMEOUT, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    # -- lookups in the seeded data ------------------------------------------------------------

    def workspace(self, name: str) -> dict[str, Any]:
        for ws in self.get("/v2/workspaces", params={"limit": 50}).json()["content"]:
            if ws["name"] == name:
                return ws
        raise KeyError(name)

    def record_type(self, workspace_name: str, alias: str) -> dict[str, Any]:
        ws = self.workspace(workspace_name)
        for rt in self.get(f"/v2/workspaces/{ws['id']}/record-types", params={"limit": 100}).json()["content"]:
            if rt["alias"] == alias:
                return rt
        raise KeyError(alias)

    def fields(self, record_type_id: str) -> dict[str, dict[str, Any]]:
        """Fields by alias."""
        body = self.get(f"/v2/record-types/{record_type_id}/fields", params={"limit": 100}).json()
        return {f["alias"]: f for f in body["content"]}

    def search(self, record_type_id: str, body: dict[str, Any], **params: Any) -> requests.Response:
        return self.post(f"/v2/record-types/{record_type_id}/records/search", json=body, params=params)

    def all_ids(self, record_type_id: str, filter_: dict[str, Any] | None = None) -> list[str]:
        body: dict[str, Any] = {} if filter_ is None else {"filter": filter_}
        response = self.search(record_type_id, body, size=100_000)
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["records"]["content"]]

