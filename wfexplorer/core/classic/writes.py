"""Writes beyond ``Object.save``: bulk create/edit, ``/batch``, ``/upload`` and documents.

Plain functions over a :class:`~wfexplorer.core.classic.requester.ClassicRequester` (a ``Session``); the
session's methods of the same names call them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, BinaryIO
from urllib.parse import urlencode

from wfexplorer.core import errors
from wfexplorer.core.classic import envelope, paths
from wfexplorer.core.classic.objects import Object
from wfexplorer.core.classic.requester import ClassicRequester

#: Workfront's largest bulk create or edit.
BULK_LIMIT = 100

#: A batch call: ``(method, path, params)`` or a relative URI with its query string.
Call = tuple[str, str, Mapping[str, Any] | Sequence[tuple[str, Any]] | None] | str


def upload(session: ClassicRequester, file_name: str, content: bytes | BinaryIO,
           content_type: str = "application/octet-stream") -> str:
    """Upload a file (``POST /upload``, field ``uploadedFile``) and return its handle.

    The content is read once up front (requests builds the multipart body in memory anyway), so
    the upload can be sent again after its credential was renewed.
    """
    payload = content if isinstance(content, bytes | bytearray) else content.read()
    url = session.url_for("/upload")

    def attempt(headers: dict[str, str]) -> Any:
        response = session.transport.request("POST", url, headers=headers,
                                             files={"uploadedFile": (file_name, payload, content_type)})
        return envelope.decode(response, "POST")

    data = session.exchange("POST", url, attempt)
    if not isinstance(data, dict) or not data.get("handle"):
        raise errors.ProtocolError("/upload did not return a handle")
    return str(data["handle"])


def attach_document(session: ClassicRequester, owner: Object, file_name: str, content: bytes | BinaryIO,
                    name: str | None = None) -> Object:
    """Upload a file and attach it to ``owner`` as a new Document; returns the document."""
    handle = upload(session, file_name, content)
    updates = {"name": name or file_name, "handle": handle, "docObjCode": owner.code, "objID": owner.id,
               "currentVersion": {"version": "v1.0", "fileName": file_name}}
    data = session.post("/document", {"updates": updates})
    return session.api.from_data(session, data, "DOCU")


def bulk(session: ClassicRequester, method: str, cls: type[Object], records: Sequence[Mapping[Any, Any]],
         fields: Sequence[Any] | None) -> list[Object]:
    """Create (``POST``) or edit (``PUT``) many objects with ``updates=[…]``, 100 per request."""
    updates = [{cls._workfront_name(key): value for key, value in record.items()} for record in records]
    spec = paths.field_spec(session.api, cls, fields) if fields else None
    done: list[Object] = []
    for start in range(0, len(updates), BULK_LIMIT):
        params: dict[str, Any] = {"updates": updates[start:start + BULK_LIMIT]}
        if spec:
            params["fields"] = spec
        data = session.request(method, f"/{cls.code}", params)
        done += [session.api.from_data(session, item, cls.code) for item in (data if isinstance(data, list)
                                                                              else [data])]
    return done


def batch(session: ClassicRequester, calls: Sequence[Call], atomic: bool = False, concurrent: bool = False,
          raise_errors: bool = True) -> list[Any]:
    """Send several calls in one ``/batch`` request; see :meth:`Session.batch`."""
    uris = [call if isinstance(call, str) else batch_uri(*call) for call in calls]
    pairs = [("uri", uri) for uri in uris] + [("atomic", "true" if atomic else "false"),
                                                ("concurrent", "true" if concurrent else "false")]
    data = session.request("POST", "/batch", pairs)
    if atomic and isinstance(data, dict):
        return []
    if not isinstance(data, list) or len(data) != len(uris):
        raise errors.ProtocolError("/batch did not answer one envelope per call")
    results: list[Any] = []
    for index, item in enumerate(data):
        if isinstance(item, dict) and "error" in item:
            error = envelope.error_from_body(item["error"], 200, f"batch call {index + 1}: {uris[index]}")
            if raise_errors:
                raise error
            results.append(error)
        else:
            results.append(item.get("data") if isinstance(item, dict) else item)
    return results


def batch_uri(method: str, path: str, params: Any = None) -> str:
    """Return the relative URI of one batch call, with its ``method=``."""
    pairs = paths.encode_params(params)
    pairs.append(("method", method.upper()))
    return path.lstrip("/") + "?" + urlencode(pairs)
