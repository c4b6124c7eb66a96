"""From sign-in to the main window and back; an expired session asks for the password and retries."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wfexplorer.core import errors
from wfexplorer.ui.login.reauth import ReauthDialog
from wfexplorer.ui.shell.main_window import MainWindow
from wfexplorer.ui.windows import Windows


@pytest.fixture
def windows(qtbot, signin_backend, ops):
    manager = Windows(signin_backend, ops)
    yield manager
    for widget in (manager.login, *manager.mains):
        if widget is not None:
            widget.close()
            widget.deleteLater()


def token_of(connection) -> str:
    """The credential the connection sends now (session ID, access token or API key)."""
    return connection.signed_in.provider.current().value


def signed_in_window(windows, run_until, qtbot) -> MainWindow:
    dialog = windows.show_login()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    run_until(lambda: windows.main is not None)
    qtbot.waitExposed(windows.main)
    return windows.main


def test_after_sign_in_the_main_window_shows_who_where_and_which_versions(windows, run_until, qtbot, demo_server):
    window = signed_in_window(windows, run_until, qtbot)
    assert window.isVisible()
    assert windows.login is None
    host = demo_server.base_url.split("//", 1)[1]
    status = window.status.connection.text()
    assert host in status and "classic v21.0" in status
    assert host in window.windowTitle()
    assert window.connection.user_name and window.connection.user_name in status


def test_sign_out_ends_the_session_and_returns_to_the_sign_in_dialog(windows, run_until, qtbot, demo_server):
    window = signed_in_window(windows, run_until, qtbot)
    token = window.connection.signed_in.provider.current().value
    window.sign_out_action.trigger()
    run_until(lambda: windows.login is not None and windows.main is None)
    assert windows.login.isVisible()
    assert not shiboken6.isValid(window) or not window.isVisible()
    assert demo_server.context.sessions.resolve(token) is None


def test_an_expired_session_asks_for_the_password_then_retries_the_request(
    windows, run_until, qtbot, ops, demo_server, crashes
):
    window = signed_in_window(windows, run_until, qtbot)
    connection = window.connection
    old_token = token_of(connection)
    assert demo_server.context.sessions.revoke(old_token)

    results = []
    ops.run(lambda: connection.session.count("PROJ"), on_success=results.append, on_error=pytest.fail)
    run_until(lambda: window.findChild(ReauthDialog) is not None)
    dialog = window.findChild(ReauthDialog)
    qtbot.waitExposed(dialog)
    assert dialog.needs_password and "admin" in dialog.intro.text()
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    run_until(lambda: window.prompt.dialog is not None and window.prompt.dialog is not dialog)
    dialog = window.prompt.dialog  # asked again, with the server's reason
    qtbot.waitExposed(dialog)
    assert results == []
    assert dialog.error.isVisible() and "wasn't quite right" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.password
    dialog.password.setText("demo")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    run_until(lambda: results)
    assert isinstance(results[0], int)
    assert token_of(connection) != old_token
    assert crashes == []


def test_declining_to_sign_in_again_reports_the_expired_session(windows, run_until, qtbot, ops, demo_server):
    window = signed_in_window(windows, run_until, qtbot)
    connection = window.connection
    demo_server.context.sessions.revoke(token_of(connection))
    shown = []
    ops.run(lambda: connection.session.count("PROJ"), on_error=shown.append)
    run_until(lambda: window.findChild(ReauthDialog) is not None)
    qtbot.keyClick(window.findChild(ReauthDialog), Qt.Key.Key_Escape)
    run_until(lambda: shown)
    assert isinstance(shown[0], errors.AuthenticationError)
    assert len(window.prompt.asked) == 1  # requests already in flight share the answer: asked once


def test_an_expired_oauth_token_is_refreshed_silently_and_the_request_retried(
    windows, run_until, qtbot, ops, demo_server, crashes
):
    dialog = windows.show_login()
    dialog.tabs.setCurrentWidget(dialog.oauth_tab)
    dialog.sign_in()
    run_until(lambda: windows.main is not None)
    window = windows.main
    connection = window.connection
    old_token = token_of(connection)
    assert demo_server.context.sessions.revoke(old_token)
    results = []
    ops.run(lambda: connection.session.count("PROJ"), on_success=results.append, on_error=pytest.fail)
    run_until(lambda: results)
    assert window.findChild(ReauthDialog) is None
    assert token_of(connection) != old_token
    assert crashes == []


def test_a_cleared_api_key_asks_for_the_password_fetches_the_new_key_and_retries(
    windows, run_until, qtbot, ops, demo_server, demo_credentials, crashes
):
    dialog = windows.show_login()
    dialog.tabs.setCurrentWidget(dialog.api_key_tab)
    dialog.api_key_tab.api_key.setText(demo_credentials["api_key"])
    dialog.sign_in()
    run_until(lambda: windows.main is not None)
    window = windows.main
    connection = window.connection
    sessions = demo_server.context.sessions
    user_id = sessions.user_for_api_key(demo_credentials["api_key"])
    sessions.clear_api_key(user_id)
    try:
        results = []
        ops.run(lambda: connection.session.count("PROJ"), on_success=results.append, on_error=pytest.fail)
        run_until(lambda: window.findChild(ReauthDialog) is not None)
        reauth = window.findChild(ReauthDialog)
        reauth.password.setText(demo_credentials["password"])
        qtbot.keyClick(reauth.password, Qt.Key.Key_Return)
        run_until(lambda: results)
        assert token_of(connection) != demo_credentials["api_key"]
        assert crashes == []
    finally:  # the session-wide simulator keeps the key the other tests use
        sessions.generate_api_key(user_id, demo_credentials["api_key"])


def test_a_revoked_oauth_sign_in_asks_to_sign_in_with_the_browser_again_then_retries(
    windows, run_until, qtbot, ops, browser, crashes
):
    dialog = windows.show_login()
    dialog.tabs.setCurrentWidget(dialog.oauth_tab)
    dialog.sign_in()
    run_until(lambda: windows.main is not None)
    window = windows.main
    connection = window.connection
    connection.signed_in.provider.sign_out()  # refresh token revoked on the server, tokens forgotten here
    opened_before = len(browser.opened)
    results = []
    ops.run(lambda: connection.session.count("PROJ"), on_success=results.append, on_error=pytest.fail)
    run_until(lambda: window.findChild(ReauthDialog) is not None)
    reauth = window.findChild(ReauthDialog)
    assert not reauth.needs_password
    assert "browser" in reauth.ok_button.text()
    qtbot.mouseClick(reauth.ok_button, Qt.MouseButton.LeftButton)
    run_until(lambda: results)
    assert len(browser.opened) == opened_before + 1
    assert crashes == []


def test_text_typed_before_the_session_expired_stays_and_is_saved_once_after_signing_in_again(
    windows, run_until, qtbot, ops, demo_server, crashes
):
    import uuid

    from PySide6.QtWidgets import QLineEdit

    window = signed_in_window(windows, run_until, qtbot)
    connection = window.connection
    session = connection.session
    project = session.api.Project(session, name=f"Typed {uuid.uuid4().hex[:8]}")
    project.save()
    editor = QLineEdit(window.centralWidget())  # stands in for the form's editors (the edit issue builds them)
    editor.show()
    qtbot.keyClicks(editor, "typed before the session expired")
    assert demo_server.context.sessions.revoke(token_of(connection))
    writes_before = demo_server.context.store.version("PROJ")

    def save(text: str) -> None:
        project.description = text
        project.save()

    saved = []
    typed = editor.text()  # read on the GUI thread; the save runs on a worker
    ops.run(lambda: save(typed), on_success=saved.append, on_error=pytest.fail)
    run_until(lambda: window.findChild(ReauthDialog) is not None)
    reauth = window.findChild(ReauthDialog)
    reauth.password.setText("demo")
    qtbot.keyClick(reauth.password, Qt.Key.Key_Return)
    run_until(lambda: saved)

    assert editor.text() == "typed before the session expired"
    record = demo_server.context.store.get("PROJ", project.id)
    assert record["description"] == "typed before the session expired"
    assert demo_server.context.store.version("PROJ") == writes_before + 1
    assert crashes == []


def test_file_new_connection_opens_a_second_window_and_each_expires_on_its_own(
    windows, run_until, qtbot, ops, demo_server, crashes
):
    first = signed_in_window(windows, run_until, qtbot)
    first.new_connection_action.trigger()
    run_until(lambda: windows.login is not None and windows.login.isVisible())
    qtbot.mouseClick(windows.login.sign_in_button, Qt.MouseButton.LeftButton)
    run_until(lambda: len(windows.mains) == 2)
    second = windows.mains[1]
    assert first.isVisible() and second.isVisible() and first.ops is not second.ops
    assert token_of(first.connection) != token_of(second.connection)

    assert demo_server.context.sessions.revoke(token_of(first.connection))
    results = []
    ops.run(lambda: second.connection.session.count("PROJ"), on_success=results.append, on_error=pytest.fail)
    run_until(lambda: results)  # the other connection's session is untouched: nobody is asked
    assert first.prompt.asked == [] and second.prompt.asked == []
    expired = []
    ops.run(lambda: first.connection.session.count("PROJ"), on_success=expired.append, on_error=pytest.fail)
    run_until(lambda: first.prompt.dialog is not None)
    assert second.prompt.dialog is None
    first.prompt.dialog.password.setText("demo")
    qtbot.keyClick(first.prompt.dialog.password, Qt.Key.Key_Return)
    run_until(lambda: expired)
    assert crashes == []


def test_signing_out_of_one_of_two_windows_keeps_the_other_open(windows, run_until, qtbot):
    first = signed_in_window(windows, run_until, qtbot)
    first.new_connection_action.trigger()
    run_until(lambda: windows.login is not None and windows.login.isVisible())
    qtbot.mouseClick(windows.login.sign_in_button, Qt.MouseButton.LeftButton)
    run_until(lambda: len(windows.mains) == 2)
    second = windows.mains[1]
    first.sign_out_action.trigger()
    run_until(lambda: windows.mains == [second])
    assert windows.login is None and second.isVisible()
