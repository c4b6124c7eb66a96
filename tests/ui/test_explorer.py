"""The explorer window over a signed-in connection: navigator, detail tabs, quick open, keys, restored state."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from wfexplorer.core.browse import LoadState, Node, NodeKind
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget
from wfexplorer.core.window_state import WindowStateStore
from wfexplorer.ui.detail.tab import DetailTab
from wfexplorer.ui.shell.main_window import MainWindow


@pytest.fixture
def state_store(tmp_path: Any) -> WindowStateStore:
    return WindowStateStore(tmp_path / "config")


@pytest.fixture
def open_window(qtbot: Any, qt_loop: Any, connection: Any, state_store: WindowStateStore,
                crashes: list[BaseException]) -> Iterator[Any]:
    """Opens main windows over ``connection`` (or another); closes them at the end; no crash allowed."""
    opened: list[MainWindow] = []

    def make(over: Any = None) -> MainWindow:
        window = MainWindow(over or connection, crash_handler=crashes.append, state_store=state_store)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return window

    yield make
    for window in opened:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    assert crashes == []


def wait_loaded(run_until: Any, node: Node) -> None:
    run_until(lambda: node.state in (LoadState.LOADED, LoadState.FAILED))
    assert node.state is LoadState.LOADED, node.error


def expand(window: MainWindow, run_until: Any, node: Node) -> Node:
    """Expand ``node``'s row in the navigator as a user does, and wait for its children."""
    view = window.navigator.view
    for ancestor in node.path()[:-1]:
        view.expand(window.model.index_of(ancestor))
    view.scrollTo(window.model.index_of(node))
    view.expand(window.model.index_of(node))
    if node.state is not LoadState.LOADED:
        wait_loaded(run_until, node)
    return node


def child(node: Node, label: str) -> Node:
    found = next((kid for kid in node.children if kid.label.startswith(label)), None)
    assert found is not None, f"{label!r} not among {[kid.label for kid in node.children][:20]}"
    return found


def wait_tab(run_until: Any, window: MainWindow) -> DetailTab:
    tab = window.current_tab()
    assert tab is not None
    run_until(lambda: (tab.details is not None and tab.settled) or tab.error.isVisible())
    assert not tab.error.isVisible(), tab.error.text()
    return tab


def test_the_window_opens_with_the_object_types_loaded_and_named_widgets(open_window, run_until):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    assert window.findChild(object, "navigator") is window.navigator.view
    assert window.navigator.view.accessibleName() == "Navigator"
    assert window.findChild(object, "detailTabs") is window.tabs
    status = window.findChild(QStatusBar, "statusBar")
    assert status is window.status
    assert child(classic, "Project (PROJ)").kind is NodeKind.OBJECT_TYPE
    screen = window.screen().availableGeometry()
    assert window.width() >= screen.width() * 0.7 and window.height() >= screen.height() * 0.7


class Gate:
    """Lets through only the loads a test asks for.

    A model tester calls ``fetchMore`` on every fetchable row it sees, ten levels deep; over a real
    server that is a crawl of the whole database. The model under test is the real one with real
    loads; only what reaches the server is limited to the rows the test opens.
    """

    def __init__(self, controller: Any) -> None:
        self.controller = controller
        self.allowed: set[int] = set()
        self.refused = 0

    def __call__(self, node: Node) -> None:
        if node.id in self.allowed:
            self.controller.load(node)
        else:
            self.refused += 1


def gated_model(connection: Any, ops: Any) -> tuple[Any, Gate]:
    from wfexplorer.core.browse import BrowseTree, Loader, root_specs
    from wfexplorer.ui.tree.controller import BrowseController
    from wfexplorer.ui.tree.model import NavigatorModel

    tree = BrowseTree(root_specs(connection))
    controller = BrowseController(tree, Loader(connection).load, ops)
    gate = Gate(controller)
    return NavigatorModel(tree, gate), gate


def open_row(model: Any, gate: Gate, run_until: Any, node: Node) -> Node:
    gate.allowed.add(node.id)
    model.fetchMore(model.index_of(node))
    wait_loaded(run_until, node)
    return node


@pytest.mark.parametrize("force_py", [False, True], ids=["qt-tester", "python-tester"])
def test_the_model_passes_the_model_tester_while_real_loads_are_under_way(connection, ops, run_until,
                                                                          qtmodeltester, force_py):
    model, gate = gated_model(connection, ops)
    qtmodeltester.check(model, force_py=force_py)
    tree = model.tree
    classic = open_row(model, gate, run_until, tree.top(NodeKind.CLASSIC))
    tasks = open_row(model, gate, run_until, child(classic, "Task (TASK)"))
    task = next(node for node in tasks.children if node.kind is NodeKind.OBJECT)
    open_row(model, gate, run_until, task)
    open_row(model, gate, run_until, child(task, "Project").children[0])
    open_row(model, gate, run_until, tree.top(NodeKind.PLANNING))
    more = tasks.children[-1]
    assert model.data(model.index_of(more)).startswith("Load 200 more")
    gate.controller.activate(more)
    run_until(lambda: tasks.loaded_count > 200 and tasks.children[-1].state is not LoadState.LOADING)
    gate.controller.reload(classic)                     # F5 on a loaded node replaces its rows
    wait_loaded(run_until, classic)
    assert gate.refused > 0, "the tester did ask for more rows than the test opened"
    model.detach()


def test_selecting_an_object_opens_it_in_the_tab_with_fields_grouped_and_its_json(open_window, run_until):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    project = projects.children[0]
    window.navigator.view.select(project)
    tab = wait_tab(run_until, window)
    assert tab.target == ObjectTarget("PROJ", project.payload.id)
    assert tab.label == project.label
    assert tab.form.values["name"].text() == project.label
    assert project.payload.id in tab.raw.text.toPlainText()
    assert window.tabs.count() == 1


def test_ctrl_click_opens_a_second_tab_and_ctrl_w_closes_it(open_window, run_until, qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    window.open_node(projects.children[0])
    window.open_node(projects.children[1], new_tab=True)
    assert window.tabs.count() == 2
    window.tabs.currentWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 1


def test_from_the_keyboard_ctrl_arrows_move_without_opening_and_ctrl_enter_opens_a_second_tab(
        open_window, run_until, qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    view = window.navigator.view
    view.select(projects.children[0])
    view.setFocus()
    first = wait_tab(run_until, window).target
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.current_node() is projects.children[1]
    assert window.tabs.count() == 1 and window.current_tab().target == first, "moving with Ctrl opens nothing"
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.count() == 2
    assert [window.tabs.widget(i).target for i in range(2)] == [first, ObjectTarget(
        "PROJ", projects.children[1].payload.id)]


def test_back_and_forward_go_through_what_was_opened(open_window, run_until):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    first, second = projects.children[0], projects.children[1]
    window.open_node(first)
    window.open_node(second)
    assert window.back_action.shortcut().toString() == "Alt+Left"
    window.back_action.trigger()
    assert window.current_tab().target.id == first.payload.id
    window.forward_action.trigger()
    assert window.current_tab().target.id == second.payload.id


def test_f5_reloads_the_selected_node_only(open_window, run_until, requests_sent, qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    tasks = expand(window, run_until, child(classic, "Task (TASK)"))
    tasks_before = [node.id for node in tasks.children]
    window.navigator.view.select(projects)
    window.navigator.view.setFocus()
    created = window.connection.session.post("/proj", {"name": "AAA F5 refresh probe"})
    requests_sent.clear()
    qtbot.keyClick(window.navigator.view, Qt.Key.Key_F5)
    run_until(lambda: projects.state is LoadState.LOADED and requests_sent.count() >= 1)
    wait_loaded(run_until, projects)
    assert requests_sent.count() == 1
    assert any(node.payload.id == created["ID"] for node in projects.children if node.kind is NodeKind.OBJECT)
    assert [node.id for node in tasks.children] == tasks_before
    window.connection.session.delete(f"/proj/{created['ID']}")


def test_from_a_task_to_its_project_its_portfolio_and_down_its_programs_each_expansion_costs_what_it_must(
        open_window, run_until, requests_sent):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    tasks = expand(window, run_until, child(classic, "Task (TASK)"))

    def named(parent: Node, label: str) -> Node:
        return next(node for node in parent.children if node.label == label)

    def cost(node: Node) -> int:
        requests_sent.clear()
        expand(window, run_until, node)
        return requests_sent.count()

    task = next(node for node in tasks.children if node.kind is NodeKind.OBJECT)
    assert cost(task) == 1                                # its references and collections, with target names
    project_ref = named(task, "Project")
    tooltip = window.model.data(window.model.index_of(project_ref), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"Project (project)\n{project_ref.detail}\nA reference to PROJ objects"
    assert cost(project_ref) == 0                          # the project came with the task
    (project,) = project_ref.children
    assert cost(project) == 1
    portfolio_ref = named(project, "Portfolio")
    assert cost(portfolio_ref) == 0
    (portfolio,) = portfolio_ref.children
    assert portfolio.payload.code == "PORT"
    assert cost(portfolio) == 1
    programs = named(portfolio, "Programs")
    tooltip = window.model.data(window.model.index_of(programs), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.endswith("A collection of PRGM objects")
    assert cost(programs) == 1                             # count and first page in one batch
    shown = window.model.rowCount(window.model.index_of(programs))
    assert shown == len(programs.children) > 0 and programs.detail == f"{shown:,}"
    program = named(programs, named(project, "Program").detail)  # back down to the project's own program
    assert cost(program) == 1
    assert named(program, "Portfolio").detail == portfolio.label


def test_a_list_loaded_again_opens_the_rows_that_were_open_and_puts_the_current_row_back(
        open_window, run_until, requests_sent, qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    view, model = window.navigator.view, window.model
    project = expand(window, run_until, projects.children[0])
    portfolio_ref = expand(window, run_until, next(node for node in project.children if node.label == "Portfolio"))
    view.select(projects)
    view.setFocus()
    requests_sent.clear()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    run_until(lambda: projects.children and projects.children[0] is not project
              and projects.children[0].state is LoadState.LOADED)
    again = projects.children[0]
    assert again.payload == project.payload and view.isExpanded(model.index_of(again))
    assert requests_sent.count() == 2, "the list and the project that was open, as expanding them by hand costs"
    run_until(lambda: any(node.label == "Portfolio" and view.isExpanded(model.index_of(node))
                          for node in again.children))
    assert view.current_node() is projects

    portfolio_ref = next(node for node in again.children if node.label == "Portfolio")
    view.select(portfolio_ref)                          # now the current row is below the list reloaded
    tabs = [window.tabs.widget(i).target for i in range(window.tabs.count())]
    window.controller.reload(projects)                  # the context menu's Reload on the list
    run_until(lambda: projects.children[0] is not again and view.current_node() is not None
              and view.current_node().label == "Portfolio" and view.current_node().parent is not None
              and view.current_node().parent.parent is projects)
    assert view.current_node().payload == portfolio_ref.payload
    assert [window.tabs.widget(i).target for i in range(window.tabs.count())] == tabs, "putting it back opens nothing"


def test_enter_on_load_more_brings_the_next_page_and_the_first_new_row_becomes_current(open_window, run_until,
                                                                                       qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    tasks = expand(window, run_until, child(classic, "Task (TASK)"))
    view = window.navigator.view
    more = tasks.children[-1]
    assert more.kind is NodeKind.MORE and tasks.loaded_count == 200
    view.setCurrentIndex(window.model.index_of(more))
    view.setFocus()
    tabs_before = window.tabs.count()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    run_until(lambda: tasks.loaded_count == 400)
    first_new = tasks.children[200]
    assert view.current_node() is first_new and view.selected_nodes() == [first_new]
    assert view.visualRect(window.model.index_of(first_new)).intersects(view.viewport().rect())
    assert window.tabs.count() == tabs_before and window.current_tab() is None, "the page opened nothing"
    assert tasks.children[-1] is more and "400 of" in more.label


def test_pages_of_a_long_list_fold_the_older_rows_into_ranges_and_the_user_reads_on_where_they_were(
        open_window, run_until, qtbot, monkeypatch):
    monkeypatch.setattr("wfexplorer.ui.tree.model.FOLD", 150)  # the application folds by 500
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    tasks = expand(window, run_until, child(classic, "Task (TASK)"))
    view, model = window.navigator.view, window.model
    more = tasks.children[-1]
    view.setCurrentIndex(model.index_of(more))
    where = view.visualRect(model.index_of(more)).top()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    run_until(lambda: tasks.loaded_count == 400)
    shown = [model.data(model.index(row, 0, model.index_of(tasks))) for row in range(3)]
    assert shown == ["Rows 1 to 150", tasks.children[150].label, tasks.children[151].label]
    first_new = tasks.children[200]
    assert view.current_node() is first_new and view.selected_nodes() == [first_new]
    assert view.visualRect(model.index_of(first_new)).top() == where, "it stands where Load more stood"
    folded = model.index(0, 0, model.index_of(tasks))
    assert not view.isExpanded(folded)

    view.setCurrentIndex(folded)                      # a range row opens nothing and is no selected object
    assert window.current_tab() is None and view.selected_nodes() == []
    qtbot.keyClick(view, Qt.Key.Key_Return)           # Enter shows its rows, without a request
    assert view.isExpanded(folded) and tasks.loaded_count == 400
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not view.isExpanded(folded)

    view.select(tasks.children[7])                    # Find, the bulk edit's reselection: the range opens
    assert view.isExpanded(folded) and view.current_node() is tasks.children[7]
    assert view.visualRect(model.index_of(tasks.children[7])).intersects(view.viewport().rect())


def test_a_failed_reload_of_a_folded_list_puts_its_error_above_the_ranges_and_retry_loads_it_again(
        open_window, run_until, qtbot, monkeypatch, demo_faults):
    monkeypatch.setattr("wfexplorer.ui.tree.model.FOLD", 150)
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    tasks = expand(window, run_until, child(classic, "Task (TASK)"))
    view, model = window.navigator.view, window.model
    window.controller.activate(tasks.children[-1])
    run_until(lambda: tasks.loaded_count == 400)
    demo_faults.error_rate, demo_faults.error_status = 1.0, 503
    view.setCurrentIndex(model.index_of(tasks))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    run_until(lambda: tasks.state is LoadState.FAILED)
    error = tasks.children[0]
    shown = [model.data(model.index(row, 0, model.index_of(tasks))) for row in range(3)]
    assert shown == [error.label, "Rows 1 to 150", tasks.children[151].label], "the 400 rows stay, folded"
    assert tasks.loaded_count == 400 and window.status.last_error.text()
    demo_faults.reset()
    window.controller.activate(error)                  # Retry
    wait_loaded(run_until, tasks)
    assert tasks.loaded_count == 200 and not model.is_range(model.index(0, 0, model.index_of(tasks)))


def test_a_failed_expansion_shows_the_message_in_its_node_and_retry_loads_it(open_window, run_until, demo_faults):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    demo_faults.error_rate, demo_faults.error_status = 1.0, 400
    portfolios = child(classic, "Portfolio (PORT)")
    window.navigator.view.expand(window.model.index_of(portfolios))
    run_until(lambda: portfolios.state is LoadState.FAILED)
    (message,) = portfolios.children
    assert message.label and "Retry" in window.model.data(window.model.index_of(message), Qt.ItemDataRole.ToolTipRole)
    row = window.model.index_of(message)
    assert window.model.data(row) == message.label and window.model.data(row.siblingAtColumn(1)) == "Enter: retry"
    assert window.model.data(row, Qt.ItemDataRole.AccessibleTextRole) == f"{message.label} — press Enter or F5 to retry"
    assert window.model.data(row, Qt.ItemDataRole.ToolTipRole) == (
        f"{message.label}.\nPress Enter or F5, or choose Retry in the row's menu, to try again.")
    assert window.status.last_error.text()
    demo_faults.reset()
    window.controller.activate(message)
    wait_loaded(run_until, portfolios)
    assert all(node.kind is NodeKind.OBJECT for node in portfolios.children)


def test_a_bug_in_a_load_opens_the_crash_dialog_once_and_leaves_the_node_failed_with_retry(
        open_window, run_until, crashes, qt_loop):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    portfolios = child(classic, "Portfolio (PORT)")
    real_load, calls = window.loader.classic.load, []

    def broken(request):
        if request.node_id == portfolios.id:
            calls.append(request)
            raise RuntimeError("a bug in the loader")
        return real_load(request)

    window.loader.classic.load = broken
    window.navigator.view.expand(window.model.index_of(portfolios))
    run_until(lambda: portfolios.state is LoadState.FAILED)
    qt_loop.run_until_complete(asyncio.sleep(0.3))  # the expanded row must not ask for it again and again
    assert len(calls) == 1 and len(crashes) == 1 and isinstance(crashes[0], RuntimeError)
    (message,) = portfolios.children
    assert message.label == "Something went wrong inside wfexplorer (RuntimeError: a bug in the loader)"
    assert "Retry" in window.model.data(window.model.index_of(message), Qt.ItemDataRole.ToolTipRole)
    assert window.status.last_error.text().startswith("Last error: Something went wrong inside wfexplorer")
    assert "the crash report has the details" in window.model.data(window.model.index_of(message),
                                                                    Qt.ItemDataRole.ToolTipRole)
    window.loader.classic.load = real_load
    window.controller.activate(message)                 # Retry
    wait_loaded(run_until, portfolios)
    assert all(node.kind is NodeKind.OBJECT for node in portfolios.children)
    crashes.clear()  # seen, and expected


def test_the_status_bar_counts_every_operation_in_flight(open_window, run_until, demo_faults):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    demo_faults.latency_ms = 400
    window.open_node(projects.children[0])
    window.open_node(projects.children[1], new_tab=True)
    window.open_node(projects.children[2], new_tab=True)
    assert window.status.in_flight.text() == "3 in flight"
    demo_faults.latency_ms = 0
    run_until(lambda: window.ops.running == 0)
    assert window.status.in_flight.text() == "" and not window.status.busy.isVisible()


def test_a_lost_network_shows_in_the_status_bar_whoever_met_it_and_goes_when_it_is_back(
        open_window, run_until, demo_faults):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    demo_faults.drop_rate = 1.0
    window.open_node(projects.children[0])               # a detail tab meets it, not the tree
    tab = window.current_tab()
    run_until(lambda: tab.retry_button.isVisible())
    assert window.status.last_error.isVisible()
    index = window.tabs.indexOf(tab)
    assert "could not be loaded" in window.tabs.tabToolTip(index), "the tab bar marks a tab that failed"
    assert "dropped" in window.status.last_error.text() or "connect" in window.status.last_error.text()
    demo_faults.reset()
    tab.retry_button.click()
    run_until(lambda: not window.status.last_error.isVisible())
    assert not tab.retry_button.isVisible()
    run_until(lambda: "could not be loaded" not in window.tabs.tabToolTip(index))


@pytest.mark.parametrize("form", ["id", "code", "project link", "task link", "issue link", "user link",
                                  "planning record link"])
def test_quick_open_opens_what_was_pasted(open_window, run_until, qtbot, connection, form):
    window = open_window()
    session = connection.session
    if form == "planning record link":
        planning = connection.planning
        workspace = planning.workspaces()[0]
        record_type = planning.record_types(workspace.id)[0]
        record = planning.search(record_type.id).records[0]
        window.quick_open()
        window.quick_open_dialog.input.setText(
            f"https://experience.adobe.com/#/@acme/workfront/planning/workspace/{workspace.id}/"
            f"recordtype/{record_type.id}/record/{record.id}")
        qtbot.keyClick(window.quick_open_dialog.input, Qt.Key.Key_Return)
        tab = wait_tab(run_until, window)
        assert tab.target == RecordTarget(record.id)
        return
    project = session.search_page("PROJ", 0, 1, fields=["name"])[0]
    task = session.search_page("TASK", 0, 1, fields=["name"])[0]
    issue = session.search_page("OPTASK", 0, 1, fields=["name"])[0]
    user = session.search_page("USER", 0, 1, fields=["name"])[0]
    host = "https://acme.my.workfront.com"
    text, code, ident = {
        "id": (task["ID"], "TASK", task["ID"]),
        "code": (f"PROJ:{project['ID']}", "PROJ", project["ID"]),
        "project link": (f"{host}/project/{project['ID']}/tasks", "PROJ", project["ID"]),
        "task link": (f"{host}/task/{task['ID']}/overview", "TASK", task["ID"]),
        "issue link": (f"{host}/issue/{issue['ID']}/updates", "OPTASK", issue["ID"]),
        "user link": (f"{host}/user/{user['ID']}/details", "USER", user["ID"]),
    }[form]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.quick_open_dialog
    assert dialog.objectName() == "quickOpen" and dialog.isVisible()
    dialog.input.setText(text)
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    run_until(lambda: window.current_tab() is not None)
    tab = wait_tab(run_until, window)
    assert tab.target == ObjectTarget(code, ident)


def test_quick_open_searches_names_as_you_type_and_drops_stale_searches(open_window, run_until, qtbot, connection):
    window = open_window()
    project = connection.session.search_page("PROJ", 0, 1, fields=["name"])[0]
    window.quick_open()
    dialog = window.quick_open_dialog
    for prefix in (project["name"][:2], project["name"][:3], project["name"][:5]):
        qtbot.keyClicks(dialog.input, prefix[len(dialog.input.text()):])
    run_until(lambda: dialog.results.count() > 0 and dialog.status.text() != "Searching…")
    assert dialog.searches == 1, "typing within the debounce time sends one search"
    labels = [dialog.results.item(row).text() for row in range(dialog.results.count())]
    assert any(label.startswith(project["name"]) for label in labels)


def test_a_planning_record_opens_and_its_external_reference_opens_the_classic_project(open_window, run_until):
    window = open_window()
    planning = expand(window, run_until, window.tree.top(NodeKind.PLANNING))
    workspace = expand(window, run_until, planning.children[0])
    campaigns = expand(window, run_until, child(workspace, "Campaigns"))
    for record in (node for node in campaigns.children if node.kind is NodeKind.RECORD):
        expand(window, run_until, record)
        link = child(record, "Workfront projects")
        if link.children:
            break
    else:
        pytest.fail("no seeded campaign links a Workfront project")
    window.open_node(record)
    tab = wait_tab(run_until, window)
    assert isinstance(tab.target, RecordTarget) and tab.label == record.label
    project = link.children[0]
    window.open_node(project, new_tab=True)
    tab = wait_tab(run_until, window)
    assert tab.target == ObjectTarget("PROJ", project.payload.id)
    assert window.tabs.count() == 2



def test_a_planning_records_owners_read_by_name_in_its_form_and_its_edit_page(open_window, run_until, connection):
    window = open_window()
    planning = connection.planning
    record_type = next(rt for ws in planning.workspaces() for rt in planning.record_types(ws.id)
                       if rt.display_name == "Campaigns")
    owners = next(f.id for f in planning.fields(record_type.id) if f.display_name == "Owners")
    record = next(r for r in planning.search(record_type.id).records if r.data.get(owners))
    window.open_target(RecordTarget(record.id), "campaign")
    tab = wait_tab(run_until, window)
    run_until(lambda: tab.edit_form is not None and owners in tab.edit_form.editors)
    shown = tab.form.values[owners].text()
    assert shown and "@" not in shown  # names, not IMS ids
    chosen = tab.edit_form.editors[owners].chosen
    assert all(chosen.item(row).text().startswith(name) for row, name in enumerate(shown.split(", ")))
    assert window.edit.people is window.details.people  # the pickers and the detail loader learn as one

def test_tabs_and_geometry_come_back_with_the_profile(open_window, run_until, connection, state_store):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    window.open_node(projects.children[0])
    window.open_node(projects.children[1], new_tab=True)
    size = (760, 580)  # within the offscreen screen (800 by 600), above the docks' minimum height
    window.resize(*size)
    window.docks.log_dock.close()                        # the user closed the request log
    window.tabs.setCurrentIndex(0)
    window.close()
    again = open_window()
    assert again.tabs.count() == 2
    assert [again.tabs.widget(i).target.id for i in range(2)] == [p.payload.id for p in projects.children[:2]]
    assert again.tabs.currentIndex() == 0
    assert (again.width(), again.height()) == size
    assert not again.docks.log_dock.isVisible() and again.acting.changes.isVisible(), "the docks as they were left"


def test_copy_id_and_link_put_them_on_the_clipboard(open_window, run_until, connection):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    project = projects.children[0]
    window.open_node(project)
    wait_tab(run_until, window)
    window.copy_id_action.trigger()
    assert QApplication.clipboard().text() == project.payload.id
    window.copy_link_action.trigger()
    assert QApplication.clipboard().text().endswith(f"/project/{project.payload.id}/overview")


def test_ctrl_f_finds_loaded_rows_in_the_tree(open_window, run_until, qtbot):
    window = open_window()
    wait_loaded(run_until, window.tree.top(NodeKind.CLASSIC))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.find_box.hasFocus()
    qtbot.keyClicks(window.navigator.find_box, "portfolio")
    qtbot.keyClick(window.navigator.find_box, Qt.Key.Key_Return)
    current = window.navigator.view.current_node()
    assert current is not None and current.label.startswith("Portfolio")


def test_every_action_and_row_has_a_name_a_screen_reader_can_read(open_window, run_until):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    model = window.model
    for row in range(model.rowCount(QModelIndex())):
        assert model.data(model.index(row, 0), Qt.ItemDataRole.AccessibleTextRole)
    for action in window.actions():
        assert action.text().replace("&", "").strip(), action.objectName()
    assert window.tabs.accessibleName()


def test_the_request_log_dock_lists_the_requests_the_tree_sent_and_a_row_opens_in_the_console(open_window,
                                                                                             run_until):
    window = open_window()
    wait_loaded(run_until, window.tree.top(NodeKind.CLASSIC))
    log = window.findChild(QWidget, "requestLog")
    assert log is window.docks.log_widget and log.accessibleName() == "Request log"
    assert window.findChild(QWidget, "console") is None, "the console is built when first shown"
    run_until(lambda: log.model.rowCount() >= 1)
    assert window.docks.log_dock.isVisible()
    log.table.selectRow(0)
    log.open_current_in_console()
    assert window.docks.console_dock.isVisible()
    console = window.findChild(QWidget, "console")
    assert console is window.docks.console and console.accessibleName() == "Console"
    assert console.isVisible()


def test_ctrl_k_on_an_object_type_opens_a_classic_search_whose_results_open_in_the_explorer(open_window, run_until,
                                                                                           qtbot, connection):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    window.navigator.view.select(child(classic, "Project (PROJ)"))
    window.navigator.view.setFocus()
    qtbot.keyClick(window.navigator.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    builder = window.tabs.currentWidget()
    assert builder.objectName() == "classicBuilder" and builder.search.object_code == "PROJ"
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("Search Project")
    project = connection.session.search_page("PROJ", 0, 1, fields=["name"])[0]
    builder.open_requested.emit("PROJ", project["ID"])
    tab = wait_tab(run_until, window)
    assert tab.target == ObjectTarget("PROJ", project["ID"])


def test_a_record_type_row_opens_the_planning_filter_builder_on_that_type(open_window, run_until):
    window = open_window()
    planning = expand(window, run_until, window.tree.top(NodeKind.PLANNING))
    workspace = expand(window, run_until, planning.children[0])
    campaigns = child(workspace, "Campaigns")
    window.search_node(campaigns)
    builder = window.tabs.currentWidget()
    assert builder.objectName() == "planningBuilder"
    run_until(lambda: builder.record_type is not None)
    assert builder.record_type.id == campaigns.payload.id


def test_a_tab_replaced_while_it_loads_drops_its_answer(open_window, run_until, demo_faults):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    demo_faults.latency_ms = 300
    first = window.open_node(projects.children[0])
    second = window.open_node(projects.children[1])            # replaces the first tab at once
    demo_faults.latency_ms = 0
    assert first is not second and window.tabs.count() == 1
    run_until(lambda: second.details is not None)
    run_until(lambda: window.ops.running == 0)
    assert window.current_tab() is second and second.label == projects.children[1].label


def test_reloading_the_list_around_the_selected_row_leaves_the_open_tab_alone(open_window, run_until, qtbot):
    window = open_window()
    classic = window.tree.top(NodeKind.CLASSIC)
    wait_loaded(run_until, classic)
    projects = expand(window, run_until, child(classic, "Project (PROJ)"))
    project = projects.children[0]
    window.navigator.view.select(project)                      # opens it, as a click does
    tab = wait_tab(run_until, window)
    window.controller.reload(projects)                         # e.g. after a save: the rows are replaced
    wait_loaded(run_until, projects)
    run_until(lambda: window.ops.running == 0)
    assert window.current_tab() is tab and tab.target.id == project.payload.id
