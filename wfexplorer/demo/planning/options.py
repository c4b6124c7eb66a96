"""The Planning simulator's switches for what the documents leave open (planning-api.md §12).

Every key lives in ``context.settings.planning_options`` (a ``dict[str, str]``); a missing key means the
documented default below. Change them from tests (``server.context.settings.planning_options[key] = value``).

Key — default — alternative:

- ``search_envelope`` — ``spec`` (Spring ``Page`` in ``records``) — ``guide``: ``{records: [...], page: {...}}``
- ``not_found_code`` — ``ENTITY_WITH_ATTRIBUTE_NOT_FOUND`` — ``NOT_FOUND`` (the migration guide's code)
- ``error_content_type`` — ``application/json`` — ``application/problem+json``
- ``people_plain_id`` — ``IMS`` — ``WF``: a plain-string v2 People filter value is a Workfront ID
- ``bulk_over_limit`` — ``reject`` (400) — ``truncate``: the first 100 rows run, the rest go to ``errors``
- ``detach_deletes_records`` — ``true`` — ``false``: detach keeps the workspace's records
- ``require_gateway_headers`` — ``false`` — ``true``: ``x-api-key`` and ``x-gw-ims-org-id`` are required
- ``field_type_names`` — ``enum`` (lookups/system fields use stand-in enum types, real one in
  ``metadata.originType``) — ``extended``: v2 fields report ``LOOKUP``/``CREATED_BY``/... as their type
- ``between_inclusive`` — ``true`` — ``false``: IS_BETWEEN excludes its bounds
- ``lenient_reference_lists`` — ``true`` — ``false``: IS_ANY_OF/IS_NONE_OF on a reference field is a 400
- ``retry_after`` — empty — a number of seconds: 429 answers carry ``Retry-After``
- ``v1_projection_nulls`` — ``false`` (the schema has no nulls) — ``true``: v1 ``attributes`` sends the other
  keys as null, as an old documentation example shows
- ``conflict_rate`` — ``0`` — 0..1: that share of PUT/PATCH requests answer 409 (real conflicts always do)
- ``accept_login_sessions`` — ``false`` — ``true``: classic ``/login`` session IDs work as Bearer tokens
- ``v1_put`` — ``merge`` (v1 has no PATCH and says "use PUT for all updates": only the sent ``data`` keys
  change) — ``replace``: v1 PUT clears the values it does not send, as the basics page defines PUT

``parse("key=value,...")`` checks a spec (for a command line) against ``CHOICES``.
"""

from __future__ import annotations

from wfexplorer.demo.context import DemoContext

DEFAULTS: dict[str, str] = {
    "search_envelope": "spec",
    "not_found_code": "ENTITY_WITH_ATTRIBUTE_NOT_FOUND",
    "error_content_type": "application/json",
    "people_plain_id": "IMS",
    "bulk_over_limit": "reject",
    "detach_deletes_records": "true",
    "require_gateway_headers": "false",
    "field_type_names": "enum",
    "between_inclusive": "true",
    "lenient_reference_lists": "true",
    "retry_after": "",
    "v1_projection_nulls": "false",
    "conflict_rate": "0",
    "accept_login_sessions": "false",
    "v1_put": "merge",
}


#: Allowed values per key (None: any number, as text).
CHOICES: dict[str, tuple[str, ...] | None] = {
    "search_envelope": ("spec", "guide"),
    "not_found_code": ("ENTITY_WITH_ATTRIBUTE_NOT_FOUND", "NOT_FOUND"),
    "error_content_type": ("application/json", "application/problem+json"),
    "people_plain_id": ("IMS", "WF"),
    "bulk_over_limit": ("reject", "truncate"),
    "detach_deletes_records": ("true", "false"),
    "require_gateway_headers": ("false", "true"),
    "field_type_names": ("enum", "extended"),
    "between_inclusive": ("true", "false"),
    "lenient_reference_lists": ("true", "false"),
    "retry_after": None,
    "v1_projection_nulls": ("false", "true"),
    "conflict_rate": None,
    "accept_login_sessions": ("false", "true"),
    "v1_put": ("merge", "replace"),
}


def parse(spec: str) -> dict[str, str]:
    """``key=value,...`` (e.g. from a command line) → options; ``ValueError`` names the first bad part."""
    options: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in DEFAULTS:
            raise ValueError(f"unknown Planning option {part!r}; use key=value with a key from: "
                             f"{', '.join(DEFAULTS)}")
        allowed = CHOICES[key]
        if allowed is None:
            if value:
                try:
                    float(value)
                except ValueError:
                    raise ValueError(f"Planning option {key!r} needs a number, not {value!r}") from None
        elif value not in allowed:
            raise ValueError(f"Planning option {key!r} is one of {', '.join(allowed)}, not {value!r}")
        options[key] = value
    return options


class Options:
    """Typed reads of ``planning_options`` with the documented defaults."""

    def __init__(self, context: DemoContext) -> None:
        self._context = context

    def get(self, key: str) -> str:
        """The value of ``key`` (its default when unset)."""
        return str(self._context.settings.planning_options.get(key, DEFAULTS[key])).strip()

    def flag(self, key: str) -> bool:
        """A boolean option (``true``/``1``/``yes``)."""
        return self.get(key).lower() in ("true", "1", "yes", "on")

    def number(self, key: str) -> float:
        """A numeric option (0 when empty or unreadable)."""
        try:
            return float(self.get(key) or 0)
        except ValueError:
            return 0.0
