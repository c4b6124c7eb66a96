"""The detail pane of the request log: what one request sent and what came back, formatted and collapsible.

A summary (method, URL, status, time, attempts, the server's error class/errorCode and request id), then
tabs: the request's parameters and body as a JSON tree (query, form or JSON), its headers, the response
body (tree or text), the response headers, and each attempt when it was retried. Everything shown comes
from the log entry, which core has already redacted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from wfexplorer.core.requestlog import LogEntry
from wfexplorer.ui import resources
from wfexplorer.ui.requests.json_view import BodyView
from wfexplorer.ui.requests.log_model import status_text, time_text


def _pairs_value(pairs: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """Pairs as a mapping for the tree (repeated names become lists)."""
    shown: dict[str, Any] = {}
    for name, value in pairs:
        if name in shown:
            previous = shown[name]
            shown[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            shown[name] = value
    return shown


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setWordWrap(True)
    return label


class RequestDetail(QWidget):
    """Shows one :class:`LogEntry` (or a hint when none is selected).

    The summary and the tabs are made when the first entry is shown: every main window has a request log,
    and a window's first paint should not wait for five JSON views nobody has looked at yet.
    """

    summary: QWidget
    tabs: QTabWidget
    request_body: BodyView
    request_headers: BodyView
    response_body: BodyView
    response_headers: BodyView
    attempts: BodyView

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestDetail")
        self.setAccessibleName("Request details")
        self.entry: LogEntry | None = None
        self.placeholder = QLabel("Select a request to see what it sent and what came back.")
        resources.set_role(self.placeholder, "note")
        self.fields: dict[str, QLabel] = {}
        self._unfilled: set[int] = set()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)
        self._built = False

    def _build(self) -> None:
        summary = QFormLayout()
        summary.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (("request", "Request:"), ("status", "Status:"), ("timing", "Time:"),
                           ("error", "Error:"), ("server", "Request id:")):
            value = _selectable(QLabel())
            value.setObjectName(f"detail_{key}")
            value.setAccessibleName(label.rstrip(":"))
            caption = QLabel(label)
            caption.setBuddy(value)
            summary.addRow(caption, value)
            self.fields[key] = value
        self.summary = QWidget()
        self.summary.setLayout(summary)
        self.request_body = BodyView("Request parameters and body")
        self.request_headers = BodyView("Request headers")
        self.response_body = BodyView("Response body")
        self.response_headers = BodyView("Response headers")
        self.attempts = BodyView("Attempts")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("requestDetailTabs")
        self.tabs.setAccessibleName("Request detail sections")
        self.tabs.tabBar().setAccessibleName("Request detail sections")
        self.tabs.addTab(self.request_body, "Re&quest")
        # no Alt+letter for the others: each letter they have is the menu bar's or another button's
        self.tabs.addTab(self.response_body, "Response")
        self.tabs.addTab(self.request_headers, "Request headers")
        self.tabs.addTab(self.response_headers, "Response headers")
        self.tabs.addTab(self.attempts, "Attempts")
        self.tabs.currentChanged.connect(self._fill_tab)
        self._layout.addWidget(self.summary)
        self._layout.addWidget(self.tabs, 1)
        self._built = True

    def show_entry(self, entry: LogEntry | None) -> None:
        """Show ``entry``, or the placeholder for ``None``."""
        self.entry = entry
        self.placeholder.setVisible(entry is None)
        if entry is not None and not self._built:
            self._build()
        if self._built:
            self.summary.setVisible(entry is not None)
            self.tabs.setVisible(entry is not None)
        if entry is None:
            return
        response = entry.response
        self.fields["request"].setText(f"{entry.method} {entry.url}")
        reason = f" {response.reason}" if response is not None and response.reason else ""
        self.fields["status"].setText(f"{status_text(entry)}{reason}"
                                      + (f" ({response.content_type})" if response and response.content_type else ""))
        tries = "1 attempt" if entry.attempt_count == 1 else f"{entry.attempt_count} attempts"
        self.fields["timing"].setText(f"{time_text(entry)}, {entry.duration_ms:.0f} ms, {tries}, "
                                      f"{entry.bytes_received:,} bytes received")
        problem = [part for part in ((response.error_class if response else None),
                                     (response.error_code if response else None), entry.error) if part]
        self.fields["error"].setText(" — ".join(problem) or "none")
        self.fields["server"].setText(entry.server_request_id or "none sent")
        self._unfilled = set(range(self.tabs.count()))
        self._fill_tab(self.tabs.currentIndex())

    def _fill_tab(self, index: int) -> None:
        """Fill one tab with the shown entry (the others wait until they are shown)."""
        entry = self.entry
        if entry is None or index not in self._unfilled:
            return
        self._unfilled.discard(index)
        widget = self.tabs.widget(index)
        if widget is self.request_body:
            self._show_request(entry)
        elif widget is self.response_body:
            self._show_response(entry)
        elif widget is self.request_headers:
            self.request_headers.show_value(_pairs_value(entry.request.headers) if entry.request else {})
        elif widget is self.response_headers:
            if entry.response is None:
                self.response_headers.show_nothing("No answer came.")
            else:
                self.response_headers.show_value(_pairs_value(entry.response.headers))
        elif widget is self.attempts:
            self.attempts.show_value([{"attempt": a.attempt, "status": a.status if a.status is not None else "failed",
                                       "ms": round(a.duration_ms, 1), "error": a.error} for a in entry.attempts])

    def fill_all(self) -> None:
        """Fill every tab now (tests, and a view about to be read aloud)."""
        if not self._built:
            return
        for index in range(self.tabs.count()):
            self._fill_tab(index)

    def _show_response(self, entry: LogEntry) -> None:
        response = entry.response
        if response is None:
            self.response_body.show_nothing(entry.error or "No answer came.")
        else:
            note = ""
            if response.truncated:
                note = f"Cut to the first {len(response.text or ''):,} characters of {response.size:,} bytes."
            elif response.body_released:
                note = "The body is no longer kept: the log keeps the bodies of its newest requests only."
            elif response.text is None and response.size:
                note = f"A {response.content_type or 'binary'} body of {response.size:,} bytes (not shown)."
            self.response_body.show_text(response.text, note)

    def _show_request(self, entry: LogEntry) -> None:
        sent = entry.request
        if sent is None:
            self.request_body.show_nothing("Recorded without its details.")
            return
        value: dict[str, Any] = {}
        if sent.query:
            value["query"] = _pairs_value(sent.query)
        if sent.body_kind == "form":
            value["form"] = _pairs_value(sent.form)
        elif sent.body_kind == "json":
            value["json"] = sent.json
        elif sent.body_kind in ("text", "binary"):
            value["body"] = sent.text or ""
        if value:
            self.request_body.show_value(value)
        else:
            self.request_body.show_nothing("No parameters and no body.")
