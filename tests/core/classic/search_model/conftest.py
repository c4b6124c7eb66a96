"""Fixtures for the search-model tests that talk to the simulator: a signed-in session, the probe data, a schema."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from search_model_probe import Probe, make_probe, sign_in

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.search_model import SearchSchema
from wfexplorer.demo.server import DemoServer


@pytest.fixture(scope="module")
def session(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """The classic session of the demo admin's sign-in (one per test module)."""
    connection = sign_in(demo_server, tmp_path_factory.mktemp("sign-in"))
    yield connection.session
    connection.sign_out()


@pytest.fixture(scope="module")
def probe(session: Session) -> Probe:
    """A project of six tasks made for this module."""
    return make_probe(session)


@pytest.fixture(scope="module")
def schema(session: Session) -> SearchSchema:
    """The session's metadata and custom fields."""
    return SearchSchema.of_session(session)
