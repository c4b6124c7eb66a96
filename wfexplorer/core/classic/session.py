"""``Session``: one connection to the classic API, with python-workfront's surface and more.

Every request goes through :meth:`Session.request`, which adds the credentials as headers
(``sessionID`` for a login session or an OAuth access token, ``apiKey`` for an API key), sends
it through the shared :class:`~wfexplorer.core.transport.Transport`, and returns the ``data``
element or raises a typed error (:mod:`wfexplorer.core.classic.envelope`).

With a credential provider (``credentials=``, see :mod:`wfexplorer.core.classic.credentials`) a
session that expires mid-work recovers by itself: a request refused with
:class:`~wfexplorer.core.errors.AuthenticationError` (HTTP 401, or a classic ``{"error": …}``
AuthenticationException body, even with HTTP 200) renews the credential once and is sent again
exactly once; see :meth:`Session.request`.

Reads go out as ``GET`` with a query string (``POST`` with ``method=GET`` when the URL would be too
long or a parameter is a secret such as ``password``); writes as ``POST``/``PUT`` with a form body;
other Workfront methods as ``POST`` with ``method=``. Names in search parameters and field lists
may be Workfront names, Python names or descriptors, and are checked against the metadata before
anything is sent.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TypeVar
from urllib.parse import parse_qsl

from wfexplorer.core import errors, redaction
from wfexplorer.core.classic import customforms, envelope, loading, paths, writes
from wfexplorer.core.classic.api import APIVersion
from wfexplorer.core.classic.cache import MetadataCache
from wfexplorer.core.classic.catalog import MetadataCatalog
from wfexplorer.core.classic.credentials import CREDENTIAL_HEADERS, ClassicCredential, CredentialSource
from wfexplorer.core.classic.objects import Object
from wfexplorer.core.classic.templates import (  # noqa: F401 - re-exported as python-workfront's session module does
    DEFAULT_API_VERSION,
    DEFAULT_TEMPLATE,
    MY_WORKFRONT_TEMPLATE,
    ONDEMAND_TEMPLATE,
    SANDBOX_TEMPLATE,
)
from wfexplorer.core.classic.writing_requests import is_read_only_batch, is_write
from wfexplorer.core.renewal import send_renewing
from wfexplorer.core.transport import RequestListener, Transport

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Above this many characters a read is sent as POST with ``method=GET`` (CDNs cut URIs at 8892 bytes).
MAX_GET_URL = 6000
#: Workfront's largest page (``$$LIMIT``).
MAX_PAGE = 2000

ObjectType = type[Object] | str

#: Parameters that carry a request's own credentials (``/login``, ``getApiKey``): such a request is
#: sent without the provider's credential, and a refusal is about them, so it is not renewed.
OWN_CREDENTIAL_PARAMS = frozenset({"password", "apikey", "sessionid"})


class Session:
    """A session for the Workfront classic REST API (python-workfront compatible).

    ``Session('acme')`` talks to ``https://acme.my.workfront.com/attask/api/unsupported``;
    ``url_template`` picks another host form (see :mod:`wfexplorer.core.classic.templates`).
    Authenticate with ``api_key=``, ``session_id=`` (a login session or an OAuth access token),
    :meth:`login`, or ``credentials=`` a provider (such as ``SignedIn.provider`` from
    :mod:`wfexplorer.core.auth`, or ``signed_in.classic_session()``), which renews an expired
    credential once and resends the refused request once (see :meth:`request`); with a provider,
    ``session_id`` and ``api_key`` are not used. ``lazy=False`` makes unloaded references and
    collections raise FieldNotLoaded instead of fetching (the GUI loads explicitly). Metadata is
    cached in ``cache_dir`` (the user cache directory by default; ``use_cache=False`` keeps it in
    memory only).
    """

    def __init__(
        self,
        domain: str,
        api_key: str | None = None,
        protocol: str = "https",
        api_version: str = DEFAULT_API_VERSION,
        url_template: str = DEFAULT_TEMPLATE,
        *,
        session_id: str | None = None,
        transport: Transport | None = None,
        cache_dir: Path | str | None = None,
        use_cache: bool = True,
        lazy: bool = True,
        allow_insecure_http: bool = False,
        headers: Mapping[str, str] | None = None,
        credentials: CredentialSource[Any] | None = None,
    ) -> None:
        self.domain = domain
        self.api_version = api_version
        self.url = url_template.format(protocol=protocol, domain=domain, api_version=api_version).rstrip("/")
        self.api_key = api_key
        self.session_id = session_id
        #: The credential provider (``None``: ``session_id``/``api_key`` are sent as they are).
        self.credentials = credentials
        self.user_id: str | None = getattr(credentials, "user_id", None)
        #: What ``/login`` answered (version information, locale, time zone…), when logged in.
        self.login_info: dict[str, Any] | None = None
        self.lazy = lazy
        #: When True every write (see :mod:`wfexplorer.core.classic.writing_requests`) is refused unsent.
        self.read_only = False
        self.extra_headers = dict(headers or {})
        self._owns_transport = transport is None
        self.transport = transport or Transport(allow_insecure_http=allow_insecure_http)
        cache = MetadataCache(self.url, api_version, cache_dir) if use_cache else None
        #: Metadata of this host and version (object list, fields, references, actions…).
        self.metadata = MetadataCatalog(self, cache)
        #: The object classes: ``session.api.Project``, ``session.api.Issue`` …
        self.api = APIVersion(api_version, self.metadata)

    def __repr__(self) -> str:
        return f"<Session {self.url}>"

    def close(self) -> None:
        """Release pooled connections (only when the session created its own transport)."""
        if self._owns_transport:
            self.transport.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def refresh_metadata(self) -> None:
        """Forget cached metadata (memory and disk) and reflected classes; the next use asks the server."""
        self.metadata.refresh()
        self.api.forget()

    def subscribe(self, listener: RequestListener) -> Any:
        """Call ``listener`` with a RequestEvent for every HTTP attempt; returns an unsubscribe function."""
        return self.transport.subscribe(listener)

    # -- low level ---------------------------------------------------------------------------

    def request(self, method: str, path: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None
                ) -> Any:
        """Send a request with this session's credentials and return the response's ``data`` element.

        ``method`` is the Workfront method (``GET``, ``POST``, ``PUT``, ``DELETE`` or any other,
        sent as ``method=``); ``path`` is relative to the API root (``/proj/search``) or a full URL
        on it; lists and dicts in ``params`` are sent as JSON.

        With a credential provider, a request refused as AuthenticationError (HTTP 401, or an
        AuthenticationException body with any status) is sent again exactly once after
        ``credentials.renew`` (an OAuth refresh, or the password asked for again through the
        provider's prompt); if renewing fails (declined, refused) that error is raised and nothing
        is resent, and a second refusal is raised as is. This holds for writes too: the only
        write ever resent is one the server refused for its credentials, i.e. before applying
        it, so it is applied at most once (the transport never repeats a write on its own).
        Concurrent refusals share one renewal (the provider coalesces them). A request carrying
        its own ``password``/``apiKey``/``sessionID`` parameter (``/login``, ``getApiKey``) is sent
        without the provider's credential and never renewed.
        """
        url, _, query = self.url_for(path).partition("?")
        # A query written into the path joins the parameters, so the secret and length rules see it.
        pairs = [*parse_qsl(query, keep_blank_values=True), *paths.encode_params(params)]
        return self._send(method, url, pairs)

    def get(self, path: str, params: Any = None) -> Any:
        """``GET`` ``path`` and return the ``data`` element."""
        return self.request("GET", path, params)

    def post(self, path: str, params: Any = None) -> Any:
        """``POST`` ``path`` and return the ``data`` element."""
        return self.request("POST", path, params)

    def put(self, path: str, params: Any = None) -> Any:
        """``PUT`` ``path`` and return the ``data`` element."""
        return self.request("PUT", path, params)

    def delete(self, path: str, params: Any = None) -> Any:
        """``DELETE`` ``path`` and return the ``data`` element."""
        return self.request("DELETE", path, params)

    def url_for(self, path: str) -> str:
        """The absolute URL of ``path`` (relative to the API root, or already under it); refuses other hosts."""
        if path.startswith(self.url):
            return path
        if "://" in path:
            raise errors.ValidationError(f"URL not for this session: {path.split('?')[0]}")
        return self.url + ("" if path.startswith("/") else "/") + path

    def _headers(self, credential: ClassicCredential | None = None) -> dict[str, str]:
        """Headers for one request: ``credential`` (from the provider), or ``session_id``/``api_key``."""
        if self.credentials is None:
            headers = dict(self.extra_headers)
            if self.session_id:
                headers["sessionID"] = self.session_id
            elif self.api_key:
                headers["apiKey"] = self.api_key
            return headers
        headers = {name: value for name, value in self.extra_headers.items()
                   if name.lower() not in CREDENTIAL_HEADERS}
        if credential is not None:
            headers.update(credential.classic_headers())
        return headers

    def exchange(self, method: str, url: str, attempt: Callable[[dict[str, str]], T], *,
                 pairs: Sequence[tuple[str, str]] = (), renewable: bool = True) -> T:
        """Run ``attempt(headers)`` for ``method url``: the one place a request gets credentials and is guarded.

        On a read-only session a write (:func:`~wfexplorer.core.classic.writing_requests.is_write` of
        ``method``, ``url`` and the form ``pairs``) raises ReadOnlyError before anything is sent. With a
        provider the credential comes by the one renewal policy (:mod:`wfexplorer.core.renewal`);
        ``renewable=False`` (a request with its own credentials) sends no provider credential.
        """
        method = method.upper()
        if self.read_only and is_write(method, url, pairs):
            raise errors.ReadOnlyError(
                f"This connection is read-only, so {method} {url.removeprefix(self.url) or '/'} was not sent.",
                request_line=f"{method} {redaction.redact_url(url)}",
            )
        source = self.credentials
        if source is None or not renewable:
            return attempt(self._headers())
        return send_renewing(source, lambda credential: attempt(self._headers(credential)))

    def _send(self, method: str, url: str, pairs: list[tuple[str, str]]) -> Any:
        method = method.upper()
        in_query = method in ("GET", "DELETE")
        options: dict[str, Any]
        if in_query and (any(redaction.is_secret(key) for key, _ in pairs)
                         or len(url) + sum(len(k) + len(v) + 2 for k, v in pairs) > MAX_GET_URL):
            # Secrets never go into a URL (server and proxy logs), and long reads would be cut.
            verb, options = "POST", {"data": [*pairs, ("method", method)], "idempotent": method == "GET"}
        elif in_query:
            verb, options = method, {"params": pairs}
        elif method in ("POST", "PUT"):
            # a /batch of reads is a read: retried on 429, 5xx and dropped connections like any GET
            verb, options = method, {"data": pairs, "idempotent": method == "POST" and is_read_only_batch(url, pairs)}
        else:
            verb, options = "POST", {"data": [*pairs, ("method", method)]}

        def attempt(headers: dict[str, str]) -> Any:
            # The transport retries idempotent requests; is_rate_limited adds the 429s sent as HTTP 200.
            response = self.transport.request(verb, url, headers=headers, retry_if=envelope.is_rate_limited,
                                              **options)
            return envelope.decode(response, response.request.method or method)

        own_credentials = any(key.lower() in OWN_CREDENTIAL_PARAMS for key, _ in pairs)
        return self.exchange(method, url, attempt, pairs=pairs, renewable=not own_credentials)

    # -- authentication ----------------------------------------------------------------------

    def login(self, username: str, password: str) -> None:
        """Start a session with a username and password; sets ``session_id`` and ``user_id``.

        On a session with a credential provider, a successful login replaces the provider: from
        then on the new ``session_id`` is sent (and not renewed).
        """
        data = self.post("/login", {"username": username, "password": password})
        if not isinstance(data, dict) or not data.get("sessionID"):
            raise errors.ProtocolError("/login did not return a sessionID")
        self.credentials = None
        self.session_id = str(data["sessionID"])
        self.user_id = data.get("userID")
        self.login_info = data

    def logout(self) -> None:
        """End the login session; ``session_id`` and ``user_id`` become ``None`` even if the server fails.

        With a credential provider, the provider's ``sign_out()`` ends its session (a classic
        logout, or OAuth token revocation) and the session lets go of the provider.
        """
        source, self.credentials = self.credentials, None
        try:
            if source is not None:
                sign_out = getattr(source, "sign_out", None)
                if callable(sign_out):
                    sign_out()
            elif self.session_id:
                self.get("/logout")
        finally:
            self.session_id = None
            self.user_id = None
            self.login_info = None

    def get_api_key(self, username: str, password: str) -> str:
        """Return the user's API key, generating one when the user has none yet."""
        credentials = {"username": username, "password": password}
        data = self.put("/user", {"action": "getApiKey", **credentials})
        key = data.get("result") if isinstance(data, dict) else data
        if not key:
            data = self.put("/user", {"action": "generateApiKey", **credentials})
            key = data.get("result") if isinstance(data, dict) else data
        if not key:
            raise errors.ProtocolError("Workfront returned no API key")
        return str(key)

    def who_am_i(self, fields: Sequence[Any] = ()) -> Object:
        """Load the signed-in user (``/user?id=$$USER``); also sets ``user_id``."""
        user_class = self._class("USER")
        params: dict[str, Any] = {"id": "$$USER"}
        if fields:
            params["fields"] = paths.field_spec(self.api, user_class, fields)
        data = self.get("/user", params)
        if isinstance(data, list) and data:
            data = data[0]
        if not isinstance(data, dict):
            raise errors.ProtocolError("/user?id=$$USER did not answer a user")
        user = self.api.from_data(self, data, "USER")
        self.user_id = user.id
        return user

    # -- reading -----------------------------------------------------------------------------

    def _class(self, object_type: ObjectType) -> type[Object]:
        if isinstance(object_type, type) and issubclass(object_type, Object):
            return object_type
        cls = self.api.class_named(object_type) or self.api.class_for(object_type)
        if cls is None:
            raise errors.NotFoundError(f"No object type {object_type!r} in API {self.api_version}")
        return cls

    def _wrap_all(self, cls: type[Object], data: Any) -> list[Object]:
        if isinstance(data, dict):
            data = [data]
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise errors.ProtocolError(f"expected a list of {cls.__name__} objects")
        return [self.api.from_data(self, item, cls.code) if item.get("objCode", cls.code) != cls.code
                else cls._from_wire(self, item) for item in data]

    def _query(self, cls: type[Object], fields: Sequence[Any] | None, where: Mapping[Any, Any] | None,
               parameters: Mapping[str, Any]) -> list[tuple[str, str]]:
        pairs = paths.search_params(self.api, cls, {**(where or {}), **parameters})
        if fields:
            pairs.append(("fields", paths.field_spec(self.api, cls, fields)))
        return pairs

    def search(self, object_type: ObjectType, fields: Sequence[Any] | None = None,
               where: Mapping[Any, Any] | None = None, **parameters: Any) -> list[Object]:
        """Search objects of a type; filters as keyword arguments (any spelling) or in ``where``.

        ``where`` also takes descriptors as keys (``{api.Task.status: 'CLS'}``). A list value is
        sent as repeated parameters (the ``in`` form). Returns at most ``$$LIMIT`` objects (100 by
        default); :meth:`iter_search` pages through everything.
        """
        cls = self._class(object_type)
        data = self._send("GET", self.url_for(f"/{cls.code}/search"), self._query(cls, fields, where, parameters))
        if isinstance(data, dict) and all(isinstance(value, dict) for value in data.values()):
            return self._wrap_all(cls, list(data.values()))
        return self._wrap_all(cls, data)

    def search_page(self, object_type: ObjectType, first: int = 0, limit: int = 100,
                    fields: Sequence[Any] | None = None, where: Mapping[Any, Any] | None = None,
                    **parameters: Any) -> list[Object]:
        """Return one page of a search (``$$FIRST``/``$$LIMIT``) in a stable order; one request.

        Pages of the same query never repeat or skip rows: ``ID`` is always the last sort key.
        """
        if not 1 <= limit <= MAX_PAGE or first < 0:
            raise errors.ValidationError(f"A page starts at 0 or later and holds 1 to {MAX_PAGE} objects")
        cls = self._class(object_type)
        base = [(k, v) for k, v in self._query(cls, fields, where, parameters) if k not in ("$$FIRST", "$$LIMIT")]
        pairs = [*paths.stable_sort(base), ("$$FIRST", str(first)), ("$$LIMIT", str(limit))]
        return self._wrap_all(cls, self._send("GET", self.url_for(f"/{cls.code}/search"), pairs))

    def iter_search(self, object_type: ObjectType, fields: Sequence[Any] | None = None,
                    where: Mapping[Any, Any] | None = None, page_size: int = MAX_PAGE,
                    **parameters: Any) -> Iterator[Object]:
        """Yield every match, one page (``$$FIRST``/``$$LIMIT`` ≤ 2000) per request, in a stable order.

        Without a sort the order is ``ID`` ascending; with one, ``ID`` is added as the last key so
        pages can neither repeat nor skip rows.
        """
        if not 1 <= page_size <= MAX_PAGE:
            raise errors.ValidationError(f"page_size must be between 1 and {MAX_PAGE}")
        for first in itertools.count(0, page_size):
            page = self.search_page(object_type, first, page_size, fields, where, **parameters)
            yield from page
            if len(page) < page_size:
                return

    def load(self, object_type: ObjectType, id_or_ids: str | Iterable[str], fields: Sequence[Any] | None = None
             ) -> Any:
        """Load objects by ID: one ID gives an object, a sequence of IDs always gives a list."""
        cls = self._class(object_type)
        many = not isinstance(id_or_ids, str)
        ids: list[str] = [id_or_ids] if isinstance(id_or_ids, str) else list(id_or_ids)
        if many and not ids:
            return []
        pairs: list[tuple[str, str]] = [("id", ",".join(ids))]
        if fields:
            pairs.append(("fields", paths.field_spec(self.api, cls, fields)))
        data = self._send("GET", self.url_for(f"/{cls.code}"), pairs)
        if not many:
            if isinstance(data, list):
                data = data[0] if data else None
            if not isinstance(data, dict):
                raise errors.NotFoundError(f"No {cls.__name__} with ID {ids[0]}")
            return cls._from_wire(self, data)
        return self._wrap_all(cls, data)

    def count(self, object_type: ObjectType, where: Mapping[Any, Any] | None = None, **parameters: Any) -> int:
        """Count the objects a search with the same filters would find."""
        cls = self._class(object_type)
        data = self._send("GET", self.url_for(f"/{cls.code}/count"), self._query(cls, None, where, parameters))
        value = data.get("count") if isinstance(data, dict) else data
        if not isinstance(value, int):
            raise errors.ProtocolError(f"/count answered {data!r}")
        return value

    def report(self, object_type: ObjectType, where: Mapping[Any, Any] | None = None, **parameters: Any
               ) -> dict[str, Any]:
        """Group and aggregate (``status_GroupBy=True``, ``hours_AggFunc='sum'``); returns the report map."""
        cls = self._class(object_type)
        data = self._send("GET", self.url_for(f"/{cls.code}/report"), self._query(cls, None, where, parameters))
        if not isinstance(data, dict):
            raise errors.ProtocolError("/report did not answer a map")
        return data

    def named_query(self, object_type: ObjectType, query: str, fields: Sequence[Any] | None = None,
                    **arguments: Any) -> Any:
        """Run a named query (``GET /{obj}/{query}``); objects come back wrapped, other data as is."""
        cls = self._class(object_type)
        pairs = paths.encode_params(arguments)
        if fields:
            pairs.append(("fields", paths.field_spec(self.api, cls, fields)))
        data = self._send("GET", self.url_for(f"/{cls.code}/{query}"), pairs)
        if isinstance(data, list) and all(isinstance(item, dict) and "objCode" in item for item in data):
            return [self.api.from_data(self, item, cls.code) for item in data]
        return data

    # -- writing -----------------------------------------------------------------------------

    def copy(self, object_type: ObjectType, source_id: str, updates: Mapping[Any, Any] | None = None,
             options: Sequence[str] | None = None, fields: Sequence[Any] | None = None) -> Object:
        """Copy an object (``POST /{obj}?copySourceID=…``) with optional changes; returns the new one."""
        cls = self._class(object_type)
        params: dict[str, Any] = {"copySourceID": source_id}
        if updates:
            params["updates"] = {cls._workfront_name(key): value for key, value in updates.items()}
        if options:
            params["options"] = list(options)
        if fields:
            params["fields"] = paths.field_spec(self.api, cls, fields)
        data = self.post(f"/{cls.code}", params)
        return cls._from_wire(self, data)

    def upload(self, file_name: str, content: bytes | BinaryIO, content_type: str = "application/octet-stream"
               ) -> str:
        """Upload a file (``POST /upload``, field ``uploadedFile``) and return its handle."""
        return writes.upload(self, file_name, content, content_type)

    def attach_document(self, owner: Object, file_name: str, content: bytes | BinaryIO,
                        name: str | None = None) -> Object:
        """Upload a file and attach it to ``owner`` as a new Document (two requests); returns the document."""
        return writes.attach_document(self, owner, file_name, content, name)

    def bulk_create(self, object_type: ObjectType, records: Sequence[Mapping[Any, Any]],
                    fields: Sequence[Any] | None = None) -> list[Object]:
        """Create many objects, 100 per request (Workfront's cap); returns them in order."""
        return writes.bulk(self, "POST", self._class(object_type), records, fields)

    def bulk_edit(self, object_type: ObjectType, records: Sequence[Mapping[Any, Any]],
                  fields: Sequence[Any] | None = None) -> list[Object]:
        """Edit many objects (each record carries its ``ID``), 100 per request; returns them in order."""
        return writes.bulk(self, "PUT", self._class(object_type), records, fields)

    def batch(self, calls: Sequence[writes.Call], atomic: bool = False, concurrent: bool = False,
              raise_errors: bool = True) -> list[Any]:
        """Send several calls in one ``/batch`` request; returns each call's ``data`` in order.

        A call is ``(method, path, params)`` or a relative URI string. A failed call raises its
        error (the request line says which call), or with ``raise_errors=False`` its
        WorkfrontError takes its place in the list. An atomic batch returns ``[]`` on success.
        """
        return writes.batch(self, calls, atomic, concurrent, raise_errors)

    def custom_forms(self, object_type: ObjectType) -> list[customforms.CustomForm]:
        """Return the custom forms of a type with their ``DE:`` fields described (one request)."""
        return customforms.custom_forms(self, self._class(object_type).code)

    # -- explicit loading (the GUI's path: one request, never hidden in attribute reads) ------

    def fetch_reference(self, obj: Object, name: Any, fields: Sequence[Any] = ()) -> Object | None:
        """Return ``obj``'s referenced object, loading it (with ``fields``) in one request if needed."""
        return loading.fetch_reference(self, obj, name, fields)

    def fetch_collection(self, obj: Object, name: Any, fields: Sequence[Any] = (), first: int = 0,
                         limit: int | None = None) -> loading.CollectionPage:
        """Return a page of ``obj``'s collection with ``fields``; one request, none when already loaded."""
        return loading.fetch_collection(self, obj, name, fields, first, limit)

    def load_fields(self, objects: Sequence[Object], *fields: Any) -> list[Object]:
        """Load fields or reference paths (``project:owner``) for many objects of one type in one request."""
        return loading.load_fields(self, objects, fields)
