"""Quantities and statistics, the classes of held-out set 9 (a Lanzhou weekly, a Ganzhou monthly, a
Dazhou monthly, a Hohhot weekly).

Made-up sentences, one class a case: the units 个（次） and 封, 二次 meaning "secondary"; several quoted
names after a scope word, a licence store as subject, verbs of pushing and taking on items, a subject
before 累计为…办理, a change closing the metric, the extent of a stock, a 累计 tally of a numbered news
item led by the report's own period, and a 自…以来 span of a figure's own.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gov_extract.model import Period
from gov_extract.quantities import find_quantities
from tests.conftest import quantity_rows, tag_quantities

HEAD = "政务服务周报\n\n某市政务服务中心 2025年 6月 9日\n\n（2025年 6月 2日—6月 6日）\n\n一、总体运行情况\n\n"
NEWS = "二、工作动态\n\n"

_tag = tag_quantities
_stats = quantity_rows


def _unique(rows: list) -> list:
    assert len({r[0] for r in rows}) == len(rows), "duplicate case"
    return rows


# ---------------------------------------------------------------- numbers and units

FOUND = _unique([
    ("大厅高峰时段增开临时窗口 6个（次）。", [("6个（次）", Decimal(6), "个次")]),
    ("窗口收到群众来信 15余封。", [("15余封", Decimal(15), "封")]),
])

NOT_FOUND = [
    "协调解决老旧小区二次供水问题。",  # 二次: secondary, not two times
    "推动数据资源二次开发利用。",
    "实行封闭管理。",  # 封 inside a word
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND, ids=[s[0][:12] for s in FOUND])
def test_units(sentence: str, expected: list) -> None:
    assert [(q.text, q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence", NOT_FOUND, ids=[s[:12] for s in NOT_FOUND])
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == ()


# ---------------------------------------------------------------- statistics

STATS = _unique([
    # a scope word with several quoted names right before the counting verb
    ("本周，全省“省内通办”“跨域通办”办件 2.6万件。", [("2.6万件", "办件", "全省“省内通办”“跨域通办”")]),
    # a licence store is a subject
    ("本周，全省电子证照库新增签发电子证照 8 400张。", [("8 400张", "新增签发电子证照", "全省电子证照库")]),
    # taking on transferred items counts
    ("本周，某区共承办12345热线转办诉求 640件。", [("640件", "承办12345热线转办诉求", "某区")]),
    # a change closing the metric is no volume
    ("本周，热线受理诉求 3 100件，涉及供暖的诉求较上周增加 215件。",
     [("3 100件", "受理诉求", "热线"), ("215件", None, None)]),
    # the extent of a stock is no volume
    ("本周，全市专窗办理业务 420件，合作城市涵盖西宁、银川等 9个。",
     [("420件", "办理业务", "全市专窗"), ("9个", None, None)]),
])


@pytest.mark.parametrize(("sentence", "expected"), STATS, ids=[s[0][:16] for s in STATS])
def test_statistics_passage(sentence: str, expected: list) -> None:
    assert _stats(_tag(HEAD + sentence + "\n")) == expected


def test_pushing_counts_in_a_sub_section() -> None:
    # outside a time-led sentence a sub-section's figure needs a counting verb: pushing items is one
    doc = _tag(HEAD + "（一）企业服务情况\n\n本周，全市受理涉企事项 96件。“某企通”平台精准推送政策信息 1.2万条次。\n")
    assert _stats(doc)[-1] == ("1.2万条次", "精准推送政策信息", "“某企通”平台")


def test_subject_before_cumulative_for_handling() -> None:
    # 累计 ends the subject before 为…办理; 为X is dropped from the metric
    doc = _tag(HEAD + "本周，全市受理 10件。\n\n" + NEWS
               + "1.今年以来，服务站累计为入驻企业办理各类事项 1 200余件。\n")
    q = doc.quantities[-1]
    assert (q.text, q.metric, q.scope) == ("1 200余件", "办理各类事项", "服务站")
    assert q.period == Period(date(2025, 1, 1), date(2025, 6, 6))


def test_numbered_news_item_of_own_period() -> None:
    # a 累计 tally for the report's own period inside a news item is the item's detail
    doc = _tag(HEAD + "本周，全市受理 10件。\n\n" + NEWS
               + "2.本周，市政务服务中心开展“夏日快办”专项活动，累计办理相关诉求 380件。\n")
    assert _stats(doc)[-1] == ("380件", None, None)


def test_since_a_day_is_a_span_of_its_own() -> None:
    # 自…以来 opening a clause: a running total from that day to the report's end
    doc = _tag(HEAD + "本周，全市受理 10件。\n\n" + NEWS
               + "3.6月 4日，某区政务服务中心启用“双语”专窗。自 6月 2日试运行以来，专窗累计服务群众 126人次。\n")
    q = doc.quantities[-1]
    assert (q.text, q.metric, q.scope) == ("126人次", "服务群众", "专窗")
    assert q.period == Period(date(2025, 6, 2), date(2025, 6, 6))
