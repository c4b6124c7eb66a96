"""The ``gui`` marker is on exactly the tests that use a QApplication."""

from __future__ import annotations

from typing import Any

import pytest


def test_a_test_using_qtbot_is_marked_gui(request: pytest.FixtureRequest, qtbot: Any) -> None:
    assert request.node.get_closest_marker("gui") is not None


def test_a_test_without_qt_is_not_marked_gui(request: pytest.FixtureRequest) -> None:
    assert request.node.get_closest_marker("gui") is None
