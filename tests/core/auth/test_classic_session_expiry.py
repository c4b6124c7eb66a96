"""The classic Session built from a sign-in survives an expired session: renew once, resend the request once.

Against the simulator: OAuth access tokens expire by the simulator's clock, password sessions by
``faults.session_expiry`` or by being revoked; the Session gets its provider from
``SignedIn.classic_session()``.
"""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from auth_support import FakeClock, FormBrowser, profile_for

from wfexplorer.core import errors
from wfexplorer.core.auth import Authenticator, ProfileStore, ReauthenticationDeclined, ReauthRequest, SecretStore
from wfexplorer.core.transport import RequestEvent


class Prompt:
    """A re-authentication prompt that answers from a list and records what it was asked."""

    def __init__(self, *answers: str | None, wait_for: threading.Event | None = None) -> None:
        self.answers = list(answers)
        self.asked: list[ReauthRequest] = []
        self.wait_for = wait_for

    def __call__(self, request: ReauthRequest) -> str | None:
        self.asked.append(request)
        if self.wait_for is not None:
            self.wait_for.wait(10)
        return self.answers.pop(0) if self.answers else None


class Log:
    """Every HTTP attempt of a session's transport."""

    def __init__(self, session) -> None:
        self.events: list[RequestEvent] = []
        self.lock = threading.Lock()
        session.subscribe(self._add)

    def _add(self, event: RequestEvent) -> None:
        with self.lock:
            self.events.append(event)

    def statuses(self, method: str, fragment: str) -> list[int | None]:
        """Statuses of the attempts whose path contains ``fragment`` (any case), in order."""
        return [e.status for e in self.events if e.method == method and _has(e, fragment)]

    def count(self, fragment: str) -> int:
        return sum(_has(e, fragment) for e in self.events)

    def clear(self) -> None:
        self.events.clear()


def _has(event: RequestEvent, fragment: str) -> bool:
    path = event.url.split("?")[0].lower()
    return path.endswith(fragment.lower()) or fragment.lower() + "/" in path


def _authenticator(tmp_path, prompt=None):
    return Authenticator(profiles=ProfileStore(tmp_path), secrets=SecretStore(), open_browser=FormBrowser(),
                         prompt=prompt, clock=FakeClock())


@pytest.fixture
def expiring(private_server):
    """The private simulator with password sessions that die after a minute of simulator time."""
    private_server.context.faults.session_expiry = 60
    return private_server


def _warm(session) -> int:
    """Load the metadata a count needs and return the project count (so later calls cost one request)."""
    return session.count("PROJ")


def test_an_expired_oauth_token_is_refreshed_silently_and_the_request_sent_once_more(private_server, tmp_path):
    signed_in = _authenticator(tmp_path).sign_in_with_browser(profile_for(private_server), timeout=10)
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    before = signed_in.provider.current()
    log = Log(session)
    context = private_server.context
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)

    assert session.count("PROJ") == projects

    assert log.statuses("GET", "/proj/count") == [401, 200]
    assert log.count("/oauth2/api/v1/token") == 1
    assert signed_in.provider.current().value != before.value


def test_an_authentication_exception_answered_with_http_200_also_refreshes(private_server, tmp_path):
    signed_in = _authenticator(tmp_path).sign_in_with_browser(profile_for(private_server), timeout=10)
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    log = Log(session)
    context = private_server.context
    context.settings.classic_legacy_errors = True  # old servers: every error with HTTP 200
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)

    assert session.count("PROJ") == projects
    assert log.statuses("GET", "/proj/count") == [200, 200]
    assert log.count("/oauth2/api/v1/token") == 1


def test_an_expired_password_session_asks_for_the_password_once_and_sends_the_request_once_more(expiring, tmp_path):
    prompt = Prompt("demo")
    signed_in = _authenticator(tmp_path, prompt).sign_in_with_password(profile_for(expiring), "admin", "demo")
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    log = Log(session)
    expiring.context.clock.advance(61)

    assert session.count("PROJ") == projects

    assert [(asked.needs, asked.username) for asked in prompt.asked] == [("password", "admin")]
    assert log.statuses("GET", "/proj/count") == [401, 200]
    assert log.statuses("POST", "/login") == [200]


def test_declining_the_password_prompt_raises_the_authentication_error_and_resends_nothing(demo_server, tmp_path):
    prompt = Prompt(None)
    signed_in = _authenticator(tmp_path, prompt).sign_in_with_password(profile_for(demo_server), "admin", "demo")
    session = signed_in.classic_session(use_cache=False)
    _warm(session)
    log = Log(session)
    demo_server.context.sessions.revoke(signed_in.provider.current().value)

    with pytest.raises(errors.AuthenticationError) as raised:
        session.count("PROJ")

    assert isinstance(raised.value, ReauthenticationDeclined)
    assert len(prompt.asked) == 1
    assert log.statuses("GET", "/proj/count") == [401]
    assert log.count("/login") == 0


def test_a_request_that_waited_while_the_user_declined_shares_the_answer_instead_of_asking_again(
        demo_server, tmp_path):
    answer_now = threading.Event()
    prompt = Prompt(None, wait_for=answer_now)
    signed_in = _authenticator(tmp_path, prompt).sign_in_with_password(profile_for(demo_server), "admin", "demo")
    session = signed_in.classic_session(use_cache=False)
    _warm(session)
    demo_server.context.sessions.revoke(signed_in.provider.current().value)
    outcomes: list[BaseException | int] = []

    def count() -> None:
        try:
            outcomes.append(session.count("PROJ"))
        except errors.AuthenticationError as error:
            outcomes.append(error)

    first = threading.Thread(target=count)
    first.start()
    deadline = time.monotonic() + 5
    while not prompt.asked and time.monotonic() < deadline:
        time.sleep(0.01)
    second = threading.Thread(target=count)  # starts while the dialog is open: it waits for the credential
    second.start()
    time.sleep(0.2)
    answer_now.set()                           # the user presses Cancel
    first.join(10)
    second.join(10)

    assert len(prompt.asked) == 1, "one dialog for the request that waited too"
    assert len(outcomes) == 2 and all(isinstance(outcome, ReauthenticationDeclined) for outcome in outcomes)


def test_without_a_prompt_the_error_reaches_the_caller_who_can_reauthenticate_and_call_again(demo_server, tmp_path):
    """The GUI's way: its own dialog asks, ``provider.reauthenticate`` signs in, the same session works again."""
    signed_in = _authenticator(tmp_path).sign_in_with_password(profile_for(demo_server), "admin", "demo")
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    demo_server.context.sessions.revoke(signed_in.provider.current().value)

    with pytest.raises(errors.AuthenticationError):
        session.count("PROJ")
    signed_in.provider.reauthenticate("demo")

    assert session.count("PROJ") == projects


def test_an_edit_after_expiry_is_applied_exactly_once(expiring, tmp_path):
    signed_in = _authenticator(tmp_path, Prompt("demo")).sign_in_with_password(profile_for(expiring), "admin",
                                                                                "demo")
    session = signed_in.classic_session(use_cache=False)
    project = session.api.Project(session, name=f"Expiry edit {uuid.uuid4().hex[:8]}")
    project.save()
    store = expiring.context.store
    log = Log(session)
    expiring.context.clock.advance(61)
    versions_before = store.version("PROJ")

    project.description = "typed before the session expired"
    project.save()

    assert log.statuses("PUT", f"/proj/{project.id}") == [401, 200]
    assert store.version("PROJ") == versions_before + 1  # one write transaction, not two
    assert store.get("PROJ", project.id)["description"] == "typed before the session expired"


def test_a_create_after_expiry_makes_exactly_one_object(expiring, tmp_path):
    signed_in = _authenticator(tmp_path, Prompt("demo")).sign_in_with_password(profile_for(expiring), "admin",
                                                                                "demo")
    session = signed_in.classic_session(use_cache=False)
    name = f"Expiry create {uuid.uuid4().hex[:8]}"
    _warm(session)
    log = Log(session)
    expiring.context.clock.advance(61)

    session.api.Project(session, name=name).save()

    assert log.statuses("POST", "/proj") == [401, 200]
    assert session.count("PROJ", name=name) == 1


def test_concurrent_expired_requests_renew_once(private_server, tmp_path):
    """Requests refused with the same expired session share one renewal: one prompt, one login, and each
    refused request is sent once more, none twice.

    How many are refused is up to the scheduler, so the test counts it rather than assuming all: a worker
    that reaches the provider while another one's renewal is under way waits for it (the provider's lock)
    and sends only the new session, so it is never refused. The simulator's latency keeps the requests in
    flight together, so most runs see every worker refused; one refusal is the least.
    """
    workers = 4
    may_renew = threading.Event()
    prompt = Prompt("demo", "demo", "demo", "demo", wait_for=may_renew)
    signed_in = _authenticator(tmp_path, prompt).sign_in_with_password(profile_for(private_server), "admin", "demo")
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    log = Log(session)
    private_server.context.faults.latency_ms = 100
    private_server.context.sessions.revoke(signed_in.provider.current().value)
    start = threading.Barrier(workers)
    results: list[object] = []

    def work() -> None:
        start.wait(10)
        try:
            results.append(session.count("PROJ"))
        except errors.WorkfrontError as failure:  # pragma: no cover - reported by the assertion below
            results.append(failure)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    asked_at = None
    while log.statuses("GET", "/proj/count").count(401) < workers and time.monotonic() < deadline:
        if prompt.asked and asked_at is None:
            asked_at = time.monotonic()
        if asked_at is not None and time.monotonic() - asked_at > 2:
            break  # asked for two seconds already: a worker not refused by now is waiting for the renewal
        time.sleep(0.01)
    may_renew.set()
    for thread in threads:
        thread.join(10)

    assert results == [projects] * workers
    assert len(prompt.asked) == 1
    assert log.statuses("POST", "/login") == [200]
    counts = log.statuses("GET", "/proj/count")
    refused = counts.count(401)
    assert 1 <= refused <= workers
    assert sorted(counts, key=str) == [200] * workers + [401] * refused


def test_signed_in_classic_session_uses_the_profile_and_the_sign_in_connection(demo_server, tmp_path):
    signed_in = _authenticator(tmp_path).sign_in_with_password(profile_for(demo_server), "admin", "demo")

    session = signed_in.classic_session(use_cache=False)

    assert session.url == signed_in.profile.classic_url
    assert session.transport is signed_in.http
    assert session.credentials is signed_in.provider
    assert session.user_id == signed_in.user["ID"] == session.who_am_i().id


def test_a_refused_api_key_asks_for_the_password_fetches_the_current_key_and_resends(private_server, tmp_path):
    prompt = Prompt("demo")
    profile = profile_for(private_server)
    key = private_server.credentials()["api_key"]
    signed_in = _authenticator(tmp_path, prompt).sign_in_with_api_key(profile, key, username="admin")
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    log = Log(session)
    sessions = private_server.context.sessions
    sessions.clear_api_key(sessions.find_user("admin")["ID"])

    assert session.count("PROJ") == projects

    assert [(asked.needs, asked.username) for asked in prompt.asked] == [("password", "admin")]
    assert log.statuses("GET", "/proj/count") == [401, 200]
    assert signed_in.provider.current().value == sessions.api_key_for(sessions.find_user("admin")["ID"]) != key


def test_with_a_prompt_a_revoked_oauth_sign_in_asks_then_runs_the_browser_again_and_resends(private_server, tmp_path):
    browser = FormBrowser()
    prompt = Prompt("go ahead")
    auth = Authenticator(profiles=ProfileStore(tmp_path), secrets=SecretStore(), open_browser=browser,
                         prompt=prompt, clock=FakeClock())
    signed_in = auth.sign_in_with_browser(profile_for(private_server), timeout=10)
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    context = private_server.context
    signed_in.provider.oauth.revoke(signed_in.provider.tokens.refresh_token)
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)

    assert session.count("PROJ") == projects
    assert len(browser.opened) == 2
    assert [request.needs for request in prompt.asked] == ["browser"]


def test_a_declined_browser_prompt_sends_nothing_again(private_server, tmp_path):
    browser = FormBrowser()
    auth = Authenticator(profiles=ProfileStore(tmp_path), secrets=SecretStore(), open_browser=browser,
                         prompt=Prompt(None), clock=FakeClock())
    signed_in = auth.sign_in_with_browser(profile_for(private_server), timeout=10)
    session = signed_in.classic_session(use_cache=False)
    _warm(session)
    signed_in.provider.oauth.revoke(signed_in.provider.tokens.refresh_token)
    private_server.context.clock.advance(private_server.context.settings.oauth_access_token_lifetime_seconds + 1)

    with pytest.raises(ReauthenticationDeclined):
        session.count("PROJ")
    assert len(browser.opened) == 1


def test_client_credentials_get_a_new_token_when_theirs_expires(private_server, tmp_path):
    credentials = private_server.credentials()
    signed_in = _authenticator(tmp_path).sign_in_with_client_credentials(
        profile_for(private_server), credentials["oauth_client_id"], credentials["oauth_client_secret"])
    session = signed_in.classic_session(use_cache=False)
    projects = _warm(session)
    log = Log(session)
    context = private_server.context
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)

    assert session.count("PROJ") == projects
    assert log.statuses("GET", "/proj/count") == [401, 200]
