"""``python -m build`` makes a wheel and an sdist; the wheel, installed in a fresh venv, carries resources/ and runs."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from install_support import start_demo

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = sorted(path.relative_to(ROOT / "resources").as_posix()
                   for path in (ROOT / "resources").rglob("*") if path.is_file())

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def dists(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, list(out.iterdir())
    return wheels[0], sdists[0]


def test_the_wheel_carries_every_resource_inside_the_package(dists):
    wheel, _ = dists
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in RESOURCES if f"wfexplorer/resources/{name}" not in names]
    assert RESOURCES and not missing, missing


def test_the_sdist_holds_the_top_level_resources_and_packaging(dists):
    _, sdist = dists
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {f"resources/{name}" for name in RESOURCES} <= names
    assert {"packaging/build.sh", "packaging/wfexplorer.spec", "pyproject.toml", "README.md"} <= names


def test_the_wheel_in_a_fresh_venv_finds_its_resources_and_runs_the_demo(dists, tmp_path):
    wheel, _ = dists
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    installed = subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], capture_output=True,
                               text=True, timeout=400)
    assert installed.returncode == 0, installed.stderr[-3000:]
    where = subprocess.run([str(python), "-c", "from wfexplorer.ui import resources; print(resources.folder())"],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout  # the wheel's copy, not this checkout's

    run = start_demo([str(venv / "bin" / "wfexplorer")], tmp_path)

    assert run.saw("sign-in dialog shown") and run.saw("signed in: ") and run.saw("exited cleanly"), run.log
    assert run.returncode == 0 and "Traceback" not in run.log, run.log
