"""Start and stop the simulator: a threaded werkzeug server on a loopback address.

    with DemoServer() as server:          # fresh in-memory database, port chosen by the OS
        print(server.base_url)            # http://127.0.0.1:PORT
        print(server.credentials()["access_token"])

``/attask/...`` goes to the classic API, ``/maestro/...`` to Planning and
``/integrations/oauth2/...`` and ``/ims/...`` to OAuth. Faults (latency, errors, 429, dropped
connections) are applied here, once, in front of every surface.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import socket
import threading
from pathlib import Path
from typing import Any

from werkzeug.serving import BaseWSGIServer, ThreadedWSGIServer, WSGIRequestHandler, make_server, select_address_family
from werkzeug.wrappers import Request, Response

from wfexplorer.core import redaction
from wfexplorer.demo import http_errors
from wfexplorer.demo.classic.app import create_app as create_classic_app
from wfexplorer.demo.context import DemoContext, Surface
from wfexplorer.demo.datadir import DirectoryLock, make_private
from wfexplorer.demo.faults import Faults, InFlightCounter, sleep_for
from wfexplorer.demo.seed_cache import SeedCache
from wfexplorer.demo.settings import DemoSettings
from wfexplorer.demo.store import Store

log = logging.getLogger(__name__)

DATABASE_NAME = "wfexplorer-demo.sqlite3"
CREDENTIALS_NAME = "demo-credentials.json"
CREDENTIALS_META = "credentials"  # == seed.CREDENTIALS_META; not imported so restarts skip the seed code


class _QuietHandler(WSGIRequestHandler):
    """Request handler that logs through ``logging`` at debug level instead of stderr."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug("%s %s %s", self.command, redaction.redact_url(getattr(self, "path", "")), code)

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        log.debug("%s", redaction.redact_text(format % args))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Refuse a request the HTTP layer cannot read (a request line over 64 KB...) in the API's JSON shape."""
        body, content_type, headers = http_errors.error_body(bytes(getattr(self, "raw_requestline", b"")), int(code))
        self.log_error("code %d, message %s", int(code), message)
        self.send_response(int(code), message)
        self.send_header("Content-Type", content_type)
        self.send_header("Connection", "close")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True


class _LazySurface:
    """A surface built on its first request, so a restart does not pay for importing it (start-up target)."""

    def __init__(self, context: DemoContext, module: str) -> None:
        self._context = context
        self._module = module
        self._lock = threading.Lock()
        self._surface: Surface | None = None

    def _built(self) -> Surface:
        if self._surface is None:
            with self._lock:
                if self._surface is None:
                    self._surface = importlib.import_module(self._module).create_app(self._context)
        return self._surface

    def __call__(self, request: Request) -> Response:
        return self._built()(request)

    def fault_response(self, request: Request, status: int, message: str) -> Response:
        return self._built().fault_response(request, status, message)


class DemoServer:
    """The simulator: store, surfaces and an HTTP server bound to ``host:port``.

    ``data_dir`` ``None`` keeps the database in memory (tests); otherwise the SQLite file and
    ``demo-credentials.json`` live there. ``scale`` multiplies the seeded volumes. ``seed_cache``: data to be
    seeded comes from its kept copy when it has one, and a fresh seed is kept there for the next start.
    """

    def __init__(
        self,
        data_dir: Path | str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        scale: float = 1.0,
        reset: bool = False,
        settings: DemoSettings | None = None,
        faults: Faults | None = None,
        seed_cache: SeedCache | None = None,
    ) -> None:
        self.data_dir = None if data_dir is None else Path(data_dir)
        self.host = host
        self.port = port
        self.scale = scale
        self.reset = reset
        self._settings = settings or DemoSettings()
        self._faults = faults or Faults()
        self.seed_cache = seed_cache
        self.context: DemoContext | None = None
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._surfaces: list[tuple[tuple[str, ...], Surface]] = []
        self._in_flight = InFlightCounter()
        self._lock: DirectoryLock | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def open(self) -> DemoContext:
        """Open (and seed, if empty or reset) the database and build the surfaces; no socket yet."""
        if self.context is not None:
            return self.context
        if self.data_dir is None:
            store = Store(":memory:")
        else:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            lock = DirectoryLock(self.data_dir)
            lock.acquire()  # raises DataDirInUseError (an OSError) when another simulator has it
            self._lock = lock
            database = self.data_dir / DATABASE_NAME
            companions = (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"))
            if self.reset:  # remove the file rather than clear it, so --reset also mends a damaged one
                for path in (database, *companions):
                    path.unlink(missing_ok=True)
            try:
                make_private(database)  # SQLite gives its WAL and shared memory the database's mode
                for path in companions:
                    if path.exists():
                        path.chmod(0o600)
                store = Store(database)
            except BaseException:
                self._release_lock()
                raise
        try:
            return self._fill(store)
        except BaseException:  # a seed cut short (Ctrl-C): the next start rebuilds it
            store.close()
            self._release_lock()
            raise

    def _fill(self, store: Store) -> DemoContext:
        """Seed ``store`` if it is empty, reset or incomplete; build the context and the surfaces."""
        if self.reset:
            store.clear()
        context = DemoContext(store=store, settings=self._settings, faults=self._faults)
        if store.get_meta(CREDENTIALS_META) is None:
            # Empty, or a seed cut short (Ctrl-C during a first start): the credentials are written
            # last, so without them the data is incomplete and is rebuilt from scratch.
            if not store.is_empty():
                log.warning("the demo data in %s is incomplete; rebuilding it", self.data_dir)
                store.clear()
            kept = self.seed_cache
            if kept is None or not (kept.restore(store) or (kept.seed_elsewhere() and kept.restore(store))):
                from wfexplorer.demo import seed  # imported only to build data: keeps restarts fast

                seed.seed_all(context, self.scale)
                if kept is not None:
                    kept.keep(store)
        self.context = context
        self._surfaces = [
            (("/attask/",), create_classic_app(context)),
            (("/maestro/",), _LazySurface(context, "wfexplorer.demo.planning.app")),
            (("/integrations/oauth2/", "/ims/"), _LazySurface(context, "wfexplorer.demo.oauth.app")),
        ]
        return context

    def start(self) -> DemoServer:
        """Bind the socket and serve in a background thread; return self."""
        context = self.open()
        # Bind here rather than in make_server: werkzeug answers a port in use with sys.exit(1),
        # which would end the app (or a test run) instead of raising an OSError the caller can report.
        family = select_address_family(self.host, self.port)
        with socket.create_server((self.host, self.port), family=family) as listener:
            server = make_server(
                self.host, self.port, self._wsgi, threaded=True, request_handler=_QuietHandler, fd=listener.fileno()
            )
        assert isinstance(server, ThreadedWSGIServer)  # threaded=True
        server.daemon_threads = True
        self._server = server
        self.port = self._server.port
        context.base_url = f"http://{_url_host(self.host)}:{self.port}"
        if self.data_dir is not None:
            self.write_credentials(self.data_dir / CREDENTIALS_NAME)
        self._thread = threading.Thread(target=self._server.serve_forever, name="wfexplorer-demo", daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Block the calling thread until interrupted (the CLI), starting the server if needed."""
        if self._server is None:
            self.start()
        assert self._thread is not None
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop serving and close the database."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()  # joins the request threads, so none meets a closed store
            self._server = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if self.context is not None:
            self.context.store.close()
            self.context = None
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- facts for clients -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` of the running server."""
        assert self.context is not None, "the server is not started"
        return self.context.base_url

    @property
    def in_flight(self) -> int:
        """How many requests the server is serving right now (tests wait for 0 before fault runs)."""
        return self._in_flight.count

    def credentials(self) -> dict[str, Any]:
        """Return what ``demo-credentials.json`` holds: base URL, users, keys, tokens, OAuth apps."""
        assert self.context is not None, "the server is not started"
        stored = json.loads(self.context.store.get_meta(CREDENTIALS_META) or "{}")
        return {"base_url": self.context.base_url, **stored}

    def write_credentials(self, path: Path) -> None:
        """Write the credentials file (readable only by the owner)."""
        path.write_text(json.dumps(self.credentials(), indent=2) + "\n", encoding="utf-8")
        path.chmod(0o600)

    # -- request handling --------------------------------------------------------------------

    def _surface_for(self, path: str) -> Surface | None:
        for prefixes, surface in self._surfaces:
            if path.startswith(prefixes):
                return surface
        return None

    def _wsgi(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        surface = self._surface_for(request.path)
        if surface is None:
            response = Response(
                json.dumps({"error": {"message": f"Nothing is served at {request.path}"}}),
                status=404,
                mimetype="application/json",
            )
            return response(environ, start_response)
        faults = self._faults
        in_flight = self._in_flight.enter()
        try:
            sleep_for(faults)
            if faults.should_drop():
                log.info("dropped the connection of %s %s (drop_rate fault)", request.method,
                         redaction.redact_url(request.path))  # before the drop: the client may act at once
                _drop_connection(environ)
                # a dropped connection, as the server sees one: werkzeug ends the request quietly
                raise ConnectionAbortedError("connection dropped by the drop_rate fault")
            if faults.max_in_flight and in_flight > faults.max_in_flight:
                response = surface.fault_response(request, 429, "429 Too many concurrent API requests")
            elif faults.should_fail():
                response = surface.fault_response(request, faults.error_status, "Injected fault")
            else:
                response = surface(request)
            return response(environ, start_response)
        finally:
            self._in_flight.leave()


def _drop_connection(environ: dict[str, Any]) -> None:
    connection = environ.get("werkzeug.socket")
    if isinstance(connection, socket.socket):
        with contextlib.suppress(OSError):
            connection.shutdown(socket.SHUT_RDWR)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
