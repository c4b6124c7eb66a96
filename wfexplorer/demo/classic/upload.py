"""``POST /upload`` and ``POST /document`` with a handle (classic-api.md §3.14).

``/upload`` takes a multipart file in ``uploadedFile`` and returns ``{"handle": "<32 hex>"}``;
the bytes are kept in the store (kind ``_upload``). ``POST /document`` with ``handle``,
``name``, ``docObjCode``, ``objID`` and optionally ``currentVersion: {version, fileName}``
creates the DOCU and its first DOCV in one transaction.
"""

from __future__ import annotations

import base64
import mimetypes
from typing import Any

from wfexplorer.demo.classic.call import ClassicCall
from wfexplorer.demo.classic.errors import NOT_FOUND, ClassicError
from wfexplorer.demo.classic.rendering import render_one
from wfexplorer.demo.classic.schema import ObjectDef, object_def
from wfexplorer.demo.classic.values import parse_json, write_values
from wfexplorer.demo.classic.writing.checks import require_operation
from wfexplorer.demo.classic.writing.defaults import to_stored_now
from wfexplorer.demo.classic.writing.records import create_record
from wfexplorer.demo.ids import new_id, new_token

UPLOAD_KIND = "_upload"
MAX_UPLOAD_BYTES = 16 * 1024 * 1024
_LINK_FIELDS = {"PROJ": "projectID", "TASK": "taskID", "OPTASK": "opTaskID"}


def upload(call: ClassicCall) -> dict[str, str]:
    """Keep the uploaded file and return its handle."""
    if call.method not in ("POST", "PUT"):
        raise ClassicError("Upload a file with POST and multipart/form-data")
    stored = call.files.get("uploadedFile")
    if stored is None:
        raise ClassicError("The upload needs a multipart file field named 'uploadedFile'")
    content = stored.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise ClassicError(f"The file is larger than {MAX_UPLOAD_BYTES} bytes")
    handle = new_token()
    record = {
        "ID": handle,
        "fileName": stored.filename or "upload.bin",
        "contentType": stored.mimetype or "application/octet-stream",
        "size": len(content),
        "content": base64.b64encode(content).decode("ascii"),
        "userID": call.user_id,
        "created": call.context.clock(),
    }
    with call.write() as tx:
        tx.put(UPLOAD_KIND, record)
    return {"handle": handle}


def has_handle(call: ClassicCall) -> bool:
    """Tell whether a document create carries an upload handle (param or inside ``updates``)."""
    if call.params.get("handle"):
        return True
    text = call.params.get("updates")
    return bool(text) and '"handle"' in str(text)


def create_document(call: ClassicCall, obj: ObjectDef) -> Any:
    """Create a DOCU and its first DOCV from an upload handle."""
    require_operation(obj, "add")
    values, from_json = write_values(call)
    if isinstance(values, list):
        raise ClassicError("Create one document at a time from an upload handle")
    values = dict(values)
    handle = str(values.pop("handle", "") or "")
    version_info = values.pop("currentVersion", None)
    if isinstance(version_info, str):
        version_info = parse_json(version_info, "currentVersion")
    if version_info is not None and not isinstance(version_info, dict):
        raise ClassicError("'currentVersion' must be a JSON object")
    version_info = version_info or {}
    with call.write() as tx:
        uploaded = tx.get(UPLOAD_KIND, handle)
        if uploaded is None:
            raise ClassicError(f"Unknown upload handle: {handle}", kind=NOT_FOUND)
        values.setdefault("name", version_info.get("fileName") or uploaded["fileName"])
        doc_obj_code = str(values.get("docObjCode") or "").upper()
        link_field = _LINK_FIELDS.get(doc_obj_code)
        if link_field and values.get("objID") and link_field not in values:
            values[link_field] = values["objID"]
        document = create_record(call, tx, obj, values, not from_json)
        version_def = object_def("DOCV")
        if version_def is None:
            raise ClassicError("Document versions are not available")
        file_name = str(version_info.get("fileName") or uploaded["fileName"])
        extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
        version = {
            "ID": new_id(call.context.clock()),
            "objCode": "DOCV",
            "documentID": document["ID"],
            "version": str(version_info.get("version") or "v1.0"),
            "fileName": file_name,
            "ext": extension,
            "fileType": uploaded.get("contentType") or mimetypes.guess_type(file_name)[0] or "",
            "docSize": uploaded["size"],
            "entryDate": to_stored_now(call),
            "enteredByID": call.user_id,
            "ownerID": call.user_id,
            "_handle": handle,
            "_contentKey": handle,
        }
        tx.put("DOCV", {key: value for key, value in version.items() if key in version_def.fields or key in (
            "ID", "objCode")})
        document = dict(document, currentVersionID=version["ID"])
        tx.put("DOCU", document)
    return render_one(call, obj, document)
