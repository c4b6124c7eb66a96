"""The Form tab of a classic object: a group per custom form it has (its values once all fields are loaded), and
every collection's size."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from wfexplorer.core.browse.targets import ObjectTarget
from wfexplorer.core.details import COUNT_NOT_KNOWN, DetailLoader, classic_sections
from wfexplorer.ui.detail.form_view import EMPTY, NOT_LOADED
from wfexplorer.ui.detail.tab import DetailTab, Opened


def rows_of(tab: DetailTab, title: str) -> list[tuple[str, str, str]]:
    """(label, its tooltip, value) of each row of the group ``title``."""
    box = next((box for box in tab.form.findChildren(QGroupBox) if box.title() == title), None)
    assert box is not None, [box.title() for box in tab.form.findChildren(QGroupBox)]
    form = box.layout()
    assert isinstance(form, QFormLayout)
    rows = []
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
        value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
        assert isinstance(label, QLabel) and isinstance(value, QLabel)
        rows.append((label.text(), label.toolTip(), value.text()))
    return rows


def opened_tab(qtbot: Any, run_until: Any, connection: Any, ops: Any, project: dict[str, Any]) -> DetailTab:
    tab = DetailTab(Opened(ObjectTarget("PROJ", project["ID"]), project["name"]), DetailLoader(connection), ops)
    qtbot.addWidget(tab)
    tab.load()
    run_until(lambda: tab.details is not None and tab.settled)
    return tab


def test_load_all_fields_shows_the_projects_custom_form_by_name_with_labels_and_api_names(
        qtbot, run_until, connection, ops):
    session = connection.session
    form = next(form for form in session.custom_forms("PROJ") if form.name == "Project Intake")
    first = form.fields[0]
    project = session.post("/proj", {"updates": {"name": "Form tab test", "categoryID": form.id,
                                                 first.name: "MKT-2026-9"}})
    tab = opened_tab(qtbot, run_until, connection, ops, project)
    assert [value for _, _, value in rows_of(tab, "Custom form: Project Intake")] == [NOT_LOADED] * len(form.fields)
    tab.load_all_button.click()
    run_until(lambda: tab.details is not None and tab.details.all_fields and tab.settled)
    rows = rows_of(tab, "Custom form: Project Intake")
    assert [(label, tooltip) for label, tooltip, _ in rows] == [
        (f"{field.label}:", f"{field.name} · {field.field_type}") for field in form.fields]
    assert rows[0][2] == "MKT-2026-9"
    assert all(value == EMPTY for _, _, value in rows[1:]), "the form's fields without a value read as empty"
    assert tab.form.values[first.name].accessibleName() == first.label


def test_every_collection_shows_its_size_or_says_it_is_not_known(qtbot, run_until, connection, ops):
    project = connection.session.get("/proj/search", {"$$LIMIT": 1, "fields": "ID,name"})[0]
    tab = opened_tab(qtbot, run_until, connection, ops, project)
    details = tab.details
    names = list(details.meta.collections)
    for name in names:
        count = details.collection_counts[name]
        assert tab.form.values[name].text().startswith(f"{count:,} · "), name
        assert tab.form.values[name].accessibleDescription() == f"{count:,}"
    unknown = names[0]
    counts = {name: count for name, count in details.collection_counts.items() if name != unknown}
    tab.form.show_classic(classic_sections(replace(details, collection_counts=counts)))
    value = tab.form.values[unknown]
    assert COUNT_NOT_KNOWN in value.text() and "show in the navigator" in value.text()
    assert value.accessibleDescription() == COUNT_NOT_KNOWN
