"""Fuzzing the whole pipeline: bulletin-like text with PDF damage, spliced
tricky characters and arbitrary Unicode.

Invariants: no exception, offsets hold, ids in start order, the record is JSON,
passes ``corpus.validate_record`` and survives ``Document.from_dict``.
The default run keeps a few hundred examples; ``pytest -m fuzz`` runs many more.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_extract import extract
from gov_extract.model import Document
from tests.strategies import (
    arbitrary_text,
    bulletin_text,
    check_document,
    mixed_text,
    sentences,
)

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


def check(text: str, reference_date: date | None = None) -> None:
    """Every invariant of one extraction."""
    from gov_extract.corpus import validate_record

    doc = extract(text, doc_id="fuzz", reference_date=reference_date)
    record = check_document(doc)
    problems = validate_record(record, text, source="fuzz")
    assert problems == [], problems
    assert Document.from_dict(record, text).to_dict() == record


def _fuzz(name: str, strategy: st.SearchStrategy, examples: int) -> Callable[[], None]:
    def test(text: str, reference_date: date | None) -> None:
        check(text, reference_date)

    test.__name__ = test.__qualname__ = name  # its own hypothesis database key
    return settings(max_examples=examples, deadline=None, suppress_health_check=_HEALTH)(
        given(text=strategy, reference_date=st.none() | st.dates(date(1990, 1, 1), date(2035, 12, 31)))(test)
    )


_SENTENCES = st.lists(sentences(), min_size=1, max_size=4).map("".join)
_LONG_SENTENCES = st.lists(sentences(), min_size=1, max_size=12).map("".join)

# Default run: a few hundred examples in all.
test_bulletin_like_text = _fuzz("test_bulletin_like_text", bulletin_text(), 100)
test_bulletin_sentences = _fuzz("test_bulletin_sentences", _SENTENCES, 60)
test_tricky_characters = _fuzz("test_tricky_characters", mixed_text(), 60)
test_arbitrary_unicode = _fuzz("test_arbitrary_unicode", arbitrary_text(), 60)

# pytest -m fuzz
test_bulletin_like_text_long = pytest.mark.fuzz(_fuzz("test_bulletin_like_text_long", bulletin_text(), 3000))
test_bulletin_sentences_long = pytest.mark.fuzz(_fuzz("test_bulletin_sentences_long", _LONG_SENTENCES, 3000))
test_tricky_characters_long = pytest.mark.fuzz(_fuzz("test_tricky_characters_long", mixed_text(), 3000))
test_arbitrary_unicode_long = pytest.mark.fuzz(_fuzz("test_arbitrary_unicode_long", arbitrary_text(2000), 3000))


@pytest.mark.fuzz
@settings(max_examples=300, deadline=None, suppress_health_check=_HEALTH)
@given(text=bulletin_text())
def test_extraction_is_repeatable(text: str) -> None:
    assert extract(text, doc_id="a").to_dict() == extract(text, doc_id="a").to_dict()


# Hand-written seeds the fuzzer might take long to reach: each must pass `check`.
SEEDS = [
    "一、\n（一）\n1.",
    "《",
    "》《",
    "“”",
    "〈《〉》",
    "5万亿亿元",
    "0.0万件",
    "2025年2月30日",
    "2025年13月",
    "0年0月0日",
    "9999年12月31日至1月1日",
    "（5月 32日—4月 1日）",
    "12月31日至1月1日",
    "本周今年以来近日同日",
    "第 0 期（总第 0 期）",
    "报：\n送：\n（共印0份）",
    "省\n厅",
    "省林草局\r\r\r\n印发",
    "１２３４５６７８９０万件",
    "三十余个近50件超过60%",
    "3至1个",
    "1.1.1.1.",
    "\ud800《\udfff》",
    "—2—\n窗 口 工 作 周 报\n—3—",
    "网信、经信、公安、财政、密码等5个部门",
    "何绍明",
    "省\u0301林草局",
    "2025年1\n2月1\n8日",
    "5. 4 万件",
    "5.4.3万件",
    "100%%%",
    "．５万件",
    "一九五四年九月二十三日",
    "二〇二五年十二月十二日",
    "上半年一季度前三季度下半年",
    "今年1-13月",
    "1e5件",
    "-5件",
    "+5件",
    "∞件",
    "NaN元",
    "1,234,567元",
    "1 234 567元",
]


@pytest.mark.parametrize("text", SEEDS, ids=[repr(s)[:24] for s in SEEDS])
def test_seed(text: str) -> None:
    check(text)
    check(text, reference_date=date(2025, 12, 12))


def test_seeds_unique() -> None:
    assert len(set(SEEDS)) == len(SEEDS)
