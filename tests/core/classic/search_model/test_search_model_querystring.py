"""The query string both ways: the model's stable order, pasted strings and URLs, raw parameters kept, errors placed."""

from __future__ import annotations

import re

import pytest

from wfexplorer.core.classic.search_model import (
    Aggregate,
    ClassicQuery,
    Condition,
    Modifier,
    QueryStringError,
    SortKey,
    between,
    parse,
    query,
    to_pairs,
    to_query_string,
)

# Examples from the classic API reference (classic-api.md §3.5, §5), vendored here: path or query string, the
# object type to assume for a bare query, and the model they must give.
REFERENCE_EXAMPLES = [
    (
        "OR:1:portfolio:name=FixedAssets&OR:1:portfolio:name_Mod=eq&OR:1:assignedTo:name=Steve"
        "&OR:2:parent:name=Final Task",
        query("TASK", or_groups=[
            [Condition("portfolio:name", "eq", "FixedAssets"), Condition("assignedTo:name", None, "Steve")],
            [Condition("parent:name", None, "Final Task")],
        ]),
    ),
    (
        "entryDate=$$TODAY-7d&entryDate_Range=$$TODAY&entryDate_Mod=between",
        query("TASK", between("entryDate", "$$TODAY-7d", "$$TODAY")),
    ),
    ("status=CUR&status=PLN", query("TASK", Condition("status", None, ("CUR", "PLN")))),
    ("description_Mod=isnull", query("TASK", Condition("description", "isnull"))),
    ("assignedTo:firstName=John", query("TASK", Condition("assignedTo:firstName", None, "John"))),
    ("ID=a,b&ID_Mod=in", query("TASK", Condition("ID", "in", "a,b"))),
    (
        "AND:1:name=red&AND:1:name_Mod=cinotcontains",
        query("TASK", Condition("name", "cinotcontains", "red")),
    ),
    ("name_1_Sort=asc&ID_2_Sort=desc", query("TASK", sorts=(SortKey("name", "asc"), SortKey("ID", "desc")))),
    ("$$FIRST=201&$$LIMIT=50", query("TASK", first=201, limit=50)),
    ("fields=owner:title,owner:phoneNumber", query("TASK", fields=("owner:title", "owner:phoneNumber"))),
    ("fields=tasks:assignments:assignedTo:name", query("TASK", fields=("tasks:assignments:assignedTo:name",))),
    ("/task/report?status_GroupBy=true", query("TASK", group_bys=("status",))),
    (
        "/hour/report?project:name_1_GroupBy=true&hours_AggFunc=sum&$$ROLLUP=true",
        query("HOUR", group_bys=("project:name",), aggregates=(Aggregate("hours", "sum"),), rollup=True),
    ),
    (
        "http://127.0.0.1:8080/attask/api/v21.0/proj/search?status=CUR&fields=owner:name",
        query("PROJ", Condition("status", None, "CUR"), fields=("owner:name",)),
    ),
    (
        "EXISTS:A:$$OBJCODE=PROJ&EXISTS:A:ID=FIELD:projectID&EXISTS:A:portfolio:ownerID=58d389be000000deb46805b72b41e3b4",
        query("TASK", raw=(("EXISTS:A:$$OBJCODE", "PROJ"), ("EXISTS:A:ID", "FIELD:projectID"),
                           ("EXISTS:A:portfolio:ownerID", "58d389be000000deb46805b72b41e3b4"))),
    ),
    ('filters={"username":"x"}&map=true', query("TASK", raw=(("filters", '{"username":"x"}'), ("map", "true")))),
    (
        "plannedCompletionDate=$$TODAYbm&plannedCompletionDate_Range=$$TODAYe+1w&plannedCompletionDate_Mod=between",
        query("TASK", between("plannedCompletionDate", "$$TODAYbm", "$$TODAYe+1w")),
    ),
    ("entryDate=$$NOW+2h&entryDate_Mod=gte", query("TASK", Condition("entryDate", "gte", "$$NOW+2h"))),
    ("assignedToID=$$USER", query("TASK", Condition("assignedToID", None, "$$USER"))),
    (
        "DE:Vendor Name=Acme&DE:Vendor Name_Mod=cicontains",
        query("TASK", Condition("DE:Vendor Name", "cicontains", "Acme")),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), REFERENCE_EXAMPLES, ids=[text[:50] for text, _ in REFERENCE_EXAMPLES])
def test_reference_examples_paste_into_the_model(text: str, expected: ClassicQuery) -> None:
    assert parse(text, "TASK").query == expected


@pytest.mark.parametrize(("text", "expected"), REFERENCE_EXAMPLES, ids=[text[:50] for text, _ in REFERENCE_EXAMPLES])
def test_reference_examples_survive_the_round_trip(text: str, expected: ClassicQuery) -> None:
    assert parse(to_query_string(expected), expected.object_code).query == expected


def test_the_query_string_follows_the_stable_order_of_the_model() -> None:
    built = query(
        "TASK",
        Condition("status", "in", ["NEW", "INP"]),
        Condition("name", "cicontains", "a"),
        Condition("name", "cinotcontains", "b"),
        or_groups=[[Condition("project:name", "cicontains", "launch plan"),
                    Condition("assignedTo:homeGroup:name", None, "Finance")]],
        sorts=(SortKey("name"), SortKey("ID", "desc")),
        fields=("project:name", "assignedTo:name"),
        first=0,
        limit=50,
        raw=(("EXISTS:A:$$OBJCODE", "ASSGN"),),
    )
    assert to_query_string(built) == (
        "status=NEW&status=INP&status_Mod=in&name=a&name_Mod=cicontains&AND:1:name=b&AND:1:name_Mod=cinotcontains"
        "&OR:1:project:name=launch%20plan&OR:1:project:name_Mod=cicontains&OR:1:assignedTo:homeGroup:name=Finance"
        "&name_1_Sort=asc&ID_2_Sort=desc&fields=project:name,assignedTo:name&$$FIRST=0&$$LIMIT=50"
        "&EXISTS:A:$$OBJCODE=ASSGN"
    )


def test_a_plus_in_a_date_offset_is_escaped_so_workfront_does_not_read_a_space() -> None:
    assert to_query_string(query("TASK", Condition("entryDate", "lte", "$$TODAY+7d"))) == \
        "entryDate=$$TODAY%2B7d&entryDate_Mod=lte"


def test_a_plus_means_a_space_except_in_date_wildcards() -> None:
    parsed = parse("name=Launch+plan&entryDate=$$TODAY+7d&DE:Vendor+Name=a%2Bb", "TASK").query
    assert [(c.field, c.values) for c in parsed.conditions] == [
        ("name", ("Launch plan",)), ("entryDate", ("$$TODAY+7d",)), ("DE:Vendor Name", ("a+b",))]


def test_a_fully_escaped_date_wildcard_keeps_its_plus() -> None:
    assert parse("entryDate=%24%24TODAY+7d", "TASK").query.conditions[0].values == ("$$TODAY+7d",)


def test_a_modifier_without_a_value_sends_the_dummy_value_workfront_expects() -> None:
    assert to_pairs(query("TASK", Condition("description", "notnull", "ignored"))) == [
        ("description", ""), ("description_Mod", "notnull")]


def test_a_condition_not_filled_in_yet_still_shows_in_the_query_string() -> None:
    text = to_query_string(query("TASK", Condition("name", "cicontains")))
    assert text == "name=&name_Mod=cicontains"
    assert parse(text, "TASK").query.conditions == (Condition("name", "cicontains"),)


def test_empty_or_groups_are_left_out_and_the_others_renumbered() -> None:
    built = query("TASK", or_groups=[[], [Condition("name", None, "x")]])
    assert to_query_string(built) == "OR:1:name=x"


def test_or_groups_are_read_in_the_order_of_their_numbers() -> None:
    parsed = parse("OR:2:name=b&OR:1:name=a&priority=1", "TASK").query
    assert [[c.values for c in group.conditions] for group in parsed.groups] == [[("1",)], [("a",)], [("b",)]]


def test_prefixes_are_read_in_any_case_and_written_in_capitals() -> None:
    parsed = parse("or:1:and:2:name=a", "TASK").query
    assert to_query_string(parsed) == "OR:1:name=a"


def test_what_the_model_cannot_represent_is_kept_raw_in_order_and_sent_again() -> None:
    text = ("OR:x:name=a&AND:1:OR:1:name=b&name_2_Mod=eq&status_GroupBy=false&hours_1_AggFunc=sum"
            "&OR:1:name_Sort=asc&$$LIMIT=abc&$$EXISTSMOD=NOTEXISTS&method=GET&$$ROLLUP=maybe")
    parsed = parse(text, "TASK").query
    assert parsed.conditions == ()
    assert parsed.raw == (("OR:x:name", "a"), ("AND:1:OR:1:name", "b"), ("name_2_Mod", "eq"),
                          ("status_GroupBy", "false"), ("hours_1_AggFunc", "sum"), ("OR:1:name_Sort", "asc"),
                          ("$$LIMIT", "abc"), ("$$EXISTSMOD", "NOTEXISTS"), ("method", "GET"), ("$$ROLLUP", "maybe"))
    assert to_query_string(parsed) == text


def test_credentials_in_a_pasted_url_are_removed_and_named_in_the_notes() -> None:
    parsed = parse("https://acme.my.workfront.com/attask/api/v21.0/task/search?sessionID=abc&apiKey=k&name=x", None)
    assert parsed.query.conditions == (Condition("name", None, "x"),)
    assert "sessionID" not in to_query_string(parsed.query) and "abc" not in to_query_string(parsed.query)
    assert [note.split(":")[0] for note in parsed.notes] == ["Removed sessionID", "Removed apiKey"]


def test_a_url_names_the_object_the_operation_and_the_version() -> None:
    parsed = parse("https://acme.my.workfront.com/attask/api/v21.0/project/count?status=CUR#top", "TASK")
    assert (parsed.query.object_code, parsed.operation, parsed.api_version) == ("PROJ", "count", "v21.0")
    assert parse("/attask/api-unsupported/optask/search?name=x").api_version == "api-unsupported"
    assert parse("issue/search?name=x").query.object_code == "OPTASK"
    assert parse("?name=x", "task").query.object_code == "TASK"


def test_a_question_mark_in_a_value_of_a_bare_query_string_stays_in_the_value() -> None:
    parsed = parse("name=what?&priority=1", "TASK").query
    assert [c.values for c in parsed.conditions] == [("what?",), ("1",)]


def test_a_repeated_modifier_keeps_the_last_one_and_says_so() -> None:
    parsed = parse("name=x&name_Mod=eq&name_Mod=cicontains", "TASK")
    assert parsed.query.conditions[0].modifier is Modifier.CICONTAINS
    assert parsed.notes == ("name_Mod was given twice; the last one counts",)


@pytest.mark.parametrize(("text", "position", "words"), [
    ("status=CUR&isnull&name=x", 11, "'isnull' (at character 12) is not name=value"),
    ("status=CUR&=x", 11, "without a name"),
    ("/attask/api/v21.0/task/metadata?x=1", 23, "ends in /search, /count or /report"),
    ("https://acme.my.workfront.com/nothing/here?x=1", 0, "not a classic search address"),
])  # fmt: skip
def test_text_that_is_not_a_query_string_is_refused_saying_where(text: str, position: int, words: str) -> None:
    with pytest.raises(QueryStringError, match=re.escape(words)) as caught:
        parse(text, "TASK")
    assert caught.value.position == position


def test_a_bare_query_string_needs_an_object_type() -> None:
    with pytest.raises(QueryStringError, match="which object type"):
        parse("name=x")
