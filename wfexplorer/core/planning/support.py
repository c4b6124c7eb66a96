"""Small pieces the Planning client modules share: the version error and answer-shape checks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wfexplorer.core import errors
from wfexplorer.core.planning.filters import Loss


class VersionError(errors.ValidationError):
    """The chosen API version cannot do this (an operation v1 lacks, or a search it cannot carry)."""

    @classmethod
    def of_losses(cls, version: int, losses: Iterable[Loss]) -> VersionError:
        """The error for a search whose parts ``version`` cannot carry, naming each part."""
        losses = tuple(losses)
        field_errors: dict[str, list[str]] = {}
        for loss in losses:
            field_errors.setdefault(loss.path, []).append(loss.message)
        text = "; ".join(str(loss) for loss in losses)
        return cls(f"Planning API v{version} cannot carry this search: {text}", field_errors=field_errors,
                   details=losses)


def expect_mapping(body: Any) -> Mapping[str, Any]:
    """``body`` if it is a JSON object; ``ProtocolError`` otherwise."""
    if not isinstance(body, Mapping):
        raise errors.ProtocolError(f"expected a JSON object, got {type(body).__name__}")
    return body


def expect_list(body: Any) -> list[Any]:
    """``body`` if it is a JSON array; ``ProtocolError`` otherwise."""
    if not isinstance(body, list):
        raise errors.ProtocolError(f"expected a JSON array, got {type(body).__name__}")
    return body
