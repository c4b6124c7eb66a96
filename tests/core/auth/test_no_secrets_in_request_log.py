"""After browsing and editing with every sign-in method, no secret of the session is in the request log: not in
its entries, not in any snippet copied from them, not in the HAR export, not in the console history."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from auth_support import CodeKeepingBrowser, fresh_admin_password, profile_for, record_verifiers

from wfexplorer.core.auth import Authenticator, ProfileStore, SecretStore, TokenService, call_with_credentials
from wfexplorer.core.auth.classic_login import whoami
from wfexplorer.core.classic.session import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.console import ConsoleHistory, request_from_entry
from wfexplorer.core.planning import PlanningClient
from wfexplorer.core.requestlog import RequestLog
from wfexplorer.core.requestlog.har import write_har
from wfexplorer.core.snippets import SnippetKind, call_from_event, render, unavailable
from wfexplorer.core.transport import Transport


def _browse_and_edit(session: Session, planning: PlanningClient | None) -> None:
    session.search("PROJ", status="CUR", fields=["name", "owner:name"])
    project = session.post("/proj", {"name": "Secret scan project"})
    session.put(f"/proj/{project['ID']}", {"updates": {"description": "edited while scanning"}})
    session.count("TASK")
    if planning is not None:
        workspace = planning.workspaces()[0]
        planning.record_types(workspace.id)


def test_no_secret_of_the_session_reaches_the_log_its_snippets_the_har_file_or_the_history(
        private_server: Any, tmp_path: Path, monkeypatch: Any) -> None:
    context = private_server.context
    credentials = private_server.credentials()
    password = fresh_admin_password(private_server)
    log = RequestLog()

    def logged_transport(profile: Any) -> Transport:
        transport = Transport(allow_insecure_http=profile.allow_insecure_http)
        transport.subscribe(log.add)
        return transport

    seen = [password, credentials["api_key"], credentials["oauth_client_secret"], credentials["access_token"]]
    codes: list[str] = []
    verifiers = record_verifiers(monkeypatch)
    profile = profile_for(private_server, name="Log scan")
    auth = Authenticator(profiles=ProfileStore(tmp_path / "config"), secrets=SecretStore(),
                         transport_factory=logged_transport, open_browser=CodeKeepingBrowser(password, codes))

    by_password = auth.sign_in_with_password(profile, "admin", password)
    seen.append(by_password.provider.current().value)
    template = base_url_template(profile.base_url)
    classic = Session("demo", url_template=template, api_version=profile.classic_version, use_cache=False,
                      transport=by_password.http, credentials=by_password.provider)
    _browse_and_edit(classic, None)
    classic.login("admin", password)  # the python-workfront way, password in the form
    seen.append(classic.session_id or "")
    api_key = classic.get_api_key("admin", password)
    seen.append(api_key)
    by_key = Session("demo", url_template=template, api_version=profile.classic_version, use_cache=False,
                     api_key=api_key, transport=by_password.http)
    _browse_and_edit(by_key, None)

    by_browser = auth.sign_in_with_browser(profile.with_changes(name="Log scan oauth"), timeout=10)
    provider = by_browser.provider
    seen += [provider.current().value, provider.tokens.refresh_token]
    context.clock.advance(context.settings.oauth_access_token_lifetime_seconds + 1)
    call_with_credentials(provider, lambda c: whoami(by_browser.http, by_browser.profile, c.classic_headers()))
    seen += [provider.current().value, provider.tokens.refresh_token]
    planning = PlanningClient(profile.base_url, lambda: provider.current().value, transport=by_browser.http)
    oauth_session = Session("demo", url_template=template, api_version=profile.classic_version, use_cache=False,
                            transport=by_browser.http, credentials=provider)
    _browse_and_edit(oauth_session, planning)
    by_browser.sign_out()
    for service in TokenService:
        by_client = auth.sign_in_with_client_credentials(profile.with_changes(name=f"Log scan {service}"),
                                                         credentials["oauth_client_id"],
                                                         credentials["oauth_client_secret"], service=service)
        seen.append(by_client.provider.current().value)
    seen += codes + verifiers
    secrets_seen = {secret for secret in seen if secret}
    assert codes and verifiers and len(secrets_seen) >= 10

    entries = log.entries()
    assert len(entries) > 30 and {"GET", "POST", "PUT"} <= {entry.method for entry in entries}
    texts = {"entries": repr(entries)}
    for entry in entries:
        try:
            call = call_from_event(entry.last)
        except Exception:
            continue
        for kind in SnippetKind:
            if unavailable(call, kind) is None:
                texts[f"{kind} {entry.method} {entry.url}"] = render(call, kind)
    har = tmp_path / "scan.har"
    write_har(har, entries)
    texts["har"] = har.read_text(encoding="utf-8")
    history = ConsoleHistory(tmp_path / "config", "Log scan")
    for entry in entries:
        if "/attask/api/" in entry.url or "/maestro/api/" in entry.url:
            history.add(request_from_entry(entry))
    texts["history"] = history.path.read_text(encoding="utf-8")
    assert json.loads(texts["har"])["log"]["entries"] and json.loads(texts["history"])["items"]
    leaks = [(where, secret[:6]) for where, text in texts.items() for secret in secrets_seen if secret in text]
    assert leaks == []
