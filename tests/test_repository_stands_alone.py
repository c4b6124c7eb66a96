"""The repository stands alone: no tracked file names a place outside it, and shipped test data is really there.

A clone in any folder, with nothing beside it, must run the same suite as CI. So no tracked file may name a
development machine's absolute path (a home folder, the root user's, the folder this checkout sits in or one
of its siblings) or reach beside the checkout to the team's shared folder by a relative path; and a test whose
data is missing must fail, naming the file, rather than skip.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from fixture_files import FIXTURES, fixture_path, fixture_text

ROOT = Path(__file__).resolve().parents[1]

# The patterns are written so that this file does not match them itself (a character class breaks each word).
MACHINE_PATHS = re.compile(
    r"(?<![\w.])(?:/hom[e]/[\w.-]+|/roo[t]/|/User[s]/[\w.-]+|[A-Za-z]:\\\\User[s]\\\\)"  # home folders
    r"|\.\./share[d]\b|[\"']\.\.[\"']\s*/\s*[\"']share[d][\"']"  # the team's folder beside the checkout
)
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".icns", ".svgz", ".sqlite3", ".whl", ".zip", ".gz"}


def tracked_text_files() -> list[Path]:
    listing = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    paths = [ROOT / name for name in listing.stdout.split("\0") if name]
    return [path for path in paths if path.suffix.lower() not in BINARY_SUFFIXES and path.is_file()]


def checkout_locations() -> list[str]:
    """This checkout's own absolute path and those of its siblings (e.g. a shared folder next to it)."""
    parent = ROOT.parent
    # At the top of a drive, or in the temp folder (whose other entries are anyone's), siblings say nothing.
    if parent == Path(parent.anchor) or parent == Path(tempfile.gettempdir()).resolve():
        return [str(ROOT)]
    return sorted({str(ROOT), *(str(sibling) for sibling in parent.iterdir())}, key=len, reverse=True)


def offending_lines(text: str, locations: list[str]) -> list[str]:
    found = []
    located = re.compile("|".join(re.escape(location) + r"(?![\w.-])" for location in locations)) if locations else None
    for number, line in enumerate(text.splitlines(), start=1):
        if MACHINE_PATHS.search(line) or (located is not None and located.search(line)):
            found.append(f"{number}: {line.strip()[:160]}")
    return found


def test_no_tracked_file_names_a_path_outside_the_repository() -> None:
    locations = checkout_locations()
    problems = []
    for path in tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        problems += [f"{path.relative_to(ROOT)}:{line}" for line in offending_lines(text, locations)]
    assert problems == [], "tracked files name places outside the repository:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "line",
    [
        'FIXTURES = Path("/' + 'home/alice/src/reference")',
        "cp -r /" + "root/reference .",
        "see ../" + "shared/reference",
        'SPEC = Path(__file__).parents[1] / ".." / ".." / "' + 'shared" / "reference"',
        r'"C:\\' + r'Users\\bob\\fixtures"',
    ],
)
def test_the_scan_catches_machine_paths(line: str) -> None:
    assert offending_lines(line, []) != []


def test_the_scan_catches_this_checkouts_own_location_and_its_siblings() -> None:
    sibling = str(ROOT.parent / "reference-material")
    assert offending_lines(f"data = '{sibling}/x.json'", [sibling]) != []
    assert offending_lines(f"data = '{ROOT}/tests/fixtures/x.json'", [str(ROOT)]) != []


def test_the_scan_leaves_api_paths_and_examples_alone() -> None:
    lines = ['client.get("/work/myWork")', "/v2/workspaces/{id}", "--data /tmp/wf", "/usr/bin/chromium"]
    assert [line for line in lines if offending_lines(line, [str(ROOT.parent / "nowhere-else")])] == []


def test_missing_test_data_fails_naming_the_file() -> None:
    with pytest.raises(pytest.fail.Exception, match=r"missing: .*classic[/\\]no-such-response\.json"):
        fixture_path("classic", "no-such-response.json")


def test_shipped_third_party_data_keeps_its_origin_and_licence_beside_it() -> None:
    notice = fixture_text("NOTICE")
    assert "Workfront/workfront-api" in notice and "AdobeDocs/Workfront-Planning-API" in notice
    assert "Apache License, Version 2.0" in notice
    assert "Apache License" in fixture_text("LICENSE-Apache-2.0")
    for folder in ("classic", "planning-openapi"):
        assert folder + "/" in notice
        assert sorted(FIXTURES.joinpath(folder).glob("*.json")), f"no fixtures in tests/fixtures/{folder}"
