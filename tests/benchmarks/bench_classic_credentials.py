"""Benchmark: what a credential provider costs a classic Session (plain script, not collected by pytest).

    .venv/bin/python tests/benchmarks/bench_classic_credentials.py

1. Per-request cost of ``credentials=`` (an API-key provider) against ``api_key=`` on the same
   ``GET /proj/count``, interleaved; the median of paired differences should be a few microseconds.
2. Recovering from an expired password session: the failed request, one ``/login`` and the resent
   request, against one ordinary request (about three round trips).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from wfexplorer.core.auth import ApiKeyProvider, PasswordProvider, demo_profile
from wfexplorer.core.classic import Session
from wfexplorer.core.classic.templates import base_url_template
from wfexplorer.core.transport import Transport
from wfexplorer.demo.server import DemoServer


def _session(server: DemoServer, http: Transport, **credentials: object) -> Session:
    return Session("demo", api_version="v21.0", url_template=base_url_template(server.base_url), transport=http,
                   use_cache=False, **credentials)  # type: ignore[arg-type]


def bench_provider_overhead(server: DemoServer, http: Transport, rounds: int = 400) -> float:
    key = server.credentials()["api_key"]
    profile = demo_profile(server.base_url)
    plain = _session(server, http, api_key=key)
    provided = _session(server, http, credentials=ApiKeyProvider(profile, http, key))
    for session in (plain, provided) * 15:
        session.count("PROJ", status="CUR")
    theirs, ours = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        plain.count("PROJ", status="CUR")
        theirs.append(time.perf_counter() - started)
        started = time.perf_counter()
        provided.count("PROJ", status="CUR")
        ours.append(time.perf_counter() - started)
    extra = statistics.median(o - t for o, t in zip(ours, theirs, strict=True)) * 1000
    print(f"1. api_key= median {statistics.median(theirs) * 1000:.3f} ms, credentials= median "
          f"{statistics.median(ours) * 1000:.3f} ms → provider cost {extra * 1000:.1f} µs per request")
    return extra


def bench_recovery(server: DemoServer, http: Transport, rounds: int = 50) -> None:
    profile = demo_profile(server.base_url)
    credentials = server.credentials()
    provider = PasswordProvider(profile, http, credentials["username"], credentials["password"], keep_password=True)
    session = _session(server, http, credentials=provider)
    session.count("PROJ")
    normal, recovered = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        session.count("PROJ")
        normal.append(time.perf_counter() - started)
        assert server.context is not None
        server.context.sessions.revoke(provider.current().value)
        started = time.perf_counter()
        session.count("PROJ")
        recovered.append(time.perf_counter() - started)
    print(f"2. ordinary request median {statistics.median(normal) * 1000:.2f} ms; after expiry (401, /login, "
          f"resend) median {statistics.median(recovered) * 1000:.2f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, DemoServer(Path(tmp) / "demo", scale=0.2) as server:
        http = Transport()
        try:
            bench_provider_overhead(server, http)
            bench_recovery(server, http)
        finally:
            http.close()


if __name__ == "__main__":
    main()
