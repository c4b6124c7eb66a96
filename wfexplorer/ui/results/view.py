"""The results table: columns by type, a click on a header to sort, paging, the total, groups, export.

It shows ``ResultPage``s and asks for nothing itself: a header click says ``sort_requested(key)``, the paging
buttons ``page_requested(page)``, a double click or Enter on a row ``open_requested(key)``; whoever runs the
search answers with a new page. Export writes exactly the rows shown, as CSV (the words in the cells) or JSON
(the values), through ``wfexplorer.core.results``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.files import write_text_atomic
from wfexplorer.core.results import ResultPage, to_csv, to_json
from wfexplorer.ui import resources
from wfexplorer.ui.results.model import KEY_ROLE, SORT_KEY_ROLE, ResultsModel


class _RowsView(QTreeView):
    """The table itself; Enter opens the current row like a double click."""

    def __init__(self, open_row: Any) -> None:
        super().__init__()
        self._open_row = open_row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_row(self.currentIndex())
        else:
            super().keyPressEvent(event)


class ResultsView(QWidget):
    """A page of results with its paging and export (see the module docs).

    Signals:
        open_requested(object): open the row with this key (a record id).
        sort_requested(str): sort by the column with this sort key.
        page_requested(int): show this zero-based page.
    """

    open_requested = Signal(object)
    sort_requested = Signal(str)
    page_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.model = ResultsModel(self)
        self.table = _RowsView(self._open_index)
        self.table.setObjectName("resultsTable")
        self.table.setAccessibleName("Results")
        self.table.setModel(self.model)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setSectionsClickable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionClicked.connect(self._header_clicked)
        self.table.doubleClicked.connect(self._open_index)
        self.summary = QLabel("Run the search to see its records.")
        self.summary.setObjectName("resultsSummary")
        self.summary.setAccessibleName("Results summary")
        resources.set_role(self.summary, "note")
        self.previous = QPushButton("◀ Previous")
        self.previous.setObjectName("previousPage")
        self.previous.setAccessibleName("Previous page")
        self.next = QPushButton("Next ▶")
        self.next.setObjectName("nextPage")
        self.next.setAccessibleName("Next page")
        self.export_csv_button = QPushButton("Export CSV…")
        self.export_csv_button.setObjectName("exportCsv")
        self.export_json_button = QPushButton("Export JSON…")
        self.export_json_button.setObjectName("exportJson")
        self.message = resources.message_label("error", "resultsProblem")
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in (self.previous, self.next, self.export_csv_button, self.export_json_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.previous.clicked.connect(lambda: self.page_requested.emit(max(0, self.model.page.page - 1)))
        self.next.clicked.connect(lambda: self.page_requested.emit(self.model.page.page + 1))
        self.export_csv_button.clicked.connect(lambda: self._export_dialog("csv"))
        self.export_json_button.clicked.connect(lambda: self._export_dialog("json"))
        self._set_buttons()

    @property
    def page(self) -> ResultPage:
        """The page shown."""
        return self.model.page

    def show_page(self, page: ResultPage, sorted_by: dict[str, str] | None = None) -> None:
        """Show a page (``sorted_by``: column key → direction, marked in the headers)."""
        self.message.hide()
        self.model.set_page(page)
        self.model.set_sorted(sorted_by or {})
        self.table.setRootIsDecorated(self.model.grouped)
        if self.model.grouped:
            self.table.expandAll()
            for row in range(self.model.rowCount()):
                self.table.setFirstColumnSpanned(row, QModelIndex(), True)
        if page.columns and self.table.header().count():
            width = self.fontMetrics().averageCharWidth()
            for section in range(len(page.columns)):
                self.table.resizeColumnToContents(section)  # the header's title and arrow count too
                self.table.setColumnWidth(section, max(width * 8, min(width * 30, self.table.columnWidth(section))))
        self.summary.setText(self._summary(page))
        self._set_buttons()

    def show_problem(self, text: str) -> None:
        """Say why the rows could not be fetched (the rows shown stay)."""
        self.message.setText(text)
        self.message.show()

    def export(self, path: Path, kind: str) -> None:
        """Write the rows shown to ``path`` as ``csv`` or ``json``."""
        text = to_csv(self.model.page) if kind == "csv" else to_json(self.model.page)
        write_text_atomic(Path(path), text)

    def _export_dialog(self, kind: str) -> None:
        filters = "CSV files (*.csv)" if kind == "csv" else "JSON files (*.json)"
        path, _chosen = QFileDialog.getSaveFileName(self, f"Export {kind.upper()}", f"results.{kind}", filters)
        if path:
            try:
                self.export(Path(path), kind)
            except OSError as error:
                self.show_problem(f"The file could not be written: {error}. Choose another folder.")
            else:
                self.summary.setText(f"{self._summary(self.model.page)} · exported to {Path(path).name}")

    def _summary(self, page: ResultPage) -> str:
        if not page.columns and not page.rows:
            return "Run the search to see its records."
        total = "an unknown number of" if page.total is None else f"{page.total:,}"
        first, last = page.offset + 1, page.offset + len(page.rows)
        pages = f" · page {page.page + 1} of {page.pages}" if page.pages else ""
        shown = f"records {first:,} to {last:,} of {total}" if page.rows else f"no records on this page of {total}"
        return f"{shown}{pages} · {page.paging}" if page.paging else shown

    def _set_buttons(self) -> None:
        page = self.model.page
        self.previous.setEnabled(page.offset > 0)
        self.next.setEnabled(page.has_more)
        has_rows = bool(page.rows)
        self.export_csv_button.setEnabled(has_rows)
        self.export_json_button.setEnabled(has_rows)

    def _header_clicked(self, section: int) -> None:
        key = self.model.headerData(section, Qt.Orientation.Horizontal, SORT_KEY_ROLE)
        if key:
            self.sort_requested.emit(key)

    def _open_index(self, index: QModelIndex) -> None:
        key = self.model.data(index, KEY_ROLE)
        if key is not None:
            self.open_requested.emit(key)
