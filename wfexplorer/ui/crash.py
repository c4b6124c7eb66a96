"""The crash dialog: an unexpected error is a bug, shown with a copyable (redacted) traceback.

:func:`install_excepthook` routes uncaught exceptions, from Qt slots, from asyncio tasks and from
:class:`~wfexplorer.ui.asyncops.Operations`, to :class:`CrashDialog`; nothing fails silently.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import wfexplorer
from wfexplorer.core import redaction

log = logging.getLogger(__name__)


def crash_report(error: BaseException) -> str:
    """Return the text a bug report needs: versions and the traceback, with secrets redacted."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    header = (
        f"wfexplorer {getattr(wfexplorer, '__version__', '?')} · Python {platform.python_version()} · "
        f"{platform.system()} {platform.release()}\n\n"
    )
    return redaction.redact_text(header + "".join(lines))


class CrashDialog(QDialog):
    """Says that something went wrong that is not the user's fault, and offers the details to copy."""

    def __init__(self, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle("Unexpected error — wfexplorer")
        self.report = crash_report(error)

        headline = QLabel(
            "<b>Something went wrong inside wfexplorer.</b><br>"
            "This is a bug, not something you did. Your work in other windows is untouched; "
            "you can carry on, or copy the details below into a bug report."
        )
        headline.setWordWrap(True)
        headline.setTextFormat(Qt.TextFormat.RichText)
        summary = QLabel(f"{type(error).__name__}: {redaction.redact_text(str(error))}")
        summary.setObjectName("crashSummary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(self.report)
        self.details.setObjectName("crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().lineSpacing() * 22)

    def copy_details(self) -> None:
        """Put the report on the clipboard."""
        QGuiApplication.clipboard().setText(self.report)


class CrashReporter:
    """Shows one crash dialog per unexpected error; the excepthook and Operations call it.

    ``dialog_factory`` lets tests see the dialog without a modal loop; by default the dialog is
    shown non-modally so a background failure never blocks the event loop.
    """

    def __init__(self, parent: Callable[[], QWidget | None] | None = None) -> None:
        self._parent = parent or QApplication.activeWindow
        self.dialogs: list[CrashDialog] = []

    def __call__(self, error: BaseException) -> None:
        log.error("unexpected error", exc_info=error)
        if QApplication.instance() is None:
            return
        dialog = CrashDialog(error, self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.show()

    def _forget(self, dialog: CrashDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)


def install_excepthook(reporter: CrashReporter, loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Send uncaught exceptions (and unhandled asyncio task errors on ``loop``) to ``reporter``."""

    def excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        reporter(error)

    sys.excepthook = excepthook
    if loop is not None:

        def handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
            error = context.get("exception")
            if isinstance(error, BaseException) and not isinstance(error, asyncio.CancelledError):
                reporter(error)
            else:
                log.warning("asyncio: %s", context.get("message"))

        loop.set_exception_handler(handler)
