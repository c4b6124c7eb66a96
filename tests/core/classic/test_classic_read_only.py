"""A read-only session refuses every write before sending it, whichever helper sends it (uploads included)."""

from __future__ import annotations

import io

import pytest
from classic_canned import CannedServer

from wfexplorer.core import errors


def test_a_read_only_session_refuses_an_upload_before_any_http(canned: CannedServer) -> None:
    session = canned.session(session_id="S1")
    session.read_only = True
    with pytest.raises(errors.ReadOnlyError, match=r"read-only, so POST /upload was not sent") as caught:
        session.upload("notes.txt", b"hello", "text/plain")
    assert caught.value.request_line is not None and caught.value.request_line.startswith("POST ")
    assert canned.requests == []


def test_a_read_only_session_refuses_to_attach_a_document_and_sends_nothing(reflected: CannedServer) -> None:
    session = reflected.session(session_id="S1")
    owner = session.api.from_data(session, {"ID": "R1", "objCode": "ROLE"}, "ROLE")
    reflected.requests.clear()  # reading the metadata for ``owner`` is not what this test is about
    session.read_only = True
    with pytest.raises(errors.ReadOnlyError):
        session.attach_document(owner, "plan.pdf", io.BytesIO(b"%PDF"))
    assert reflected.requests == []


def test_the_same_session_uploads_once_it_is_writable_again(canned: CannedServer) -> None:
    canned.answer("POST", "/upload", {"data": {"handle": "H-1"}})
    session = canned.session(session_id="S1")
    session.read_only = True
    session.read_only = False
    assert session.upload("notes.txt", b"hello", "text/plain") == "H-1"
    assert [(request.method, request.path) for request in canned.requests] == [("POST", "/attask/api/v21.0/upload")]
