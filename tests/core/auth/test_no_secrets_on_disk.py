"""After a whole session with every sign-in method, no secret is in the config dir, the cache dir or the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from auth_support import CodeKeepingBrowser, fresh_admin_password, profile_for, record_verifiers

from wfexplorer.core.app_dirs import default_cache_dir, default_config_dir, default_log_dir
from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore, TokenService, call_with_credentials
from wfexplorer.core.auth.classic_login import whoami
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import base_url_template

BROWSER_THREAD = "simulated-browser"


class _NotFromTheBrowser(logging.Filter):
    """The simulated browser stands for another program (Chromium); its HTTP client's logs are not ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != BROWSER_THREAD


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Point the platform's config, cache and state (log) dirs at temporary places."""
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    monkeypatch.chdir(tmp_path)
    return [default_config_dir(), default_cache_dir(), default_log_dir()]


@pytest.fixture
def log_file(user_dirs: list[Path]) -> Path:
    """Everything logged at debug level goes to a file in the log dir for the duration of the test."""
    path = default_log_dir() / "wfexplorer.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    handler.addFilter(_NotFromTheBrowser())
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(threadName)s %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()


def test_a_whole_session_leaves_no_secret_in_config_cache_or_logs(private_server, user_dirs, log_file,
                                                                  monkeypatch):
    context = private_server.context
    credentials = private_server.credentials()
    password = fresh_admin_password(private_server)
    seen: list[str] = [password, credentials["api_key"], credentials["oauth_client_secret"]]
    codes: list[str] = []
    verifiers = record_verifiers(monkeypatch)
    profile = profile_for(private_server, name="Scan")
    browser = CodeKeepingBrowser(password, codes, BROWSER_THREAD)
    auth = Authenticator(profiles=ProfileStore(), secrets=SecretStore(), open_browser=browser)

    # password, remembered; a classic Session on top (it caches metadata in the cache dir)
    by_password = auth.sign_in_with_password(profile, "admin", password, remember=True, remember_password=True)
    seen.append(by_password.provider.current().value)
    classic = Session("demo", url_template=base_url_template(profile.base_url), api_version=profile.classic_version,
                      session_id=by_password.provider.current().value)
    assert classic.who_am_i()
    classic.close()
    # API key: fetched with the password, then signed in with and remembered
    api_key = auth.get_api_key(profile, "admin", password)
    seen.append(api_key)
    auth.sign_in_with_api_key(profile.with_changes(name="Scan key"), api_key, username="admin", remember=True)
    # OAuth in the browser, remembered; then the access token dies and a request renews it
    by_browser = auth.sign_in_with_browser(profile.with_changes(name="Scan oauth"), remember=True, timeout=10)
    provider = by_browser.provider
    seen += [provider.current().value, provider.tokens.refresh_token]
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)
    call_with_credentials(provider, lambda c: whoami(by_browser.http, by_browser.profile, c.classic_headers()))
    seen += [provider.current().value, provider.tokens.refresh_token]
    restored = auth.restore(auth.profiles.get("Scan oauth"))
    seen += [restored.provider.current().value, restored.provider.tokens.refresh_token]
    restored.sign_out()
    # server to server, both endpoints
    for service in TokenService:
        by_client = auth.sign_in_with_client_credentials(profile.with_changes(name=f"Scan {service}"),
                                                         credentials["oauth_client_id"],
                                                         credentials["oauth_client_secret"], service=service,
                                                         remember=True)
        seen.append(by_client.provider.current().value)
    seen += codes + verifiers
    logging.getLogger("wfexplorer.test").info("session finished")

    files = [path for directory in user_dirs if directory.exists() for path in directory.rglob("*") if path.is_file()]
    names = {path.name for path in files}
    assert {"profiles.json", "wfexplorer.log"} <= names
    assert any("classic-metadata" in str(path) for path in files)
    assert codes and verifiers and all(seen)
    assert "session finished" in log_file.read_text(encoding="utf-8")
    leaks = [(path, secret[:6]) for path in files for secret in set(seen)
             if secret.encode() in path.read_bytes()]
    assert leaks == []
