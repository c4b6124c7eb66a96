"""Which Qt view keeps an insertion cheap when a Python model already shows many rows (a plain script, offscreen).

    .venv/bin/python tests/benchmarks/bench_tree_views.py [--rows 5000 25000]

The navigator pages records into a node 200 at a time. Under an expanded node, ``QTreeView`` lays out every
expanded row again after each insertion and asks the model for each (``index``, ``hasChildren``) from C++
into Python, so an insertion costs more the more rows are shown. This measures, for N rows in the leanest
Python models, how long inserting 200 more takes until laid out and painted, and how many calls into Python
that made: a ``QTreeView`` with the rows under one expanded parent, a flat ``QTableView`` and a flat
``QListView`` with uniform item sizes. It is the evidence for a flattened navigator, not a target of its own.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QTableView, QTreeView

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class Calls:
    """Counts the calls a view makes into the Python model."""

    count = 0


class FlatModel(QAbstractTableModel):
    """N rows of two columns, no hierarchy."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = [f"Record {number}" for number in range(rows)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        Calls.count += 1
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return self.rows[index.row()]
        return None

    def add(self, count: int) -> None:
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + count - 1)
        self.rows += [f"New {number}" for number in range(count)]
        self.endInsertRows()


class NestedModel(QAbstractItemModel):
    """One top row ("Campaigns") with N children."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = [f"Record {number}" for number in range(rows)]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        Calls.count += 1
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row == 0 else QModelIndex()
        return self.createIndex(row, column, 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        Calls.count += 1
        return self.createIndex(0, 0, 0) if index.isValid() and index.internalId() == 1 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return 1
        return len(self.rows) if parent.internalId() == 0 and parent.column() == 0 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        Calls.count += 1
        return not parent.isValid() or parent.internalId() == 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        Calls.count += 1
        if role != Qt.ItemDataRole.DisplayRole or index.column():
            return None
        return "Campaigns" if index.internalId() == 0 else self.rows[index.row()]

    def add(self, count: int) -> None:
        first = len(self.rows)
        self.beginInsertRows(self.index(0, 0), first, first + count - 1)
        self.rows += [f"New {number}" for number in range(count)]
        self.endInsertRows()


def insertion(app: QApplication, view: QAbstractItemView, model: FlatModel | NestedModel) -> tuple[float, int]:
    """The best of five: milliseconds to insert a page, lay it out and paint; the calls into Python it made."""
    view.setModel(model)
    view.resize(500, 800)
    view.show()
    if isinstance(view, QTreeView):
        view.setUniformRowHeights(True)
        view.expand(model.index(0, 0))
    if isinstance(view, QListView):
        view.setUniformItemSizes(True)
    for _ in range(3):
        app.processEvents()
    best, calls = float("inf"), 0
    for _ in range(5):
        Calls.count = 0
        started = time.perf_counter()
        model.add(PAGE)
        for _ in range(3):
            app.processEvents()
        view.viewport().repaint()
        took = (time.perf_counter() - started) * 1000
        if took < best:
            best, calls = took, Calls.count
    view.close()
    return best, calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[5_000, 25_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    print(f"load average before: {os.getloadavg()}")
    for rows in args.rows:
        cases: list[tuple[str, QAbstractItemView, FlatModel | NestedModel]] = [
            ("QTreeView, rows under an expanded parent", QTreeView(), NestedModel(rows)),
            ("QTableView, flat", QTableView(), FlatModel(rows)),
            ("QListView, flat, uniform item sizes", QListView(), FlatModel(rows)),
        ]
        for name, view, model in cases:
            took, calls = insertion(app, view, model)
            print(f"  {rows:>7,} rows, {name:42}: {PAGE} more inserted, laid out and painted in {took:6.1f} ms "
                  f"({calls:,} calls into Python)")


if __name__ == "__main__":
    main()
