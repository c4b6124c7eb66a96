"""The Form tab, read-only: groups of labelled values built from core's sections; references are links.

A link opens its object in this tab (Ctrl+click: in a new tab); a collection shows its size (or that the
server did not give it) and a link that shows it in the navigator. Values not loaded yet say so (the tab
offers "Load all fields"). Every value is a selectable label whose accessible name is the field's label, so
a screen reader reads "Status: Current"; a link's name says what it links to ("Portfolio: Marketing").
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.details import ClassicRow, ClassicSection, Link, RecordValue

NOT_LOADED = "not loaded"
EMPTY = "—"
ROWS_PER_TURN = 12  # rows built in one turn of the event loop: half a screenful, so a part and its paint stay short

Later = Callable[[Callable[[], None]], None]  # builds a part on a later turn of the event loop


class LinkLabel(QLabel):
    """A value with links: Tab goes from link to link, then on; Shift+Tab leaves it.

    Qt's QLabel moves Shift+Tab back to the same link again and again, so the keyboard could never get back out
    of a form past its first link.
    """

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002  (Qt's name)
        if not next:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


class FormView(QScrollArea):
    """Sections of label/value rows.

    Signals:
        navigate(object, str, bool): open a target (ObjectTarget or RecordTarget) called by a label; True: in a
            new tab.
        show_collection(str): show this collection of the object in the navigator.
    """

    navigate = Signal(object, str, bool)
    show_collection = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailForm")
        self.setAccessibleName("Form")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.values: dict[str, QLabel] = {}
        self._links: dict[str, str] = {}
        self._groups: dict[str, QFormLayout] = {}
        self._content = QWidget()
        self._set_content(self._content)

    def _set_content(self, content: QWidget) -> None:
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(content)

    def show_classic(self, sections: Sequence[ClassicSection], later: Later | None = None) -> None:
        """Show a classic object's sections (the first rows now, the rest through ``later`` if given)."""
        rows = [functools.partial(self._classic_row, section.title, row)
                for section in sections for row in section.rows]
        self._build(rows, later)

    def show_record(self, values: Sequence[RecordValue], later: Later | None = None) -> None:
        """Show a Planning record's fields in its record type's order (the first now, the rest through ``later``)."""
        self._build([functools.partial(self._record_row, item) for item in values], later)

    # -- building rows -------------------------------------------------------------------------------

    def _build(self, rows: Sequence[Callable[[], None]], later: Later | None) -> None:
        """A new page: the first ``ROWS_PER_TURN`` rows at once, the others a turn of the loop per batch.

        Building a long form in one go held the GUI thread for 40 ms and more per tab; what is out of
        sight can come a moment later. ``later`` None: every row at once.
        """
        content, layout = self._page()
        layout.addStretch(1)
        self.values = {}
        self._groups = {}
        self._content = content
        first = len(rows) if later is None else ROWS_PER_TURN
        for build in rows[:first]:
            build()
        self._set_content(content)
        for start in range(first, len(rows), ROWS_PER_TURN):
            batch = rows[start:start + ROWS_PER_TURN]
            assert later is not None
            later(functools.partial(self._build_batch, content, batch))

    def _build_batch(self, content: QWidget, batch: Sequence[Callable[[], None]]) -> None:
        if content is not self._content:  # a newer page replaced this one
            return
        for build in batch:
            build()

    def _form(self, title: str) -> QFormLayout:
        """The group ``title`` of the page being built (made, before the closing stretch, at its first row)."""
        form = self._groups.get(title)
        if form is None:
            box, form = self._group(title)
            layout = self._content.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.count() - 1, box)
            self._groups[title] = form
        return form

    def _classic_row(self, title: str, row: ClassicRow) -> None:
        tooltip = f"{row.name} · {row.type}"
        if title == "Collections":  # its size (or that the server did not give it), and the way to it
            size = html.escape(row.text) if row.loaded else \
                f'<i style="color:{self._muted_colour()}">{html.escape(row.text)}</i>'
            text = (f"{size} · " if row.text else "") + \
                f'<a href="collection:{html.escape(row.name)}">show in the navigator</a>'
            value = self._value(text, rich=True, name=row.label, accessible_text=row.text)
        elif not row.loaded:
            value = self._value(NOT_LOADED, muted=True, name=row.label)
        elif row.link is not None:
            value = self._value(self._link_html([row.link]), rich=True, name=f"{row.label}: {row.link.label}",
                                accessible_text=row.link.label)
        else:
            value = self._value(row.text or EMPTY, name=row.label, muted=not row.text)
        self._add(self._form(title), row.label, tooltip, value)
        self.values[row.name] = value

    def _record_row(self, item: RecordValue) -> None:
        field = item.field
        tooltip = f"{field.id} · {field.type}" + (f" — read-only: {item.read_only}" if item.read_only else "")
        if item.chips:
            chips = " ".join(
                f'<span style="background-color:{html.escape(chip.color or "#888")}; color:white;">'
                f"&nbsp;{html.escape(chip.label)}&nbsp;</span>" for chip in item.chips)
            value = self._value(chips, rich=True, name=field.display_name, accessible_text=item.text)
        elif item.links:
            names = ", ".join(link.label for link in item.links)
            value = self._value(self._link_html(item.links), rich=True, name=f"{field.display_name}: {names}",
                                accessible_text=item.text)
        else:
            value = self._value(item.text or EMPTY, name=field.display_name, muted=not item.text)
        if item.read_only:
            value.setToolTip(f"Read-only: {item.read_only}")
        label = field.display_name + (" (read-only)" if item.read_only else "")
        self._add(self._form("Fields"), label, tooltip, value)
        self.values[field.id] = value

    # -- building blocks -----------------------------------------------------------------------------

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        content = QWidget()
        layout = QVBoxLayout(content)
        return content, layout

    @staticmethod
    def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        box.setAccessibleName(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return box, form

    @staticmethod
    def _add(form: QFormLayout, label: str, tooltip: str, value: QLabel) -> None:
        title = QLabel(label + ":")
        title.setToolTip(tooltip)
        title.setBuddy(value)
        value.setToolTip(value.toolTip() or tooltip)
        form.addRow(title, value)

    def _value(self, text: str, *, rich: bool = False, muted: bool = False, name: str = "",
               accessible_text: str | None = None) -> QLabel:
        value = LinkLabel() if rich else QLabel()
        value.setWordWrap(len(text) > 60)
        value.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        value.setText(text)
        flags = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        if rich:
            flags |= Qt.TextInteractionFlag.LinksAccessibleByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByMouse
            value.linkActivated.connect(self._open_link)
        value.setTextInteractionFlags(flags)
        value.setFocusPolicy(Qt.FocusPolicy.StrongFocus if rich else Qt.FocusPolicy.ClickFocus)
        value.setAccessibleName(name)
        value.setAccessibleDescription(accessible_text if accessible_text is not None else
                                       (text if not rich else ""))
        if muted:
            font = value.font()
            font.setItalic(text == NOT_LOADED)
            value.setFont(font)
            # a palette, not a style sheet: a style sheet per label made showing a form much slower
            palette = value.palette()
            palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
            value.setPalette(palette)
        return value

    def _muted_colour(self) -> str:
        return self.palette().color(QPalette.ColorRole.PlaceholderText).name()

    def _link_html(self, links: Sequence[Link]) -> str:
        parts = []
        for link in links:
            href = f"object:{link.code}:{link.id}" if link.code else f"record:{link.id}"
            self._links[href] = link.label
            parts.append(f'<a href="{html.escape(href)}">{html.escape(link.label)}</a>')
        return ", ".join(parts)

    def _open_link(self, href: str) -> None:
        new_tab = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        kind, _, rest = href.partition(":")
        name = self._links.get(href, "")
        if kind == "object":
            code, _, ident = rest.partition(":")
            self.navigate.emit(ObjectTarget(code, ident), name, new_tab)
        elif kind == "record":
            self.navigate.emit(RecordTarget(rest), name, new_tab)
        elif kind == "collection":
            self.show_collection.emit(rest)
