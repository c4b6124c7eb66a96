"""The parts of a classic search beside its conditions: sorts, fields to return, ``$$FIRST``/``$$LIMIT``, report.

Each control writes into the ``ClassicSearch`` and :meth:`ClassicOptions.show_search` shows what it holds, so
undo, a pasted query string and a click on a results header all show up here. Sorts and aggregates are ordered
lists of path + word (direction, function); fields to return and group-bys are comma-separated paths with
completion from metadata; paging is two spin boxes whose lowest value means "not sent".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wfexplorer.core.classic.search_model import (
    Aggregate,
    AggregateFunction,
    ClassicSearch,
    Operation,
    SortDirection,
    SortKey,
)
from wfexplorer.core.classic.search_model.validation import MAX_LIMIT
from wfexplorer.ui.filters.classic_paths import PathHelper

NOT_SENT = -1
Pair = tuple[str, str]


class PairList(QWidget):
    """An ordered list of path + word (a sort key and its direction, an aggregate and its function)."""

    def __init__(self, title: str, words: Iterable[str], read: Callable[[], list[Pair]],
                 write: Callable[[list[Pair]], None], paths: PathHelper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.read, self.write = title, read, write
        self.path = QLineEdit()
        self.path.setObjectName(f"{title.lower()}Path")
        self.path.setAccessibleName(f"{title}: field to add")
        self.path.setPlaceholderText("field or path")
        paths.attach(self.path)
        self.word = QComboBox()
        self.word.setObjectName(f"{title.lower()}Word")
        self.word.setAccessibleName(f"{title}: {'direction' if title == 'Sort' else 'function'} to add")
        for word in words:
            self.word.addItem(word, word)
        self.add = QPushButton("Add")
        self.add.setObjectName(f"{title.lower()}Add")
        self.add.setAccessibleName(f"Add a {title.lower()} key")
        self.list = QListWidget()
        self.list.setObjectName(f"{title.lower()}Keys")
        self.list.setAccessibleName(f"{title} keys, in order")
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        self.remove = QPushButton("Remove")
        self.up = QPushButton("Up")
        self.down = QPushButton("Down")
        for button, words_ in ((self.remove, "remove the selected key"), (self.up, "move it up"),
                               (self.down, "move it down")):
            button.setAccessibleName(f"{title}: {words_}")
            button.setObjectName(f"{title.lower()}{button.text()}")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.path, 0, 0)
        layout.addWidget(self.word, 0, 1)
        layout.addWidget(self.add, 0, 2)
        layout.addWidget(self.list, 1, 0, 3, 2)
        for row, button in enumerate((self.remove, self.up, self.down), start=1):
            layout.addWidget(button, row, 2)
        self.add.clicked.connect(self._add)
        self.path.returnPressed.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.up.clicked.connect(lambda: self._shift(-1))
        self.down.clicked.connect(lambda: self._shift(1))

    def show_pairs(self) -> None:
        """Show what the search holds."""
        row = self.list.currentRow()
        self.list.clear()
        for path, word in self.read():
            self.list.addItem(f"{path} · {word}")
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def add_pair(self, path: str, word: str) -> None:
        """Add a key as the user would."""
        self.path.setText(path)
        self.word.setCurrentIndex(self.word.findData(word))
        self._add()

    def _add(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        pairs = [pair for pair in self.read() if pair[0] != path]
        self.write([*pairs, (path, str(self.word.currentData()))])
        self.path.clear()

    def _remove(self) -> None:
        row = self.list.currentRow()
        pairs = self.read()
        if 0 <= row < len(pairs):
            del pairs[row]
            self.write(pairs)

    def _shift(self, step: int) -> None:
        row = self.list.currentRow()
        pairs = self.read()
        target = row + step
        if 0 <= row < len(pairs) and 0 <= target < len(pairs):
            pairs[row], pairs[target] = pairs[target], pairs[row]
            self.write(pairs)
            self.list.setCurrentRow(target)


class ClassicOptions(QWidget):
    """Sorts, fields to return, paging and the report parts of one search (see the module docs)."""

    def __init__(self, search: ClassicSearch, paths: PathHelper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classicOptions")
        self.search = search
        self._showing = False
        self.mode = QComboBox()
        self.mode.setObjectName("classicMode")
        self.mode.setAccessibleName("Run as")
        self.mode.addItem("Search (rows)", Operation.SEARCH.value)
        self.mode.addItem("Report (group-bys and aggregates)", Operation.REPORT.value)
        self.sorts = PairList("Sort", SortDirection, lambda: [(k.field, str(k.direction)) for k in search.query.sorts],
                              lambda pairs: search.set_sorts([SortKey(*pair) for pair in pairs]), paths)
        self.fields = QLineEdit()
        self.fields.setObjectName("returnFields")
        self.fields.setAccessibleName("Fields to return, separated by commas")
        self.fields.setPlaceholderText("project:name, assignedTo:homeGroup:name, assignments:*, DE:Budget…")
        self.fields.setToolTip("Extra fields to return (fields=): paths, collections, * — Enter takes them")
        self.fields_completer = paths.attach(self.fields, listing=True)
        self.first = self._spin("pagingFirst", "$$FIRST: rows to skip", 1_000_000)
        self.limit = self._spin("pagingLimit", "$$LIMIT: rows to return", MAX_LIMIT)
        self.group_bys = QLineEdit()
        self.group_bys.setObjectName("groupBys")
        self.group_bys.setAccessibleName("Group by, separated by commas")
        self.group_bys.setPlaceholderText("status, assignedTo:homeGroup:name…")
        paths.attach(self.group_bys, listing=True)
        self.aggregates = PairList("Aggregate", AggregateFunction,
                                   lambda: [(a.field, str(a.function)) for a in search.query.aggregates],
                                   lambda pairs: search.set_report(aggregates=[Aggregate(*pair) for pair in pairs]),
                                   paths)
        self.rollup = QCheckBox("Totals row ($$ROLLUP)")
        self.rollup.setObjectName("rollup")

        search_box = QGroupBox("Search")
        search_form = QFormLayout(search_box)
        search_form.addRow("&Run as", self.mode)
        search_form.addRow("&Sort by", self.sorts)
        search_form.addRow("&Fields", self.fields)
        search_form.addRow("$$FI&RST", self.first)
        search_form.addRow("$$&LIMIT", self.limit)
        for row in range(search_form.rowCount()):
            label = search_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = search_form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            title = label.widget() if label is not None else None
            editor = field.widget() if field is not None else None
            if isinstance(title, QLabel) and editor is not None:
                title.setBuddy(editor)
        report_box = QGroupBox("Report (when Run as is Report)")
        report_form = QFormLayout(report_box)
        report_form.addRow("&Group by", self.group_bys)
        report_form.addRow("&Aggregates", self.aggregates)
        report_form.addRow("", self.rollup)
        for row in range(report_form.rowCount()):
            label = report_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = report_form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            title = label.widget() if label is not None else None
            editor = field.widget() if field is not None else None
            if isinstance(title, QLabel) and editor is not None:
                title.setBuddy(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(search_box)
        layout.addWidget(report_box)
        layout.addStretch(1)

        self.mode.activated.connect(lambda _index: self._write(lambda: search.set_mode(self.mode.currentData())))
        self.fields.editingFinished.connect(lambda: self._write(lambda: search.set_fields(_split(self.fields.text()))))
        self.group_bys.editingFinished.connect(
            lambda: self._write(lambda: search.set_report(group_bys=_split(self.group_bys.text()))))
        self.first.valueChanged.connect(lambda value: self._write(lambda: search.set_paging(first=_sent(value))))
        self.limit.valueChanged.connect(lambda value: self._write(lambda: search.set_paging(limit=_sent(value))))
        self.rollup.toggled.connect(lambda on: self._write(lambda: search.set_report(rollup=on)))

    def _spin(self, name: str, accessible: str, maximum: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setAccessibleName(accessible)
        spin.setRange(NOT_SENT, maximum)
        spin.setSpecialValueText("not sent")
        spin.setValue(NOT_SENT)
        spin.setKeyboardTracking(False)
        return spin

    def _write(self, action: Callable[[], None]) -> None:
        if not self._showing:
            action()

    def show_search(self) -> None:
        """Show what the search holds (without writing back)."""
        self._showing = True
        try:
            query = self.search.query
            self.mode.setCurrentIndex(self.mode.findData(self.search.mode.value))
            self.sorts.show_pairs()
            self.aggregates.show_pairs()
            fields = ", ".join(query.fields)
            if self.fields.text() != fields and not self.fields.hasFocus():
                self.fields.setText(fields)
            group_bys = ", ".join(query.group_bys)
            if self.group_bys.text() != group_bys and not self.group_bys.hasFocus():
                self.group_bys.setText(group_bys)
            self.first.setValue(NOT_SENT if query.first is None else query.first)
            self.limit.setValue(NOT_SENT if query.limit is None else query.limit)
            self.rollup.setChecked(query.rollup)
        finally:
            self._showing = False


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _sent(value: int) -> int | None:
    return None if value == NOT_SENT else value
