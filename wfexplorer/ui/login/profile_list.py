"""The list of connection profiles beside the sign-in form: the demo first, then the saved ones."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from wfexplorer.ui.login.form import LoginForm

#: Qt.ItemDataRole.UserRole, as its number: nothing the dialog draws first uses the ``Qt`` namespace,
#: whose enums take ~25 ms to load, so they load after the first paint.
_FORM_ROLE = 256
NEW_PROFILE = "New profile"


class ProfileList(QWidget):
    """Profiles, each item holding the :class:`LoginForm` it shows, with New and Delete buttons.

    Signals:
        chosen(object, object): the newly selected item's form and the item left (or ``None``).
    """

    chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("profiles")
        self.list.setAccessibleName("Connection profiles")
        self.new_button = QPushButton("Ne&w")
        self.new_button.setAutoDefault(False)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.setAutoDefault(False)
        label = QLabel("Pr&ofiles")
        label.setBuddy(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentItemChanged.connect(self._changed)

    def add(self, form: LoginForm, label: str) -> QListWidgetItem:
        """Append a profile."""
        item = QListWidgetItem(label or "(unnamed)")
        item.setData(_FORM_ROLE, form)
        self.list.addItem(item)
        return item

    def forms(self) -> list[LoginForm]:
        """Every profile's form, in list order."""
        return [self.list.item(row).data(_FORM_ROLE) for row in range(self.list.count())]

    def current_form(self) -> LoginForm | None:
        """The selected profile's form."""
        item = self.list.currentItem()
        return None if item is None else item.data(_FORM_ROLE)

    def select(self, row: int) -> None:
        """Select the profile in ``row``."""
        self.list.setCurrentRow(row)

    def keep(self, item: QListWidgetItem, form: LoginForm) -> None:
        """Remember what was typed for ``item``, so coming back to it finds it."""
        if self.list.row(item) >= 0:
            item.setData(_FORM_ROLE, form)

    def rename_current(self, name: str) -> None:
        """Show the name being typed (the demo keeps its own)."""
        item = self.list.currentItem()
        if item is not None and not item.data(_FORM_ROLE).is_demo:
            item.setText(name.strip() or NEW_PROFILE)

    def remove_current(self) -> None:
        """Take the selected profile out of the list."""
        item = self.list.currentItem()
        if item is not None:
            self.list.takeItem(self.list.row(item))

    def count(self) -> int:
        """How many profiles are listed."""
        return self.list.count()

    def _changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.chosen.emit(current.data(_FORM_ROLE), previous)
