"""Where each value of a JSON document starts (line and column), to point at the spot of a problem.

``json.loads`` reports line and column only for malformed text; the filter parsers report paths such as
``filter.AND[2].value[0]``. ``JsonPositions(text)`` indexes a well-formed document once (one linear scan) by
JSON pointer (``("filter", "conditions", 2, "value", 0)``), and ``pointer_of(path)`` turns a model path into
such a pointer, so a structural problem can be shown at its line and column too.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from typing import TypeAlias

Pointer: TypeAlias = tuple[str | int, ...]
_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WHITESPACE = " \t\r\n"
_DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column, and the 0-based character offset."""

    line: int
    column: int
    offset: int


class JsonPositions:
    """The start of every value in a well-formed JSON text, by JSON pointer."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[Pointer, int] = {}
        self._line_starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
        with contextlib.suppress(IndexError, ValueError):  # a malformed tail: keep what was indexed
            self._value(self._skip(0), ())

    def position(self, pointer: Pointer) -> Position | None:
        """Where the value at ``pointer`` starts, or where its deepest existing ancestor starts."""
        for length in range(len(pointer), -1, -1):
            offset = self._starts.get(pointer[:length])
            if offset is not None:
                return self.at(offset)
        return None

    def at(self, offset: int) -> Position:
        """The line and column of a character offset."""
        low, high = 0, len(self._line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self._line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return Position(low + 1, offset - self._line_starts[low] + 1, offset)

    def _skip(self, index: int) -> int:
        text = self.text
        while index < len(text) and text[index] in _WHITESPACE:
            index += 1
        return index

    def _value(self, index: int, pointer: Pointer) -> int:
        self._starts[pointer] = index
        char = self.text[index]
        if char == "{":
            return self._object(index + 1, pointer)
        if char == "[":
            return self._array(index + 1, pointer)
        if char == '"':
            return self._string(index)[1]
        for literal in ("true", "false", "null"):
            if self.text.startswith(literal, index):
                return index + len(literal)
        match = _NUMBER.match(self.text, index)
        if match is None:
            raise ValueError(f"unexpected character at {index}")
        return match.end()

    def _object(self, index: int, pointer: Pointer) -> int:
        index = self._skip(index)
        if self.text[index] == "}":
            return index + 1
        while True:
            key, index = self._string(self._skip(index))
            index = self._skip(index)
            if self.text[index] != ":":
                raise ValueError("expected ':'")
            index = self._skip(self._value(self._skip(index + 1), (*pointer, key)))
            if self.text[index] == "}":
                return index + 1
            index += 1  # the comma

    def _array(self, index: int, pointer: Pointer) -> int:
        index = self._skip(index)
        if self.text[index] == "]":
            return index + 1
        position = 0
        while True:
            index = self._skip(self._value(self._skip(index), (*pointer, position)))
            position += 1
            if self.text[index] == "]":
                return index + 1
            index += 1

    def _string(self, index: int) -> tuple[str, int]:
        if self.text[index] != '"':
            raise ValueError("expected a string")
        value, end = _DECODER.raw_decode(self.text, index)
        return str(value), end


def pointer_of(path: str, root_key: str | None) -> Pointer:
    """The JSON pointer of a model path in a document whose filter sits under ``root_key`` (None: the document
    is the filter itself). v2 group steps (``AND[2]``) become ``conditions/2``; v1 paths map one to one."""
    tokens: list[str | int] = []
    for index_text, name in _TOKEN.findall(path):
        tokens.append(int(index_text) if index_text else name)
    if not tokens:
        return ()
    first = tokens[0]
    pointer: list[str | int] = []
    if first in ("filter", "filters"):
        if root_key is not None:
            pointer.append(root_key)
        tokens = tokens[1:]
    pointer.extend("conditions" if token in ("AND", "OR") else token for token in tokens)
    return tuple(pointer)
