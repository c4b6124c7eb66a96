"""Small helpers for the classic HTTP tests: URLs, login, JSON bodies."""

from __future__ import annotations

from typing import Any

import requests

from wfexplorer.demo.server import DemoServer

TIMEOUT = 10


def api(server: DemoServer, version: str = "v21.0") -> str:
    """Return the base URL of a classic API version on ``server``."""
    if version.startswith("api-"):
        return f"{server.base_url}/attask/{version}"
    return f"{server.base_url}/attask/api/{version}"


def login(server: DemoServer, username: str = "admin", password: str = "demo", version: str = "v21.0") -> str:
    """Log in and return a new session ID."""
    response = requests.post(
        f"{api(server, version)}/login", data={"username": username, "password": password}, timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    return str(response.json()["data"]["sessionID"])


def data_of(response: requests.Response) -> Any:
    """Return the ``data`` of a success envelope (failing the test on an error envelope)."""
    body = response.json()
    assert "error" not in body, body
    assert response.status_code == 200, response.text
    return body["data"]


def error_of(response: requests.Response) -> dict[str, Any]:
    """Return the ``error`` object of a failure envelope."""
    body = response.json()
    assert set(body) == {"error"}, body
    return dict(body["error"])


class Client:
    """A logged-in classic client for tests (the administrator unless ``username`` says otherwise):
    ``get``/``post``/``put``/``delete`` return the response."""

    def __init__(self, server: DemoServer, version: str = "v21.0", username: str = "admin") -> None:
        self.server = server
        self.base = api(server, version)
        self.session_id = login(server, username=username, version=version)
        self.headers = {"sessionID": self.session_id}

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return requests.request(method, f"{self.base}{path}", headers=headers, timeout=TIMEOUT, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    def new_project(self, name: str, **fields: Any) -> dict[str, Any]:
        return dict(data_of(self.post("/proj", json={"name": name, **fields})))

    def new_task(self, project_id: str, name: str, **fields: Any) -> dict[str, Any]:
        return dict(data_of(self.post("/task", json={"name": name, "projectID": project_id, **fields})))

    def count(self, obj: str, **filters: Any) -> int:
        return int(data_of(self.get(f"/{obj}/count", params=filters))["count"])
