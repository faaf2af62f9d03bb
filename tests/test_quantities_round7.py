"""Quantities and statistics, the classes of held-out set 7 (a Shanghai district weekly, a Hunan
monthly, a Mianyang district weekly, a Xiamen weekly).

Made-up sentences, one class a case: a platform's sub-unit and several quoted names as the scope, a
scope word with a quoted platform, a quoted label standing alone (the metric), the subjects of a
breakdown's framing and stages before a predicate verb, ``A、B、C分别…`` lists, a subject opening the
sentence inherited by a later clause, ``本周累计`` in a news item; the article ``一家`` and the idiom
``最后一公里``.
"""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.model import Document, Period
from gov_extract.quantities import QuantityTagger, find_quantities
from gov_extract.structure import read
from gov_extract.times import TimeTagger

HEAD = "政务服务周报\n\n某市政务服务中心 2025年 6月 9日（6月 2日—6月 6日）\n\n一、总体运行情况\n\n"
NEWS_HEAD = "政务服务周报\n\n某市政务服务中心 2025年 6月 9日（6月 2日—6月 6日）\n\n二、重点工作\n\n"
WEEK = Period(date(2025, 6, 2), date(2025, 6, 6))


def _tag(raw: str) -> Document:
    return QuantityTagger()(TimeTagger()(read(raw)))


def _stats(raw: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.metric, q.scope) for q in _tag(raw).quantities if q.metric is not None]


def _unique(rows: list) -> list:
    assert len({r[0] for r in rows}) == len(rows), "duplicate case"
    return rows


# ---------------------------------------------------------------- scope: the whole subject

SCOPES = _unique([
    # a platform's store and an online hall's branch are sub-units of the scope
    ("本周，“某省办”江北旗舰店新增实名注册用户 1.2万人，办件量 3.4万件。",
     [("1.2万人", "新增实名注册用户", "“某省办”江北旗舰店"), ("3.4万件", "办件量", "“某省办”江北旗舰店")]),
    ("本周，某省网上办事大厅泉州分厅受理网上申请 5.6万件。",
     [("5.6万件", "受理网上申请", "某省网上办事大厅泉州分厅")]),
    # several quoted names with their kind
    ("本周，“易办”“速办”服务调用 4.2万次。", [("4.2万次", "调用", "“易办”“速办”服务")]),
    # a scope word with a quoted platform right before the counting verb, not with quoted items
    ("本周，全市“一网通办”办件量 21.6万件。", [("21.6万件", "办件量", "全市“一网通办”")]),
    ("本周，全市“秒批”事项办件量 862件。", [("862件", "“秒批”事项办件量", "全市")]),
    # a mechanism counting with 督办, its scope carried to the next clause
    ("本周，热线“接诉即办”联动机制累计督办超期工单 19件，发出督办函 3 份。",
     [("19件", "督办超期工单", "热线“接诉即办”联动机制"), ("3 份", "发出督办函", "热线“接诉即办”联动机制")]),
    # a free trade zone's area before its counting verb
    ("本周，福州自贸片区受理涉企审批事项 1 208件。", [("1 208件", "受理涉企审批事项", "福州自贸片区")]),
])


@pytest.mark.parametrize(("sentence", "expected"), SCOPES, ids=[s[0][:16] for s in SCOPES])
def test_scope_with_its_sub_unit(sentence: str, expected: list) -> None:
    assert _stats(HEAD + sentence + "\n") == expected


def test_quoted_label_standing_alone_is_the_metric() -> None:
    # after 其中 the quoted items before their number are a label: the scope is inherited
    raw = HEAD + "本周，各街道便民服务中心受理 1.2万件，其中“跨省通办”“全市通办”事项 918件。\n"
    assert _stats(raw) == [("1.2万件", "受理", "各街道便民服务中心"),
                           ("918件", "“跨省通办”“全市通办”事项", "各街道便民服务中心")]


# ---------------------------------------------------------------- breakdowns

BREAKDOWNS = _unique([
    # after a framing clause each subject before a predicate verb is the scope
    ("从事项类型看，行政许可类事项受理 12.3万件，其他行政权力事项受理 4.5万件。",
     [("12.3万件", "受理", "行政许可类事项"), ("4.5万件", "受理", "其他行政权力事项")]),
    # stages of the approval process after 其中
    ("本周，工程建设项目审批系统受理审批事项 620件；其中，施工许可阶段受理 210件，竣工验收阶段受理 98件。",
     [("620件", "受理审批事项", "工程建设项目审批系统"), ("210件", "受理", "施工许可阶段"),
      ("98件", "受理", "竣工验收阶段")]),
    # without a framing clause a bare category stays in the metric
    ("本周，省本级行政许可事项受理 3 856件，公共服务事项受理 4.7万件。",
     [("3 856件", "行政许可事项受理", "省本级"), ("4.7万件", "公共服务事项受理", "省本级")]),
])


@pytest.mark.parametrize(("sentence", "expected"), BREAKDOWNS, ids=[s[0][:16] for s in BREAKDOWNS])
def test_breakdown_subjects(sentence: str, expected: list) -> None:
    assert _stats(HEAD + sentence + "\n") == expected


RESPECTIVE = _unique([
    ("本周，鼓楼区、台江区、仓山区分别办理帮办代办业务 312件次、284件次、176件次。",
     [("312件次", "办理帮办代办业务", "鼓楼区"), ("284件次", "办理帮办代办业务", "台江区"),
      ("176件次", "办理帮办代办业务", "仓山区")]),
    ("本周，鼓楼区、台江区和仓山区分别受理 3.1万件、2.4万件和 1.9万件。",
     [("3.1万件", "受理", "鼓楼区"), ("2.4万件", "受理", "台江区"), ("1.9万件", "受理", "仓山区")]),
])


@pytest.mark.parametrize(("sentence", "expected"), RESPECTIVE, ids=[s[0][:16] for s in RESPECTIVE])
def test_each_figure_of_a_respective_list_has_its_subject(sentence: str, expected: list) -> None:
    doc = _tag(HEAD + sentence + "\n")
    assert [(q.text, q.metric, q.scope) for q in doc.quantities] == expected
    assert {q.period for q in doc.quantities} == {WEEK}


def test_a_subject_opening_the_sentence_is_inherited() -> None:
    # the first clause's number does not end it; the later clause has no subject of its own
    raw = HEAD + "本周，全市新增上线“开餐馆一件事”等 2 个事项，办理集成服务事项 1 312件。\n"
    assert _stats(raw) == [("1 312件", "办理集成服务事项", "全市")]


def test_week_tally_in_a_news_item_is_no_statistic() -> None:
    raw = NEWS_HEAD + ("1.6月3日，市数据局试运行智能客服，覆盖 12个领域，本周累计应答咨询 6 300余次。\n\n"
                       "2.第二季度，三地累计跨市办件 8 600件。\n")
    assert _stats(raw) == [("8 600件", "跨市办件", "三地")]


# ---------------------------------------------------------------- not quantities

NOT_QUANTITIES = _unique([
    ("6月初，一家外资企业计划设立研发中心。", []),
    ("近日，一名群众来电反映办事难。", []),
    ("打通政务服务最后一公里。", []),
    ("走访企业一家，距离大厅一公里。", ["一家", "一公里"]),
])


@pytest.mark.parametrize(("sentence", "expected"), NOT_QUANTITIES, ids=[s[0][:12] for s in NOT_QUANTITIES])
def test_article_and_idiom(sentence: str, expected: list) -> None:
    assert [q.text for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("本周，各街道便民服务中心累计为群众办理异地业务 1 130件。", ("1 130件", "办理异地业务")),
    ("本周，各街道便民服务中心累计为企业提供帮办服务 312件。", ("312件", "帮办服务")),
])
def test_the_served_party_is_not_in_the_metric(sentence: str, expected: tuple[str, str]) -> None:
    # 为X before 提供 or 办理 names who is served, not what is counted
    assert _stats(HEAD + sentence + "\n") == [(*expected, "各街道便民服务中心")]
