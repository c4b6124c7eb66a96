"""``POST /batch`` (classic-api.md §3.13): run several relative URIs in one request.

Each repeated ``uri`` (``user/search?method=GET``, ``/proj/ID?method=PUT&name=x``) runs with its
own query parameters and its own ``method=`` (GET when absent), as the caller of the batch.
The response is ``[{"data": …} | {"error": {…}}, …]`` in order. ``atomic=true`` runs every URI
in one transaction: the first failure undoes all of them and is the response; success is
``{"success": true}``. ``concurrent=true`` (not atomic) runs the URIs in parallel.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from wfexplorer.demo.classic import objcats
from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.params import Params, parse_urlencoded
from wfexplorer.demo.classic.routing import parse_path

MAX_URIS = 100
_WORKERS = 4


def _sub_call(call: ClassicCall, uri: str) -> ClassicCall:
    parts = urlsplit(uri.strip())
    if parts.scheme or parts.netloc:
        raise ClassicError(f"Batch URIs must be relative: {uri}")
    path = parts.path
    full_path = path if path.startswith("/attask/") else f"{call.route.prefix}/{path.lstrip('/')}"
    route = parse_path(full_path)
    if route.root_endpoint in ("batch", "login", "logout", "upload"):
        raise ClassicError(f"/{route.root_endpoint} cannot run inside a batch")
    params: Params = parse_urlencoded(parts.query)
    method = (params.get("method") or "GET").strip().upper()
    if method not in ("GET", "POST", "PUT", "DELETE"):
        raise ClassicError(f"Unsupported method: {method}")
    return ClassicCall(
        context=call.context, route=route, params=params, method=method, caller=call.caller, access=call.access
    )


def run_batch(call: ClassicCall, dispatch: Callable[[ClassicCall], Any]) -> Any:
    """Run every ``uri`` of the batch and return the combined data."""
    uris = call.params.getlist("uri")
    if not uris:
        raise ClassicError("A batch needs at least one 'uri' parameter")
    if len(uris) > MAX_URIS:
        raise ClassicError(f"Too many URIs in one batch: {len(uris)} (the maximum is {MAX_URIS})")
    sub_calls = [_sub_call(call, uri) for uri in uris]
    if call.params.flag("atomic"):
        with call.context.store.transaction() as tx:
            for sub in sub_calls:
                sub.tx = tx
                dispatch(sub)  # a ClassicError propagates and discards the transaction
            objcats.sync(tx, call.context.store, call.context.clock())
        return {"success": True}

    def run_one(sub: ClassicCall) -> dict[str, Any]:
        try:
            return {"data": dispatch(sub)}
        except ClassicError as error:
            return {"error": error.body()}

    if call.params.flag("concurrent") and len(sub_calls) > 1:
        with ThreadPoolExecutor(min(_WORKERS, len(sub_calls))) as pool:
            return list(pool.map(run_one, sub_calls))
    return [run_one(sub) for sub in sub_calls]
