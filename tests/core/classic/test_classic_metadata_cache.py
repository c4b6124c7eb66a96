"""Metadata is cached on disk per host and version; a corrupt or stale cache is rebuilt, never fatal."""

from __future__ import annotations

import json
import os
from pathlib import Path

from classic_canned import USER_META, CannedServer, fixture_text
from werkzeug.wrappers import Request, Response


def metadata_requests(canned: CannedServer) -> list[str]:
    return [r.path for r in canned.requests if r.path.endswith("metadata")]


def test_a_second_session_reads_metadata_from_disk(reflected: CannedServer, tmp_path: Path) -> None:
    assert reflected.session(use_cache=True, cache_dir=tmp_path).api.Issue.code == "OPTASK"
    assert len(metadata_requests(reflected)) == 2
    reflected.requests.clear()
    assert reflected.session(use_cache=True, cache_dir=tmp_path).api.Issue.meta.label == "Issue"
    assert metadata_requests(reflected) == []


def test_the_cache_is_kept_per_host_and_api_version(reflected: CannedServer, tmp_path: Path) -> None:
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    _ = session.api.Issue
    directory = session.metadata.cache.directory
    assert directory.parts[-1] == "v21.0" and directory.parts[-2].startswith("127.0.0.1_")
    assert sorted(path.name for path in directory.glob("*.json")) == ["OPTASK.json", "_objects.json"]


def test_a_corrupt_cache_file_is_rebuilt(reflected: CannedServer, tmp_path: Path) -> None:
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    _ = session.api.Issue
    cached = session.metadata.cache.directory / "OPTASK.json"
    cached.write_text('{"format": 1, "saved_at": 1e12, "data": {"objC', encoding="utf-8")
    reflected.requests.clear()
    assert reflected.session(use_cache=True, cache_dir=tmp_path).api.Issue.code == "OPTASK"
    assert metadata_requests(reflected) == ["/attask/api/v21.0/optask/metadata"]
    assert json.loads(cached.read_text(encoding="utf-8"))["data"]["objCode"] == "OPTASK"


def test_a_stale_cache_file_is_fetched_again(reflected: CannedServer, tmp_path: Path) -> None:
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    _ = session.api.Issue
    cached = session.metadata.cache.directory / "OPTASK.json"
    entry = json.loads(cached.read_text(encoding="utf-8"))
    entry["saved_at"] -= 10 * 24 * 3600
    cached.write_text(json.dumps(entry), encoding="utf-8")
    reflected.requests.clear()
    _ = reflected.session(use_cache=True, cache_dir=tmp_path).api.Issue
    assert metadata_requests(reflected) == ["/attask/api/v21.0/optask/metadata"]


def test_a_cache_file_dated_in_the_future_is_fetched_again(reflected: CannedServer, tmp_path: Path) -> None:
    # A clock that was wrong when the file was written must not make it fresh for ever.
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    _ = session.api.Issue
    cached = session.metadata.cache.directory / "OPTASK.json"
    entry = json.loads(cached.read_text(encoding="utf-8"))
    entry["saved_at"] += 365 * 24 * 3600
    cached.write_text(json.dumps(entry), encoding="utf-8")
    reflected.requests.clear()
    _ = reflected.session(use_cache=True, cache_dir=tmp_path).api.Issue
    assert metadata_requests(reflected) == ["/attask/api/v21.0/optask/metadata"]


def test_refresh_forgets_memory_and_disk(reflected: CannedServer, tmp_path: Path) -> None:
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    _ = session.metadata.describe("OPTASK")
    session.metadata.refresh()
    reflected.requests.clear()
    assert session.metadata.describe("Issue").obj_code == "OPTASK"
    assert len(metadata_requests(reflected)) == 2


def test_an_unwritable_cache_directory_is_not_fatal(reflected: CannedServer, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x", encoding="utf-8")
    session = reflected.session(use_cache=True, cache_dir=blocker)
    assert session.api.Issue.code == "OPTASK"
    if os.name == "posix":
        assert not (blocker / "classic-metadata").exists()


def test_preload_fetches_several_types_in_one_batch_request(reflected: CannedServer, tmp_path: Path) -> None:
    bodies = {"role/metadata?method=GET": json.loads(fixture_text("metadata.json")),
              "user/metadata?method=GET": USER_META}

    def batch(request: Request) -> Response:
        out = [bodies[uri] for uri in request.form.getlist("uri")]
        return Response(json.dumps({"data": out}), mimetype="application/json")

    reflected.answer_with("POST", "/batch", batch)
    session = reflected.session()
    session.api.preload("Role", "User")
    assert [r.path for r in reflected.requests][-1] == "/attask/api/v21.0/batch"
    count = len(reflected.requests)
    assert session.api.Role.meta.obj_code == "ROLE" and session.api.User.meta.obj_code == "USER"
    assert len(reflected.requests) == count


def test_threads_reflecting_the_same_type_share_one_class_and_one_fetch(reflected: CannedServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    session = reflected.session()
    with ThreadPoolExecutor(max_workers=8) as pool:
        classes = list(pool.map(lambda _: session.api.Issue, range(32)))
    assert all(cls is classes[0] for cls in classes)
    assert sorted(metadata_requests(reflected)) == ["/attask/api/v21.0/metadata", "/attask/api/v21.0/optask/metadata"]


def test_refresh_metadata_rebuilds_classes_from_the_server(reflected: CannedServer, tmp_path: Path) -> None:
    session = reflected.session(use_cache=True, cache_dir=tmp_path)
    before = session.api.Issue
    session.refresh_metadata()
    reflected.requests.clear()
    after = session.api.Issue
    assert after is not before and after.code == "OPTASK"
    assert len(metadata_requests(reflected)) == 2
