"""Back and forward through what was opened (Alt+Left / Alt+Right), like a browser's history."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")

#: Entries kept (the oldest go first).
MAX_ENTRIES = 200


class History(Generic[T]):
    """A list of visited entries and a position in it; visiting after going back drops the forward part."""

    def __init__(self) -> None:
        self._entries: list[T] = []
        self._position = -1

    def visit(self, entry: T) -> None:
        """Record ``entry`` as the newest visit (a repeat of the current entry is not recorded twice)."""
        if self._position >= 0 and self._entries[self._position] == entry:
            return
        del self._entries[self._position + 1:]
        self._entries.append(entry)
        if len(self._entries) > MAX_ENTRIES:
            del self._entries[0]
        self._position = len(self._entries) - 1

    @property
    def can_go_back(self) -> bool:
        """Whether there is an earlier entry."""
        return self._position > 0

    @property
    def can_go_forward(self) -> bool:
        """Whether there is a later entry."""
        return self._position < len(self._entries) - 1

    def back(self) -> T | None:
        """Step back and return that entry (None at the start)."""
        if not self.can_go_back:
            return None
        self._position -= 1
        return self._entries[self._position]

    def forward(self) -> T | None:
        """Step forward and return that entry (None at the end)."""
        if not self.can_go_forward:
            return None
        self._position += 1
        return self._entries[self._position]
