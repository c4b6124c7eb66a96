"""The sign-in form's scroll area: it asks for the form's own size, and scrolls only below a height cap.

Whatever gets the keyboard focus inside it (Tab, a mnemonic, an error that points at a field) is
scrolled into view.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from wfexplorer.ui.login.form_area import FormArea, FormContent


def _tall_form(rows: int = 30) -> tuple[FormContent, list[QLineEdit]]:
    content = FormContent()
    layout = QVBoxLayout(content)
    fields = [QLineEdit(f"field {row}") for row in range(rows)]
    for field in fields:
        layout.addWidget(field)
    return content, fields


def _window_with(area: FormArea) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.addWidget(area)
    layout.addWidget(QPushButton("Sign in"))
    return window


def test_without_a_cap_the_area_asks_for_the_whole_form_and_does_not_scroll(qtbot):
    content, _ = _tall_form(8)
    area = FormArea(content)
    window = _window_with(area)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert area.sizeHint().height() == content.sizeHint().height()
    assert area.minimumSizeHint().height() >= content.minimumSizeHint().height()
    assert not area.verticalScrollBar().isVisible()


def test_with_a_cap_the_area_asks_for_no_more_and_scrolls(qtbot):
    content, _ = _tall_form()
    area = FormArea(content)
    area.set_height_cap(120)
    window = _window_with(area)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert area.sizeHint().height() == 120 and area.minimumSizeHint().height() == 120
    qtbot.waitUntil(area.verticalScrollBar().isVisible)


def test_focusing_a_field_below_the_visible_part_scrolls_it_into_view(qtbot):
    content, fields = _tall_form()
    area = FormArea(content)
    area.set_height_cap(120)
    window = _window_with(area)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    last = fields[-1]
    assert last.visibleRegion().isEmpty()
    last.setFocus()  # as an inline error or a mnemonic does
    qtbot.waitUntil(lambda: last.hasFocus())
    assert area.verticalScrollBar().value() > 0
    assert last.visibleRegion().boundingRect().size() == last.size()
