"""The loopback listener: 127.0.0.1, a random port, one redirect accepted, a friendly page."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from wfexplorer.core.auth import SignInCancelled, SignInTimedOut
from wfexplorer.core.auth.loopback import LoopbackReceiver


def test_it_listens_on_127_0_0_1_on_a_port_the_os_picks():
    with LoopbackReceiver() as first, LoopbackReceiver() as second:
        assert first.redirect_uri.startswith("http://127.0.0.1:")
        assert first.redirect_uri.endswith("/callback")
        assert first.port != second.port


def test_the_redirect_gets_a_you_can_close_this_tab_page_and_wait_returns_its_url():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "s1"
        page = requests.get(receiver.redirect_uri, params={"code": "c1", "state": "s1"}, timeout=5)

        url = receiver.wait(timeout=5)

    assert page.status_code == 200
    assert "You can close this tab" in page.text
    assert url == receiver.redirect_uri + "?code=c1&state=s1"


def test_only_one_redirect_is_accepted():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "s1"
        requests.get(receiver.redirect_uri, params={"code": "c1", "state": "s1"}, timeout=5)
        second = requests.get(receiver.redirect_uri, params={"code": "c2", "state": "s1"}, timeout=5)

        url = receiver.wait(timeout=5)

    assert second.status_code == 409
    assert "c1" in url and "c2" not in url


def test_other_paths_get_404_and_do_not_use_up_the_redirect():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "s1"
        favicon = requests.get(receiver.redirect_uri.replace("/callback", "/favicon.ico"), timeout=5)
        requests.get(receiver.redirect_uri, params={"code": "c1", "state": "s1"}, timeout=5)

        url = receiver.wait(timeout=5)

    assert favicon.status_code == 404
    assert "code=c1" in url


def test_a_redirect_with_another_state_gets_a_failure_page():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "mine"
        page = requests.get(receiver.redirect_uri, params={"code": "c1", "state": "forged"}, timeout=5)

    assert page.status_code == 400
    assert "did not belong to the sign-in" in page.text
    assert "You are signed in" not in page.text


def test_a_request_with_another_state_is_ignored_and_the_real_redirect_still_gets_through():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "mine"
        stray = requests.get(receiver.redirect_uri, params={"code": "evil", "state": "forged"}, timeout=5)
        no_state = requests.get(receiver.redirect_uri, params={"error": "access_denied"}, timeout=5)
        real = requests.get(receiver.redirect_uri, params={"code": "c1", "state": "mine"}, timeout=5)

        url = receiver.wait(timeout=5)

    assert (stray.status_code, no_state.status_code, real.status_code) == (400, 400, 200)
    assert "code=c1" in url and "evil" not in url


def test_only_a_request_with_another_state_does_not_end_the_wait():
    with LoopbackReceiver() as receiver:
        receiver.expected_state = "mine"
        requests.get(receiver.redirect_uri, params={"code": "evil", "state": "forged"}, timeout=5)
        with pytest.raises(SignInTimedOut):
            receiver.wait(timeout=0.5)


def test_an_error_redirect_shows_the_reason():
    with LoopbackReceiver() as receiver:
        page = requests.get(receiver.redirect_uri, timeout=5,
                            params={"error": "access_denied", "error_description": "The user said no.", "state": "s"})

    assert "Sign-in was not completed" in page.text
    assert "The user said no." in page.text


def test_waiting_gives_up_after_the_timeout():
    with LoopbackReceiver() as receiver, pytest.raises(SignInTimedOut):
        receiver.wait(timeout=0.3)


def test_waiting_stops_promptly_when_cancelled():
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.monotonic()

    with LoopbackReceiver() as receiver, pytest.raises(SignInCancelled):
        receiver.wait(timeout=30, cancel=cancel)

    assert time.monotonic() - started < 2


def test_the_listener_is_gone_after_closing():
    receiver = LoopbackReceiver()
    uri = receiver.redirect_uri
    receiver.close()

    with pytest.raises(requests.ConnectionError):
        requests.get(uri, timeout=2)
