"""Reference paths from metadata, for the classic builder: completion as you type and what a path is.

``PathHelper`` answers two questions off the GUI thread (a path may cross types whose metadata is not loaded
yet) and keeps the answers: :meth:`PathHelper.complete` offers the next segments of a path being typed
(``assignedTo:ho`` → ``assignedTo:homeGroup``), and :meth:`PathHelper.resolve` says what a path ends in (its
kind, label and enum values) or why it names nothing. ``attach(line_edit)`` gives a line edit a completer that
follows the text; in a comma-separated list (fields to return, group-bys) only the last item is completed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from wfexplorer.core import errors
from wfexplorer.core.classic.metadata import FieldMeta
from wfexplorer.core.classic.search_model import FieldKind, PathError, SearchSchema
from wfexplorer.ui.asyncops import Operations

COMPLETE_DELAY_MS = 150


@dataclass(frozen=True)
class PathInfo:
    """What a path names: its label and kind (``None`` kind: a reference or collection), or the problem."""

    path: str
    label: str = ""
    kind: FieldKind | None = None
    field: FieldMeta | None = None
    problem: str | None = None


class PathHelper(QObject):
    """Completion and resolution of paths on one object type (see the module docs).

    Signals:
        resolved(object): a ``PathInfo`` arrived.
    """

    resolved = Signal(object)

    def __init__(self, ops: Operations, schema: SearchSchema | None, object_code: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.schema = schema
        self.object_code = object_code
        self.known: dict[str, PathInfo] = {}
        self._asking: dict[str, list[Callable[[PathInfo], None]]] = {}

    def set_object(self, object_code: str) -> None:
        """Paths are now read from another type."""
        if object_code != self.object_code:
            self.object_code = object_code
            self.known.clear()
            self._asking.clear()

    def labels(self) -> dict[str, str]:
        """The readable labels of the paths resolved so far."""
        return {path: info.label for path, info in self.known.items() if info.label}

    def resolve(self, path: str, then: Callable[[PathInfo], None] | None = None, *, link_end: bool = False) -> None:
        """Find out what ``path`` names (at once when known), then call ``then`` and announce ``resolved``."""
        known = self.known.get(path)
        if known is not None or self.schema is None or not path.strip():
            info = known or PathInfo(path)
            if then is not None:
                then(info)
            return
        waiting = self._asking.get(path)
        if waiting is not None:  # already asked: one request answers every caller
            if then is not None:
                waiting.append(then)
            return
        self._asking[path] = [then] if then is not None else []
        schema, code = self.schema, self.object_code

        def work() -> PathInfo:
            try:
                found = schema.resolve(code, path, link_end=link_end)
            except PathError as error:
                return PathInfo(path, problem=error.message)
            return PathInfo(path, found.label, found.kind, found.field)

        def done(info: PathInfo) -> None:
            if code != self.object_code:
                return  # asked about the type searched before
            self.known[path] = info
            for callback in self._asking.pop(path, []):
                callback(info)
            self.resolved.emit(info)

        self.ops.run(work, on_success=done, on_error=lambda error: done(PathInfo(path, problem=error.message)))

    def complete(self, partial: str, then: Callable[[list[str]], None]) -> None:
        """The paths continuing ``partial`` (off the GUI thread), handed to ``then``."""
        if self.schema is None:
            then([])
            return
        schema, code = self.schema, self.object_code

        def work() -> list[str]:
            try:
                return [option.path for option in schema.complete(code, partial)]
            except (PathError, errors.WorkfrontError):
                return []

        self.ops.run(work, on_success=then, on_error=lambda _error: then([]))

    def attach(self, line_edit: QLineEdit, *, listing: bool = False) -> QCompleter:
        """Give ``line_edit`` a completer that follows its text (``listing``: a comma-separated list)."""
        model = QStringListModel(line_edit)
        completer = QCompleter(model, line_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        timer = QTimer(line_edit)
        timer.setSingleShot(True)
        timer.setInterval(COMPLETE_DELAY_MS)

        def head_and_tail() -> tuple[str, str]:
            text = line_edit.text()
            if not listing:
                return "", text
            head, comma, tail = text.rpartition(",")
            item = tail.lstrip()
            return head + comma + tail[: len(tail) - len(item)], item

        def offer(paths: list[str]) -> None:
            head, tail = head_and_tail()
            model.setStringList([head + path for path in paths])
            if line_edit.hasFocus() and paths and tail:
                completer.setCompletionPrefix(line_edit.text())
                completer.complete()

        timer.timeout.connect(lambda: self.complete(head_and_tail()[1], offer))
        line_edit.textEdited.connect(lambda _text: timer.start())
        line_edit.setCompleter(completer)
        line_edit.setProperty("completionTimer", timer)
        return completer
