"""Text modifiers: contains/startswith/endswith, SQL LIKE, word any/all, Soundex and length tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wfexplorer.demo.classic.errors import ClassicError
from wfexplorer.demo.classic.querying.coercion import as_number, as_text
from wfexplorer.demo.classic.querying.paths import FieldPath, ValuePredicate


def like_match(text: str, pattern: str) -> bool:
    """SQL ``LIKE``: ``%`` any run of characters, ``_`` one character (greedy, no regex backtracking)."""
    t = p = 0
    star = -1
    mark = 0
    size, length = len(text), len(pattern)
    while t < size:
        if p < length and (pattern[p] == "_" or (pattern[p] != "%" and pattern[p] == text[t])):
            t += 1
            p += 1
        elif p < length and pattern[p] == "%":
            star = p
            mark = t
            p += 1
        elif star != -1:
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < length and pattern[p] == "%":
        p += 1
    return p == length


_SOUNDEX_CODES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


def soundex(text: str) -> str:
    """Return the American Soundex code of ``text`` (``Robert`` → ``R163``); ``""`` for no letters."""
    letters = [char for char in text.upper() if "A" <= char <= "Z"]
    if not letters:
        return ""
    code = letters[0]
    previous = _SOUNDEX_CODES.get(letters[0], "")
    for char in letters[1:]:
        digit = _SOUNDEX_CODES.get(char, "")
        if digit and digit != previous:
            code += digit
            if len(code) == 4:
                break
        if char not in "HW":
            previous = digit
    return code.ljust(4, "0")


def text_test(modifier: str, first: str, ci: bool, path: FieldPath) -> ValuePredicate:
    """Build the value test of a text modifier (contains, startswith, like, words, soundex, length)."""
    fold: Callable[[str], str] = str.casefold if ci else (lambda text: text)
    needle = fold(first)

    def text_of(value: Any) -> str | None:
        return None if value is None else fold(as_text(value))

    if modifier in {"contains", "cicontains"}:
        return lambda value: (lambda x: x is not None and needle in x)(text_of(value))
    if modifier in {"notcontains", "cinotcontains"}:
        return lambda value: (lambda x: x is not None and needle not in x)(text_of(value))
    if modifier in {"startswith", "cistartswith"}:
        return lambda value: (lambda x: x is not None and x.startswith(needle))(text_of(value))
    if modifier in {"endswith", "ciendswith"}:
        return lambda value: (lambda x: x is not None and x.endswith(needle))(text_of(value))
    if modifier in {"like", "cilike"}:
        pattern = needle
        return lambda value: (lambda x: x is not None and like_match(x, pattern))(text_of(value))
    if modifier in {"cicontainsany", "cicontainsall", "cinotcontainsany", "cinotcontainsall"}:
        words = [word for word in needle.split() if word]
        if not words:
            raise ClassicError(f"Missing value for field {path.text} (modifier {modifier})")
        combine = any if modifier.endswith("any") else all
        negate = "not" in modifier

        def words_test(value: Any) -> bool:
            x = text_of(value)
            if x is None:
                return False
            hit = combine(word in x for word in words)
            return not hit if negate else hit

        return words_test
    if modifier == "soundex":
        code = soundex(first)
        return lambda value: value is not None and soundex(as_text(value)) == code
    length_number = as_number(first)
    if length_number is None:
        raise ClassicError(f"Invalid number '{first}' for field {path.text} (modifier {modifier})")
    length = int(length_number)
    if modifier == "length_lt":
        return lambda value: value is not None and len(as_text(value)) < length
    if modifier == "length_eq":
        return lambda value: value is not None and len(as_text(value)) == length
    return lambda value: value is not None and len(as_text(value)) > length
