"""The form's dialogs: Preview (the exact request), the conflict dialog, and Save / Discard / Cancel."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.details import display_value
from wfexplorer.core.editing.savers import FieldConflict, SaveRequest


class PreviewDialog(QDialog):
    """Shows the request a save will send (method, URL, body); Send sends it, Close keeps editing."""

    def __init__(self, request: SaveRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savePreview")
        self.setWindowTitle("Preview of the save")
        intro = QLabel("This is exactly what Save sends. Nothing has been sent yet.")
        self.text = QPlainTextEdit(request.text())
        self.text.setObjectName("previewText")
        self.text.setAccessibleName("The request Save sends")
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 260)
        buttons = QDialogButtonBox()
        self.send_button = buttons.addButton("&Send", QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("previewSend")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("previewClose")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class ConflictDialog(QDialog):
    """Per field: the original, the server's value and yours; keep yours or take theirs, per field or all."""

    KEEP, TAKE = "Keep mine", "Take theirs"

    def __init__(self, conflicts: list[FieldConflict], names: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Someone else changed this")
        self.conflicts = conflicts
        names = names or {}

        def shown(value: object) -> str:
            if isinstance(value, list):
                return ", ".join(names.get(str(item), str(item)) for item in value) or "—"
            return names.get(str(value), display_value(value)) if value is not None else "—"

        intro = QLabel("These fields changed on the server after you opened the object. Nothing has been "
                       "overwritten. Choose, per field, whose value to keep.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(conflicts), 5)
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName("Conflicting fields")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the choices and buttons, not from cell to cell
        self.table.setHorizontalHeaderLabels(["Field", "When you opened it", "On the server now", "Yours", "Keep"])
        self.choices: list[QComboBox] = []
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate((conflict.label, shown(conflict.original), shown(conflict.theirs),
                                           shown(conflict.mine))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            choice = QComboBox()
            choice.setObjectName(f"conflictChoice:{conflict.key}")
            choice.setAccessibleName(f"{conflict.label}: whose value to keep")
            choice.addItems([self.KEEP, self.TAKE])
            self.table.setCellWidget(row, 4, choice)
            self.choices.append(choice)
        self.table.resizeColumnsToContents()
        self.table.setMinimumWidth(640)
        keep_all = QPushButton("Keep all &mine")
        keep_all.setObjectName("keepAllMine")
        keep_all.clicked.connect(lambda: self._all(self.KEEP))
        take_all = QPushButton("Take all &theirs")
        take_all.setObjectName("takeAllTheirs")
        take_all.clicked.connect(lambda: self._all(self.TAKE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("&Save with these choices", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("conflictSave")
        buttons.addButton(keep_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(take_all, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _all(self, choice: str) -> None:
        for combo in self.choices:
            combo.setCurrentText(choice)

    def take_theirs(self) -> dict[str, bool]:
        """Per conflicting field: True to take the server's value, False to keep yours."""
        return {conflict.key: combo.currentText() == self.TAKE
                for conflict, combo in zip(self.conflicts, self.choices, strict=True)}


class Unsaved(enum.Enum):
    """The answer to "save the changes?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, label: str, count: int) -> Unsaved:
    """Save / Discard / Cancel for ``count`` unsaved changes of ``label``."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"\u201c{label}\u201d has {count} unsaved change{'s' if count != 1 else ''}.")
    box.setInformativeText("Save them before going on?")
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL
