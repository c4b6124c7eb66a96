"""Property: a model survives model → query string → model, and any query string settles after one round trip."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from wfexplorer.core.classic.search_model import (
    Aggregate,
    AggregateFunction,
    ClassicQuery,
    Condition,
    ConditionGroup,
    Modifier,
    SortDirection,
    SortKey,
    parse,
    to_query_string,
)
from wfexplorer.core.classic.search_model.querystring import encode

# Field names the model can carry: plain names, colon paths, custom fields with spaces and punctuation. Excluded,
# because Workfront itself would read them differently: names ending in _<digits> (taken for a numbered
# suffix), names starting with $$, OR:, AND:, EXISTS: and the parameters that are never filters.
_SEGMENT = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,10}", fullmatch=True)
_CUSTOM = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12).map(lambda t: "DE:" + t)
_RESERVED = re.compile(r"(?i)^(fields|map|filters|method|action|updates|atomic|force|copySourceID|options|uri"
                       r"|concurrent|subdomain|callback|jsonp|bForce|username|password|apiKey|sessionID|code"
                       r"|access_token|refresh_token|client_secret|code_verifier|approvalPassword|Authorization"
                       r"|Cookie|Set-Cookie|OR|AND|EXISTS|id)$")


def _usable(name: str) -> bool:
    first = name.split(":")[0]
    return not (_RESERVED.match(first) and ":" not in name) and not re.search(r"_\d+$", name) \
        and not re.match(r"(?i)^(OR|AND|EXISTS):", name) and not re.search(r"_(Mod|Range|Sort|GroupBy|AggFunc)$", name)


FIELDS = st.one_of(
    _SEGMENT,
    st.lists(_SEGMENT, min_size=2, max_size=4).map(":".join),
    st.tuples(st.lists(_SEGMENT, max_size=2), _CUSTOM).map(lambda parts: ":".join([*parts[0], parts[1]])),
).filter(_usable)
VALUES = st.text(st.characters(exclude_categories=["Cs"]), max_size=15)
MODIFIERS = st.one_of(st.none(), st.sampled_from(list(Modifier)), st.sampled_from(["weird", "maybe"]))


@st.composite
def conditions(draw: st.DrawFn) -> Condition:
    return Condition(draw(FIELDS), draw(MODIFIERS), tuple(draw(st.lists(VALUES, max_size=3))),
                     draw(st.one_of(st.none(), VALUES)))


RAW = st.lists(st.tuples(st.sampled_from(["EXISTS:A:$$OBJCODE", "EXISTS:B:taskID", "map", "filters", "OR:x:name",
                                          "$$EXISTSMOD", "method", "name_2_Mod", "id"]), VALUES), max_size=3)
FIELD_LIST = st.lists(FIELDS.filter(lambda name: "," not in name and name == name.strip()), max_size=3)


@st.composite
def queries(draw: st.DrawFn) -> ClassicQuery:
    base = ConditionGroup(tuple(draw(st.lists(conditions(), max_size=4))))
    alternatives = [ConditionGroup(tuple(group))
                    for group in draw(st.lists(st.lists(conditions(), min_size=1, max_size=3), max_size=3))]
    return ClassicQuery(
        object_code=draw(st.sampled_from(["TASK", "PROJ", "OPTASK", "HOUR"])),
        groups=(base, *alternatives),
        sorts=tuple(SortKey(field, direction) for field, direction in draw(st.lists(
            st.tuples(FIELDS, st.one_of(st.sampled_from(list(SortDirection)), st.just("sideways"))), max_size=3))),
        fields=tuple(draw(FIELD_LIST)),
        first=draw(st.one_of(st.none(), st.integers(-5, 10**6))),
        limit=draw(st.one_of(st.none(), st.integers(-5, 5000))),
        group_bys=tuple(draw(st.lists(FIELDS, max_size=3))),
        aggregates=tuple(Aggregate(field, function) for field, function in draw(st.lists(
            st.tuples(FIELDS, st.one_of(st.sampled_from(list(AggregateFunction)), st.just("median"))), max_size=2))),
        rollup=draw(st.booleans()),
        raw=tuple(draw(RAW)),
    )


@settings(max_examples=200, deadline=None)
@given(queries())
def test_a_model_comes_back_unchanged_from_its_query_string(original: ClassicQuery) -> None:
    text = to_query_string(original)
    parsed = parse(text, original.object_code)
    assert parsed.query == original
    assert parsed.notes == ()


KEYS = st.one_of(
    FIELDS,
    st.tuples(st.sampled_from(["", "OR:1:", "OR:2:", "AND:1:", "OR:1:AND:2:", "OR:x:", "EXISTS:A:", "or:3:"]), FIELDS,
              st.sampled_from(["", "_Mod", "_Range", "_Sort", "_1_Sort", "_GroupBy", "_2_GroupBy", "_AggFunc",
                               "_3_Mod"])).map("".join),
    st.sampled_from(["$$LIMIT", "$$FIRST", "$$ROLLUP", "fields", "map", "sessionID", "filters", "id", "ID"]),
)
PAIRS = st.lists(st.tuples(KEYS, st.one_of(VALUES, st.sampled_from(["true", "cicontains", "in", "asc", "10"]))),
                 max_size=10)


@settings(max_examples=200, deadline=None)
@given(PAIRS)
def test_any_query_string_settles_after_one_round_trip_and_keeps_its_raw_parameters(pairs: list[tuple[str, str]]
                                                                                     ) -> None:
    first = parse(encode(pairs), "TASK").query
    text = to_query_string(first)
    second = parse(text, "TASK").query
    assert second == first
    assert to_query_string(second) == text
    raw_in = [pair for pair in pairs if pair in first.raw]
    assert list(first.raw) == raw_in  # raw parameters keep their order
