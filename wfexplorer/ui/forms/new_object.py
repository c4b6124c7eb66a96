"""The New object dialog: the edit form of an object not created yet; Create sends one ``POST``.

Required fields come from metadata and are checked before anything is sent; a parent (the project of "New task
in this project") is filled in. On success the dialog reports the new object and closes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from wfexplorer.core.editing import Editing, Saver, SaveResult
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.forms.edit_form import EditForm, SearchFor


class NewObjectDialog(QDialog):
    """Create one object.

    Signals:
        created(object): the SaveResult of the new object (its target carries the new ID).
    """

    created = Signal(object)

    def __init__(self, editing: Editing, saver: Saver, ops: Operations, *, title: str, search_for: SearchFor,
                 read_only: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newObjectDialog")
        self.setWindowTitle(title)
        intro = QLabel("Fields marked * are required. Nothing is sent until you press Create.")
        intro.setWordWrap(True)
        self.form = EditForm(editing, saver, ops, search_for=search_for, read_only=read_only)
        self.form.save_button.setAccessibleName("Create")
        self.form.saved.connect(self._created)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form, 1)
        self.resize(720, 640)

    def _created(self, result: SaveResult) -> None:
        self.created.emit(result)
        self.accept()
