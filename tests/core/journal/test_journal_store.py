"""The journal file: one per profile, entries kept in order with their changes, nothing secret, fast to open."""

from __future__ import annotations

from wfexplorer.core.editing.savers import SaveRequest
from wfexplorer.core.journal import Change, Journal, JournalEntry, Kind
from wfexplorer.core.journal.store import file_name


def an_entry(**values):
    request = SaveRequest("PUT", "https://example.test/attask/api/v21.0/task/T1?apiKey=abcdefgh12345",
                          {"updates": {"name": "After"}, "password": "swordfish-123"}, form_encoded=True)
    described = {"code": "TASK", "object_id": "T1", "object_name": "Design", "title": "Save", **values}
    return JournalEntry.create(Kind.SAVE, changes=[Change("name", "Name", "Before", "After")], request=request,
                               result="done", **described)


def test_entries_come_back_newest_first_with_their_changes(tmp_path):
    journal = Journal.for_profile("Work account", tmp_path)
    first = journal.record(an_entry())
    second = journal.record(an_entry(object_name="Build"))
    assert [entry.id for entry in journal.entries()] == [second.id, first.id]
    again = journal.get(first.id)
    assert again == first and again.changes == (Change("name", "Name", "Before", "After"),)
    assert again.summary() == "Name: Before → After" and again.undoable
    assert journal.count() == 2
    journal.close()
    reopened = Journal.for_profile("Work account", tmp_path)
    assert reopened.count() == 2
    reopened.close()


def test_each_profile_has_its_own_file(tmp_path):
    one, other = Journal.for_profile("One", tmp_path), Journal.for_profile("Other/profile", tmp_path)
    one.record(an_entry())
    assert other.count() == 0 and one.path != other.path
    assert file_name("Other/profile") == "Other_profile.sqlite3"
    one.close()
    other.close()


def test_no_secret_of_the_request_reaches_the_file(tmp_path):
    journal = Journal.for_profile("Secrets", tmp_path)
    stored = journal.record(an_entry())
    journal.close()
    assert "swordfish" not in stored.request and "abcdefgh12345" not in stored.request
    assert "After" in stored.request
    raw = b"".join(path.read_bytes() for path in tmp_path.iterdir())
    assert b"swordfish" not in raw and b"abcdefgh12345" not in raw


def test_listeners_hear_each_stored_entry(tmp_path):
    journal = Journal.for_profile("Heard", tmp_path)
    heard = []
    stop = journal.subscribe(heard.append)
    stored = journal.record_many([an_entry(), an_entry()])
    stop()
    journal.record(an_entry())
    assert heard == stored and all(entry.id for entry in heard)
    journal.close()
