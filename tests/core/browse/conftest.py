"""A signed-in core Connection to the session simulator, and a recorder of the requests it sends."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
from wfexplorer.core.auth.profiles import Environment, Profile
from wfexplorer.core.browse import BrowseTree, Loader, LoadResult, Node, root_specs
from wfexplorer.core.connection import Connection


class Requests:
    """Every request the connection sends, as ``METHOD path`` (query strings dropped)."""

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def __call__(self, event: Any) -> None:
        self.sent.append(event)

    def count(self) -> int:
        return len(self.sent)

    def clear(self) -> None:
        self.sent.clear()


@pytest.fixture
def planning_accepts_login_sessions(demo_server: Any) -> Iterator[None]:
    """Let the simulator's Planning API accept a classic /login session, as ``wfexplorer --demo`` does."""
    options = demo_server.context.settings.planning_options
    before = options.get("accept_login_sessions", "false")
    options["accept_login_sessions"] = "true"
    yield
    options["accept_login_sessions"] = before


@pytest.fixture
def connection(demo_server: Any, demo_credentials: dict[str, Any], memory_keyring: Any, tmp_path: Any,
               planning_accepts_login_sessions: None) -> Iterator[Connection]:
    """The admin signed in with a password: classic Session and Planning client over loopback."""
    authenticator = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore())
    profile = Profile(name="Simulator", environment=Environment.CUSTOM, custom_url=demo_server.base_url)
    signed_in = authenticator.sign_in_with_password(profile, demo_credentials["username"],
                                                    demo_credentials["password"])
    connected = Connection(signed_in)
    yield connected
    connected.sign_out()


@pytest.fixture
def requests_sent(connection: Connection) -> Iterator[Requests]:
    """The connection's request events from now on."""
    recorder = Requests()
    unsubscribe = connection.subscribe(recorder)
    yield recorder
    unsubscribe()


class Browser:
    """The tree and its loader driven synchronously, as the GUI drives them across threads."""

    def __init__(self, connection: Connection, sent: Requests) -> None:
        self.tree = BrowseTree(root_specs(connection))
        self.loader = Loader(connection)
        self.sent = sent

    def expand(self, node: Node) -> int:
        """Expand ``node`` as a view does (a load only when it was never loaded); returns the requests it cost."""
        before = self.sent.count()
        request = self.tree.begin_load(node) if node.can_fetch else None
        if request is not None:
            result: LoadResult = self.loader.load(request)
            assert self.tree.apply(result)
        return self.sent.count() - before

    def more(self, node: Node) -> int:
        """Load the next page of ``node``; returns how many requests that cost."""
        before = self.sent.count()
        more = node.children[-1]
        request = self.tree.begin_load(node, first=more.payload.first)
        assert request is not None
        assert self.tree.apply(self.loader.load(request))
        return self.sent.count() - before

    @staticmethod
    def child(node: Node, label_start: str) -> Node:
        """The child whose label starts with ``label_start`` (fails with the labels there)."""
        for kid in node.children:
            if kid.label.startswith(label_start):
                return kid
        raise AssertionError(f"no child of {node.label!r} starts with {label_start!r}: "
                             f"{[kid.label for kid in node.children]}")


@pytest.fixture
def browser(connection: Connection, requests_sent: Requests) -> Browser:
    """A browse tree over the signed-in connection."""
    return Browser(connection, requests_sent)
