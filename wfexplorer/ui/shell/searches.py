"""Search tabs of the main window: the classic search builder and the Planning filter builder.

    searches = SearchTabs(window, connection, ops, config_dir)
    searches.classic("TASK")                  # a "Search Task" tab in the detail area
    searches.planning(record_type_id)         # a "Search records" tab (workspace and type picked in it)

A row opened from either builder's results opens in the explorer, in a tab of its own. Saved
searches and filters are kept per profile in the settings folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QTabWidget, QWidget

from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget, Target
from wfexplorer.core.connection import Connection
from wfexplorer.ui.asyncops import Operations
from wfexplorer.ui.tree import icons

if TYPE_CHECKING:  # the builders and their stores load when first opened, not with the window
    from wfexplorer.core.classic.search_model import SearchStore
    from wfexplorer.core.planning.builder.store import FilterStore
    from wfexplorer.ui.filters.classic_builder import ClassicBuilder
    from wfexplorer.ui.filters.planning_builder import PlanningBuilder

Opener = Callable[[Target, str, bool], object]


class SearchTabs:
    """Opens builders as tabs of ``tabs``; results open through ``open_target(target, label, new_tab)``."""

    def __init__(self, tabs: QTabWidget, connection: Connection, ops: Operations, config_dir: Path | None,
                 open_target: Opener, shown: Callable[[], None]) -> None:
        self.tabs = tabs
        self.connection = connection
        self.ops = ops
        self.open_target = open_target
        self._shown = shown
        self.config_dir = config_dir
        self._searches: SearchStore | None = None
        self._filters: FilterStore | None = None

    @property
    def searches(self) -> SearchStore | None:
        """The profile's saved classic searches (None without a settings folder)."""
        if self._searches is None and self.config_dir is not None:
            from wfexplorer.core.classic.search_model import SearchStore

            self._searches = SearchStore(self.config_dir / "searches", self.connection.profile.name)
        return self._searches

    @property
    def filters(self) -> FilterStore | None:
        """The profile's saved Planning filters (None without a settings folder)."""
        if self._filters is None and self.config_dir is not None:
            from wfexplorer.core.planning.builder.store import FilterStore

            self._filters = FilterStore(self.config_dir / "filters", self.connection.profile.name)
        return self._filters

    def classic(self, obj_code: str | None = None, label: str = "") -> ClassicBuilder:
        """A classic search of ``obj_code`` (Task when None) in a new tab."""
        from wfexplorer.ui.filters.classic_builder import ClassicBuilder

        builder = ClassicBuilder(self.ops, self.connection.session, self.searches, obj_code)
        builder.open_requested.connect(
            lambda code, ident: self.open_target(ObjectTarget(code, ident), "", True))
        self._add(builder, icons.for_code(obj_code or "TASK"), f"Search {label or obj_code or 'objects'}")
        return builder

    def planning(self, record_type_id: str | None = None, label: str = "") -> PlanningBuilder | None:
        """A Planning record search (of ``record_type_id`` when given) in a new tab; None without Planning."""
        from wfexplorer.core.planning.builder.people import ClassicPeople
        from wfexplorer.ui.filters.planning_builder import PlanningBuilder

        client = self.connection.planning
        if client is None:
            return None
        builder = PlanningBuilder(self.ops, client, people=ClassicPeople(self.connection.session),
                                  store=self.filters, record_type_id=record_type_id)
        builder.open_requested.connect(
            lambda _record_type, record_id: self.open_target(RecordTarget(record_id), "", True))
        self._add(builder, icons.named("record_type"), f"Search {label or 'records'}")
        return builder

    def _add(self, builder: QWidget, icon: QIcon, title: str) -> None:
        index = self.tabs.addTab(builder, icon, title)
        self.tabs.setTabToolTip(index, title)
        self.tabs.setCurrentIndex(index)
        self._shown()
