"""A record picker's search against the simulator: matches by the primary field, the record type read once."""

from __future__ import annotations

from wfexplorer.core.editing.lookups import RecordSearch


def test_a_record_search_finds_by_the_primary_field_and_reads_the_record_type_once(connection, wire):
    client = connection.planning
    record_type = client.record_types(client.workspaces()[0].id)[0]
    primary = client.record_type(record_type.id).primary_field_id
    made = client.create_record(record_type.id, {primary: "Quokka lookup probe"})
    search = RecordSearch(client, record_type.id)
    wire.clear()
    found = search("quokka lookup")
    again = search("Quokka lookup pro")
    assert [choice.label for choice in found] == ["Quokka lookup probe"] == [choice.label for choice in again]
    assert found[0].id == made.id
    paths = [event.url.split("?")[0] for event in wire.events]
    assert sum(path.endswith(f"/record-types/{record_type.id}") for path in paths) == 1, paths
    assert sum(path.endswith("/records/search") for path in paths) == 2, paths
    client.delete_record(made.id)


def test_a_search_by_title_lists_the_matches_by_their_title_and_keeps_the_records_at_hand(connection):
    client = connection.planning
    record_type = client.record_types(client.workspaces()[0].id)[0]
    by_title = RecordSearch(client, record_type.id, by_title=True)
    titles = [choice.label for choice in by_title("")]
    assert len(titles) > 2 and titles == sorted(titles, key=str.casefold) != [
        choice.label for choice in RecordSearch(client, record_type.id)("")]
    records = by_title.matches("")
    assert [by_title.title(record) for record in records] == titles and records[0].data
