"""Placeholder surface until its helper replaces this module (answers 501 for everything)."""

from __future__ import annotations

import json

from werkzeug.wrappers import Request, Response

from wfexplorer.demo.context import DemoContext


class _NotYet:
    def __init__(self, context: DemoContext) -> None:
        self.context = context

    def __call__(self, request: Request) -> Response:
        return self.fault_response(request, 501, "not implemented yet")

    def fault_response(self, request: Request, status: int, message: str) -> Response:
        return Response(json.dumps({"error": {"message": message}}), status=status, mimetype="application/json")


def create_app(context: DemoContext) -> _NotYet:
    """Build the placeholder surface."""
    return _NotYet(context)
