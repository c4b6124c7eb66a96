"""The journal of every write: entries (:mod:`.entries`), the per-profile SQLite store (:mod:`.store`), undo."""

from wfexplorer.core.journal.entries import Change, JournalEntry, Kind
from wfexplorer.core.journal.store import Journal, default_journal_dir
from wfexplorer.core.journal.undo import Undo

__all__ = ["Change", "Journal", "JournalEntry", "Kind", "Undo", "default_journal_dir"]
