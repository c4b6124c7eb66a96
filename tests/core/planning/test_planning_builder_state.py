"""The builder's editable state: stable ids, edits that follow the field types, announcements a view can
follow without reading anything else, and undo."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wfexplorer.core.planning.builder import (
    BuilderState,
    Changed,
    Edited,
    Inserted,
    Inserting,
    Moved,
    Moving,
    Removed,
    Removing,
    RequestChanged,
    Reset,
    Resetting,
)
from wfexplorer.core.planning.filters import AND, OR, Condition, ConditionType, Operator, SortKey


class Mirror:
    """What a Qt item model does with the announcements: keeps its own child lists, asking the state only for
    the ids of rows that were just inserted (as ``index()`` would after ``endInsertRows``)."""

    def __init__(self, state: BuilderState) -> None:
        self.state = state
        self.children: dict[int, list[int]] = {}
        self.pending: list[Any] = []
        self.edits = 0
        self._rebuild()
        state.subscribe(self.on_event)

    def _rebuild(self) -> None:
        self.children = {node.id: [child.id for child in node.children]
                         for node in self.state.walk() if node.is_group}

    def on_event(self, event: Any) -> None:
        if isinstance(event, Inserting | Removing | Moving | Resetting):
            assert not self.pending, "a structural change began before the last one ended"
            self.pending.append(event)
        elif isinstance(event, Inserted):
            begun = self.pending.pop()
            assert (begun.parent, begun.index, begun.count) == (event.parent, event.index, event.count)
            new = self.state.children_of(event.parent)[event.index:event.index + event.count]
            self.children[event.parent][event.index:event.index] = list(new)
            for node_id in new:
                for node in _subtree(self.state, node_id):
                    if node.is_group:
                        self.children[node.id] = [child.id for child in node.children]
        elif isinstance(event, Removed):
            begun = self.pending.pop()
            assert (begun.parent, begun.index, begun.count) == (event.parent, event.index, event.count)
            del self.children[event.parent][event.index:event.index + event.count]
        elif isinstance(event, Moved):
            begun = self.pending.pop()
            assert begun == Moving(event.source, event.index, event.destination, event.before)
            node_id = self.children[event.source].pop(event.index)
            before = event.before - 1 if event.source == event.destination and event.before > event.index \
                else event.before
            self.children[event.destination].insert(before, node_id)
        elif isinstance(event, Reset):
            assert isinstance(self.pending.pop(), Resetting)
            self._rebuild()
        elif isinstance(event, Edited):
            assert not self.pending, "an edit ended inside a structural change"
            self.edits += 1

    def matches_state(self) -> bool:
        actual = {node.id: [child.id for child in node.children] for node in self.state.walk() if node.is_group}
        return {key: value for key, value in self.children.items() if key in actual} == actual


def _subtree(state: BuilderState, node_id: int) -> list[Any]:
    node = state.node(node_id)
    found = [node]
    for child in node.children:
        found.extend(_subtree(state, child.id))
    return found


def test_a_new_state_is_an_empty_and_root_that_means_no_filter(catalog):
    state = BuilderState(catalog)
    assert state.tree() == AND()
    assert state.request().filter is None


def test_adding_a_condition_picks_the_first_condition_its_field_type_allows(catalog):
    state = BuilderState(catalog)
    text = state.add_condition(field="F_text")
    multi = state.add_condition(field="F_tags")
    flag = state.add_condition(field="F_ok")
    assert state.tree() == AND(Condition("F_text", "CONTAINS"), Condition("F_tags", "HAS_ANY_OF", ()),
                               Condition("F_ok", "IS", True))
    assert [state.path_of(text), state.path_of(multi), state.path_of(flag)] == [(0,), (1,), (2,)]


def test_building_a_two_level_tree_gives_the_model_tree(catalog):
    state = BuilderState(catalog)
    state.add_condition(field="F_status", condition="IS", value="opt_active")
    group = state.add_group(operator="OR", field="F_date")
    first = state.children_of(group)[0]
    state.set_condition(first, "IS_BETWEEN")
    state.set_value(first, ["2027-03-01", "2027-06-30"])
    owners = state.add_condition(group, field="F_owner", value=["u1", "u2"])
    assert state.node(owners).value == ("u1", "u2")  # lists are kept in the model's form, as tuples
    assert state.tree() == AND(
        Condition("F_status", "IS", "opt_active"),
        OR(Condition("F_date", "IS_BETWEEN", ("2027-03-01", "2027-06-30")),
           Condition("F_owner", "HAS_ANY_OF", ("u1", "u2"))),
    )


def test_ids_survive_moves_and_edits_of_other_nodes(catalog):
    state = BuilderState(catalog)
    a = state.add_condition(field="F_text", value="a")
    b = state.add_condition(field="F_text", value="b")
    group = state.add_group(with_condition=False)
    assert state.move(a, group, 0)
    state.set_value(b, "bee")
    assert state.node(a).value == "a" and state.parent_of(a) == group
    assert state.tree() == AND(Condition("F_text", "CONTAINS", "bee"), OR(Condition("F_text", "CONTAINS", "a")))


def test_changing_the_field_keeps_a_value_of_the_same_kind_and_resets_one_of_another(catalog):
    state = BuilderState(catalog)
    node = state.add_condition(field="F_num", condition="GREATER_THAN", value=10)
    state.set_field(node, "F_cur")  # number → currency: same conditions, same kind of value
    assert state.tree() == AND(Condition("F_cur", "GREATER_THAN", 10))
    state.set_field(node, "F_text")  # GREATER_THAN is not allowed on text
    assert state.tree() == AND(Condition("F_text", "CONTAINS"))


def test_changing_the_condition_reshapes_the_value_keeping_what_fits(catalog):
    state = BuilderState(catalog)
    node = state.add_condition(field="F_status", condition="IS", value="opt_active")
    state.set_condition(node, "IS_ANY_OF")
    assert state.node(node).value == ("opt_active",)
    state.set_condition(node, "IS_EMPTY")
    assert state.node(node).value is None
    date = state.add_condition(field="F_date", condition="IS", value="2027-01-01")
    state.set_condition(date, "IS_BETWEEN")
    assert state.node(date).value == ("2027-01-01", None)


def test_impossible_moves_change_nothing_and_say_so(catalog):
    state = BuilderState(catalog)
    group = state.add_group()
    inner = state.add_group(group)
    condition = state.children_of(group)[0]
    before = state.tree()
    assert not state.move(group, inner, 0)  # into its own descendant
    assert not state.move(group, group, 0)  # into itself
    assert not state.move(condition, condition, 0)  # into a condition
    assert not state.move(state.root_id, group, 0)  # the root
    assert not state.move(condition, group, 0) and not state.move(condition, group, 1)  # where it already is
    assert state.tree() == before


def test_keyboard_moves_reorder_indent_and_outdent(catalog):
    state = BuilderState(catalog)
    a = state.add_condition(field="F_text", value="a")
    group = state.add_group(with_condition=False)
    b = state.add_condition(field="F_text", value="b")
    assert state.move_up(b) and state.children_of(state.root_id) == (a, b, group)
    assert not state.move_up(a)
    assert state.move_down(b) and state.children_of(state.root_id) == (a, group, b)
    assert state.indent(b) and state.children_of(group) == (b,)
    assert state.outdent(b) and state.children_of(state.root_id) == (a, group, b)
    assert not state.indent(a)


def test_duplicate_copies_a_subtree_with_new_ids_right_after_it(catalog):
    state = BuilderState(catalog)
    group = state.add_group(field="F_text")
    copy = state.duplicate(group)
    assert copy != group and state.path_of(copy) == (1,)
    assert state.tree().children[0] == state.tree().children[1]
    assert set(state.children_of(copy)).isdisjoint(state.children_of(group))


def test_wrapping_a_condition_in_a_group_keeps_its_place(catalog):
    state = BuilderState(catalog)
    state.add_condition(field="F_text", value="a")
    b = state.add_condition(field="F_text", value="b")
    group = state.wrap_in_group(b, "OR")
    assert state.children_of(group) == (b,)
    assert state.tree() == AND(Condition("F_text", "CONTAINS", "a"), OR(Condition("F_text", "CONTAINS", "b")))


def test_every_edit_announces_itself_once_after_its_structural_events(catalog):
    state = BuilderState(catalog)
    events: list[Any] = []
    state.subscribe(events.append)
    node = state.add_condition(field="F_text")
    state.set_value(node, "x")
    state.set_operator(state.root_id, Operator.OR)
    state.remove(node)
    state.set_sort([SortKey("F_text")])
    assert events == [
        Inserting(state.root_id, 0), Inserted(state.root_id, 0), Edited(),
        Changed(node, frozenset({"value"})), Edited(),
        Changed(state.root_id, frozenset({"operator"})), Edited(),
        Removing(state.root_id, 0), Removed(state.root_id, 0), Edited(),
        RequestChanged("sort"), Edited(),
    ]


def test_setting_what_is_already_there_announces_nothing(catalog):
    state = BuilderState(catalog)
    node = state.add_condition(field="F_text", value="x")
    events: list[Any] = []
    state.subscribe(events.append)
    state.set_value(node, "x")
    state.set_field(node, "F_text")
    state.set_operator(state.root_id, "AND")
    assert events == []


def test_undo_and_redo_restore_tree_ids_and_search_parts(catalog):
    state = BuilderState(catalog)
    node = state.add_condition(field="F_text", value="x")
    state.set_sort([SortKey("F_text", "desc")])
    state.remove(node)
    assert state.undo() and state.tree() == AND(Condition("F_text", "CONTAINS", "x"))
    assert node in state  # the same id comes back, so a view's selection and a problem's row stay valid
    assert state.undo() and state.sort == ()
    assert state.redo() and state.sort == (SortKey("F_text", "desc"),)
    assert state.redo() and state.tree() == AND()
    assert not state.redo()


def test_typing_into_one_value_is_one_undo_step(catalog):
    state = BuilderState(catalog)
    node = state.add_condition(field="F_text")
    for text in ("m", "ma", "mar", "mark"):
        state.set_value(node, text)
    assert state.undo() and state.node(node).value is None
    assert state.undo() and state.tree() == AND()


def test_paging_restarts_when_the_sort_or_page_size_changes(catalog):
    state = BuilderState(catalog)
    state.set_page(3)
    state.set_sort([SortKey("F_num")])
    assert state.page == 0
    state.set_page(2)
    state.set_page_size(25)
    assert state.request().paging is not None and state.request().paging.offset == 0
    with pytest.raises(ValueError):
        state.set_page_size(0)


def test_replacing_the_tree_is_announced_as_a_reset(catalog):
    state = BuilderState(catalog)
    mirror = Mirror(state)
    state.set_tree(AND(Condition("F_text", "IS", "a"), OR(Condition("F_num", "IS", 1))))
    assert mirror.matches_state()
    assert state.tree() == AND(Condition("F_text", "IS", "a"), OR(Condition("F_num", "IS", 1)))


OPERATIONS = st.lists(st.tuples(st.sampled_from(
    ["add", "group", "remove", "move", "duplicate", "wrap", "undo", "redo", "up", "down", "indent", "outdent",
     "paste"]), st.integers(0, 50), st.integers(0, 50)), max_size=40)


@settings(max_examples=120, deadline=None)
@given(OPERATIONS)
def test_a_view_that_only_follows_the_announcements_always_matches_the_state(operations):
    state = BuilderState()
    mirror = Mirror(state)
    for name, first, second in operations:
        ids = [node.id for node in state.walk()]
        groups = [node.id for node in state.walk() if node.is_group]
        node_id = ids[first % len(ids)]
        non_root = [i for i in ids if i != state.root_id]
        if name == "add":
            state.add_condition(groups[first % len(groups)], second % 4, field="F", value="x")
        elif name == "group":
            state.add_group(groups[first % len(groups)], "OR", second % 4)
        elif name == "remove" and non_root:
            state.remove(non_root[first % len(non_root)])
        elif name == "move" and non_root:
            target = groups[second % len(groups)]
            state.move(non_root[first % len(non_root)], target, second % (len(state.children_of(target)) + 1))
        elif name == "duplicate" and non_root:
            state.duplicate(non_root[first % len(non_root)])
        elif name == "wrap" and non_root:
            state.wrap_in_group(non_root[first % len(non_root)])
        elif name == "undo":
            state.undo()
        elif name == "redo":
            state.redo()
        elif name in ("up", "down", "indent", "outdent") and node_id != state.root_id:
            getattr(state, {"up": "move_up", "down": "move_down"}.get(name, name))(node_id)
        elif name == "paste":
            state.set_tree(AND(Condition("F", "IS", "p"), OR(Condition("F", "IS", "q"))))
        assert mirror.matches_state()
        assert not mirror.pending
    assert state.tree() == state.root.frozen()
    assert mirror.edits >= 0
    assert all(isinstance(condition, Condition) and condition.condition in ConditionType
               for condition in (node.frozen() for node in state.conditions()))
