"""Behaviour settings of the simulator where the real APIs leave a choice open."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DemoSettings:
    """Settings every surface of the simulator reads; change them from tests or the CLI.

    ``classic_error_statuses`` maps an error kind to the HTTP status the classic API answers
    with; ``classic_legacy_errors`` answers every classic error with HTTP 200 instead, as old
    Workfront servers did. ``planning_options`` holds the Planning open-question switches
    (planning-api.md §12), keyed by name, each with its documented default.
    """

    time_zone: str = "America/Chicago"
    classic_error_statuses: dict[str, int] = field(
        default_factory=lambda: {
            "auth": 401,
            "forbidden": 403,
            "bad_request": 400,
            "not_found": 404,
            "unprocessable": 422,
            "rate_limited": 429,
        }
    )
    classic_legacy_errors: bool = False
    classic_max_uri_bytes: int | None = None  # e.g. 8892, Workfront's CDN limit (classic-api.md §8); None = off
    session_lifetime_seconds: float = 4 * 3600
    oauth_access_token_lifetime_seconds: float = 3600
    oauth_code_lifetime_seconds: float = 120
    planning_options: dict[str, str] = field(default_factory=dict)
