"""The composition root: ``wfexplorer --demo`` signs in to an in-process simulator; the import order trick is safe."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

import wfexplorer
from wfexplorer import app as wapp
from wfexplorer.ui.collector import COLLECTOR


@pytest.fixture
def built(qapp, tmp_path):
    made = []

    def build(*args: str):
        application = wapp.build(["--config-dir", str(tmp_path), "--cache-dir", str(tmp_path), *args], qapp=qapp)
        made.append(application)
        return application

    hook = sys.excepthook
    qapp.setQuitOnLastWindowClosed(False)
    yield build
    for application in made:
        for window in (application.windows.login, application.windows.main):
            if window is not None:
                window.close()
                window.deleteLater()
        application.close()
        application.loop.run_until_complete(asyncio.sleep(0.05))
        application.loop.close()
    asyncio.set_event_loop(None)
    sys.excepthook = hook


def run_until(application, condition, timeout=30.0):
    async def wait():
        deadline = application.loop.time() + timeout
        while not condition():
            assert application.loop.time() < deadline, "condition not met in time"
            await asyncio.sleep(0.02)

    application.loop.run_until_complete(wait())


def test_demo_flag_starts_the_simulator_and_signs_in_without_asking(built):
    application = built("--demo", "--demo-scale", "0.05")
    run_until(application, lambda: application.windows.main is not None)
    window = application.windows.main
    assert window.isVisible()
    assert window.connection.host.startswith("127.0.0.1:")
    assert window.connection.username
    assert application.crash_reporter.dialogs == []
    assert COLLECTOR.started, "full garbage collections are the collector's once the first main window is up"
    application.close()
    assert not COLLECTOR.started, "and Python's again once the application closes"


def test_without_demo_flag_the_sign_in_dialog_opens_on_the_demo_profile(built):
    application = built()
    dialog = application.windows.login
    assert dialog.isVisible()
    assert application.windows.first_paint_seen
    assert dialog.profile_list.item(0).text() == "Demo (local simulator)"
    assert application.windows.main is None


def test_the_profiles_module_loads_without_the_http_stack_and_keeps_its_identity():
    code = (
        "import sys\n"
        "from wfexplorer.core.auth import profiles\n"
        "assert 'requests' not in sys.modules, 'the HTTP stack loaded before the dialog'\n"
        "assert 'keyring' not in sys.modules and 'authlib' not in sys.modules\n"
        "import wfexplorer.core.auth as auth\n"
        "assert auth.Profile is profiles.Profile and auth.AuthMethod is profiles.AuthMethod\n"
        "assert auth.Authenticator.__module__ == 'wfexplorer.core.auth.signin'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr


def test_version_flag_prints_the_version():
    done = subprocess.run([sys.executable, "-m", "wfexplorer", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"wfexplorer {wfexplorer.__version__}"


def test_help_says_what_the_program_is_and_lists_its_options():
    done = subprocess.run([sys.executable, "-m", "wfexplorer", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith("usage: wfexplorer ")
    assert "A desktop explorer for Adobe Workfront." in done.stdout
    for option in ("--demo", "--demo-scale", "--demo-data", "--config-dir", "--cache-dir", "--version", "--verbose"):
        assert option in done.stdout
