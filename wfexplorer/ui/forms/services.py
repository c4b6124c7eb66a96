"""What detail tabs need to edit: the connection's savers, searches, drafts and whether writes are allowed."""

from __future__ import annotations

from typing import Any

from wfexplorer.core.connection import Connection
from wfexplorer.core.details import ObjectDetails, RecordDetails
from wfexplorer.core.editing import DraftStore, Editing, EditSetup, EditTarget, Saver, saver_for
from wfexplorer.core.editing.lookups import RecordSearch, search_objects
from wfexplorer.core.editing.specs import EditorKind, FieldSpec
from wfexplorer.core.journal import Journal, JournalledSaver
from wfexplorer.core.planning.builder import ClassicPeople, Directory, Person
from wfexplorer.core.planning.filters import IdType
from wfexplorer.ui.forms.editors import PeopleSearch, Search

READ_ONLY_NOTE = ("This profile is read-only: nothing you change here is sent. Turn off Read-only in the profile "
                  "to save.")


class EditServices:
    """One connection's editing services (made by the main window, shared by its tabs)."""

    def __init__(self, connection: Connection, drafts: DraftStore | None = None,
                 journal: Journal | None = None, people: Directory | None = None) -> None:
        self.connection = connection
        #: Where every save is written down (the Changes dock reads it); None: saves are not journalled.
        self.journal = journal
        self.setup = EditSetup(connection)
        self.drafts = drafts
        self.host = connection.host
        self.read_only = READ_ONLY_NOTE if connection.read_only else ""
        #: People fields search Workfront users by name and the IMS ids Planning answers named (the window's
        #: directory, which the detail loader names people with, when it hands it on).
        self.people = people if people is not None else Directory(ClassicPeople(connection.session))

    def editing_for(self, details: Any) -> Editing | None:
        """The edit state of loaded details (blocking)."""
        if isinstance(details, ObjectDetails):
            return self.setup.for_object(details)
        if isinstance(details, RecordDetails):
            editing = self.setup.for_record(details)
            for ident, name in editing.state.names.items():  # the IMS ids Planning named: People can pick them
                if "@" in ident:
                    self.people.book.add(Person(name, ims_id=ident))
            return editing
        return None

    def saver_for(self, target: EditTarget) -> Saver | JournalledSaver:
        """The saver of the target's API (journalling every save when the window keeps a journal)."""
        saver = saver_for(target.api, self.connection.session, self.connection.planning)
        return JournalledSaver(saver, self.journal) if self.journal is not None else saver

    def search_for(self, spec: FieldSpec) -> Search | None:
        """The search a picker of ``spec`` runs."""
        session, planning = self.connection.session, self.connection.planning
        if spec.kind is EditorKind.PEOPLE:
            v1 = planning is not None and planning.version == 1
            return PeopleSearch(self.people.search, (IdType.IMS,) if v1 else (IdType.WF, IdType.IMS))
        if spec.kind in (EditorKind.REFERENCE, EditorKind.RECORD_REFERENCE) and spec.external and spec.target:
            code = spec.target  # a Planning reference to Workfront objects: the classic reference's search
            return lambda text: search_objects(session, code, text)
        if spec.kind is EditorKind.REFERENCE and spec.target:
            code = spec.target
            return lambda text: search_objects(session, code, text)
        if spec.kind is EditorKind.RECORD_REFERENCE and spec.target and planning is not None:
            return RecordSearch(planning, spec.target, by_title=True)
        return None
