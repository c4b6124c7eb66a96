"""Rename or delete saved searches: a small dialog over whichever store a builder keeps them in.

    listed = lambda: [(item.id, item.name, "") for item in store.saved(record_type_id)]  # key, name, detail
    dialog = ManageSavedDialog("Saved filters", "filter", listed, store.rename, store.delete, parent)
    dialog.exec()

Each builder hands it how to list (key, name and a detail shown beside it), rename and delete; deleting
asks first, since it cannot be undone. A refused rename (a name in use, an empty one) is said in the
dialog, in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core import errors
from wfexplorer.ui import resources
from wfexplorer.ui.messages import explain

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2


class ManageSavedDialog(QDialog):
    """The saved searches of one store, to rename or delete."""

    def __init__(self, title: str, noun: str, items: Callable[[], Sequence[tuple[str, str, str]]],
                 rename: Callable[[str, str], object], delete: Callable[[str], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("manageSaved")
        self.setWindowTitle(title)
        self.noun, self._items, self._rename_item, self._delete_item = noun, items, rename, delete
        self.list = QListWidget()
        self.list.setObjectName("savedList")
        self.list.setAccessibleName(title)
        self.rename_button = QPushButton("&Rename…")
        self.rename_button.setObjectName("renameSaved")
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setObjectName("deleteSaved")
        self.problem = resources.message_label("error", "savedProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{title}:")
        heading.setBuddy(self.list)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.rename_button.clicked.connect(lambda: self.rename())
        self.delete_button.clicked.connect(self.delete)
        self.refresh()

    def refresh(self) -> None:
        """List what is saved now."""
        self.list.clear()
        for key, name, detail in self._items():
            row = QListWidgetItem(f"{name} ({detail})" if detail else name)
            row.setData(KEY_ROLE, key)
            row.setData(NAME_ROLE, name)
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        has_items = self.list.count() > 0
        self.rename_button.setEnabled(has_items)
        self.delete_button.setEnabled(has_items)

    def names(self) -> list[str]:
        """The names listed, in order."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _current(self) -> QListWidgetItem | None:
        return self.list.currentItem()

    def rename(self, new_name: str | None = None) -> None:
        """Rename the selected one (asking for the new name when none is given)."""
        row = self._current()
        if row is None:
            return
        if new_name is None:
            new_name, accepted = QInputDialog.getText(self, "Rename", "New name:", text=row.data(NAME_ROLE))
            if not accepted:
                return
        self.problem.hide()
        try:
            self._rename_item(row.data(KEY_ROLE), new_name)
        except (errors.WorkfrontError, OSError) as error:
            self.problem.setText(explain(error))
            self.problem.show()
        self.refresh()

    def delete(self) -> None:
        """Delete the selected one, once the user has said yes."""
        row = self._current()
        if row is None:
            return
        answer = QMessageBox.question(self, "Delete", f"Delete the saved {self.noun} “{row.data(NAME_ROLE)}”? "
                                      "This cannot be undone.")
        if answer == QMessageBox.StandardButton.Yes:
            self._delete_item(row.data(KEY_ROLE))
            self.refresh()
