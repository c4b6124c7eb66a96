"""Shared set-up for the request log and console tests: a classic session and a Planning client on one transport,
logged into one request log, against the session simulator; and a check that every control has a name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.core.transport import Transport


class Logged:
    """A session, a Planning client and the log both feed."""

    def __init__(self, server: Any, cache_dir: Path) -> None:
        credentials = server.credentials()
        self.log = RequestLog()
        self.transport = Transport(backoff_seconds=0.01)
        self.transport.subscribe(self.log.add)
        self.session = Session("demo", api_key=credentials["api_key"], api_version="v21.0",
                               url_template=base_url_template(server.base_url), transport=self.transport,
                               cache_dir=cache_dir)
        self.planning = PlanningClient(server.base_url, credentials["access_token"], transport=self.transport)
        self.api_key = credentials["api_key"]
        self.token = credentials["access_token"]


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls under ``root`` that a screen reader could not name (no accessible name, no text)."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTabBar)
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or isinstance(widget, QHeaderView) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox):
            continue  # an editable combo box's own line edit: the combo box is named
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text.replace("&", "").strip()):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found
