from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_extract.numbers import multiplier, parse_integer, parse_number


def _unique(rows: list[tuple]) -> list[tuple]:
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate test row"
    return rows


NUMBER_CASES = _unique([
    ("0", Decimal(0)),
    ("45", Decimal(45)),
    ("1,234", Decimal(1234)),
    ("12,345,678", Decimal(12345678)),
    ("1,234.5", Decimal("1234.5")),
    ("3.14", Decimal("3.14")),
    ("5.0", Decimal(5)),
    ("0.21万", Decimal(2100)),
    ("5.05万", Decimal(50500)),
    ("5.4 万", Decimal(54000)),
    ("1.28亿", Decimal(128000000)),
    ("126万亿", Decimal(126000000000000)),
    ("3千万", Decimal(30000000)),
    ("2百", Decimal(200)),
    ("十", Decimal(10)),
    ("十二", Decimal(12)),
    ("二十", Decimal(20)),
    ("三十五", Decimal(35)),
    ("一百零八", Decimal(108)),
    ("一千零一十", Decimal(1010)),
    ("两千", Decimal(2000)),
    ("兩千", Decimal(2000)),
    ("十二万五千", Decimal(125000)),
    ("一亿二千万", Decimal(120000000)),
    ("三亿八千万", Decimal(380000000)),
    ("一百三十三亿七千万", Decimal(13370000000)),
    ("五万亿", Decimal(5000000000000)),
    ("一萬", Decimal(10000)),
    ("二〇二五", Decimal(2025)),
    ("三十六点九", Decimal("36.9")),
    ("三十六點九", Decimal("36.9")),
    ("零点五", Decimal("0.5")),
    ("百", Decimal(100)),
])

NOT_NUMBERS = _unique([
    ("",), ("万",), ("亿",), ("1,23",), ("1.2.3",), ("二三十",), ("一百千",), ("abc",), ("5件",), (".5",),
    ("点五",), ("三十余",),
])


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES)
def test_parse_number(text: str, expected: Decimal) -> None:
    value = parse_number(text)
    assert value == expected
    assert str(value) == str(expected)  # no trailing zeros, no exponent noise


@pytest.mark.parametrize(("text",), NOT_NUMBERS)
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


INTEGER_CASES = _unique([
    ("2025", 2025), ("二〇二五", 2025), ("十二", 12), ("一百零八", 108), ("两千", 2000), ("十一", 11),
    ("三十一", 31), ("1 8", 18), ("12.5", None), ("5万", None), ("x", None), ("", None),
])


@pytest.mark.parametrize(("text", "expected"), INTEGER_CASES)
def test_parse_integer(text: str, expected: int | None) -> None:
    assert parse_integer(text) == expected


@pytest.mark.parametrize(("word", "factor"), [("", 1), ("万", 10**4), ("亿", 10**8), ("万亿", 10**12), ("千万", 10**7)])
def test_multiplier(word: str, factor: int) -> None:
    assert multiplier(word) == factor


def test_multiplier_refuses_other_words() -> None:
    with pytest.raises(ValueError, match="not a multiplier"):
        multiplier("件")


_CN_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """A test-side renderer of Chinese numerals (0 <= n < 10**12)."""
    if n == 0:
        return "零"

    def below_10k(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, x = divmod(x, value)
            if d:
                if zero:
                    out += "零"
                out += _CN_DIGITS[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk, n = divmod(n, value)
        if chunk:
            if parts and chunk < 1000:
                parts.append("零")
            parts.append(below_10k(chunk) + unit)
        elif parts and n:
            parts.append("零")
    text = "".join(parts)
    while "零零" in text:
        text = text.replace("零零", "零")
    return text.rstrip("零") or "零"


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**15 - 1))
def test_arabic_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_multiplied_round_trip(hundredths: int, mult: tuple[str, int]) -> None:
    word, factor = mult
    written = f"{Decimal(hundredths) / 100}"
    assert parse_number(written + word) == Decimal(hundredths) * factor / 100
