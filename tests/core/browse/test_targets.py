"""Quick open's reading of what users paste: IDs, OBJCODE:ID, Workfront web links, Planning record links."""

from __future__ import annotations

import pytest

from wfexplorer.core import errors
from wfexplorer.core.browse.targets import ObjectTarget, RecordTarget, find_object, parse_target, search_names, web_link

ID = "63ab1f2e0000c1d2a4f6b8e9f0a1b2c3"


@pytest.mark.parametrize(("text", "expected"), [
    (ID, ObjectTarget(None, ID)),
    (f"  {ID.upper()}  ", ObjectTarget(None, ID)),
    (f"PROJ:{ID}", ObjectTarget("PROJ", ID)),
    (f"task/{ID}", ObjectTarget("TASK", ID)),
    (f"https://acme.my.workfront.com/project/{ID}/tasks", ObjectTarget("PROJ", ID)),
    (f"https://acme.my.workfront.com/task/{ID}/overview", ObjectTarget("TASK", ID)),
    (f"https://acme.my.workfront.com/issue/{ID}/updates", ObjectTarget("OPTASK", ID)),
    (f"https://acme.my.workfront.com/user/{ID}/details", ObjectTarget("USER", ID)),
    (f"https://acme.my.workfront.com/task/view?ID={ID}", ObjectTarget("TASK", ID)),
    (f"https://experience.adobe.com/#/@acme/so:acme-Production/workfront/project/{ID}/overview",
     ObjectTarget("PROJ", ID)),
    ("https://experience.adobe.com/#/@acme/workfront/planning/workspace/Ws6955b900ed52c2b21bbbb90b/"
     "recordtype/Rt6955b900ce4e7421e78375db/record/Rc6955b900ea6f37c431396803",
     RecordTarget("Rc6955b900ea6f37c431396803")),
    ("Rc6955b900ea6f37c431396803", RecordTarget("Rc6955b900ea6f37c431396803")),
    ("checkout", None),
    ("", None),
])  # fmt: skip
def test_what_a_pasted_text_points_at(text, expected):
    assert parse_target(text) == expected


def test_a_link_to_an_objects_page_round_trips():
    link = web_link("https://acme.my.workfront.com/", "OPTASK", ID)
    assert link == f"https://acme.my.workfront.com/issue/{ID}/overview"
    assert parse_target(link) == ObjectTarget("OPTASK", ID)


def test_a_bare_id_is_found_among_the_common_types_in_one_request(connection, requests_sent):
    task = connection.session.search_page("TASK", 0, 1, fields=["ID"])[0]
    requests_sent.clear()
    assert find_object(connection.session, ObjectTarget(None, task["ID"])) == ObjectTarget("TASK", task["ID"])
    assert requests_sent.count() == 1
    with pytest.raises(errors.NotFoundError, match="has the ID"):
        find_object(connection.session, ObjectTarget(None, "0" * 32))


def test_name_search_covers_the_common_types_in_one_request(connection, requests_sent):
    project = connection.session.search_page("PROJ", 0, 1, fields=["name"])[0]
    requests_sent.clear()
    hits = search_names(connection.session, project["name"][:5])
    assert requests_sent.count() == 1
    assert any(hit.code == "PROJ" and hit.id == project["ID"] for hit in hits)
