from __future__ import annotations

from datetime import date

import pytest

from gov_extract.model import Meta
from gov_extract.structure import read


def test_meta_matches_gold(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, gold = corpus_doc
    assert read(raw).meta.to_dict() == gold["meta"]


def test_meta_values_as_printed() -> None:
    from tests.conftest import raw_text

    weekly = read(raw_text("002_a97685f6f778d2f5")).meta
    assert (weekly.issue, weekly.issue_total, weekly.kind) == (17, 437, "weekly")
    assert weekly.published == date(2023, 5, 18)
    assert (weekly.period.start, weekly.period.end) == (date(2023, 5, 4), date(2023, 5, 12))


META_CASES = [
    # a weekly report whose span crosses a year end, published in January
    ("政务服务周报\n\n第 1 期\n\n某市政务服务中心 2026年 1月 5日\n\n（12月29日—1月4日）\n\n一、工作动态\n\n内容。",
     Meta("政务服务周报", "weekly", 1, None, "某市政务服务中心", date(2026, 1, 5),
          None)),
    # Chinese-numeral publication date, no title
    ("成都市数据局\n\n二〇二五年十一月二十七日\n\n一、2025年10月总体运行情况\n\n内容。",
     Meta(None, "monthly", None, None, "成都市数据局", date(2025, 11, 27), None)),
    # a quarterly report: the guide knows weekly and monthly only
    ("政务服务简报\n\n某区行政审批局 二〇二四年七月十日\n\n一、2024年第二季度总体运行情况\n\n内容。",
     Meta("政务服务简报", None, None, None, "某区行政审批局", date(2024, 7, 10), None)),
    # the reporting span printed at the end of the publisher's line
    ("政务服务周报\n\n某省大数据局 二〇二四年三月十一日（3月4日—3月8日）\n\n一、工作动态\n\n内容。",
     Meta("政务服务周报", "weekly", None, None, "某省大数据局", date(2024, 3, 11), None)),
    # the publisher's line may say it compiled the bulletin (编, 编印, 主办)
    ("政务服务周报\n\n某市政务服务管理局编 2025年10月20日\n\n一、工作动态\n\n内容。",
     Meta("政务服务周报", "weekly", None, None, "某市政务服务管理局", date(2025, 10, 20), None)),
    # one office under two plates: the second name in brackets, line-broken, then 编 and the date
    ("政务服务周报\n\n某市营商环境建设局（某市政务服\n\n 务中心）编    2025年3月10日\n\n一、工作动态\n\n内容。",
     Meta("政务服务周报", "weekly", None, None, "某市营商环境建设局", date(2025, 3, 10), None)),
    # not a bulletin: nothing is guessed
    ("今天天气很好，我们去公园散步。", Meta()),
]


@pytest.mark.parametrize(("raw", "expected"), META_CASES)
def test_meta_cases(raw: str, expected: Meta) -> None:
    meta = read(raw).meta
    assert meta.title == expected.title
    assert meta.kind == expected.kind
    assert (meta.issue, meta.issue_total) == (expected.issue, expected.issue_total)
    assert meta.publisher == expected.publisher
    assert meta.published == expected.published


def test_cross_year_weekly_period() -> None:
    meta = read(META_CASES[0][0]).meta
    assert (meta.period.start, meta.period.end) == (date(2025, 12, 29), date(2026, 1, 4))


def test_monthly_period_from_heading() -> None:
    meta = read(META_CASES[1][0]).meta
    assert (meta.period.start, meta.period.end) == (date(2025, 10, 1), date(2025, 10, 31))


@pytest.mark.parametrize(("index", "start", "end"), [
    (2, date(2024, 4, 1), date(2024, 6, 30)),
    (3, date(2024, 3, 4), date(2024, 3, 8)),
])
def test_period_of_quarterly_and_one_line_headers(index: int, start: date, end: date) -> None:
    meta = read(META_CASES[index][0]).meta
    assert (meta.period.start, meta.period.end) == (start, end)


def test_sections_structure(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, _ = corpus_doc
    doc = read(raw)
    kinds = [s.kind for s in doc.sections]
    assert kinds.count("heading") >= 2
    assert "distribution" in kinds
    for s in doc.sections:
        assert raw[s.start:s.end] == s.text
        assert s.text.lstrip().startswith(s.marker[0])


def test_items_nest_inside_headings() -> None:
    from tests.conftest import raw_text

    doc = read(raw_text("002_a97685f6f778d2f5"))
    items = [s for s in doc.sections if s.kind == "item" and s.level == 3]
    headings = [s for s in doc.sections if s.kind == "heading"]
    for item in items:
        assert any(h.start <= item.start and item.end <= h.end for h in headings)
    assert doc.sections[-1].kind == "print_run"


def test_rejects_non_str() -> None:
    for bad in (None, 3, b"bytes"):
        with pytest.raises(TypeError, match="must be str"):
            read(bad)  # type: ignore[arg-type]
