"""Which figures are statistics, with which scope and period (held-out set 4).

Made-up bulletins, one class of error a case: whole subjects as scope, sub-sections of a
statistics heading, running totals outside statistics passages, averages, levels and stocks,
the period of a mid-paragraph time, and measure words.
"""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.model import Document, Period
from gov_extract.quantities import QuantityTagger, find_quantities
from gov_extract.structure import read
from gov_extract.times import TimeTagger

MAY = Period(date(2025, 5, 1), date(2025, 5, 31))
YEAR_TO_MAY = Period(date(2025, 1, 1), date(2025, 5, 31))
HEAD = "政务服务月报\n\n某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月总体运行情况\n\n"


def _tag(raw: str) -> Document:
    return QuantityTagger()(TimeTagger()(read(raw)))


def _stats(raw: str) -> list[tuple]:
    return [(q.text, q.metric, q.scope) for q in _tag(raw).quantities]


def _no_duplicates(rows: list) -> list:
    assert len({r[0] for r in rows}) == len(rows), "duplicate case"
    return rows


# ---------------------------------------------------------------- scope: the whole subject

SCOPES = _no_duplicates([
    # systems, platforms, networks, desks, teams and sub-stations ending the subject
    ("5月，全市政务服务“好差评”系统共收到评价 52.3万条。",
     [("52.3万条", "收到评价", "全市政务服务“好差评”系统")]),
    ("5月，某省政务服务网全程网办 48.3万件。", [("48.3万件", "全程网办", "某省政务服务网")]),
    ("5月，企业服务专席受理涉企诉求 3.85万件。", [("3.85万件", "受理涉企诉求", "企业服务专席")]),
    ("5月，“天府通办”市级分站新增实名注册用户 1.86万人，办件量 12.4万件。",
     [("1.86万人", "新增实名注册用户", "“天府通办”市级分站"), ("12.4万件", "办件量", "“天府通办”市级分站")]),
    # a counting verb inside the subject's name (交易平台, 审批管理系统, 帮办代办队伍)
    ("5月，全市公共资源交易平台完成交易项目 163宗，成交金额 28.47亿元。",
     [("163宗", "完成交易项目", "全市公共资源交易平台"), ("28.47亿元", "成交金额", "全市公共资源交易平台")]),
    ("5月，某市工程建设项目审批管理系统受理审批事项 1.07万件，办结 1.02万件。",
     [("1.07万件", "受理审批事项", "某市工程建设项目审批管理系统"),
      ("1.02万件", "办结", "某市工程建设项目审批管理系统")]),
    ("5月，“贵人服务”帮办代办队伍累计为企业群众提供帮办服务 1.7万件（次）。",
     [("1.7万件（次）", "帮办服务", "“贵人服务”帮办代办队伍")]),
    # a subject ended by 共/累计 before the counting verb
    ("5月，全省“高效办成一件事”重点事项共办件 3.48万件。",
     [("3.48万件", "办件", "全省“高效办成一件事”重点事项")]),
    # divisions with their kinds in brackets, and each subject of a 、 list
    ("5月，市本级办理 9.86万件，县（市、区）办理 31.51万件。",
     [("9.86万件", "办理", "市本级"), ("31.51万件", "办理", "县（市、区）")]),
    ("5月，旌阳区办理 8.12万件、广汉市办理 6.35万件。",
     [("8.12万件", "办理", "旌阳区"), ("6.35万件", "办理", "广汉市")]),
    # a bare channel noun is a subject; a phrase opening with a preposition is not
    ("5月热线回访群众 1126人次。", [("1126人次", "回访群众", "热线")]),
    ("5月，通过一体化平台办理事项 2.1万件。", [("2.1万件", "通过一体化平台办理事项", None)]),
])


@pytest.mark.parametrize(("sentence", "expected"), SCOPES, ids=[s[0][:14] for s in SCOPES])
def test_scope_is_the_whole_subject(sentence: str, expected: list) -> None:
    doc = _tag(f"{HEAD}{sentence}\n")
    assert [(q.text, q.metric, q.scope) for q in doc.quantities if q.metric is not None] == expected
    assert all(q.period == MAY for q in doc.quantities if q.metric is not None)


# ---------------------------------------------------------------- sub-sections of a statistics heading

SUBSECTIONS = (
    HEAD
    + "（一）市场准入和项目审批情况\n\n"
    "5月，全市新设经营主体 4372户。全市办理工程建设项目审批事项 652件，核发施工许可证 48件，"
    "涉及总投资 86.3亿元；项目平均用时 36个工作日。区政务服务中心核发规划许可证 14件、乡村规划许可证 6件。"
    "新增上线服务 3个。\n\n"
    "（二）公共资源交易情况\n\n"
    "5月，全市完成交易项目 163宗，节约资金 1.36亿元，节资率 4.6%。其中，工程建设项目 58宗、"
    "成交金额 19.72亿元；政府采购项目 87宗。\n\n"
    "（三）“高效办成一件事”推进情况\n\n"
    "今年以来，全市累计推出重点事项 46个，其中国家部署事项 21个、本市特色事项 25个；"
    "全市累计办理集成服务事项 312.6万件，平均减少材料 63%、减少跑动 2.3次。"
    "今年以来，通办事项清单扩展至 184项。\n"
)


def test_sub_sections_of_a_statistics_heading() -> None:
    assert _stats(SUBSECTIONS) == [
        ("4372户", "新设经营主体", "全市"),
        # a sentence not led by a time: a counting verb, then the figures chained to it
        ("652件", "办理工程建设项目审批事项", "全市"),
        ("48件", "核发施工许可证", "全市"),
        ("86.3亿元", "涉及总投资", "全市"),
        ("36个工作日", None, None),
        ("14件", "核发规划许可证", "区政务服务中心"),
        ("6件", "乡村规划许可证", "区政务服务中心"),  # joined by 、 to a statistic
        ("3个", None, None),  # no counting verb, no statistic before it
        ("163宗", "完成交易项目", "全市"),
        ("1.36亿元", "节约资金", "全市"),
        ("4.6%", None, None),
        # 其中 breaks down the statistic before it
        ("58宗", "工程建设项目", None),
        ("19.72亿元", "成交金额", None),
        ("87宗", "政府采购项目", None),
        # a running total of things set up is a stock, and so is its breakdown
        ("46个", None, None),
        ("21个", None, None),
        ("25个", None, None),
        ("312.6万件", "办理集成服务事项", "全市"),
        ("63%", None, None),
        ("2.3次", None, None),  # joined to an average
        ("184项", None, None),  # a level reached, not a volume
    ]


def test_heading_listing_its_topics() -> None:
    """A heading with 、 on a line of its own is a heading, not the start of its first paragraph."""
    raw = HEAD + "（一）热线、企业诉求和“好差评”情况\n\n5月，市热线受理诉求 3.26万件，办结 3.21万件。\n"
    assert _stats(raw) == [("3.26万件", "受理诉求", "市热线"), ("3.21万件", "办结", "市热线")]


# ---------------------------------------------------------------- running totals in news items

NEWS = (
    HEAD + "（一）办件情况\n\n5月，全市受理 9.1万件。\n\n二、工作动态\n\n"
    "1.5月 8日，某区政务服务中心上门服务。今年以来，区政务服务中心累计为重点项目提供帮办代办服务 1420件次，"
    "平均缩短审批时间 40%。\n\n"
    "2.5月 9日，某局召开推进会。会议通报，今年以来全省以告知承诺方式办理证明事项 23.6万件，涉及户籍、社保等 112项证明事项。\n\n"
    "3.5月 12日，某市试点帮办。今年以来，双语帮办窗口累计服务群众 2.1万人次。今年以来，新区累计办理审批手续 213件。\n\n"
    "4.5月 14日，某县推行改革，年内实现全覆盖，预计每年为群众节约成本约 1.5亿元。截至 5月 20日累计服务群众超 3.6万人次。\n\n"
    "5.本周，某办在大厅开展宣传活动 10余场，现场指导群众注册 1600人次，发放操作手册 2000余份。\n\n"
    "6.今年以来，全市累计推出集成场景 58个。\n"
)


def test_running_totals_outside_statistics_passages() -> None:
    assert [(q.text, q.metric, q.scope, q.period) for q in _tag(NEWS).quantities] == [
        ("9.1万件", "受理", "全市", MAY),
        ("1420件次", "帮办代办服务", "区政务服务中心", YEAR_TO_MAY),
        ("40%", None, None, None),
        ("23.6万件", "以告知承诺方式办理证明事项", "全省", YEAR_TO_MAY),
        ("112项", None, None, None),
        ("2.1万人次", "服务群众", "双语帮办窗口", YEAR_TO_MAY),
        ("213件", "办理审批手续", "新区", YEAR_TO_MAY),
        ("约 1.5亿元", None, None, None),  # 年内 looks forward: not a running period
        ("超 3.6万人次", None, None, None),  # as of a day: a stock
        # a news item's figures: the first is no statistic, so the chain breaks
        ("10余场", None, None, None),
        ("1600人次", None, None, None),
        ("2000余份", None, None, None),
        ("58个", None, None, None),  # things set up, not handled
    ]


# ---------------------------------------------------------------- averages and periods

def test_averages_are_not_statistics() -> None:
    raw = HEAD + "5月，“京通”日均访问量约 260万人次，区政务服务大厅日均接待办事群众 3268人次，月均办件 9000件。\n"
    assert [q.metric for q in _tag(raw).quantities] == [None, None, None]


def test_a_mid_paragraph_time_dates_only_its_sentence() -> None:
    raw = (HEAD + "5月，“京通”办理业务 1965万笔；5月1日至5日假期期间，“京通”访问量 1300万人次。"
           "“京办”流转公文 47.3万件。1—5月，全市累计办理 2031.7万件。\n")
    holiday = Period(date(2025, 5, 1), date(2025, 5, 5))
    assert [(q.text, q.period) for q in _tag(raw).quantities] == [
        ("1965万笔", MAY), ("1300万人次", holiday), ("47.3万件", MAY), ("2031.7万件", YEAR_TO_MAY)]


# ---------------------------------------------------------------- measure words

MEASURES = _no_duplicates([
    ("业务骨干百余名参加培训", [("百余名", 100, "名", True)]),
    ("群众平均少跑2趟", [("2趟", 2, "趟", False)]),
    ("开展两轮督查", [("两轮", 2, "轮", False)]),
    # 一批, 一轮 before a noun: "a batch of", not a count
    ("年内再推出一批特色事项", []),
    ("在新一批 13个重点事项基础上", [("13个", 13, "个", False)]),
    ("启动新一轮改革", []),
])


@pytest.mark.parametrize(("text", "expected"), MEASURES, ids=[m[0] for m in MEASURES])
def test_measure_words(text: str, expected: list) -> None:
    assert [(q.text, q.value, q.unit, q.approx) for q in find_quantities(text)] == expected
