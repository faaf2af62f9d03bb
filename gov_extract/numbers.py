"""Numerals: Arabic, full-width and Chinese, with exact arithmetic.

``parse_number`` reads one numeral as an exact :class:`~decimal.Decimal`:
Arabic with thousands separators and decimals (``1,234.5``), Chinese
(``一百零八``, ``三十六点九``, ``二〇二五``, traditional ``萬 億 兩 點``) and
mixed forms with a multiplier (``5.05万`` -> 50500, ``126万亿`` -> 1.26e14).
The regex fragments ``ARABIC``, ``CHINESE`` and ``MULTIPLIER`` let other
modules embed the same numeral grammar in their patterns.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["ARABIC", "CHINESE", "CHINESE_DIGITS", "MULTIPLIER", "parse_integer", "parse_number", "multiplier"]

_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_POINTS = "点點"

#: Chinese digit characters (no place units), for patterns.
CHINESE_DIGITS = "〇零○一二两兩三四五六七八九"
#: An Arabic numeral: digits with optional thousands separators and decimals.
ARABIC = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,5}(?:\.[0-9]{1,12})?|[0-9]{1,15}(?:\.[0-9]{1,12})?)"
#: A Chinese numeral (validate with :func:`parse_number`: ``万`` alone matches).
CHINESE = (
    rf"(?:[{CHINESE_DIGITS}十拾百佰千仟万萬亿億]{{1,20}}"
    rf"(?:[{_POINTS}][〇零○一二三四五六七八九]{{1,12}})?)"
)
#: Multiplier words written after a numeral (``5.4万``, ``3亿``, ``126万亿``).
MULTIPLIER = r"(?:万亿|萬億|千万|千萬|百万|百萬|十万|十萬|万|萬|亿|億|千|仟|百|佰)"


def multiplier(text: str) -> int:
    """The factor of a multiplier word: ``万`` -> 10000, ``万亿`` -> 10**12; ``""`` -> 1."""
    factor = 1
    for c in text:
        if c in _BIG_UNITS:
            factor *= _BIG_UNITS[c]
        elif c in _SMALL_UNITS:
            factor *= _SMALL_UNITS[c]
        else:
            raise ValueError(f"{text!r} is not a multiplier word; use e.g. '万', '亿', '万亿'")
    return factor


def _exact(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent noise: 50500.00 -> 50500, 0.50 -> 0.5."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _chinese_integer(s: str) -> int | None:
    """A Chinese integer numeral with place units, or ``None``."""
    if not s:
        return None
    if all(c in _DIGITS for c in s):  # 二〇二五: digit by digit
        return int("".join(str(_DIGITS[c]) for c in s))
    total = section = 0
    digit: int | None = None
    for i, c in enumerate(s):
        if c in _DIGITS:
            if digit:  # 二三十: two digits in a row (only 零 may precede a digit)
                return None
            digit = _DIGITS[c]
        elif c in _SMALL_UNITS:
            if digit is None and i:  # 一百千: a place unit needs its digit, except a leading 十/百/千
                return None
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        elif c in _BIG_UNITS:
            unit = _BIG_UNITS[c]
            if digit is None and section == 0:
                if total == 0 or unit != 100_000_000:
                    return None  # 万 alone, or 万万
                total *= unit  # 万亿: the 亿 scales the whole
            elif unit == 100_000_000:
                total = (total + section + (digit or 0)) * unit
            else:
                total += (section + (digit or 0)) * unit
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def parse_number(text: str) -> Decimal | None:
    """The exact value an Arabic, Chinese or mixed numeral denotes, or ``None``.

    ``"1,234.5"`` -> 1234.5, ``"5.05万"`` -> 50500, ``"126万亿"`` ->
    126000000000000, ``"三十六点九"`` -> 36.9, ``"一百零八"`` -> 108,
    ``"二〇二五"`` -> 2025. Whitespace inside is ignored; results carry no
    trailing zeros (``"5.0"`` -> 5).
    """
    s = "".join(text.split())
    if not s:
        return None
    # Arabic mantissa with an optional multiplier word
    i = 0
    while i < len(s) and (s[i].isascii() and (s[i].isdigit() or s[i] in ".,")):
        i += 1
    if i:
        head, tail = s[:i], s[i:]
        if not head[0].isdigit() or not head[-1].isdigit() or head.count(".") > 1:
            return None
        if "," in head:
            whole = head.split(".")[0].split(",")
            if not (1 <= len(whole[0]) <= 3 and all(len(g) == 3 for g in whole[1:])):
                return None
            head = head.replace(",", "")
        try:
            factor = multiplier(tail)
        except ValueError:
            return None
        return _exact(Decimal(head) * factor)
    # Chinese: integer part, optional 点 + digits, then the value is exact
    for p in _POINTS:
        if p in s:
            whole, _, frac = s.partition(p)
            int_part = _chinese_integer(whole) if whole else None
            if int_part is None or not frac or not all(c in _DIGITS for c in frac):
                return None
            return _exact(Decimal(f"{int_part}.{''.join(str(_DIGITS[c]) for c in frac)}"))
    value = _chinese_integer(s)
    return None if value is None else Decimal(value)


def parse_integer(text: str) -> int | None:
    """The integer an Arabic or Chinese numeral denotes, or ``None``.

    ``"2025"`` -> 2025, ``"二〇二五"`` -> 2025 (digit by digit),
    ``"十二"`` -> 12, ``"一百零八"`` -> 108, ``"两千"`` -> 2000. Decimals,
    separators and multiplier suffixes are refused (see :func:`parse_number`).
    """
    s = "".join(text.split())
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    return _chinese_integer(s)
