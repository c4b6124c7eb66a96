"""The journal of every write: entries (:mod:`.entries`), the per-profile SQLite store (:mod:`.store`), undo."""

from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.saving import JournalledSaver
from wfexplorer.core.journal.store import Journal, default_journal_dir
from wfexplorer.core.journal.undo import Undo

__all__ = ["Change", "Journal", "JournalEntry", "JournalledSaver", "Kind", "Undo", "default_journal_dir"]
