"""Quantities and statistics, the classes of held-out set 8 (a Guangxi monthly, a Harbin weekly, a
Liangshan weekly, a Wuhan Donghu zone monthly).

Made-up sentences, one class a case: compound and banner units, a bare 百 after a bound, the article
一支 before a team, an idiom wrapped over a line break; gains and stocks as of now in a statistics
passage, a counting verb held across a word's parts, a division before 新 + verb, a guide post's
serving verb.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from gov_extract.quantities import find_quantities
from tests.conftest import quantity_rows, tag_quantities

HEAD = "政务服务月报\n\n某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月总体运行情况\n\n"

_tag = tag_quantities
_stats = quantity_rows
CASES = "二、典型经验做法\n\n（一）某县推行项目专员服务。某县为重点项目配备专员。"


def _unique(rows: list) -> list:
    assert len({r[0] for r in rows}) == len(rows), "duplicate case"
    return rows


# ---------------------------------------------------------------- numbers and units

FOUND = _unique([
    ("平台向企业推送政策信息 3.6万条次。", [("3.6万条次", Decimal(36000), "条次")]),
    ("窗口收到群众送来的锦旗 12 面。", [("12 面", Decimal(12), "面")]),
    ("部分事项办件量不足百件。", [("百件", Decimal(100), "件")]),
    ("每场活动参加人数不少于千人。", [("千人", Decimal(1000), "人")]),
    ("组建帮办代办队伍 6 支。", [("6 支", Decimal(6), "支")]),
])

NOT_FOUND = [
    "全面推进服务场所面积改造，坚决查处两面人。",  # 面 inside words
    "百姓办事更加便利。",  # a bare 百 without an approximation word or a bound
    "着力打造一支懂业务、会服务、守纪律的窗口队伍。",  # 一支 before a team: the article
    "建设一支高素质专业化团队。",
    "着力打通服务群众最\n后一公里。",  # an idiom wrapped over a line break
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND, ids=[s[0][:12] for s in FOUND])
def test_units_and_bounds(sentence: str, expected: list) -> None:
    assert [(q.text, q.value, q.unit) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize("sentence", NOT_FOUND, ids=[s[:12] for s in NOT_FOUND])
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == ()


# ---------------------------------------------------------------- statistics

STATS = _unique([
    # a gain is no volume even in a statistics passage: a benefit to others, an honour received
    ("5月，综合窗口受理投诉举报 47件，办结 39件，帮助企业挽回经济损失 210万元。",
     [("47件", "受理投诉举报", "综合窗口"), ("39件", "办结", "综合窗口"), ("210万元", None, None)]),
    ("5月，全市办理涉企事项 820件；通过“直达快享”向 96家企业兑现惠企资金 1.2亿元。",
     [("820件", "办理涉企事项", "全市"), ("96家", None, None), ("1.2亿元", None, None)]),
    ("5月，综合窗口受理 300件，收到锦旗 4 面、感谢信 2 封。",
     [("300件", "受理", "综合窗口"), ("4 面", None, None), ("2 封", None, None)]),
    # 已 + a verb of setting up: a stock as of now
    ("5月，全市办理重点事项 512件，全市已上线重点事项共 28个。",
     [("512件", "办理重点事项", "全市"), ("28个", None, None)]),
    # a division before 新 and its counting verb is the subject
    ("5月，全市新登记经营主体 2 416户；城东区新登记企业 142户。",
     [("2 416户", "新登记经营主体", "全市"), ("142户", "新登记企业", "城东区")]),
    # a post ending in 岗 before 共 and a serving verb
    ("5月，大厅导服岗共引导群众 1 260人次。", [("1 260人次", "引导群众", "大厅导服岗")]),
])


@pytest.mark.parametrize(("sentence", "expected"), STATS, ids=[s[0][:16] for s in STATS])
def test_statistics_passage(sentence: str, expected: list) -> None:
    assert _stats(_tag(HEAD + sentence + "\n")) == expected


def test_coordinate_and_resolve_is_no_counting_verb() -> None:
    # 协调解决 holds 调解 across its parts: no counting verb under a running period
    doc = _tag(HEAD + "5月，全市受理 10件。\n\n" + CASES + "今年以来，项目专员协调解决用地、环评等问题 45个。\n")
    assert _stats(doc)[-1] == ("45个", None, None)


def test_coordinate_and_resolve_continues_a_statistic() -> None:
    # after a 累计 statistic in its sentence, the problems solved continue it
    doc = _tag(HEAD + "5月，全市受理 10件。\n\n" + CASES
               + "今年以来，累计为企业提供增值服务 310件，协调解决融资、用工等问题 21个。\n")
    assert _stats(doc)[-2:] == [("310件", "增值服务", None), ("21个", "协调解决融资、用工等问题", None)]
