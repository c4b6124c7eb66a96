"""Planning People fields (a Workfront or an IMS id, chosen and shown by name) and external references (Workfront
objects searched through the classic API) in the edit form, saved to the simulator and read back; locked lookups
read as the detail form shows them."""

from __future__ import annotations

from editing_support import Wire
from PySide6.QtWidgets import QLabel

from wfexplorer.core.details import DetailLoader
from wfexplorer.core.editing.specs import Api, EditorKind, FieldSpec
from wfexplorer.core.planning.builder import Person
from wfexplorer.core.planning.filters import AND, Condition, ConditionType, IdType, Paging, SearchRequest, UserId
from wfexplorer.ui.forms.edit_form import EditForm
from wfexplorer.ui.forms.editors import PeopleEditor, PeopleSearch, PickerEditor, ReadOnlyEditor, editor_for
from wfexplorer.ui.forms.services import EditServices


def campaigns(connection):
    client = connection.planning
    for workspace in client.workspaces():
        for record_type in client.record_types(workspace.id):
            if record_type.display_name == "Campaigns":
                return record_type
    raise AssertionError("the simulator has no Campaigns record type")


def campaign_form(qtbot, ops, connection, data=None):
    record_type = campaigns(connection)
    record = connection.planning.create_record(record_type.id, data or {})
    services = EditServices(connection)
    editing = services.editing_for(DetailLoader(connection).record(record.id, record_type.id))
    form = EditForm(editing, services.saver_for(editing.state.target), ops, search_for=services.search_for)
    qtbot.addWidget(form)
    form.show()
    return form, record


def field_key(form, label):
    return next(key for key, spec in form.state.specs.items() if spec.label == label)


def classic_user(connection):
    [user] = connection.session.get("/user/search", {"fields": "ID,name", "name_Sort": "asc", "$$LIMIT": 1,
                                                      "isActive": True})
    return user


def search_and_wait(qtbot, run_until, picker: PickerEditor, text: str, wanted) -> int:
    line = picker.combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, text)
    found: list[int] = []

    def listed() -> bool:
        found[:] = [i for i in range(picker.combo.count()) if wanted(picker.combo.itemData(i))]
        return bool(found)

    run_until(listed, timeout=15)
    picker.combo.hidePopup()
    return found[0]


def save(form, run_until, connection):
    wire = Wire()
    connection.subscribe(wire)
    saved = []
    form.saved.connect(saved.append)
    assert form.save()
    run_until(lambda: saved or form.message.isVisible(), timeout=15)
    return wire, saved


def records_with_person(connection, record_type_id, field_id, user: UserId) -> list[str]:
    request = SearchRequest(filter=AND(Condition(field_id, ConditionType.HAS_ANY_OF, [user])), paging=Paging(0, 50))
    return [record.id for record in connection.planning.search(record_type_id, request).records]


def test_a_person_found_by_name_is_stored_by_the_chosen_workfront_id_and_reads_back_as_that_person(
        qtbot, ops, run_until, editing_connection, crashes):
    form, record = campaign_form(qtbot, ops, editing_connection)
    owners = field_key(form, "Owners")
    picker = form.editors[owners]
    assert isinstance(picker, PeopleEditor)
    assert [picker.id_type.itemData(i) for i in range(picker.id_type.count())] == ["WF", "IMS"]
    user = classic_user(editing_connection)
    index = search_and_wait(qtbot, run_until, picker, user["name"][:5],
                            lambda data: isinstance(data, Person) and data.wf_id == user["ID"])
    picker.id_type.setCurrentIndex(picker.id_type.findData("WF"))
    picker._picked(index)
    assert form.state.value(owners) == [{"id": user["ID"], "idType": "WF"}]
    assert picker.chosen.item(0).text() == f"{user['name']} · Workfront id {user['ID']}"  # which id it is
    wire, saved = save(form, run_until, editing_connection)
    assert saved, form.message.text()
    [write] = wire.writes()
    assert write.method == "PATCH" and write.request.json == {"data": {owners: [{"id": user["ID"], "idType": "WF"}]}}
    [stored] = form.state.value(owners)  # Planning answers the person's IMS id
    assert isinstance(stored, str) and "@" in stored
    assert picker.chosen.item(0).text().endswith("· Adobe IMS id")
    for person in (UserId(user["ID"], IdType.WF), UserId(stored, IdType.IMS)):  # the same person either way
        assert record.id in records_with_person(editing_connection, record.record_type_id, owners, person)
    assert crashes == []


def test_an_ims_id_is_added_as_typed_and_sent_as_an_ims_id(qtbot, ops, run_until, editing_connection):
    form, record = campaign_form(qtbot, ops, editing_connection)
    owners = field_key(form, "Owners")
    ims = str(editing_connection.planning.record(record.id).raw["createdBy"]["id"])  # Planning names people by IMS id
    picker = form.editors[owners]
    picker.id_type.setCurrentIndex(picker.id_type.findData("IMS"))
    picker.combo.setEditText(ims)
    picker.add_id.click()
    assert form.state.value(owners) == [{"id": ims, "idType": "IMS"}]
    assert "Adobe IMS id" in picker.chosen.item(0).text()
    wire, saved = save(form, run_until, editing_connection)
    assert saved and wire.writes()[0].request.json == {"data": {owners: [{"id": ims, "idType": "IMS"}]}}
    assert form.state.value(owners) == [ims]


def test_a_workfront_id_sent_as_an_ims_id_is_refused_on_the_field_and_the_edit_stays(qtbot, ops, run_until,
                                                                                      editing_connection):
    form, _record = campaign_form(qtbot, ops, editing_connection)
    owners = field_key(form, "Owners")
    user = classic_user(editing_connection)
    picker = form.editors[owners]
    picker.id_type.setCurrentIndex(picker.id_type.findData("IMS"))
    picker.combo.setEditText(user["ID"])
    picker.add_id.click()
    _wire, saved = save(form, run_until, editing_connection)
    assert not saved and form.message.isVisible()
    assert "Adobe IMS user id" in form.problem_label(owners).text()
    assert form.state.value(owners) == [{"id": user["ID"], "idType": "IMS"}]  # still on screen
    assert form.state.is_dirty(owners)


def test_a_person_known_only_by_workfront_id_cannot_be_added_as_an_ims_id_and_says_so(qtbot, ops, run_until,
                                                                                      editing_connection):
    form, record = campaign_form(qtbot, ops, editing_connection)
    owners = field_key(form, "Owners")
    picker = form.editors[owners]
    creator = editing_connection.planning.record(record.id).raw["createdBy"]["name"]  # the one IMS id the form knows
    user = next(u for u in editing_connection.session.get("/user/search", {"fields": "ID,name", "name_Sort": "asc",
                                                                   "$$LIMIT": 5}) if u["name"] != creator)
    index = search_and_wait(qtbot, run_until, picker, user["name"],
                            lambda data: isinstance(data, Person) and data.wf_id == user["ID"])
    assert picker.combo.itemData(index).ims_id is None
    picker.id_type.setCurrentIndex(picker.id_type.findData("IMS"))
    picker._picked(index)
    assert form.state.value(owners) is None
    assert picker.status.text() == (f"{user['name']} has no known Adobe IMS id here: choose “as Workfront id”, or "
                                    "type the id and use “Add as id”.")


def test_the_creator_is_found_with_both_ids_and_can_be_added_by_ims_id(qtbot, ops, run_until, editing_connection):
    form, record = campaign_form(qtbot, ops, editing_connection)
    owners = field_key(form, "Owners")
    picker = form.editors[owners]
    creator = editing_connection.planning.record(record.id).raw["createdBy"]
    index = search_and_wait(qtbot, run_until, picker, creator["name"],
                            lambda data: isinstance(data, Person) and data.ims_id == creator["id"])
    assert picker.combo.itemData(index).wf_id  # merged with the Workfront user of that name
    assert "(WF, IMS)" in picker.combo.itemText(index)
    picker.id_type.setCurrentIndex(picker.id_type.findData("IMS"))
    picker._picked(index)
    assert form.state.value(owners) == [{"id": creator["id"], "idType": "IMS"}]


def test_an_external_reference_searches_workfront_projects_and_connects_the_one_picked(qtbot, ops, run_until,
                                                                                       editing_connection, crashes):
    project = editing_connection.session.post("/proj", {"updates": {"name": "Quokka external pick"}})
    form, record = campaign_form(qtbot, ops, editing_connection)
    key = field_key(form, "Workfront projects")
    spec = form.state.spec(key)
    assert spec.kind is EditorKind.RECORD_REFERENCE and spec.external and spec.target == "PROJ"
    picker = form.editors[key]
    assert picker.combo.lineEdit().placeholderText() == "Type to search Workfront project names…"
    wire = Wire()
    editing_connection.subscribe(wire)
    index = search_and_wait(qtbot, run_until, picker, "Quokka ext", lambda data: data == project["ID"])
    searches = [event for event in wire.events if "/attask/api/" in event.url and "/proj/search" in event.url]
    assert searches  # the classic reference picker's search
    picker._picked(index)
    assert form.state.value(key) == [project["ID"]]
    _wire, saved = save(form, run_until, editing_connection)
    assert saved, form.message.text()
    assert _wire.writes()[0].request.json == {"data": {key: [project["ID"]]}}  # the Workfront id
    [connected] = editing_connection.planning.record(record.id).data[key]
    assert connected["externalId"] == project["ID"] and connected["value"] == "Quokka external pick"
    assert form.state.value(key) == [connected["id"]]  # now the Planning record standing for the project
    assert picker.chosen.item(0).text() == "Quokka external pick"
    again = search_and_wait(qtbot, run_until, picker, "Quokka ext", lambda data: data == project["ID"])
    picker._picked(again)  # already connected: not a second time
    assert not form.state.is_dirty(key) and "already chosen" in picker.status.text()
    assert crashes == []


def test_a_single_external_reference_to_a_workfront_user_searches_users(qtbot, ops, run_until, editing_connection):
    form, record = campaign_form(qtbot, ops, editing_connection)
    key = field_key(form, "Sponsor")
    assert form.state.spec(key).target == "USER" and not form.state.spec(key).multiple
    user = classic_user(editing_connection)
    picker = form.editors[key]
    index = search_and_wait(qtbot, run_until, picker, user["name"][:5], lambda data: data == user["ID"])
    picker._picked(index)
    _wire, saved = save(form, run_until, editing_connection)
    assert saved, form.message.text()
    [connected] = editing_connection.planning.record(record.id).data[key]
    assert connected["externalId"] == user["ID"]


def test_planning_v1_people_take_ims_ids_only_and_send_them_plain(qtbot):
    spec = FieldSpec("F_owner", "Owner", EditorKind.PEOPLE, Api.PLANNING, multiple=True)
    editor = editor_for(spec, search=PeopleSearch(lambda _text: [], (IdType.IMS,)))
    qtbot.addWidget(editor)
    assert isinstance(editor, PeopleEditor)
    assert not editor.id_type.isEnabled() and editor.id_type.currentData() == "IMS"
    assert editor.id_type.toolTip() == "Planning API v1 takes IMS ids only"
    editor.combo.setEditText("ABC@org.e")
    editor.add_id.click()
    assert editor.value() == ["ABC@org.e"]


def test_every_part_of_a_people_editor_has_an_accessible_name(qtbot):
    spec = FieldSpec("F_owner", "Owners", EditorKind.PEOPLE, Api.PLANNING, multiple=True)
    editor = editor_for(spec)
    qtbot.addWidget(editor)
    parts = [editor.combo, editor.id_type, editor.add_id, editor.chosen, editor.remove]
    assert all(part.accessibleName().startswith("Owners: ") for part in parts), [p.accessibleName() for p in parts]


def test_a_reference_to_another_record_type_searches_its_records_by_name(qtbot, ops, run_until, editing_connection):
    form, record = campaign_form(qtbot, ops, editing_connection)
    key = field_key(form, "Audiences")
    spec = form.state.spec(key)
    assert not spec.external and spec.target  # the audiences record type
    audience_type = editing_connection.planning.record_type(spec.target)
    name = {audience_type.primary_field_id: "Wombat watchers"}
    audience = editing_connection.planning.create_record(spec.target, name)
    picker = form.editors[key]
    index = search_and_wait(qtbot, run_until, picker, "Wombat", lambda data: data == audience.id)
    picker._picked(index)
    _wire, saved = save(form, run_until, editing_connection)
    assert saved, form.message.text()
    assert [item["id"] for item in editing_connection.planning.record(record.id).data[key]] == [audience.id]


def seeded_form(qtbot, ops, connection, record):
    """The edit form of a record as a detail tab makes it: loaded (its people named), then edited."""
    services = EditServices(connection)
    editing = services.editing_for(DetailLoader(connection, services.people).record(record.id, record.record_type_id))
    form = EditForm(editing, services.saver_for(editing.state.target), ops, search_for=services.search_for)
    qtbot.addWidget(form)
    form.show()
    return form


def a_creator_other_than(connection, record_type, user_name):
    """The IMS id and name of someone who created a seeded campaign (so Planning can name them), not ``user_name``."""
    page = connection.planning.search(record_type.id, SearchRequest(paging=Paging(0, 50)))
    return next((r.audit.created_by.id, r.audit.created_by.name) for r in page.records
                if r.audit.created_by is not None and r.audit.created_by.name not in (None, user_name))


def test_the_owners_of_a_record_are_listed_by_name_with_their_ims_id(qtbot, ops, editing_connection):
    record_type = campaigns(editing_connection)
    owners = next(f.id for f in editing_connection.planning.fields(record_type.id) if f.display_name == "Owners")
    ims, name = a_creator_other_than(editing_connection, record_type, editing_connection.user.get("name"))
    record = editing_connection.planning.create_record(record_type.id, {owners: [ims]})  # only the search names them
    form = seeded_form(qtbot, ops, editing_connection, record)
    picker = form.editors[owners]
    assert isinstance(picker, PeopleEditor)
    assert picker.chosen.item(0).text() == f"{name} · Adobe IMS id {ims}"


def test_an_owner_nobody_can_name_is_listed_by_id_as_an_unknown_user(qtbot, ops, editing_connection):
    record_type = campaigns(editing_connection)
    owners = next(f.id for f in editing_connection.planning.fields(record_type.id) if f.display_name == "Owners")
    stranger = editing_connection.session.post("/user", {"updates": {
        "name": "Una Known", "username": "una.known@example.com", "emailAddr": "una.known@example.com"}})
    record = editing_connection.planning.create_record(record_type.id, {owners: [{"id": stranger["ID"],
                                                                                  "idType": "WF"}]})
    [ims] = record.data[owners]
    form = seeded_form(qtbot, ops, editing_connection, record)
    assert form.editors[owners].chosen.item(0).text() == f"{ims} · Adobe IMS id (unknown user)"


def test_locked_lookups_read_as_the_detail_form_shows_them_and_a_budget_shows_its_currency(qtbot, ops,
                                                                                           editing_connection):
    record_type = campaigns(editing_connection)
    fields = {f.display_name: f.id for f in editing_connection.planning.fields(record_type.id)}
    page = editing_connection.planning.search(record_type.id, SearchRequest(paging=Paging(0, 50)))
    total_id, channel_id = fields["Total audience size"], fields["Channel type"]
    record = next(r for r in page.records if isinstance(r.data.get(total_id), float) and r.data.get(channel_id))
    form = seeded_form(qtbot, ops, editing_connection, record)
    total, channel = form.editors[total_id], form.editors[channel_id]
    assert isinstance(total, ReadOnlyEditor) and isinstance(channel, ReadOnlyEditor)
    assert total.label.text() == f"{record.data[total_id]:,.0f}"  # not 677074.0
    assert channel.label.text() in {"Paid", "Owned", "Earned"}  # the option's label, not opt_channel_type_…
    budget = form.editors[fields["Budget"]]
    assert "USD" in [label.text() for label in budget.findChildren(QLabel)]  # beside the number box
