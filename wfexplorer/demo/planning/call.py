"""One Planning API request as handlers see it: version, caller, request ID, parsed parameters and body."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from werkzeug.wrappers import Request

from wfexplorer.demo.planning.errors import PlanningError, bad_request
from wfexplorer.demo.planning.service import Planning
from wfexplorer.demo.planning.users import Person
from wfexplorer.demo.unicode_text import describe, lone_surrogate_in


@dataclass
class Call:
    """A request being served: ``version`` is ``"v1"`` or ``"v2"``; ``user_id`` the caller's Workfront ID."""

    request: Request
    version: str
    request_id: str
    pl: Planning
    user_id: str = ""
    path_args: dict[str, str] = field(default_factory=dict)
    _body: Any = None
    _body_read: bool = False

    @property
    def person(self) -> Person | None:
        """The caller."""
        return self.pl.directory.by_wf(self.user_id)

    def arg(self, name: str, default: str | None = None) -> str | None:
        """A query parameter."""
        return self.request.args.get(name, default)

    def args(self, name: str) -> list[str]:
        """A repeatable or comma-separated query parameter, as a flat list."""
        items: list[str] = []
        for raw in self.request.args.getlist(name):
            items.extend(part.strip() for part in raw.split(",") if part.strip())
        return items

    def flag(self, name: str) -> bool:
        """A boolean query parameter (``true``/``false``); anything else is a 400."""
        raw = self.request.args.get(name)
        if raw is None or raw == "":
            return False
        if raw.lower() in ("true", "false"):
            return raw.lower() == "true"
        raise bad_request(f"Query parameter '{name}' must be true or false, not '{raw}'.", name, "TypeMismatch")

    def integer(self, name: str, default: int, minimum: int = 0, maximum: int | None = None) -> int:
        """An integer query parameter within bounds; anything else is a 400."""
        raw = self.request.args.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise bad_request(f"Query parameter '{name}' must be an integer, not '{raw}'.", name,
                              "TypeMismatch") from None
        if value < minimum or (maximum is not None and value > maximum):
            bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
            raise bad_request(f"Query parameter '{name}' must be {bound}, not {value}.", name, "Range")
        return value

    def body(self, required: bool = True) -> Any:
        """The JSON body (cached); a missing or malformed body is a 400 when ``required``."""
        if not self._body_read:
            self._body_read = True
            raw = self.request.get_data(cache=True)
            if not raw.strip():
                self._body = None
            else:
                try:
                    self._body = json.loads(raw)
                except ValueError as exc:
                    raise bad_request(f"The request body is not valid JSON: {exc}.") from None
                except RecursionError:
                    raise bad_request("The request body is nested too deeply.") from None
                bad = lone_surrogate_in(self._body)
                if bad is not None:
                    self._body = None
                    raise bad_request(
                        f"The request body holds {describe(bad)}, a lone UTF-16 surrogate: not valid Unicode text."
                    )
        if self._body is None and required:
            raise bad_request("A JSON request body is required.")
        return self._body

    def object_body(self) -> dict[str, Any]:
        """The JSON body, which must be an object."""
        body = self.body()
        if not isinstance(body, dict):
            raise bad_request("The request body must be a JSON object.")
        return body

    def forbid(self, detail: str = "You do not have permission to perform this action.") -> PlanningError:
        """A 403 for the caller."""
        return PlanningError(403, detail, "FORBIDDEN")
