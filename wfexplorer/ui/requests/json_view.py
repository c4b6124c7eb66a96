"""A body viewer: JSON as a collapsible tree (children built when first expanded), or plain text, with a toggle.

    view = BodyView("Response body")
    view.show_text(text, note="cut to the first 131,072 characters")   # JSON → tree; anything else → text
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.ui import resources

#: Children shown per container before a "… N more" row (expanding that row shows the rest).
PAGE = 500
_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
_PLACEHOLDER = "\u2026"


def summary(value: Any) -> str:
    """How a value reads in the tree's value column: scalars as JSON, containers by their size."""
    if isinstance(value, dict):
        return f"{{{len(value)} {'key' if len(value) == 1 else 'keys'}}}"
    if isinstance(value, list):
        return f"[{len(value)} {'item' if len(value) == 1 else 'items'}]"
    return json.dumps(value, ensure_ascii=False)


class JsonTree(QTreeWidget):
    """A JSON value as a tree of name/value rows; a container's children are made when it is first expanded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderLabels(["Name", "Value"])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        #: Values of rows not expanded yet, by the number in their data (kept in Python: Qt's maps sort keys).
        self._values: dict[int, Any] = {}
        self.itemExpanded.connect(self._fill)

    def set_value(self, value: Any) -> None:
        """Show ``value``; top-level containers of up to 50 children start open."""
        self.clear()
        self._values.clear()
        root = self.invisibleRootItem()
        if not isinstance(value, dict | list):
            root.addChild(QTreeWidgetItem(["(value)", summary(value)]))
            return
        self._add_children(root, value, 0)
        for index in range(root.childCount()):
            item = root.child(index)
            child = self._values.get(item.data(0, _VALUE_ROLE)) if item is not None else None
            if item is not None and isinstance(child, dict | list) and len(child) <= 50:
                item.setExpanded(True)

    def _add_children(self, parent: QTreeWidgetItem, value: Any, start: int) -> None:
        items = list(value.items()) if isinstance(value, dict) else list(enumerate(value))
        for key, child in items[start:start + PAGE]:
            row = QTreeWidgetItem([str(key) if isinstance(value, dict) else f"[{key}]", summary(child)])
            if isinstance(child, dict | list) and child:
                row.setData(0, _VALUE_ROLE, self._keep(child))
                row.addChild(QTreeWidgetItem([_PLACEHOLDER, ""]))
            parent.addChild(row)
        if len(items) > start + PAGE:
            more = QTreeWidgetItem([f"{_PLACEHOLDER} {len(items) - start - PAGE} more", "expand to show them"])
            more.setData(0, _VALUE_ROLE, self._keep((value, start + PAGE)))
            more.addChild(QTreeWidgetItem([_PLACEHOLDER, ""]))
            parent.addChild(more)

    def _keep(self, value: Any) -> int:
        key = len(self._values) + 1
        while key in self._values:
            key += 1
        self._values[key] = value
        return key

    def _fill(self, item: QTreeWidgetItem) -> None:
        first = item.child(0)
        if item.childCount() != 1 or first is None or first.text(0) != _PLACEHOLDER:
            return
        item.takeChild(0)
        value = self._values.pop(item.data(0, _VALUE_ROLE), None)
        if isinstance(value, tuple):  # a "more" row: the rest of its parent's children
            container, start = value
            parent = item.parent() or self.invisibleRootItem()
            parent.removeChild(item)
            self._add_children(parent, container, start)
            return
        self._add_children(item, value, 0)


class BodyView(QWidget):
    """A body shown as a JSON tree (when it parses) or as text, with a Tree/Text switch and a note line."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.tabs = QTabBar()
        self.tabs.addTab("Tree")
        self.tabs.addTab("Text")
        self.tabs.setAccessibleName(f"{name} view")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.tree = JsonTree()
        self.tree.setAccessibleName(f"{name} as a tree")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(f"{name} as text")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTabChangesFocus(True)
        self.note = QLabel()
        resources.set_role(self.note, "note")
        self.note.setWordWrap(True)
        self.note.hide()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.text)
        self.tabs.currentChanged.connect(self._switched)
        #: Makes the text view's text when it is first shown (formatting a large body costs milliseconds).
        self._text_source: Callable[[], str] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        self.setFocusProxy(self.stack)

    def show_value(self, value: Any, note: str = "") -> None:
        """Show a JSON value (the tree now, its indented text when the Text view is first shown)."""
        self.tree.set_value(value)
        self._set_text(lambda: json.dumps(value, indent=2, ensure_ascii=False))
        self._set_note(note)
        self.tabs.setTabEnabled(0, True)
        self.tabs.setCurrentIndex(0)

    def as_text(self) -> str:
        """The text the Text view shows (made now if it was not yet)."""
        self._fill_text()
        return self.text.toPlainText()

    def _set_text(self, source: Callable[[], str]) -> None:
        self._text_source = source
        if self.tabs.currentIndex() == 1:
            self._fill_text()

    def _fill_text(self) -> None:
        if self._text_source is not None:
            source, self._text_source = self._text_source, None
            self.text.setPlainText(source())

    def _switched(self, index: int) -> None:
        if index == 1:
            self._fill_text()
        self.stack.setCurrentIndex(index)

    def show_text(self, text: str | None, note: str = "") -> None:
        """Show a body: JSON text as a tree, anything else (or JSON cut short) as text; ``None`` shows nothing."""
        if text is None:
            self.show_nothing(note or "No body.")
            return
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        else:
            if isinstance(value, dict | list):
                self.show_value(value, note)
                return
        self.tree.clear()
        self._text_source = None
        self.text.setPlainText(text)
        self._set_note(note)
        self.tabs.setTabEnabled(0, False)
        self.tabs.setCurrentIndex(1)

    def show_nothing(self, note: str = "") -> None:
        """Empty both views and say why."""
        self.tree.clear()
        self._text_source = None
        self.text.clear()
        self._set_note(note)

    def _set_note(self, note: str) -> None:
        self.note.setText(note)
        self.note.setVisible(bool(note))

