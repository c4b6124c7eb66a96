"""Item 12: the fast encoder writes exactly what the standard-library reference writes."""

from __future__ import annotations

import json

import pytest

from wfexplorer.demo.classic import wire

PAYLOADS = [
    {"data": {"name": "plain", "n": 1, "x": 2.5, "ok": True, "none": None, "list": [1, "a"]}},
    {"data": {"name": "Caf\u00e9 </script> \u2028 \u00ff \u4e2d \U0001f600 \\ \" \t\n\r\b\f \x01 \x7f"}},
    {"data": {"url": "http://host/attask/api/v21.0/proj/metadata", "html": "<b>bold</b>"}},
    {"data": {"big": 2**70, "neg": -3, "pi": 3.141592653589793}},
    {"data": {"lone surrogate": "\ud800 end"}},
    {"error": {"class": "java.lang.IllegalArgumentException", "message": "That username/password  x"}},
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_item12_fast_encoding_equals_the_reference(payload: dict) -> None:
    fast = wire.encode(payload)
    assert fast == wire.encode_stdlib(payload)
    assert fast.isascii()
    assert b"/" not in fast.replace(b"\\/", b"")
    assert b"<" not in fast
    assert json.loads(fast) == payload


def test_item12_astral_characters_become_surrogate_pairs() -> None:
    assert wire.encode("\U0001f600") == b'"\\ud83d\\ude00"'
