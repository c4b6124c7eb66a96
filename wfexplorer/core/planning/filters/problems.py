"""Problems found in a filter, and the exception raised when parsing meets them.

``validate()`` returns ``Problem`` objects and never raises for a user's mistake; the JSON parsers raise
``FilterError`` carrying every error-level problem they found, each with the exact spot in the document.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from wfexplorer.core.errors import ValidationError


class Severity(enum.StrEnum):
    """How bad a problem is: an ``error`` makes the server refuse the filter; a ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a filter: where (``filter.AND[2].OR[0]``), what, and how bad."""

    path: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        """True for an error, False for a warning."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class FilterError(ValidationError):
    """A filter document that the model refuses; ``problems`` lists every error with its path.

    ``field_errors`` maps each path to its messages, as the shared error tree's validation errors do.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        text = "; ".join(str(p) for p in self.problems) or "invalid filter"
        by_path: dict[str, list[str]] = {}
        for problem in self.problems:
            by_path.setdefault(problem.path, []).append(problem.message)
        super().__init__(text, field_errors=by_path)

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of all problems, in document order."""
        return tuple(p.path for p in self.problems)


def error_count(problems: Iterable[Problem]) -> int:
    """How many of ``problems`` are errors (warnings do not count)."""
    return sum(1 for p in problems if p.is_error)


def raise_if_errors(problems: Iterable[Problem]) -> None:
    """Raise ``FilterError`` with the error-level problems, if there are any."""
    errors = [p for p in problems if p.is_error]
    if errors:
        raise FilterError(errors)
