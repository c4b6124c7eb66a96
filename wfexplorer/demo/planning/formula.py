"""A tiny formula language for FORMULA fields (the real syntax is undocumented; planning-api.md §3.4).

Supported: field references ``{alias}`` or ``{fieldId}``, numbers, ``"text"``, ``+ - * /`` with the usual
precedence, ``&`` for text concatenation, parentheses, and the functions ``CONCAT``, ``UPPER``, ``LOWER``,
``ROUND(x, digits)``, ``IF(cond, a, b)``. Anything else evaluates to ``None`` (the field shows ``hasError``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

_TOKEN = re.compile(r"\s*(?:(\{[^}]*\})|(\d+(?:\.\d+)?)|(\"[^\"]*\")|([A-Za-z_]+)|(.))")


class FormulaError(ValueError):
    """The formula cannot be parsed."""


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        ref, number, string, name, symbol = match.groups()
        if ref:
            tokens.append(("ref", ref[1:-1].strip()))
        elif number:
            tokens.append(("num", number))
        elif string:
            tokens.append(("str", string[1:-1]))
        elif name:
            tokens.append(("name", name.upper()))
        elif symbol and not symbol.isspace():
            tokens.append(("sym", symbol))
    return tokens


class _Parser:
    def __init__(self, text: str, lookup: Callable[[str], Any]) -> None:
        self.tokens = _tokens(text)
        self.index = 0
        self.lookup = lookup

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise FormulaError("unexpected end of formula")
        self.index += 1
        return token

    def expect(self, symbol: str) -> None:
        if self.take() != ("sym", symbol):
            raise FormulaError(f"expected {symbol!r}")

    def expression(self) -> Any:
        value = self.term()
        while (token := self.peek()) in (("sym", "+"), ("sym", "-"), ("sym", "&")):
            self.take()
            right = self.term()
            value = _text(value) + _text(right) if token[1] == "&" else _arith(value, right, token[1])
        return value

    def term(self) -> Any:
        value = self.atom()
        while (token := self.peek()) in (("sym", "*"), ("sym", "/")):
            self.take()
            value = _arith(value, self.atom(), token[1])
        return value

    def atom(self) -> Any:
        kind, text = self.take()
        if kind == "num":
            return float(text) if "." in text else int(text)
        if kind == "str":
            return text
        if kind == "ref":
            return self.lookup(text)
        if kind == "sym" and text == "(":
            value = self.expression()
            self.expect(")")
            return value
        if kind == "sym" and text == "-":
            return _arith(0, self.atom(), "-")
        if kind == "name":
            self.expect("(")
            args = []
            if self.peek() != ("sym", ")"):
                args.append(self.expression())
                while self.peek() == ("sym", ","):
                    self.take()
                    args.append(self.expression())
            self.expect(")")
            return _call(text, args)
        raise FormulaError(f"unexpected {text!r}")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return str(value)


def _arith(left: Any, right: Any, op: str) -> Any:
    if left is None or right is None:
        return None
    try:
        a, b = float(left), float(right)
    except (TypeError, ValueError):
        return None
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return None if b == 0 else a / b


def _call(name: str, args: list[Any]) -> Any:
    if name == "CONCAT":
        return "".join(_text(arg) for arg in args)
    if name in ("UPPER", "LOWER") and len(args) == 1:
        return _text(args[0]).upper() if name == "UPPER" else _text(args[0]).lower()
    if name == "ROUND" and len(args) in (1, 2):
        if args[0] is None:
            return None
        return round(float(args[0]), int(args[1]) if len(args) == 2 else 0)
    if name == "IF" and len(args) == 3:
        return args[1] if args[0] else args[2]
    raise FormulaError(f"unknown function {name}")


def evaluate(formula: str, values: Mapping[str, Any], resolve: Callable[[str], str | None]) -> Any:
    """The value of ``formula`` for one record; ``resolve`` maps an alias or ID to a field ID."""

    def lookup(key: str) -> Any:
        field_id = resolve(key)
        if field_id is None:
            raise FormulaError(f"unknown field {key!r}")
        return values.get(field_id)

    parser = _Parser(formula, lookup)
    value = parser.expression()
    if parser.peek() is not None:
        raise FormulaError("trailing text in formula")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def check(formula: str, resolve: Callable[[str], str | None]) -> str | None:
    """A message when ``formula`` does not parse or names unknown fields; None when it is fine."""
    try:
        evaluate(formula, {}, resolve)
    except FormulaError as exc:
        return str(exc)
    return None
