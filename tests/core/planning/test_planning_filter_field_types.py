"""The field-type -> allowed-conditions rules follow the basics page, for every type and every condition."""

from __future__ import annotations

import pytest

from wfexplorer.core.planning.filters import (
    ALLOWED_CONDITIONS,
    V2_CREATABLE_TYPES,
    Condition,
    ConditionType,
    FieldCatalog,
    FieldInfo,
    FieldKind,
    Group,
    Operator,
    SelectOption,
    Severity,
    UserId,
    ValueShape,
    allowed_conditions,
    kind_of,
    validate,
)

# "Supported filter conditions by field type", copied from planning-api-basics.txt.
BASICS_TABLE = """
text, long-text | CONTAINS, DOES_NOT_CONTAIN, IS, IS_NOT, IS_EMPTY, IS_NOT_EMPTY
number, percentage, currency | IS, IS_NOT, GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL,
    IS_EMPTY, IS_NOT_EMPTY
date | IS, IS_NOT, IS_AFTER, IS_BEFORE, IS_BETWEEN, IS_NOT_BETWEEN, IS_EMPTY, IS_NOT_EMPTY
single-select | IS, IS_NOT, IS_ANY_OF, IS_NONE_OF, IS_EMPTY, IS_NOT_EMPTY
multi-select, user | HAS_ANY_OF, HAS_ALL_OF, IS_EXACTLY, HAS_NONE_OF, IS_EMPTY, IS_NOT_EMPTY
boolean | IS
formula | CONTAINS, DOES_NOT_CONTAIN, IS, IS_NOT, IS_EMPTY, IS_NOT_EMPTY
created-by | IS, IS_NOT, IS_ANY_OF, IS_NONE_OF
updated-by | IS, IS_NOT, IS_ANY_OF, IS_NONE_OF, IS_EMPTY, IS_NOT_EMPTY
created-at | IS, IS_NOT, IS_AFTER, IS_BEFORE, IS_BETWEEN, IS_NOT_BETWEEN
updated-at | IS, IS_NOT, IS_AFTER, IS_BEFORE, IS_BETWEEN, IS_NOT_BETWEEN, IS_EMPTY, IS_NOT_EMPTY
reference | HAS_ANY_OF, HAS_ALL_OF, IS_EXACTLY, HAS_NONE_OF, IS_EMPTY, IS_NOT_EMPTY
"""


def _documented() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for line in BASICS_TABLE.strip().replace(",\n    ", ", ").splitlines():
        kinds, conditions = line.split("|")
        for kind in kinds.split(","):
            table[kind.strip()] = {c.strip() for c in conditions.split(",")}
    return table


DOCUMENTED = _documented()

# v2 type name for each documented kind (planning-api.md §3.4; system fields use the filter schema's names).
V2_NAMES = {
    "text": "TEXT", "long-text": "PARAGRAPH", "number": "NUMBER", "percentage": "PERCENTAGE",
    "currency": "CURRENCY", "date": "DATE", "single-select": "SINGLE_SELECT", "multi-select": "MULTI_SELECT",
    "user": "USER", "boolean": "CHECKBOX", "formula": "FORMULA", "created-by": "CREATED_BY",
    "updated-by": "UPDATED_BY", "created-at": "CREATED_AT", "updated-at": "UPDATED_AT", "reference": "REFERENCE",
}  # fmt: skip


def _valid_item(kind: str) -> object:
    if kind in ("number", "percentage", "currency"):
        return 10
    if kind in ("date", "created-at", "updated-at"):
        return "2024-01-01"
    if kind == "boolean":
        return True
    if kind in ("single-select", "multi-select"):
        return "opt_a"
    return "abc"


def _valid_value(kind: str, condition: ConditionType) -> object:
    shape = condition.shape
    if shape is ValueShape.NONE:
        return None
    if shape is ValueShape.PAIR:
        return ("2024-01-01", "2024-12-31") if kind.endswith(("date", "-at")) else (1, 5)
    if shape is ValueShape.LIST:
        return (_valid_item(kind),)
    return _valid_item(kind)


def _field(kind: str) -> FieldInfo:
    return FieldInfo("F1", "Field", V2_NAMES[kind], options=(SelectOption("opt_a", "A"),))


def test_the_table_lists_exactly_the_documented_conditions_per_type():
    in_code = {kind.value: {c.value for c in conditions} for kind, conditions in ALLOWED_CONDITIONS.items()}
    assert {k: v for k, v in in_code.items() if k != "url"} == DOCUMENTED


def test_every_documented_type_maps_to_its_v2_name_and_back():
    for kind, v2_name in V2_NAMES.items():
        assert FieldKind(kind).v2_type == v2_name
        assert kind_of(v2_name) is FieldKind(kind)
        assert kind_of(kind) is FieldKind(kind)


def test_the_twelve_creatable_v2_types_are_the_field_type_enum():
    assert set(V2_CREATABLE_TYPES) == {
        "TEXT", "PARAGRAPH", "NUMBER", "PERCENTAGE", "CURRENCY", "DATE", "SINGLE_SELECT", "MULTI_SELECT",
        "CHECKBOX", "REFERENCE", "USER", "FORMULA",
    }  # fmt: skip


def test_unknown_type_strings_map_to_no_kind_and_no_conditions():
    assert kind_of("ATTACHMENT") is None
    assert kind_of(None) is None
    assert allowed_conditions(None) == ()


@pytest.mark.parametrize("kind", sorted(DOCUMENTED))
@pytest.mark.parametrize("condition", list(ConditionType), ids=str)
def test_each_condition_is_accepted_exactly_when_the_table_allows_it(kind, condition):
    tree = Group(Operator.AND, (Condition("F1", condition, _valid_value(kind, condition)),))
    errors = [p for p in validate(tree, [_field(kind)]) if p.is_error]
    if condition.value in DOCUMENTED[kind]:
        assert errors == []
    elif kind == "reference" and condition in (ConditionType.IS_ANY_OF, ConditionType.IS_NONE_OF):
        assert errors == []  # tolerated with a warning, see test_reference_tolerates_is_any_of_with_a_warning
    else:
        assert [str(p) for p in errors] == [
            f"filter.AND[0]: condition {condition.value} is not allowed for a {kind} field "
            f"(allowed: {', '.join(c.value for c in ALLOWED_CONDITIONS[FieldKind(kind)])})"
        ]


@pytest.mark.parametrize("linked", ["DATE", "USER", "NUMBER", "SINGLE_SELECT", "TEXT"])
def test_a_lookup_takes_the_conditions_of_its_linked_field_type(linked):
    lookup = FieldInfo("F_lk", "Lookup", "LOOKUP", linked_type=linked)
    assert lookup.effective_kind is kind_of(linked)
    assert set(lookup.allowed_conditions) == {c for c in ConditionType if c.value in DOCUMENTED[kind_of(linked)]}


def test_a_lookup_names_its_linked_type_when_refusing_a_condition():
    lookup = FieldInfo("F_lk", "Launch", "LOOKUP", linked_type="DATE")
    problems = validate(Group("AND", (Condition("F_lk", "CONTAINS", "x"),)), [lookup])
    assert len(problems) == 1
    assert "lookup field (linked to a date field)" in problems[0].message


def test_a_lookup_without_a_known_linked_type_cannot_be_filtered():
    lookup = FieldInfo("F_lk", "Mystery", "LOOKUP")
    problems = validate(Group("AND", (Condition("F_lk", "IS", "x"),)), [lookup])
    assert [p.path for p in problems] == ["filter.AND[0]"]
    assert "cannot be filtered" in problems[0].message


def test_a_field_of_an_unknown_type_cannot_be_filtered():
    problems = validate(Group("AND", (Condition("F1", "IS", "x"),)), [FieldInfo("F1", "File", "ATTACHMENT")])
    assert [str(p) for p in problems] == ["filter.AND[0]: field 'File' has type 'ATTACHMENT', which cannot be filtered"]


def test_reference_tolerates_is_any_of_with_a_warning():
    problems = validate(Group("AND", (Condition("F1", "IS_ANY_OF", ["Rc1"]),)), [_field("reference")])
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert "treats it as HAS_ANY_OF" in problems[0].message


def test_people_kinds_accept_typed_ids_and_plain_strings(catalog: FieldCatalog):
    tree = Group("AND", (
        Condition("F_owner", "HAS_ANY_OF", [UserId("wf1", "WF"), "ims1"]),
        Condition("F_cby", "IS", UserId("ims2", "IMS")),
        Condition("F_uby", "IS_NONE_OF", ["ims3"]),
        Condition("F_lk_user", "HAS_ALL_OF", [UserId("wf2", "WF")]),
    ))  # fmt: skip
    assert validate(tree, catalog) == []
