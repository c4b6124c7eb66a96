"""The Metadata tab: a type's fields, references, collections, actions and queries, as the API Explorer lists them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QHeaderView, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

COLUMNS = ("Name", "Label", "Type", "Details")


class MetadataView(QWidget):
    """Sections of rows (name, label, type, details) with a filter box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setObjectName("metadataFilter")
        self.filter.setPlaceholderText("Filter fields, references, collections and actions")
        self.filter.setAccessibleName("Filter the metadata")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("metadataTree")
        self.tree.setAccessibleName("Metadata")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)

    def show_sections(self, title: str, sections: Iterable[tuple[str, Sequence[Sequence[str]]]]) -> None:
        """Replace the content: one expandable section per (name, rows)."""
        self.tree.clear()
        self.tree.setAccessibleDescription(title)
        for name, rows in sections:
            section = QTreeWidgetItem([f"{name} ({len(rows)})"])
            section.setFirstColumnSpanned(True)
            for row in rows:
                item = QTreeWidgetItem([str(cell) for cell in row])
                item.setToolTip(3, str(row[3]) if len(row) > 3 else "")
                section.addChild(item)
            self.tree.addTopLevelItem(section)
            section.setExpanded(name in ("Fields", "References", "Collections", "Actions"))
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            if section is None:
                continue
            shown = 0
            for child_index in range(section.childCount()):
                child = section.child(child_index)
                if child is None:
                    continue
                visible = not needle or any(needle in child.text(c).casefold() for c in range(len(COLUMNS)))
                child.setHidden(not visible)
                shown += visible
            section.setHidden(bool(needle) and shown == 0)
            if needle and shown:
                section.setExpanded(True)
