"""The explorer window: heartbeat while it loads, click → rows painted, 100,000 rows, start-up (offscreen).

    .venv/bin/python tests/benchmarks/bench_explorer.py [--rows 100000] [--runs 5] [--heartbeat-only | --startup-only]

The simulator runs in its own process (scale 1: about 3,600 tasks; Campaigns grown to 25,000 records);
the window is the real ``MainWindow`` over a core ``Connection`` signed in with OAuth client credentials
(classic and Planning with one token), with the application's garbage-collector policy (``ui/collector.py``:
start-up objects frozen once the window is up, full collections at quiet moments). A 5 ms timer on the GUI
thread records its gaps.

1. Heartbeat (longest gap ≤ 50 ms, 99th percentile ≤ 20 ms) while a 2,000-object node loads, while a
   25,000-record Planning record type pages in (every "Load 200 more" until all are shown; once with the
   node collapsed, once expanded as the user's Load more row leaves it), and while 20 detail tabs open.
2. Click on a 2,000-object node → all its rows painted (≤ 250 ms), split into server (the HTTP
   exchange as the request event times it), parse (the rest of the loader), insert (``tree.apply``
   with the model's row inserts) and paint (the view's next repaint). The tree shows 200 objects a
   page; to time 2,000 rows from one click, the loader's page size is raised to 2,000 for this part,
   and the ordinary first page (200 of the node's objects) is timed too.
3. 100,000 rows in the tree of a running window: the whole process ≤ 300 MB resident; the same rows in
   a ``QStandardItemModel`` (two columns, text, icon, tooltip and node id, as ours shows), built in
   another process of the same run beside the same window, as the reference: ours at most half its
   memory and no slower to fill (the GUI thread's time: our loader's row values are made on a worker
   thread in the application, so they are made before the clock starts; the resident set counts them);
   then scrolling from top to bottom, page by page, repainting each
   time, with the heartbeat ≤ 50 ms.
4. ``wfexplorer --demo``: process start → main window with the tree's first rows painted (≤ 1.5 s),
   median of five fresh processes after a warm-up one (they may write bytecode, as an installed app has
   it), each with a new config folder and the cache folder the warm-up filled (the seeded demo data and
   the API metadata are kept there, as for any start after the first); then five with an empty cache
   folder, the first start ever, for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6.QtWidgets  # noqa: F401 - PySide6 before qasync
import qasync
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).parent))
from benchmark_support import Heartbeat, rss_mb, start_simulator

ROOT = Path(__file__).resolve().parents[2]
CHILD = "--child"


def connect(credentials: dict[str, Any], folder: Path) -> Any:
    """A core Connection to the simulator: OAuth client credentials (one token for classic and Planning)."""
    from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore
    from wfexplorer.core.auth.profiles import Environment, Profile
    from wfexplorer.core.connection import Connection

    authenticator = Authenticator(profiles=ProfileStore(folder / "config"), secrets=SecretStore())
    profile = Profile(name="bench", environment=Environment.CUSTOM, custom_url=credentials["base_url"])
    signed_in = authenticator.sign_in_with_client_credentials(profile, credentials["oauth_client_id"],
                                                              credentials["oauth_client_secret"])
    return Connection(signed_in, cache_dir=folder / "cache")


def wait(loop: qasync.QEventLoop, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    async def spin() -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the benchmark waited too long")
            await asyncio.sleep(0.002)

    loop.run_until_complete(spin())


def beat(label: str, heartbeat: Heartbeat) -> str:
    longest, p99 = heartbeat.stop()
    return f"  {label}: heartbeat longest gap {longest} ms, 99th percentile {p99:.0f} ms (targets 50 / 20)"


def child(node: Any, start: str) -> Any:
    return next(kid for kid in node.children if kid.label.startswith(start))


class Explorer:
    """One MainWindow over the simulator, driven through its own controller as the view drives it."""

    def __init__(self, loop: qasync.QEventLoop, credentials: dict[str, Any], folder: Path) -> None:
        from wfexplorer.core.browse import LoadState, NodeKind
        from wfexplorer.core.window_state import WindowStateStore
        from wfexplorer.ui.shell.main_window import MainWindow

        self.loop = loop
        self.LoadState, self.NodeKind = LoadState, NodeKind
        self.connection = connect(credentials, folder)
        self.events: list[Any] = []
        self.connection.subscribe(self.events.append)
        self.window = MainWindow(self.connection, state_store=WindowStateStore(folder / "config"))
        self.window.resize(1440, 900)
        self.window.show()
        self.classic = self.window.tree.top(NodeKind.CLASSIC)
        self.loaded(self.classic)
        from wfexplorer.ui.collector import COLLECTOR

        COLLECTOR.start()  # as the application does once its first main window is up

    def loaded(self, node: Any) -> None:
        wait(self.loop, lambda: node.state in (self.LoadState.LOADED, self.LoadState.FAILED))
        if node.state is not self.LoadState.LOADED:
            raise RuntimeError(f"{node.label}: {node.error}")

    def expand(self, node: Any) -> Any:
        view = self.window.navigator.view
        view.expand(self.window.model.index_of(node))
        if node.state is not self.LoadState.LOADED:
            if node.can_fetch:
                self.window.controller.load(node)
            self.loaded(node)
        return node

    def paint(self) -> float:
        """Repaint the navigator now; the milliseconds it took."""
        started = time.perf_counter()
        self.window.navigator.view.viewport().repaint()
        return (time.perf_counter() - started) * 1000


def timed_click(explorer: Explorer, node: Any) -> dict[str, float]:
    """Load ``node`` the way a click does, timing server, parse, insert and paint."""
    tree, loader = explorer.window.tree, explorer.window.loader
    request = tree.reload(node) if node.state is explorer.LoadState.LOADED else tree.begin_load(node)
    first_event = len(explorer.events)
    started = time.perf_counter()
    result = loader.load(request)
    loaded = time.perf_counter()
    server = sum(event.duration_ms for event in explorer.events[first_event:])
    tree.apply(result)
    applied = time.perf_counter()
    explorer.window.navigator.view.expand(explorer.window.model.index_of(node))
    paint = explorer.paint()
    total = (applied - started) * 1000 + paint
    return {"rows": node.loaded_count, "server": server, "parse": (loaded - started) * 1000 - server,
            "insert": (applied - loaded) * 1000, "paint": paint, "total": total}


def click_figures(explorer: Explorer, tasks: Any, runs: int) -> list[str]:
    from wfexplorer.core.browse import classic_loader

    lines = []
    for page_size in (2000, 200):
        original = classic_loader.PAGE_SIZE
        classic_loader.PAGE_SIZE = page_size
        try:
            figures = [timed_click(explorer, tasks) for _ in range(runs)]
        finally:
            classic_loader.PAGE_SIZE = original
        median = {key: statistics.median(figure[key] for figure in figures) for key in figures[0]}
        lines.append(f"  click → {median['rows']:,.0f} of {tasks.total:,} tasks painted: median "
                     f"{median['total']:.0f} ms = server {median['server']:.0f} + parse {median['parse']:.0f} + "
                     f"insert {median['insert']:.0f} + paint {median['paint']:.0f} (target ≤ 250 ms; {runs} runs)")
    return lines


def page_in(explorer: Explorer, node: Any, heartbeat: Heartbeat, expanded: bool) -> str:
    """Load ``node`` and activate its "Load 200 more" row until every page is in.

    Collapsed, the view only counts the new rows. Expanded (as it is when the user activates the row),
    the view lays out every row of every expanded node again after each page: Qt's QTreeView does that
    for any insertion under an expanded node, asking the model for each row. The model folds the rows
    before each page into collapsed ranges of 500 ("Rows 1 to 500"), so that stays under a thousand
    rows however many pages came.
    """
    window = explorer.window
    view = window.navigator.view
    view.collapse(window.model.index_of(node))
    heartbeat.start()
    started = time.perf_counter()
    window.controller.reload(node)  # a first load the first time
    explorer.loaded(node)
    if expanded:
        view.expand(window.model.index_of(node))
    while node.children and node.children[-1].kind is explorer.NodeKind.MORE:
        more, before = node.children[-1], node.loaded_count
        window.controller.activate(more)
        wait(explorer.loop, lambda more=more, before=before: node.loaded_count > before
             or more.state is explorer.LoadState.FAILED)
        if more.state is explorer.LoadState.FAILED:
            raise RuntimeError(f"{node.label}: {more.error}")
    seconds = time.perf_counter() - started
    # Left expanded, its rows would be laid out again on every later insertion anywhere in the tree.
    view.collapse(window.model.index_of(node))
    shown = "expanded, as Load more leaves it" if expanded else "collapsed"
    return beat(f"{node.loaded_count:,} Planning records page in, the node {shown} ({seconds:.1f} s)", heartbeat)


def heartbeat_figures(explorer: Explorer) -> list[str]:
    from wfexplorer.core.browse import classic_loader

    heartbeat = Heartbeat()
    window = explorer.window
    lines = []
    tasks = child(explorer.classic, "Task (TASK)")
    original = classic_loader.PAGE_SIZE
    classic_loader.PAGE_SIZE = 2000
    try:
        heartbeat.start()
        window.controller.reload(tasks)
        explorer.loaded(tasks)
        wait(explorer.loop, lambda: window.ops.running == 0)
        explorer.paint()
        lines.append(beat(f"a {tasks.loaded_count:,}-object node loads", heartbeat))
    finally:
        classic_loader.PAGE_SIZE = original
    # The application never loads 2,000 rows at once (pages are 200, and older pages fold): the task list
    # stays expanded as a user has it, with its first page, while the Planning records page in.
    window.controller.reload(tasks)
    explorer.loaded(tasks)

    planning = explorer.expand(window.tree.top(explorer.NodeKind.PLANNING))
    workspace = explorer.expand(planning.children[0])
    campaigns = child(workspace, "Campaigns")
    for expanded in (False, True):
        lines.append(page_in(explorer, campaigns, heartbeat, expanded))

    projects = explorer.expand(child(explorer.classic, "Project (PROJ)"))
    objects = [node for node in projects.children if node.kind is explorer.NodeKind.OBJECT][:20]
    heartbeat.start()
    for node in objects:
        window.open_node(node, new_tab=True)
        wait(explorer.loop, lambda: window.ops.running == 0)
    lines.append(beat(f"{len(objects)} detail tabs open", heartbeat))
    return lines


# -- 100,000 rows ------------------------------------------------------------------------------------------


def synthetic_rows(count: int) -> list[tuple[str, str]]:
    """Names and IDs shaped like classic task rows."""
    return [(f"Task {number:06d} of the benchmark", f"{number:032x}") for number in range(count)]


def rows_child(kind: str, rows: int, credentials_file: str, folder: str) -> None:
    """In a fresh process: a running window, then ``rows`` rows in our tree (``ours``) or a QStandardItemModel
    (``standard``); prints the resident set before and after, the fill time, and (ours) the scroll heartbeat."""
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    from wfexplorer.core.browse import LoadResult, NodeKind, NodeSpec, ObjectRef
    from wfexplorer.ui.tree import icons
    from wfexplorer.ui.tree.model import NODE_ID_ROLE

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    credentials = json.loads(Path(credentials_file).read_text(encoding="utf-8"))
    explorer = Explorer(loop, credentials, Path(folder))
    tasks = child(explorer.classic, "Task (TASK)")
    data = synthetic_rows(rows)
    icon = icons.for_code("TASK")
    gc.collect()
    before = rss_mb()
    # what a loader returns, made off the GUI thread in the application (not part of the GUI's fill time)
    specs = tuple(NodeSpec(NodeKind.OBJECT, name, ObjectRef("TASK", ident), icon="TASK", expandable=True,
                           data={"ID": ident, "name": name}) for name, ident in data) if kind == "ours" else ()
    started = time.perf_counter()
    if kind == "ours":
        request = explorer.window.tree.begin_load(tasks)
        explorer.window.tree.apply(LoadResult(request, specs, total=rows))
        view = explorer.window.navigator.view
        view.expand(explorer.window.model.index_of(tasks))
    else:
        model = QStandardItemModel()
        model.setHorizontalHeaderLabels(["Name", "Details"])
        parent = QStandardItem("Task (TASK)")
        for number, (name, ident) in enumerate(data):
            item = QStandardItem(icon, name)
            item.setToolTip(f"{name}\nTASK:{ident}")
            item.setData(number, NODE_ID_ROLE)
            item.setData({"ID": ident, "name": name}, Qt.ItemDataRole.UserRole + 2)
            parent.appendRow([item, QStandardItem("")])
        model.appendRow([parent, QStandardItem(f"{rows:,}")])
        view = QTreeView()
        view.setUniformRowHeights(True)
        view.setModel(model)
        view.resize(500, 900)
        view.show()
        view.expand(model.index(0, 0))
    view.viewport().repaint()
    fill = (time.perf_counter() - started) * 1000
    del specs  # the tree holds what it needs
    gc.collect()
    after = rss_mb()
    result = {"before": before, "after": after, "fill": fill, "gap": 0, "p99": 0.0}
    if kind == "ours":
        heartbeat = Heartbeat()
        heartbeat.start()
        bar = view.verticalScrollBar()

        async def scroll() -> None:
            while bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep())
                view.viewport().repaint()
                await asyncio.sleep(0)

        loop.run_until_complete(scroll())
        result["gap"], result["p99"] = heartbeat.stop()
    print(json.dumps(result), flush=True)
    explorer.window.close()


def rows_figures(rows: int, credentials: dict[str, Any], folder: Path) -> list[str]:
    import json

    secrets = folder / "credentials.json"
    secrets.write_text(json.dumps(credentials), encoding="utf-8")
    found = {}
    for kind in ("ours", "standard"):
        answer = subprocess.run([sys.executable, __file__, CHILD, kind, str(rows), str(secrets),
                                 str(folder / kind)], capture_output=True, text=True, check=True)
        found[kind] = json.loads(answer.stdout.strip().splitlines()[-1])
    ours, standard = found["ours"], found["standard"]
    grew, reference = ours["after"] - ours["before"], standard["after"] - standard["before"]
    return [
        f"  {rows:,} rows in the tree: whole process {ours['after']:.0f} MB resident (target ≤ 300 MB); the rows "
        f"cost {grew:.0f} MB, a QStandardItemModel {reference:.0f} MB ({grew / reference:.2f} of it; target ≤ 0.5)",
        f"  filled and painted in {ours['fill']:.0f} ms, the QStandardItemModel in {standard['fill']:.0f} ms "
        f"(target: no slower)",
        f"  scrolling top to bottom a page at a time: heartbeat longest gap {ours['gap']} ms, 99th percentile "
        f"{ours['p99']:.0f} ms (target ≤ 50 ms)",
    ]


# -- start-up ----------------------------------------------------------------------------------------------

STARTUP = """
import sys, time
started = float(sys.argv[3])
from wfexplorer import app as wapp
application = wapp.build(["--demo", "--config-dir", sys.argv[1], "--cache-dir", sys.argv[2]])
loop = application.loop
windows = application.windows

async def painted():
    while True:
        main = windows.mains[0] if windows.mains else None
        if main is None:  # the browse tree's module is the app's to load, off the GUI thread; not this script's
            await __import__("asyncio").sleep(0.002)
            continue
        from wfexplorer.core.browse import LoadState, NodeKind
        if main.tree.top(NodeKind.CLASSIC).state is LoadState.LOADED:
            main.navigator.view.viewport().repaint()
            return time.time() - started
        await __import__("asyncio").sleep(0.002)

with loop:
    print(loop.run_until_complete(painted()), flush=True)
application.close()
"""


def startup_seconds(config: str, cache: str) -> float:
    # Bytecode as an installed application has it (pip and PyInstaller compile every module): the first,
    # warm-up start writes it even where PYTHONDONTWRITEBYTECODE is set, as it is on the build machines.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    started = time.time()
    answer = subprocess.run([sys.executable, "-c", STARTUP, config, cache, repr(started)], capture_output=True,
                            text=True, check=True, cwd=ROOT, env=env)
    return float(answer.stdout.strip().splitlines()[-1])


def startup_figures(runs: int) -> list[str]:
    """Later starts (the cache folder kept: seeded demo data, API metadata) and first starts (an empty one)."""
    later, first = [], []
    with tempfile.TemporaryDirectory() as cache:
        startup_seconds(tempfile.mkdtemp(dir=cache), cache)  # fills bytecode caches and the cache folder
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as config:
                later.append(startup_seconds(config, cache))
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            first.append(startup_seconds(folder, folder))
    return [f"  wfexplorer --demo: process start → tree painted, median {statistics.median(later):.2f} s, "
            f"slowest {max(later):.2f} s of {runs} (target ≤ 1.5 s; the cache folder kept from an earlier start)",
            f"  the same with an empty cache folder (the first start ever: the demo data is seeded): median "
            f"{statistics.median(first):.2f} s, slowest {max(first):.2f} s of {runs}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true", help="time the start-up only")
    parser.add_argument("--heartbeat-only", action="store_true", help="measure the heartbeat (1.) only")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    if args.startup_only:
        for line in startup_figures(args.runs):
            print(line, flush=True)
        return
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        process, credentials = start_simulator(folder / "data", scale=1.0, grow={"campaigns": 25_000})
        try:
            explorer = Explorer(loop, credentials, folder / "window")
            tasks = child(explorer.classic, "Task (TASK)")
            explorer.expand(tasks)
            print("1. heartbeat", flush=True)
            for line in heartbeat_figures(explorer):
                print(line, flush=True)
            if args.heartbeat_only:
                return
            print("2. click on a 2,000-object node", flush=True)
            for line in click_figures(explorer, tasks, args.runs):
                print(line, flush=True)
            explorer.window.close()
            print("3. 100,000 rows", flush=True)
            for line in rows_figures(args.rows, credentials, folder):
                print(line, flush=True)
        finally:
            process.terminate()
            process.wait(10)
    print("4. start-up", flush=True)
    for line in startup_figures(args.runs):
        print(line, flush=True)
    print(f"load average after: {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == CHILD:
        rows_child(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
    else:
        main()
