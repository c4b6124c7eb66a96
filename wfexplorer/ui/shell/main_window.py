"""The main window of one connection: the navigator on the left, detail tabs on the right, docks, status bar.

Each window owns its connection's Operations helper (its own thread pool), browse tree and prompt
hook, so several connections run side by side and one expiring never disturbs another. Geometry,
docks and open tabs are kept per profile and come back the next time that profile signs in.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget, QTabWidget, QWidget

import wfexplorer
from wfexplorer.core.browse import BrowseTree, Loader, Node, NodeKind, NodeSpec, ObjectRef, RecordRef, root_specs
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget, web_link
from wfexplorer.core.connection import Connection
from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing import DraftStore
from wfexplorer.core.journal import Journal
from wfexplorer.core.window_state import TabState, WindowState, WindowStateStore
from wfexplorer.ui import context_menus, resources
from wfexplorer.ui.asyncops import CrashHandler, Operations
from wfexplorer.ui.detail.raw_json import RawJsonView
from wfexplorer.ui.detail.tab import DetailTab, Opened, Target, TypeTarget
from wfexplorer.ui.forms.services import EditServices
from wfexplorer.ui.login.reauth import GuiPrompt
from wfexplorer.ui.requests.log_widget import RequestLogWidget
from wfexplorer.ui.shell.acting import WindowActing
from wfexplorer.ui.shell.bulk_edit import WindowBulk
from wfexplorer.ui.shell.dock_keys import DockKey
from wfexplorer.ui.shell.docks import ConnectionDocks
from wfexplorer.ui.shell.focus_ring import Area, FocusRing, on_top
from wfexplorer.ui.shell.history import History
from wfexplorer.ui.shell.object_actions import ObjectActions
from wfexplorer.ui.shell.searches import SearchTabs
from wfexplorer.ui.shell.status import StatusBar
from wfexplorer.ui.tree import icons
from wfexplorer.ui.tree.controller import BrowseController
from wfexplorer.ui.tree.model import NavigatorModel
from wfexplorer.ui.tree.navigator import Navigator

log = logging.getLogger(__name__)

#: How tabs and the window mark a production tenant.
PRODUCTION_TAB_MARK = "\u25cf PROD \u00b7 "
PRODUCTION_COLOUR = "#c62828"
EMPTY_TEXT = ("Select an object in the navigator to see it here, or press Ctrl+L to open one by its ID, "
              "a Workfront link or its name.\n\nCtrl+click or middle-click opens another tab; Ctrl+W closes one.")


class MainWindow(QMainWindow):
    """One connection's window.

    Signals:
        signed_out(): the user signed out of this connection.
        new_connection_requested(): File → New connection.
        quit_requested(): File → Quit (every window).
    """

    object_actions: ObjectActions

    signed_out = Signal()
    new_connection_requested = Signal()
    quit_requested = Signal()

    def __init__(self, connection: Connection, *, crash_handler: CrashHandler | None = None,
                 state_store: WindowStateStore | None = None, drafts: DraftStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.connection = connection
        self.ops = Operations(crash_handler=crash_handler, parent=self)
        self.state_store = state_store
        self._signing_out = False
        self._closed = False  # the focus ring stays out of the way of a window being taken apart
        self.history: History[Opened] = History()
        self.prompt = GuiPrompt(self.ops, connection.host, lambda: self)
        connection.prompt = self.prompt
        self.setWindowTitle(self._title())
        self.setWindowIcon(resources.app_icon())
        self.setDockNestingEnabled(True)
        context_menus.add_shift_f10(self)  # Qt on Linux maps only the Menu key to context menus

        self.tree = BrowseTree(root_specs(connection))
        self.loader = Loader(connection)
        self.details = DetailLoader(connection)
        config_dir = state_store.config_dir if state_store is not None else None
        self.journal = Journal.for_profile(connection.profile.name, config_dir / "journal" if config_dir else None)
        self.edit = EditServices(connection, drafts, self.journal, people=self.details.people)
        self.controller = BrowseController(self.tree, self.loader.load, self.ops, self)
        self.model = NavigatorModel(self.tree, self.controller.load, self)
        self.navigator = Navigator(self.model, self.controller)
        self.navigator.open_requested.connect(self.open_node)
        self.navigator.copy_requested.connect(self._copy_node)
        self.navigator.new_requested.connect(lambda node: self.object_actions.new_object(node))  # made below
        self.navigator_dock = QDockWidget("Navigator", self)
        self.navigator_dock.setObjectName("navigatorDock")
        self.navigator_dock.setWidget(self.navigator)
        self.navigator_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                        | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.navigator_dock)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("detailTabs")
        self.tabs.setAccessibleName("Open objects")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._current_tab_changed)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("detailEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(self.fontMetrics().averageCharWidth() * 4)
        resources.set_role(self.empty, "note")
        self.center = QStackedWidget()
        self.center.addWidget(self.empty)
        self.center.addWidget(self.tabs)
        self.setCentralWidget(self.center)

        self.docks = ConnectionDocks(self, connection, self.ops, config_dir)
        self.acting = WindowActing(self, connection, self.ops, self.journal, self.edit, self.current_tab,
                                   lambda code, ident: self.object_actions.follow(code, ident), self.navigator)
        self.tabifyDockWidget(self.docks.log_dock, self.acting.changes)
        self.docks.log_dock.raise_()
        self.searches = SearchTabs(self.tabs, connection, self.ops, config_dir, self.open_target,
                                   lambda: self.center.setCurrentWidget(self.tabs))
        self.navigator.search_requested.connect(self.search_node)

        self.status = StatusBar(connection)
        self.setStatusBar(self.status)
        self.ops.running_changed.connect(self.status.set_in_flight)
        self.ops.failed.connect(self.status.show_error)  # any operation of this window: a tree load, a tab…
        self.ops.succeeded.connect(self.status.clear_error)
        self.focus_ring = FocusRing(self, self._focus_areas)
        self.dock_keys = [DockKey(self.docks.log_dock, lambda: self.docks.log_widget.table),
                          DockKey(self.docks.console_dock, lambda: self.docks.console),
                          DockKey(self.acting.changes, lambda: self.acting.changes.table)]
        self._build_actions()
        self._restore_or_size()
        self._offer_drafts(drafts)
        classic = self.tree.root.children[0]
        self.controller.load(classic)  # the object types: what everyone expands first
        self.navigator.view.expand(self.model.index_of(classic))

    # -- actions and menus ---------------------------------------------------------------------------

    def _action(self, text: str, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
                slot: Any, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_connection_action = self._action("&New connection…", "newConnectionAction", "Ctrl+N",
                                                  self.new_connection_requested.emit,
                                                  "Sign in to another Workfront in a window of its own")
        self.sign_out_action = self._action("Sign &out", "signOutAction", "Ctrl+Shift+Q", self.sign_out,
                                            "End this session and close its window")
        self.close_window_action = self._action("&Close window", "closeWindowAction", "Ctrl+Shift+W", self.close)
        self.quit_action = self._action("&Quit", "quitAction", QKeySequence.StandardKey.Quit,
                                        self.quit_requested.emit, "Close every window and quit")
        self.refresh_action = self._action("&Refresh", "refreshAction", QKeySequence.StandardKey.Refresh,
                                           self.refresh, "Reload the selected row, or the current tab")
        self.find_action = self._action("&Find in the navigator", "findAction", QKeySequence.StandardKey.Find,
                                        self.focus_find)
        self.quick_open_action = self._action("&Quick open…", "quickOpenAction", "Ctrl+L", self.quick_open,
                                              "Open an object by ID, OBJCODE:ID, a Workfront link or its name")
        self.back_action = self._action("&Back", "backAction", "Alt+Left", self.go_back)
        self.forward_action = self._action("&Forward", "forwardAction", "Alt+Right", self.go_forward)
        self.close_tab_action = self._action("Close &tab", "closeTabAction", "Ctrl+W",
                                             lambda: self.close_tab(self.tabs.currentIndex()))
        self.copy_id_action = self._action("Copy &ID", "copyIdAction", "Ctrl+Shift+C",
                                           lambda: self._copy_current("id"))
        self.copy_link_action = self._action("Copy &link to the Workfront page", "copyLinkAction", "Ctrl+Shift+L",
                                             lambda: self._copy_current("link"))
        self.classic_search_action = self._action(
            "&Classic search…", "classicSearchAction", "Ctrl+K", self.classic_search,
            "Build a search of classic objects with conditions, OR groups, sorts and fields; run it or copy it")
        self.planning_search_action = self._action(
            "&Planning record search…", "planningSearchAction", "Ctrl+Shift+K", self.planning_search,
            "Build a Planning record filter visually, see it in both API grammars, run it")
        self.planning_search_action.setEnabled(self.connection.planning is not None)
        # the navigator cannot be closed, so its dock's toggle action is disabled: Ctrl+1 goes to it instead
        self.navigator_action = self._action("&Navigator", "navigatorAction", "Ctrl+1", self.focus_navigator,
                                             "Put the focus in the navigator")
        self.next_area_action = self._action("Ne&xt area", "nextAreaAction", "F6", lambda: self.next_area(True),
                                             "Put the focus in the next area: navigator, tab, request log…")
        self.previous_area_action = self._action("Pre&vious area", "previousAreaAction", "Shift+F6",
                                                 lambda: self.next_area(False))
        self.about_action = self._action("&About wfexplorer", "aboutAction", None, self.about)
        self.actions_action = self._action("&Actions…", "actionsAction", "Ctrl+Shift+A", self.acting.show_actions,
                                           "Run an action of the current object (markDone, move…) or move a record")
        self.object_actions = ObjectActions(self)
        self.bulk = WindowBulk(self)

        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (self.new_connection_action, self.sign_out_action, self.close_window_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        self.object_actions.fill(edit_menu)
        edit_menu.addAction(self.actions_action)
        edit_menu.addAction(self.bulk.action)
        edit_menu.setToolTipsVisible(True)  # a disabled "Bulk edit" says why
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_id_action)
        edit_menu.addAction(self.copy_link_action)
        go_menu = bar.addMenu("&Go")
        for action in (self.quick_open_action, self.find_action, self.back_action, self.forward_action):
            go_menu.addAction(action)
        go_menu.addSeparator()
        go_menu.addAction(self.next_area_action)
        go_menu.addAction(self.previous_area_action)
        search_menu = bar.addMenu("&Search")
        search_menu.addAction(self.classic_search_action)
        search_menu.addAction(self.planning_search_action)
        view_menu = bar.addMenu("&View")
        for action in (self.refresh_action, self.close_tab_action, self.navigator_action, self.docks.log_action,
                       self.docks.console_action, self.acting.changes_action):
            view_menu.addAction(action)
        self.view_menu = view_menu
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)
        self._update_history_actions()

    def _title(self) -> str:
        who = self.connection.user_name or self.connection.username
        marker = "[PRODUCTION] " if self.connection.profile.is_production else ""
        read_only = " (read-only)" if self.connection.read_only else ""
        return f"{marker}{who} @ {self.connection.host}{read_only} — wfexplorer"

    # -- opening things ------------------------------------------------------------------------------

    def open_node(self, node: Node, new_tab: bool = False) -> DetailTab | None:
        """Show what a navigator row stands for (a reference row shows the object it points at)."""
        if node.kind is NodeKind.REFERENCE:
            if not node.children:
                return None
            node = node.children[0]
        payload = node.payload
        if node.kind is NodeKind.OBJECT and isinstance(payload, ObjectRef):
            return self.open(Opened(ObjectTarget(payload.code, payload.id), node.label, node_id=node.id), new_tab)
        if node.kind is NodeKind.RECORD and isinstance(payload, RecordRef):
            return self.open(Opened(RecordTarget(payload.id), node.label, payload.record_type.id or None, node.id),
                             new_tab)
        if node.kind is NodeKind.OBJECT_TYPE:
            return self.open(Opened(TypeTarget(payload.code), node.label, node_id=node.id), new_tab)
        return None

    def open_target(self, target: Target, label: str = "", new_tab: bool = False) -> DetailTab:
        """Open a target that came from outside the tree (quick open, a link in a form)."""
        return self.open(Opened(target, label or "…"), new_tab)

    def open(self, opened: Opened, new_tab: bool = False, *, remember: bool = True) -> DetailTab:
        """Show ``opened`` in the current tab (or a new one); a tab already showing it is brought forward."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, DetailTab) and tab.target == opened.target:
                self.tabs.setCurrentIndex(index)
                if remember:
                    self.history.visit(tab.opened)
                    self._update_history_actions()
                return tab
        current_tab = self.current_tab()
        if not new_tab and current_tab is not None and not current_tab.ask_to_leave():
            return current_tab
        tab = DetailTab(opened, self.details, self.ops, edit=self.edit)
        tab.saved.connect(lambda result, tab=tab: self.object_actions.follow_save(tab, result))
        tab.navigate.connect(lambda target, label, new: self.open_target(target, label, new))
        tab.show_collection.connect(lambda name, tab=tab: self.show_collection(tab, name))
        tab.title_changed.connect(lambda text, tab=tab: self._retitle(tab, text))
        tab.load_failed.connect(lambda message, tab=tab: self._mark_failed(tab, message))
        current = self.tabs.currentIndex()
        if new_tab or current < 0:
            index = self.tabs.addTab(tab, self._tab_icon(opened.target), self._short(opened.label))
        else:
            old = self.tabs.widget(current)
            index = self.tabs.insertTab(current, tab, self._tab_icon(opened.target), self._short(opened.label))
            self.tabs.removeTab(current + 1)
            if old is not None:
                if isinstance(old, DetailTab):
                    old.dispose()
                old.deleteLater()
        self._retitle(tab, opened.label)
        self.tabs.setCurrentIndex(index)
        self.center.setCurrentWidget(self.tabs)
        if remember:
            self.history.visit(opened)
            self._update_history_actions()
        tab.load()
        return tab

    def close_tab(self, index: int) -> None:
        """Close the tab at ``index``."""
        tab = self.tabs.widget(index)
        if tab is None:
            return
        if isinstance(tab, DetailTab) and not tab.ask_to_leave():
            return
        self.tabs.removeTab(index)
        if isinstance(tab, DetailTab):
            tab.dispose()
        tab.deleteLater()
        if self.tabs.count() == 0:
            self.center.setCurrentWidget(self.empty)

    def current_tab(self) -> DetailTab | None:
        """The detail tab on top, if any."""
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, DetailTab) else None

    def _current_tab_changed(self, _index: int) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.history.visit(tab.opened)
            self._update_history_actions()

    def _retitle(self, tab: DetailTab, text: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            production = self.connection.profile.is_production
            self.tabs.setTabText(index, (PRODUCTION_TAB_MARK if production else "") + self._short(text))
            self.tabs.setTabToolTip(index, text + (" — on PRODUCTION" if production else ""))
            if production:
                self.tabs.tabBar().setTabTextColor(index, QColor(PRODUCTION_COLOUR))

    def _mark_failed(self, tab: DetailTab, message: str) -> None:
        """A tab whose load failed shows the error icon and says why on hover; its own icon once it loads."""
        index = self.tabs.indexOf(tab)
        if index < 0:
            return
        self._retitle(tab, tab.title.text())
        self.tabs.setTabIcon(index, icons.named("error") if message else self._tab_icon(tab.opened.target))
        if message:
            self.tabs.setTabToolTip(index, f"{self.tabs.tabToolTip(index)} — could not be loaded: {message}")

    @staticmethod
    def _short(text: str, limit: int = 32) -> str:
        return text if len(text) <= limit else text[: limit - 1] + "…"

    @staticmethod
    def _tab_icon(target: Target) -> Any:
        if isinstance(target, ObjectTarget | TypeTarget):
            return icons.for_code(target.code or "object")
        return icons.named("record")

    # -- navigation ----------------------------------------------------------------------------------

    def go_back(self) -> None:
        """Alt+Left: the previously shown object."""
        opened = self.history.back()
        if opened is not None:
            self.open(opened, remember=False)
        self._update_history_actions()

    def go_forward(self) -> None:
        """Alt+Right."""
        opened = self.history.forward()
        if opened is not None:
            self.open(opened, remember=False)
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back)
        self.forward_action.setEnabled(self.history.can_go_forward)

    def refresh(self) -> None:
        """F5: reload the selected navigator row when the navigator has the focus, else the current tab."""
        focus = QGuiApplication.focusObject()
        in_navigator = isinstance(focus, QWidget) and self.navigator.isAncestorOf(focus)
        node = self.navigator.view.current_node()
        tab = self.current_tab()
        if (in_navigator or tab is None) and node is not None:
            self.controller.reload(node)
        elif tab is not None:
            tab.load()

    def focus_find(self) -> None:
        """Ctrl+F: the find box of the area with the focus (Raw JSON, the request log), else the navigator's.

        The one Ctrl+F of the window: a second action on the key in an area would make Qt do nothing at all.
        """
        focus = QGuiApplication.focusObject()
        area = focus if isinstance(focus, QWidget) else None
        while area is not None and area is not self:
            if isinstance(area, RawJsonView | RequestLogWidget):
                area.focus_find()
                return
            area = area.parentWidget()
        self.navigator_dock.show()
        self.navigator.find_box.setFocus()
        self.navigator.find_box.selectAll()

    def quick_open(self) -> None:
        """Ctrl+L."""
        from wfexplorer.ui.shell.quick_open import QuickOpen

        dialog = QuickOpen(self.connection.session, self.ops, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda target, label, new_tab: self.open_target(target, label, new_tab))
        self.quick_open_dialog = dialog
        dialog.open()

    def classic_search(self) -> None:
        """Ctrl+K: a classic search of the selected object type (or of the current tab's type)."""
        node = self.navigator.view.current_node()
        tab = self.current_tab()
        if node is not None and node.kind is NodeKind.OBJECT_TYPE:
            self.searches.classic(node.payload.code, node.payload.label)
        elif tab is not None and isinstance(tab.target, ObjectTarget | TypeTarget) and tab.target.code:
            code = tab.target.code
            classic = self.tree.top(NodeKind.CLASSIC)
            kind = next((node for node in classic.children if getattr(node.payload, "code", None) == code),
                        None) if classic is not None else None
            self.searches.classic(code, kind.payload.label if kind is not None else "")
        else:
            self.searches.classic()

    def planning_search(self) -> None:
        """Ctrl+Shift+K: a Planning record search (of the selected record type, when one is)."""
        node = self.navigator.view.current_node()
        if node is not None and node.kind is NodeKind.RECORD_TYPE:
            self.searches.planning(node.payload.id, node.label)
        else:
            self.searches.planning()

    def search_node(self, node: Node) -> None:
        """The navigator's "Search with conditions…" on a type row."""
        if node.kind is NodeKind.RECORD_TYPE:
            self.searches.planning(node.payload.id, node.label)
        elif node.kind is NodeKind.OBJECT_TYPE:
            self.searches.classic(node.payload.code, node.payload.label)

    def show_collection(self, tab: DetailTab, name: str) -> None:
        """Select a collection of the tab's object in the navigator (loading the object's row if needed)."""
        target = tab.target
        node = self.tree.node(tab.opened.node_id) if tab.opened.node_id else None
        if node is None and isinstance(target, ObjectTarget) and target.code:
            node = self.tree.pin(NodeSpec(NodeKind.OBJECT, tab.label, ObjectRef(target.code, target.id),
                                          icon=target.code, expandable=True))
            tab.opened = Opened(tab.opened.target, tab.opened.label, tab.opened.record_type, node.id)
        if node is None:
            return
        self.navigator_dock.show()

        def select() -> None:
            child = next((c for c in node.children if getattr(c.payload, "name", None) == name), None)
            self.navigator.view.select(child or node)
            if child is not None:
                self.navigator.view.expand(self.model.index_of(child))
                self.navigator.view.setFocus()

        if node.children:
            select()
            return

        def when_loaded(loaded: Node) -> None:
            if loaded is node:
                self.controller.loaded.disconnect(when_loaded)
                select()

        self.controller.loaded.connect(when_loaded)
        if not self.controller.load(node):
            self.controller.loaded.disconnect(when_loaded)
            select()

    # -- keyboard order --------------------------------------------------------------------------------

    def _focus_areas(self) -> list[Area]:
        """The window's areas in Tab and F6 order: navigator, the open tab, the docks shown (docked)."""
        areas = [Area([self.navigator], self.navigator.view)]
        if self.center.currentWidget() is self.tabs:
            page = self.tabs.currentWidget()
            parts = page.focus_parts() if isinstance(page, DetailTab) else [page] if page is not None else []
            areas.append(Area([self.tabs.tabBar(), *parts], parts[0] if parts else None))
        for dock, home in ((self.docks.log_dock, self.docks.log_widget.table),
                           (self.docks.console_dock, None), (self.acting.changes, self.acting.changes.table)):
            if on_top(dock) and not dock.isFloating():
                areas.append(Area([dock], home))
        return areas

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002  (Qt's name)
        """Tab and Shift+Tab go through the areas in order (see :mod:`~wfexplorer.ui.shell.focus_ring`)."""
        if self._closed or not self.isVisible():
            return super().focusNextPrevChild(next)
        return self.focus_ring.tab(next) or super().focusNextPrevChild(next)

    def focus_navigator(self) -> None:
        """Ctrl+1: the navigator's tree gets the focus."""
        self.navigator_dock.show()
        self.navigator_dock.raise_()
        self.navigator.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_area(self, forward: bool = True) -> None:
        """F6 / Shift+F6: the focus goes to the next (previous) area."""
        self.focus_ring.next_area(forward)

    # -- copying -------------------------------------------------------------------------------------

    def _copy_current(self, what: str) -> None:
        tab = self.current_tab()
        if tab is not None and not isinstance(tab.target, TypeTarget):
            self._copy(tab.target, tab.label, what)
            return
        node = self.navigator.view.current_node()
        if node is not None:
            self._copy_node(node, what)

    def _copy_node(self, node: Node, what: str) -> None:
        payload = node.payload
        if isinstance(payload, ObjectRef):
            self._copy(ObjectTarget(payload.code, payload.id), node.label, what)
        elif isinstance(payload, RecordRef):
            self._copy(RecordTarget(payload.id), node.label, what)
        elif what == "name":
            QGuiApplication.clipboard().setText(node.label)

    def _copy(self, target: ObjectTarget | RecordTarget, label: str, what: str) -> None:
        if what == "id":
            text = target.id
        elif what == "name":
            text = label
        elif isinstance(target, ObjectTarget) and target.code:
            text = web_link(self.connection.profile.base_url, target.code, target.id)
        else:
            self.statusBar().showMessage("Planning records have no link of their own here; the ID was copied.", 5000)
            text = target.id
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"Copied: {text}", 4000)

    # -- sign-out, close, state ----------------------------------------------------------------------

    @property
    def signing_out(self) -> bool:
        """True once the user chose Sign out."""
        return self._signing_out

    def sign_out(self) -> None:
        """End the session on the server, then close the window (remembering its layout)."""
        if self._signing_out or not self.ask_to_leave_all():
            return
        self._signing_out = True
        self.sign_out_action.setEnabled(False)
        self.statusBar().showMessage("Signing out…")
        self.prompt.close()

        def done(_result: object = None) -> None:
            self.signed_out.emit()
            self.close()

        self.ops.run(self.connection.sign_out, on_success=done, on_error=lambda _error: done())

    def about(self) -> None:
        """Version and a one-line description."""
        QMessageBox.about(self, "About wfexplorer",
                          f"<b>wfexplorer {wfexplorer.__version__}</b><br>A desktop explorer for Adobe Workfront.")

    def ask_to_leave_all(self) -> bool:
        """Every tab with unsaved edits asks Save / Discard / Cancel; True when the window may close."""
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, DetailTab) and tab.has_unsaved():
                self.tabs.setCurrentIndex(index)
                if not tab.ask_to_leave():
                    return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._signing_out and not self.ask_to_leave_all():
            event.ignore()
            return
        self.save_state()
        self.prompt.close()
        super().closeEvent(event)
        if event.isAccepted():
            self._closed = True
            self.model.detach()
            self.docks.close()
            self.ops.shutdown()
            if not self._signing_out:
                self.connection.prompt = None

    def window_state(self) -> WindowState:
        """The layout and tabs to keep for this profile."""
        tabs = []
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if not isinstance(tab, DetailTab):
                continue
            target = tab.target
            if isinstance(target, ObjectTarget) and target.code:
                tabs.append(TabState(target.id, tab.label, code=target.code))
            elif isinstance(target, RecordTarget):
                tabs.append(TabState(target.id, tab.label, record_type=tab.opened.record_type or "?"))
            elif isinstance(target, TypeTarget):
                tabs.append(TabState("", tab.label, code=target.code))
        return WindowState(_encode(self.saveGeometry()), _encode(self.saveState()), tuple(tabs),
                           max(self.tabs.currentIndex(), 0))

    def save_state(self) -> None:
        """Keep the window's layout and tabs for its profile."""
        if self.state_store is None:
            return
        try:
            self.state_store.save(self.connection.profile.name, self.window_state())
        except OSError as failure:
            log.warning("could not keep the window layout: %s", failure)

    def _restore_or_size(self) -> None:
        state = self.state_store.load(self.connection.profile.name) if self.state_store else None
        if state is None or not state.geometry or not self.restoreGeometry(_decode(state.geometry)):
            self._size_for_screen()
        if state is not None:
            if state.docks:
                self.restoreState(_decode(state.docks))
            for tab_state in state.tabs:
                target: Target
                if tab_state.record_type:
                    target = RecordTarget(tab_state.id)
                elif tab_state.id:
                    target = ObjectTarget(tab_state.code, tab_state.id)
                else:
                    target = TypeTarget(tab_state.code)
                record_type = tab_state.record_type if tab_state.record_type not in ("", "?") else None
                self.open(Opened(target, tab_state.label, record_type), new_tab=True, remember=False)
            if 0 <= state.current < self.tabs.count():
                self.tabs.setCurrentIndex(state.current)

    def _offer_drafts(self, drafts: DraftStore | None) -> None:
        """Unsaved edits of an earlier run (a crash, a kill): open their objects; each tab puts its edits back."""
        pending = drafts.pending(self.connection.host) if drafts is not None else []
        for draft in pending:
            target: Target = RecordTarget(draft.target.id) if draft.target.api.value == "planning" else \
                ObjectTarget(draft.target.code, draft.target.id)
            if draft.target.id:
                self.open(Opened(target, draft.label or "…", draft.target.record_type or None), new_tab=True,
                          remember=False)
        if pending:
            self.statusBar().showMessage(f"Unsaved edits of {len(pending)} object{'s' if len(pending) != 1 else ''} "
                                         "from the last session are back in their tabs.", 15000)

    def _size_for_screen(self) -> None:
        """The first time: most of the screen, centred (not a cramped default)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        width = min(int(available.width() * 0.85), 1800)
        height = min(int(available.height() * 0.85), 1200)
        self.resize(width, height)
        self.move(available.x() + (available.width() - width) // 2, available.y() + (available.height() - height) // 2)
        self.resizeDocks([self.navigator_dock], [max(320, width // 3)], Qt.Orientation.Horizontal)
        # the docks get their share once laid out (before that Qt gives them their size hints)
        QTimer.singleShot(0, self, lambda: self.resizeDocks([self.docks.log_dock], [height // 4],
                                                            Qt.Orientation.Vertical))


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: str) -> QByteArray:
    try:
        return QByteArray(base64.b64decode(text))
    except ValueError:
        return QByteArray()

