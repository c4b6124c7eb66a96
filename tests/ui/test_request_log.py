"""The request log dock over the core log: a model that passes Qt's model tester while threads feed the log,
filters, pause and clear, the detail pane, copy as code (and revealing with a warning), HAR export, opening a
request in the console; every control named and reachable from the keyboard."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from haralyzer import HarParser
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleOptionViewItem
from requests_support import Logged, unnamed_controls

from wfexplorer.core import errors
from wfexplorer.core.console import ConsoleRequest
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.core.snippets import SnippetKind, call_from_event, render
from wfexplorer.core.transport import RequestEvent
from wfexplorer.ui.requests import RequestLogDock, RequestLogModel, RequestLogWidget
from wfexplorer.ui.requests.log_model import Column


@pytest.fixture(scope="module")
def logged(demo_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Logged]:
    connected = Logged(demo_server, tmp_path_factory.mktemp("cache"))
    yield connected
    connected.session.close()


@pytest.fixture
def widget(qtbot: Any, ops: Any, logged: Logged) -> Iterator[RequestLogWidget]:
    logged.log.clear()
    logged.log.resume()
    shown = RequestLogWidget(logged.log, ops, session=logged.session, planning=logged.planning)
    dock = RequestLogDock(shown)
    qtbot.addWidget(dock)
    dock.resize(1000, 700)
    dock.show()
    yield shown
    shown.model.close()


def browse(logged: Logged) -> None:
    logged.session.search("PROJ", status="CUR", fields=["name"])
    logged.session.count("TASK")
    with pytest.raises(errors.WorkfrontError):
        logged.session.get("/proj/noSuchOperation")
    with pytest.raises(errors.NotFoundError):
        logged.planning.connection.call("GET", ("records", "no-such-record"))
    logged.planning.workspaces()


def applied(widget: RequestLogWidget) -> None:
    widget.model.apply_pending()


def row_of(widget: RequestLogWidget, fragment: str) -> int:
    for row in range(widget.model.rowCount()):
        if fragment.lower() in widget.model.index(row, Column.URL).data().lower():
            return row
    raise AssertionError(f"no row with {fragment!r}")


def event(call_id: int, attempt: int = 1) -> RequestEvent:
    return RequestEvent("GET", f"https://h/attask/api/v21.0/proj/{call_id}", 200, 1.0, 10, attempt, call_id=call_id,
                        started_at=1_700_000_000.0)


def test_the_model_passes_qts_model_tester_while_a_thread_appends_retries_and_drops(qtmodeltester: Any,
                                                                                    qtbot: Any) -> None:
    log = RequestLog(capacity=50)
    model = RequestLogModel(log)
    qtmodeltester.check(model)

    def feed() -> None:
        for call in range(1, 200):
            log.add(event(call))
            if call % 4 == 0:
                log.add(event(call, attempt=2))

    worker = threading.Thread(target=feed)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=5000)
    qtmodeltester.check(model)
    assert [model.entry(row) for row in range(model.rowCount())] == log.entries()
    log.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    model.close()


def test_rows_show_time_method_url_status_ms_bytes_and_attempts(widget: RequestLogWidget, logged: Logged,
                                                               demo_faults: Any) -> None:
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    healed: list[bool] = []

    def heal(_event: RequestEvent) -> None:
        if not healed:
            healed.append(True)
            demo_faults.error_rate = 0.0

    stop = logged.transport.subscribe(heal)
    logged.session.get("/proj/count")
    stop()
    applied(widget)
    row = row_of(widget, "/proj/count")
    texts = [widget.model.index(row, column).data() for column in Column]
    assert texts[Column.METHOD] == "GET" and texts[Column.STATUS] == "200" and texts[Column.ATTEMPTS] == "2"
    assert texts[Column.TIME].count(":") == 2 and int(texts[Column.MILLISECONDS]) >= 0
    assert logged.api_key not in texts[Column.URL]
    assert widget.model.rowCount() == 1  # the retry is one row


def test_text_method_and_status_filters_narrow_the_rows(widget: RequestLogWidget, logged: Logged) -> None:
    browse(logged)
    applied(widget)
    total = widget.model.rowCount()
    widget.filter_box.setText("noSuchOperation")
    assert widget.model.rowCount() == 1
    widget.filter_box.clear()
    widget.status_filter.setCurrentIndex(widget.status_filter.findText("Errors (4xx, 5xx, no answer)"))
    assert {widget.model.index(r, Column.STATUS).data() for r in range(widget.model.rowCount())} == {"400", "404"}
    widget.status_filter.setCurrentIndex(0)
    widget.method_filter.setCurrentIndex(widget.method_filter.findData("GET"))
    assert widget.model.rowCount() == total
    widget.method_filter.setCurrentIndex(widget.method_filter.findData("DELETE"))
    assert widget.model.rowCount() == 0 and "0 of" in widget.status.text()


def test_pause_stops_recording_and_clear_empties_the_table(widget: RequestLogWidget, logged: Logged,
                                                          qtbot: Any) -> None:
    logged.session.count("PROJ")
    applied(widget)
    qtbot.mouseClick(widget.pause_button, Qt.MouseButton.LeftButton)
    logged.session.count("PROJ")
    applied(widget)
    assert widget.model.rowCount() == 1 and logged.log.paused and "paused" in widget.status.text()
    qtbot.mouseClick(widget.pause_button, Qt.MouseButton.LeftButton)
    assert not logged.log.paused
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    applied(widget)
    assert widget.model.rowCount() == 0 and logged.log.entries() == []


def test_the_detail_pane_shows_the_error_class_the_request_id_and_the_body_as_a_tree(widget: RequestLogWidget,
                                                                                   logged: Logged) -> None:
    browse(logged)
    applied(widget)
    widget.select_row(row_of(widget, "noSuchOperation"))
    assert "UnsupportedOperationException" in widget.detail.fields["error"].text()
    widget.detail.fill_all()
    tree = widget.detail.response_body.tree
    assert tree.topLevelItem(0).text(0) == "error"
    widget.select_row(row_of(widget, "no-such-record"))
    entry = widget.current_entry()
    assert entry is not None and entry.server_request_id
    assert widget.detail.fields["server"].text() == entry.server_request_id
    assert entry.response and entry.response.error_code and entry.response.error_code in widget.detail.fields[
        "error"].text()
    widget.select_row(row_of(widget, "/proj/search"))
    widget.detail.fill_all()
    request_tree = widget.detail.request_body.tree
    query = request_tree.topLevelItem(0)
    assert query.text(0) == "query" and [query.child(i).text(0) for i in range(query.childCount())] == [
        "status", "fields"]
    headers = widget.detail.request_headers.as_text()
    assert '"apiKey": "***"' in headers and logged.api_key not in headers


def test_until_a_request_is_selected_the_pane_is_only_its_hint(widget: RequestLogWidget, logged: Logged) -> None:
    from PySide6.QtWidgets import QTabWidget

    assert widget.detail.placeholder.isVisibleTo(widget)
    assert widget.detail.findChild(QTabWidget, "requestDetailTabs") is None, "no sections made before one is shown"
    browse(logged)
    applied(widget)
    widget.select_row(0)
    assert widget.detail.findChild(QTabWidget, "requestDetailTabs").isVisibleTo(widget)
    assert not widget.detail.placeholder.isVisibleTo(widget)


def test_copy_as_puts_the_snippet_on_the_clipboard_without_the_secret(widget: RequestLogWidget,
                                                                      logged: Logged) -> None:
    browse(logged)
    applied(widget)
    widget.select_row(row_of(widget, "/proj/search"))
    for kind in SnippetKind:
        widget.copy_actions[kind].trigger()
        expected = render(call_from_event(widget.current_entry().last), kind)
        assert QGuiApplication.clipboard().text() == expected
        assert logged.api_key not in expected
    assert "WORKFRONT_API_KEY" in widget.status.text()


def test_python_workfront_is_offered_for_classic_requests_only(widget: RequestLogWidget, logged: Logged) -> None:
    browse(logged)
    applied(widget)
    widget.select_row(row_of(widget, "/workspaces"))
    action = widget.copy_actions[SnippetKind.PYTHON_WORKFRONT]
    assert not action.isEnabled() and "classic" in action.toolTip()
    widget.select_row(row_of(widget, "/proj/search"))
    assert action.isEnabled()


def test_revealing_asks_first_and_copies_the_live_secret_only_when_confirmed(
        widget: RequestLogWidget, logged: Logged, monkeypatch: pytest.MonkeyPatch, run_until: Any) -> None:
    browse(logged)
    applied(widget)
    widget.select_row(row_of(widget, "/proj/search"))
    QGuiApplication.clipboard().setText("before")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", answer)
    widget.ask_and_copy_revealed(SnippetKind.CURL)
    assert QGuiApplication.clipboard().text() == "before" and "plain text" in asked[0]
    widget.ask_and_copy_revealed(SnippetKind.CURL)
    run_until(lambda: QGuiApplication.clipboard().text() != "before", timeout=10)
    assert logged.api_key in QGuiApplication.clipboard().text() and "do not share" in widget.status.text()


def test_the_log_or_the_selection_exports_as_har_that_reads_back(widget: RequestLogWidget, logged: Logged,
                                                                 tmp_path: Path, run_until: Any) -> None:
    browse(logged)
    applied(widget)
    done: list[int] = []
    widget.export_har(str(tmp_path / "all.har"), done=done.append)
    run_until(lambda: bool(done), timeout=10)
    assert done == [len(logged.log)]
    widget.select_row(row_of(widget, "/proj/search"))
    widget.export_har(str(tmp_path / "one.har"), selected_only=True, done=done.append)
    run_until(lambda: len(done) == 2, timeout=10)
    entries = [e for page in HarParser.from_file(str(tmp_path / "one.har")).pages for e in page.entries]
    assert [entry.request.url for entry in entries] == [widget.current_entry().url]
    assert logged.api_key not in (tmp_path / "all.har").read_text(encoding="utf-8")


def test_exporting_where_nothing_can_be_written_says_so(widget: RequestLogWidget, logged: Logged,
                                                        tmp_path: Path, run_until: Any) -> None:
    logged.session.count("PROJ")
    applied(widget)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    widget.export_har(str(blocker / "inside.har"))
    run_until(lambda: widget.message.isVisible(), timeout=10)
    assert "Could not write" in widget.message.text()


def test_open_in_console_hands_over_the_request_and_enter_does_the_same(widget: RequestLogWidget, logged: Logged,
                                                                        qtbot: Any) -> None:
    browse(logged)
    applied(widget)
    widget.select_row(row_of(widget, "/proj/search"))
    with qtbot.waitSignal(widget.open_in_console, timeout=2000) as signal:
        qtbot.mouseClick(widget.console_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] == ConsoleRequest("classic", "GET", "/PROJ/search", (("status", "CUR"), ("fields", "name")))
    widget.table.setFocus()
    with qtbot.waitSignal(widget.open_in_console, timeout=2000):
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)


def test_every_control_is_named_and_the_keyboard_reaches_filter_and_copy(widget: RequestLogWidget,
                                                                         logged: Logged, qtbot: Any) -> None:
    logged.session.count("PROJ")
    applied(widget)
    widget.select_row(0)
    assert unnamed_controls(widget) == []
    assert widget.accessibleName() == "Request log" and widget.objectName() == "requestLog"
    widget.table.setFocus()
    widget.activateWindow()
    widget.focus_find()  # what the window's Ctrl+F does in the log (tests/ui/keyboard/test_shortcuts.py)
    assert QApplication.focusWidget() is widget.filter_box
    widget.table.setFocus()
    QGuiApplication.clipboard().setText("")
    qtbot.keyClick(widget.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert QGuiApplication.clipboard().text().startswith("curl ")
    assert widget.model.entry(0) is widget.current_entry()


def test_cells_paint_with_their_own_alignment_and_colour_not_the_previous_cells(widget: RequestLogWidget,
                                                                              logged: Logged) -> None:
    browse(logged)
    applied(widget)
    delegate = widget.table.itemDelegate()
    error_row, ok_row = row_of(widget, "noSuchOperation"), row_of(widget, "/task/count")
    seen = {}
    for name, row, column in (("error status", error_row, Column.STATUS), ("url", ok_row, Column.URL),
                              ("ok status", ok_row, Column.STATUS)):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, widget.model.index(row, column))
        seen[name] = option
    assert seen["error status"].displayAlignment & Qt.AlignmentFlag.AlignRight
    assert not seen["url"].displayAlignment & Qt.AlignmentFlag.AlignRight
    assert seen["url"].text.lower().endswith("/task/count") and seen["ok status"].text == "200"
    error_ink = seen["error status"].palette.color(QPalette.ColorRole.Text)
    assert seen["ok status"].palette.color(QPalette.ColorRole.Text) != error_ink
