"""What a screen reader reads: the status bar's connection says which one, a form's link says where it goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from test_tab_order import project_window


def test_the_connection_label_reads_what_it_shows(open_window, run_until):
    window = open_window()
    label = window.status.connection
    interface = QAccessible.queryAccessibleInterface(label)

    assert label.text() and window.connection.host in label.text()
    assert interface.text(QAccessible.Text.Name) == "Connection"
    assert interface.text(QAccessible.Text.Description) == label.text()


def test_a_reference_link_is_named_by_its_field_and_the_object_it_links_to(open_window, run_until, connection):
    window = project_window(open_window, run_until)
    tab = window.current_tab()
    data = tab.details.data
    references = [(name, value) for name, value in tab.form.values.items()
                  if value.focusPolicy() & Qt.FocusPolicy.TabFocus and "object:" in value.text()]
    assert references
    for _name, value in references:
        label, _, linked = value.accessibleName().partition(": ")
        assert label and linked, value.accessibleName()
        assert linked in value.text()                          # the linked object's name, as shown
    named = [(value, data[name]) for name, value in references if isinstance(data.get(name), dict)]
    assert named
    for value, linked_object in named:
        assert value.accessibleName().endswith(f": {linked_object['name']}")  # e.g. "Owner: Ada Lovelace"
