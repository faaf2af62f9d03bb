"""Numerals: Arabic, full-width and Chinese, with exact arithmetic."""

from __future__ import annotations

__all__ = ["parse_integer"]

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}


def parse_integer(text: str) -> int | None:
    """The integer an Arabic or Chinese numeral denotes, or ``None``.

    ``"2025"`` -> 2025, ``"二〇二五"`` -> 2025 (digit by digit),
    ``"十二"`` -> 12, ``"一百零八"`` -> 108, ``"两千"`` -> 2000.
    """
    s = "".join(text.split())
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(c in _DIGITS for c in s):
        return int("".join(str(_DIGITS[c]) for c in s)) if len(s) > 1 else _DIGITS[s]
    total = section = 0
    digit: int | None = None
    for c in s:
        if c in _DIGITS:
            digit = _DIGITS[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            total = (total + section + (digit or 0)) * _BIG_UNITS[c]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)
