"""The parts of a search beside the filter: sort keys, group keys, projected fields and page size.

Each writes into the ``BuilderState`` and shows what the state holds, so undo, a pasted body and a click on a
results header all show up here. Sort and group keys are lists of field + direction (add, remove, flip the
direction, move up and down); projected fields are a checklist (none checked: every field).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from wfexplorer.core.planning.builder import BuilderEvent, BuilderFields, BuilderState, RequestChanged, Reset
from wfexplorer.core.planning.filters import Direction, SortKey
from wfexplorer.ui.filters import icons
from wfexplorer.ui.filters.pickers import FieldPicker

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
ARROWS = {Direction.ASC: "↑ ascending", Direction.DESC: "↓ descending"}


class KeyList(QWidget):
    """An ordered list of field + direction keys (sort or group)."""

    def __init__(self, title: str, read: Callable[[], tuple[SortKey, ...]],
                 write: Callable[[tuple[SortKey, ...]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.read, self.write = read, write
        self.fields = BuilderFields()
        self.picker = FieldPicker(f"{title}: field to add")
        self.direction = QComboBox()
        self.direction.setAccessibleName(f"{title}: direction to add")
        for direction, text in ARROWS.items():
            self.direction.addItem(text, direction.value)
        self.add = QPushButton("Add")
        self.add.setAccessibleName(f"Add a {title.lower()} key")
        self.list = QListWidget()
        self.list.setObjectName(f"{title.lower()}Keys")
        self.list.setAccessibleName(f"{title} keys, in order")
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 10)
        self.remove = QPushButton("Remove")
        self.flip = QPushButton("Flip ↑↓")
        self.up = QPushButton("Up")
        self.down = QPushButton("Down")
        for button, words in ((self.remove, "remove the selected key"), (self.flip, "flip its direction"),
                              (self.up, "move it up"), (self.down, "move it down")):
            button.setAccessibleName(f"{title}: {words}")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker, 0, 0)
        layout.addWidget(self.direction, 0, 1)
        layout.addWidget(self.add, 0, 2)
        layout.addWidget(self.list, 1, 0, 4, 2)
        for row, button in enumerate((self.remove, self.flip, self.up, self.down), start=1):
            layout.addWidget(button, row, 2)
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.flip.clicked.connect(self._flip)
        self.up.clicked.connect(lambda: self._shift(-1))
        self.down.clicked.connect(lambda: self._shift(1))

    def set_fields(self, fields: BuilderFields) -> None:
        """Offer these fields."""
        self.fields = fields
        self.picker.set_fields(fields)
        if fields.fields:
            self.picker.set_field(fields.fields[0].id)
        self.show_keys()

    def show_keys(self) -> None:
        """Show what the state holds."""
        row = self.list.currentRow()
        self.list.clear()
        for key in self.read():
            field = self.fields.get(key.field)
            label = field.label if field is not None else f"{key.field} (no longer exists)"
            item = QListWidgetItem(icons.field_icon(field.kind if field else None), f"{label}  {ARROWS[key.direction]}")
            item.setData(KEY_ROLE, key)
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def add_key(self, field_id: str, direction: Direction = Direction.ASC) -> None:
        """Add a key at the end (a field already there just changes direction)."""
        keys = [key for key in self.read() if key.field != field_id]
        self.write((*keys, SortKey(field_id, direction)))

    def _add(self) -> None:
        field_id = self.picker.current_field()
        if field_id:
            self.add_key(field_id, Direction(self.direction.currentData()))

    def _remove(self) -> None:
        keys = list(self.read())
        row = self.list.currentRow()
        if 0 <= row < len(keys):
            del keys[row]
            self.write(tuple(keys))

    def _flip(self) -> None:
        keys = list(self.read())
        row = self.list.currentRow()
        if 0 <= row < len(keys):
            key = keys[row]
            keys[row] = SortKey(key.field, Direction.ASC if key.direction is Direction.DESC else Direction.DESC)
            self.write(tuple(keys))

    def _shift(self, step: int) -> None:
        keys = list(self.read())
        row = self.list.currentRow()
        if 0 <= row < len(keys) and 0 <= row + step < len(keys):
            keys[row], keys[row + step] = keys[row + step], keys[row]
            self.write(tuple(keys))
            self.list.setCurrentRow(row + step)


class SearchOptions(QGroupBox):
    """Sort, group, projected fields and page size of the search being built."""

    def __init__(self, state: BuilderState, parent: QWidget | None = None) -> None:
        super().__init__("Sort, group, fields and paging", parent)
        self.setObjectName("searchOptions")
        self.state = state
        self.sort = KeyList("Sort", lambda: self.state.sort, self.state.set_sort)
        self.group = KeyList("Group", lambda: self.state.grouping, self.state.set_grouping)
        self.projection = QListWidget()
        self.projection.setObjectName("projection")
        self.projection.setAccessibleName("Fields to return (none checked: every field; Space checks one)")
        self.projection.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 10)
        self.page_size = QSpinBox()
        self.page_size.setObjectName("pageSize")
        self.page_size.setAccessibleName("Records per page")
        self.page_size.setRange(1, 2000)
        self.page_size.setValue(state.page_size)
        form = QFormLayout(self)
        form.addRow("&Sort by", self.sort)
        form.addRow("&Group by", self.group)
        form.addRow("Fiel&ds", self.projection)
        form.addRow("&Page size", self.page_size)
        self.projection.itemChanged.connect(self._projection_changed)
        self.page_size.editingFinished.connect(self._page_size_changed)
        self._showing = False
        self._unsubscribe = state.subscribe(self._on_event)

    def close_options(self) -> None:
        """Stop following the state."""
        self._unsubscribe()

    def set_fields(self, fields: BuilderFields) -> None:
        """Offer these fields."""
        self.sort.set_fields(fields)
        self.group.set_fields(fields)
        self._showing = True
        self.projection.clear()
        for field in fields:
            item = QListWidgetItem(icons.field_icon(field.kind), field.label)
            item.setData(KEY_ROLE, field.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.projection.addItem(item)
        self._showing = False
        self._show_projection()

    def projected(self) -> tuple[str, ...] | None:
        """The checked fields, in field order (None when none is checked)."""
        ids = tuple(self.projection.item(row).data(KEY_ROLE) for row in range(self.projection.count())
                    if self.projection.item(row).checkState() == Qt.CheckState.Checked)
        return ids or None

    def check_field(self, field_id: str, checked: bool = True) -> None:
        """Check a field to return, as a click would."""
        for row in range(self.projection.count()):
            item = self.projection.item(row)
            if item.data(KEY_ROLE) == field_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_event(self, event: BuilderEvent) -> None:
        if isinstance(event, RequestChanged | Reset):
            part = event.part if isinstance(event, RequestChanged) else "all"
            if part in ("sort", "all"):
                self.sort.show_keys()
            if part in ("group", "all"):
                self.group.show_keys()
            if part in ("projection", "all"):
                self._show_projection()
            if part in ("paging", "all"):
                self.page_size.setValue(self.state.page_size)

    def _show_projection(self) -> None:
        wanted = set(self.state.projection or ())
        self._showing = True
        for row in range(self.projection.count()):
            item = self.projection.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(KEY_ROLE) in wanted else Qt.CheckState.Unchecked)
        self._showing = False

    def _projection_changed(self, _item: QListWidgetItem) -> None:
        if not self._showing:
            self.state.set_projection(self.projected())

    def _page_size_changed(self) -> None:
        self.state.set_page_size(self.page_size.value())
