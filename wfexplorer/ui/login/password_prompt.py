"""The small dialog both "Get API key" and "Session expired" are made of: ask, try off the GUI thread, say why not.

A :class:`PasswordPrompt` has a password field, an inline error box, a busy bar and OK / Cancel. Its
subclass lays out its own fields and says what one attempt does; the prompt runs the attempt in
:class:`~wfexplorer.ui.asyncops.Operations`, locks the inputs meanwhile, shows a refusal in full
(the dialog grows to fit it) and puts the focus back on the password. Esc / Cancel stop a running
attempt first and close the dialog only when idle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from wfexplorer.ui import fit, resources
from wfexplorer.ui.busy import BusyIndicator

if TYPE_CHECKING:
    import asyncio

    from wfexplorer.core import errors
    from wfexplorer.ui.asyncops import Operations


class PasswordPrompt(QDialog):
    """A password, an inline error, a busy bar and OK / Cancel; subclasses add fields and the attempt."""

    def __init__(self, ops: Operations, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._task: asyncio.Task[None] | None = None
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = resources.message_label("error", "error")
        self.progress = BusyIndicator(with_text=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    def _lay_out(self, intro: QWidget, fields: QFormLayout | None) -> None:
        """Put ``intro`` and ``fields`` above the error box, the busy bar and the buttons."""
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if fields is not None:
            layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    def _inputs(self) -> list[QWidget]:
        """What is locked while an attempt runs."""
        return [self.password]

    def _attempt(self, call: Callable[[], Any], on_success: Callable[[Any], None],
                 on_error: Callable[[errors.WorkfrontError], None], name: str) -> None:
        """Run ``call`` off the GUI thread (once at a time), clearing the last error first."""
        if self._task is not None:
            return
        self._show(None)
        self._task = self.ops.run(call, on_success=on_success, on_error=on_error, busy=self._set_busy, name=name)

    def _show(self, text: str | None) -> None:
        """Show ``text`` in the error box (``None``: hide it), growing the dialog so none of it is cut off."""
        self.error.setText(text or "")
        self.error.setVisible(bool(text))
        if text:
            fit.grow_to_fit(self)

    def _set_busy(self, busy: bool) -> None:
        for widget in self._inputs():
            widget.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)
        self.progress.setVisible(busy)  # a BusyIndicator without text
        if not busy:
            self._task = None
            self.ok_button.setDefault(True)
            self._after_attempt()

    def _after_attempt(self) -> None:
        """Where the focus goes when an attempt ends without closing the dialog: the password, selected."""
        self.password.setFocus()
        self.password.selectAll()

    def reject(self) -> None:
        """Esc / Cancel: stop a running attempt first; close only when idle."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            return
        super().reject()
