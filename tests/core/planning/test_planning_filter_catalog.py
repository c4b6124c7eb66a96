"""The field catalogue: built from v1 and v2 FieldDto bodies, found by id or alias, lookups and stand-in types."""

from __future__ import annotations

from wfexplorer.core.planning.filters import ConditionType, FieldCatalog, FieldInfo, FieldKind, SelectOption


def test_a_v2_select_field_becomes_field_info_with_its_options():
    info = FieldInfo.from_dto({
        "id": "F1", "displayName": "Status", "alias": "status", "type": "SINGLE_SELECT", "unknownKey": 1,
        "options": [{"name": "opt_a", "displayName": "Active", "color": "green"}, {"name": "opt_b"}],
    })  # fmt: skip
    assert info == FieldInfo("F1", "Status", "SINGLE_SELECT", alias="status",
                             options=(SelectOption("opt_a", "Active", "green"), SelectOption("opt_b", "")))
    assert info.option_named("Active") == info.option_named("opt_a") == SelectOption("opt_a", "Active", "green")


def test_v1_lower_case_type_names_give_the_same_kinds_as_v2_names():
    for v1_name, v2_name in (("long-text", "PARAGRAPH"), ("boolean", "CHECKBOX"), ("created-by", "CREATED_BY"),
                             ("single-select", "SINGLE_SELECT"), ("user", "USER")):
        assert FieldInfo("F", type=v1_name).kind is FieldInfo("F", type=v2_name).kind is not None


def test_a_lookup_takes_its_linked_type_from_the_source_field_and_its_options():
    info = FieldInfo.from_dto({
        "id": "F2", "displayName": "Channel type", "type": "LOOKUP",
        "lookupOptions": {"referenceFieldId": "F9", "sourceField": {
            "id": "F3", "type": "SINGLE_SELECT", "options": [{"name": "opt_paid", "displayName": "Paid"}]}},
    })  # fmt: skip
    assert (info.kind, info.linked_type, info.effective_kind) == (FieldKind.LOOKUP, "SINGLE_SELECT",
                                                                 FieldKind.SINGLE_SELECT)
    assert info.options == (SelectOption("opt_paid", "Paid"),)
    assert ConditionType.IS_ANY_OF in info.allowed_conditions


def test_stand_in_types_yield_to_the_origin_type_in_metadata():
    created_by = FieldInfo.from_dto({"id": "F4", "type": "USER", "metadata": {"originType": "CREATED_BY"}})
    assert created_by.kind is FieldKind.CREATED_BY
    assert ConditionType.HAS_ANY_OF not in created_by.allowed_conditions
    lookup = FieldInfo.from_dto({"id": "F5", "type": "NUMBER", "metadata": {"originType": "LOOKUP"}})
    assert (lookup.kind, lookup.effective_kind) == (FieldKind.LOOKUP, FieldKind.NUMBER)
    odd = FieldInfo.from_dto({"id": "F6", "type": "TEXT", "metadata": {"originType": "SOMETHING_NEW"}})
    assert odd.kind is FieldKind.TEXT


def test_external_reference_fields_are_recognised():
    assert FieldInfo.from_dto({"id": "F7", "type": "REFERENCE", "referenceOptions": {"isExternal": True}}).is_external
    assert not FieldInfo.from_dto({"id": "F8", "type": "REFERENCE", "referenceOptions": {}}).is_external


def test_the_catalogue_finds_fields_by_id_or_alias_and_ids_win():
    first = FieldInfo("F1", "Name", "TEXT", alias="F2")
    second = FieldInfo("F2", "Other", "NUMBER", alias="other")
    catalog = FieldCatalog((first, second))
    assert catalog.get("F2") is second  # an id beats another field's alias
    assert catalog.get("other") is second
    assert catalog.get("missing") is None
    assert len(catalog) == 2 and "F1" in catalog and list(catalog) == [first, second]


def test_conditions_have_words_for_people():
    assert ConditionType.GREATER_THAN_OR_EQUAL.label == "greater than or equal"
    assert ConditionType.IS_NOT_BETWEEN.label == "is not between"
