"""The crash dialog: unexpected errors are shown with a copyable, redacted report."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from wfexplorer.ui.crash import CrashDialog, CrashReporter, crash_report, install_excepthook


def failure() -> BaseException:
    try:
        raise RuntimeError("lost track of sessionID=0123456789abcdef0123456789abcdef")
    except RuntimeError as error:
        return error


def test_the_report_has_versions_and_the_traceback_but_no_secrets():
    report = crash_report(failure())
    assert "wfexplorer" in report and "Python" in report
    assert "Traceback" in report and "RuntimeError" in report
    assert "0123456789abcdef0123456789abcdef" not in report


def test_copy_details_puts_the_report_on_the_clipboard(qtbot):
    dialog = CrashDialog(failure())
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == dialog.report
    assert dialog.details.isReadOnly()


def test_uncaught_exceptions_reach_the_reporter_which_shows_a_dialog(qtbot):
    reporter = CrashReporter()
    previous = sys.excepthook
    try:
        install_excepthook(reporter)
        error = failure()
        sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert len(reporter.dialogs) == 1
    dialog = reporter.dialogs[0]  # deletes itself when closed
    assert dialog.isVisible()
    dialog.reject()
    assert reporter.dialogs == []
