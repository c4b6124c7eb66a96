"""Status validation (item 43) and custom-form fields from CTGY/PARAM records (item 19)."""

from __future__ import annotations

import pytest

from wfexplorer.demo.classic import customforms
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.schema.statuses import equates_with, is_done, split_pending, validate_status
from wfexplorer.demo.store import Store


@pytest.fixture
def store() -> Store:
    store = Store(":memory:")
    with store.transaction() as tx:
        tx.put("CSTEM", {"ID": "c1", "objCode": "CSTEM", "value": "WSX", "equatesWith": "CUR",
                         "enumClass": "STATUS_PROJ", "label": "Waiting"})
        tx.put("CTGY", {"ID": "form", "objCode": "CTGY", "name": "Intake", "catObjCode": "PROJ"})
        params = [
            ("p1", "Budget Code", "TEXT", "TEXT"), ("p2", "Revenue", "NMBR", "TEXT"), ("p3", "Launch", "DATE", "DATE"),
            ("p4", "Unit", "TEXT", "SLCT"), ("p5", "Regions", "TEXT", "CHCK"),
        ]
        for order, (pid, name, data_type, display) in enumerate(params):
            tx.put("PARAM", {"ID": pid, "objCode": "PARAM", "name": name, "dataType": data_type,
                             "displayType": display})
            tx.put("CTGYPA", {"ID": f"l{pid}", "objCode": "CTGYPA", "categoryID": "form", "parameterID": pid,
                              "displayOrder": order})
        for order, value in enumerate(("Apparel", "Footwear")):
            tx.put("POPT", {"ID": f"o{order}", "objCode": "POPT", "parameterID": "p4", "value": value,
                            "label": value, "displayOrder": order})
        for order, value in enumerate(("EMEA", "APAC", "LATAM")):
            tx.put("POPT", {"ID": f"r{order}", "objCode": "POPT", "parameterID": "p5", "value": value,
                            "label": value, "displayOrder": order})
    return store


def test_item43_base_custom_and_pending_statuses_are_valid(store: Store) -> None:
    assert validate_status(store, "PROJ", "CUR") == "CUR"
    assert validate_status(store, "PROJ", "WSX") == "WSX"
    assert validate_status(store, "TASK", "CPL:A") == "CPL:A"
    assert equates_with(store, "PROJ", "WSX:A") == "CUR"
    assert equates_with(store, "OPTASK", "RLV") == "CLS"
    assert split_pending("INP:A") == ("INP", True)


def test_item43_unknown_statuses_are_rejected_with_workfronts_message(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        validate_status(store, "PROJ", "APV")
    assert caught.value.message == "Invalid custom enum value(s) for field 'Status': ['APV']"
    with pytest.raises(ClassicError):
        validate_status(store, "TASK", "WSX")  # custom project status is not a task status


def test_done_means_the_complete_equivalent_and_not_pending(store: Store) -> None:
    assert is_done(store, "TASK", "CPL")
    assert not is_done(store, "TASK", "CPL:A")
    assert is_done(store, "OPTASK", "VCP")
    assert not is_done(store, "PROJ", "WSX")


def test_item19_form_fields_come_from_parameters_in_display_order(store: Store) -> None:
    fields = customforms.custom_fields(store, "PROJ")
    assert list(fields) == ["DE:Budget Code", "DE:Revenue", "DE:Launch", "DE:Unit", "DE:Regions"]
    kinds = {key: (item.data_type, item.field_type) for key, item in fields.items()}
    assert kinds == {
        "DE:Budget Code": ("text", "string"), "DE:Revenue": ("number", "double"), "DE:Launch": ("date", "dateTime"),
        "DE:Unit": ("dropdown", "string"), "DE:Regions": ("multi-select", "string[]"),
    }
    assert fields["DE:Unit"].options == ("Apparel", "Footwear")
    assert customforms.custom_fields(store, "TASK") == {}


def test_item19_values_are_validated_and_normalised_for_storage(store: Store) -> None:
    fields = customforms.custom_fields(store, "PROJ")
    assert fields["DE:Revenue"].coerce("1,250.5") == 1250.5
    assert fields["DE:Launch"].coerce("2026-03-02") == "2026-03-02T00:00:00.000Z"
    assert fields["DE:Launch"].coerce("2026-03-02T09:00:00:000-0600") == "2026-03-02T15:00:00.000Z"
    assert fields["DE:Unit"].coerce("footwear") == "Footwear"
    assert fields["DE:Regions"].coerce('["APAC","EMEA"]') == ["APAC", "EMEA"]
    assert fields["DE:Regions"].coerce("LATAM") == ["LATAM"]
    assert fields["DE:Budget Code"].coerce(None) is None
    for key, bad in (("DE:Revenue", "lots"), ("DE:Launch", "next week"), ("DE:Unit", "Boats"),
                     ("DE:Regions", ["Mars"]), ("DE:Budget Code", ["a"])):
        with pytest.raises(ClassicError):
            fields[key].coerce(bad)


def test_item19_unknown_and_star_custom_fields_are_no_such_field(store: Store) -> None:
    with pytest.raises(ClassicError) as caught:
        customforms.require(store, "PROJ", "DE:*")
    assert caught.value.message == "no such field: '*'"
    with pytest.raises(ClassicError):
        customforms.require(store, "PROJ", "DE:Nope")
    assert customforms.resolve(store, "PROJ", "DE:Unit") is not None


def test_parameter_values_and_attached_form_fields_read_from_the_record(store: Store) -> None:
    record = {"ID": "x", "objCode": "PROJ", "categoryID": "form", "DE:Unit": "Apparel", "DE:Regions": ["EMEA"],
              "name": "Launch"}
    assert customforms.parameter_values(store, "PROJ", record) == {"DE:Unit": "Apparel", "DE:Regions": ["EMEA"]}
    assert len(customforms.form_fields(store, record)) == 5
    assert customforms.form_fields(store, {**record, "categoryID": None}) == {}
    coerced = customforms.coerce_updates(store, "PROJ", {"name": "n", "parameterValues": {"DE:Revenue": "7"},
                                                          "DE:Unit": "apparel"})
    assert coerced == {"DE:Revenue": 7.0, "DE:Unit": "Apparel"}


def test_form_definitions_are_cached_until_a_form_table_changes(store: Store) -> None:
    first = customforms.custom_fields(store, "PROJ")
    assert customforms.custom_fields(store, "PROJ") is first
    with store.transaction() as tx:
        tx.put("PARAM", {"ID": "p1", "objCode": "PARAM", "name": "Cost Centre", "dataType": "TEXT",
                         "displayType": "TEXT"})
    assert "DE:Cost Centre" in customforms.custom_fields(store, "PROJ")
