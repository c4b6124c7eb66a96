"""What detail tabs need to edit: the connection's savers, searches, drafts and whether writes are allowed."""

from __future__ import annotations

from typing import Any

from wfexplorer.core.connection import Connection
from wfexplorer.core.details import ObjectDetails, RecordDetails
from wfexplorer.core.editing import DraftStore, Editing, EditSetup, EditTarget, Saver, saver_for
from wfexplorer.core.editing.lookups import search_objects, search_records
from wfexplorer.core.editing.specs import EditorKind, FieldSpec
from wfexplorer.ui.forms.editors import Search

READ_ONLY_NOTE = ("This profile is read-only: nothing you change here is sent. Turn off Read-only in the profile "
                  "to save.")


class EditServices:
    """One connection's editing services (made by the main window, shared by its tabs)."""

    def __init__(self, connection: Connection, drafts: DraftStore | None = None) -> None:
        self.connection = connection
        self.setup = EditSetup(connection)
        self.drafts = drafts
        self.host = connection.host
        self.read_only = READ_ONLY_NOTE if connection.read_only else ""

    def editing_for(self, details: Any) -> Editing | None:
        """The edit state of loaded details (blocking)."""
        if isinstance(details, ObjectDetails):
            return self.setup.for_object(details)
        if isinstance(details, RecordDetails):
            return self.setup.for_record(details)
        return None

    def saver_for(self, target: EditTarget) -> Saver:
        """The saver of the target's API."""
        return saver_for(target.api, self.connection.session, self.connection.planning)

    def search_for(self, spec: FieldSpec) -> Search | None:
        """The search a picker of ``spec`` runs."""
        session, planning = self.connection.session, self.connection.planning
        if spec.kind is EditorKind.PEOPLE:
            return lambda text: search_objects(session, "USER", text)
        if spec.kind is EditorKind.REFERENCE and spec.target:
            code = spec.target
            return lambda text: search_objects(session, code, text)
        if spec.kind is EditorKind.RECORD_REFERENCE and spec.target and planning is not None:
            record_type = spec.target
            return lambda text: search_records(planning, record_type, text)
        return None
