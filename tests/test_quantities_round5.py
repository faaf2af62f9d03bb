"""Quantities and statistics, the classes of held-out set 5 (a Zhejiang monthly, a Xi'an weekly,
a Leshan weekly, a Shenzhen district monthly).

Made-up sentences, one class a case: ranks, bounds, compound units, Chinese numerals apart from
their unit; scopes with a sub-station, a closing quote, a quoted name, people or a category;
changes, figures as of now and rank changes that are no statistics; a running total of service.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from gov_extract.model import Document, Entity, Period
from gov_extract.quantities import QuantityTagger, find_quantities
from gov_extract.structure import read
from gov_extract.times import TimeTagger

MAY = Period(date(2025, 5, 1), date(2025, 5, 31))
YEAR_TO_MAY = Period(date(2025, 1, 1), date(2025, 5, 31))
HEAD = "政务服务月报\n\n某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月总体运行情况\n\n"


def _tag(raw: str, entities: tuple[Entity, ...] = ()) -> Document:
    return QuantityTagger()(TimeTagger()(read(raw).replace(entities=entities)))


def _unique(rows: list) -> list:
    assert len({r[0] for r in rows}) == len(rows), "duplicate case"
    return rows


# ---------------------------------------------------------------- quantities

QUANTITIES = _unique([
    # a rank after 前 is no count; a change of rank has its own unit
    ("杭州、宁波、温州受理量居全省前三位", []),
    ("西咸新区、高新区位居前两位", []),
    ("排名前10名的事项", []),
    ("排名提升4个位次", [("4个位次", 4, "个位次", False)]),
    # compound counting units
    ("累计服务港资企业3180家次", [("3180家次", 3180, "家次", False)]),
    ("入户核查126户次", [("126户次", 126, "户次", False)]),
    ("核发许可证等4证", [("4证", 4, "证", False)]),
    ("推行两证合一", []),
    # 不超过 is a bound: the word stays out and the figure is exact; 超过 alone is an approximation
    ("全程代办时限不超过5个工作日", [("5个工作日", 5, "工作日", False)]),
    ("服务半径不超过1.5公里", [("1.5公里", Decimal("1.5"), "公里", False)]),
    ("办理时限未超过3天", [("3天", 3, "天", False)]),
    ("累计超过5个工作日", [("超过5个工作日", 5, "工作日", True)]),
    ("最近3个月", [("3个月", 3, "月", False)]),
    # a Chinese numeral apart from its unit by a kept space, and after a list of letters
    ("由 三 个部门派驻工作人员", [("三 个", 3, "个", False)]),
    ("新增5万 件", [("5万 件", 50000, "件", False)]),
    ("第 一 批试点", []),
    ("评价结果分为A、B、C三个等级", [("三个", 3, "个", False)]),
    ("型号A3台", []),
    # set phrases
    ("残疾人两项补贴", []),
    ("构建三位一体格局", []),
])


@pytest.mark.parametrize(("text", "expected"), QUANTITIES, ids=[q[0] for q in QUANTITIES])
def test_quantities(text: str, expected: list) -> None:
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit, q.approx) for q in found] == [
        (t, Decimal(str(v)), u, a) for t, v, u, a in expected]


@pytest.mark.xfail(reason="一 + measure word as an indefinite article (a company) is still a count", strict=True)
def test_indefinite_article_is_no_count() -> None:
    assert find_quantities("例如，香港一家生物医药企业负责人通过远程视频方式办理") == ()


def test_number_split_by_a_line_break_after_an_item() -> None:
    raw = "（六）力争全省好评率保持在 9 \n\n9.9%以上。\n\n（八）持续跟踪企业反映的 3 4\n\n条诉求办理进度。\n"
    doc = _tag(raw)
    assert [(q.text, q.value, q.unit) for q in doc.quantities] == [
        ("9 \n\n9.9%", Decimal("99.9"), "%"), ("3 4\n\n条", 34, "条")]


# ---------------------------------------------------------------- scope: the whole subject

SCOPES = _unique([
    # a sub-station or channel of a platform, with a place between them
    (("5月，某省政务服务网某市站点访问量 86.4万人次，网上申办 3.52万件；“某务员”某市频道访问量 158.3万人次，"
      "新增实名注册用户 2.1万人。"),
     [("86.4万人次", "访问量", "某省政务服务网某市站点"), ("3.52万件", "网上申办", "某省政务服务网某市站点"),
      ("158.3万人次", "访问量", "“某务员”某市频道"), ("2.1万人", "新增实名注册用户", "“某务员”某市频道")]),
    # the quote closing a quoted head belongs to the scope
    ("5月，全市各级政务服务中心“企业服务专区”受理涉企诉求 1165件，办结 1098件。",
     [("1165件", "受理涉企诉求", "全市各级政务服务中心“企业服务专区”"),
      ("1098件", "办结", "全市各级政务服务中心“企业服务专区”")]),
    # a quoted name after its head, a scenario, a registration office
    ("5月，政务服务智能助手“南小智”答复群众咨询 9.7万次。",
     [("9.7万次", "答复群众咨询", "政务服务智能助手“南小智”")]),
    ("5月，“免证办”场景调用电子证照 2.46万次。", [("2.46万次", "调用电子证照", "“免证办”场景")]),
    ("5月，某市不动产登记中心某区登记所办理不动产登记业务 1.86万件，发放电子不动产权证书 7412本。",
     [("1.86万件", "办理不动产登记业务", "某市不动产登记中心某区登记所"),
      ("7412本", "发放电子不动产权证书", "某市不动产登记中心某区登记所")]),
    # people as the subject, carried over the clauses of the sentence
    ("5月，区领导和区直部门负责人走访企业 138家，收集企业诉求 215项，办结 197项。",
     [("138家", "走访企业", "区领导和区直部门负责人"), ("215项", "收集企业诉求", "区领导和区直部门负责人"),
      ("197项", "办结", "区领导和区直部门负责人")]),
    # a counting verb overlapping the head (服务网 + 办件, not 网办)
    ("5月，某省政务服务网办件 31.5万件。", [("31.5万件", "办件", "某省政务服务网")]),
    # a category of a breakdown before a predicate verb; not a label (国有产权交易)
    (("5月，全市完成交易项目 158个。分类型看，工程建设项目完成交易 47个、交易额 11.86亿元；"
      "土地使用权和矿业权完成出让 9宗、成交额 1.14亿元；国有产权交易 11宗、成交金额 1.08亿元。"),
     [("158个", "完成交易项目", "全市"), ("47个", "完成交易", "工程建设项目"), ("11.86亿元", "交易额", "工程建设项目"),
      ("9宗", "完成出让", "土地使用权和矿业权"), ("1.14亿元", "成交额", "土地使用权和矿业权"),
      ("11宗", "国有产权交易", None), ("1.08亿元", "成交金额", None)]),
])


@pytest.mark.parametrize(("sentence", "expected"), SCOPES, ids=[s[0][:16] for s in SCOPES])
def test_scope_is_the_whole_subject(sentence: str, expected: list) -> None:
    doc = _tag(HEAD + sentence + "\n")
    assert [(q.text, q.metric, q.scope) for q in doc.quantities if q.metric is not None] == expected
    assert all(q.period == MAY for q in doc.quantities if q.metric is not None)


def test_sub_unit_after_an_org_entity() -> None:
    raw = HEAD + "5月，某市不动产登记中心某区登记所办理不动产登记业务 1.86万件。\n"
    start = raw.index("某市不动产登记中心")
    org = Entity("e1", "ORG", start, start + 9, "某市不动产登记中心", "某市不动产登记中心")
    assert [q.scope for q in _tag(raw, (org,)).quantities] == ["某市不动产登记中心某区登记所"]


# ---------------------------------------------------------------- no statistics

NOT_STATISTICS = _unique([
    # changes against another period
    ("5月，“免证办”事项增至 2138项，同比增加 426项。", [("2138项", None), ("426项", None)]),
    ("5月，核发施工许可证 86张，较上周增加 11张。", [("86张", "核发施工许可证"), ("11张", None)]),
    # a stock as of now
    ("5月，自助服务终端办理业务 4.6万件，目前全区共布设终端 213台。",
     [("4.6万件", "办理业务"), ("213台", None)]),
])


@pytest.mark.parametrize(("sentence", "expected"), NOT_STATISTICS, ids=[s[0][:16] for s in NOT_STATISTICS])
def test_changes_and_stocks_are_not_statistics(sentence: str, expected: list) -> None:
    assert [(q.text, q.metric) for q in _tag(HEAD + sentence + "\n").quantities] == expected


CASES = (HEAD + "一季度，全市办件 3万件。\n\n二、经验做法\n\n"
         "某区推动跨境远程办理。今年以来，“深港通办”累计服务港资企业 3180家次，企业满意度达 99.6%。\n\n"
         "今年以来，全市营商环境评价排名提升 4 个位次。\n\n"
         "今年以来，全市小微企业累计享受减税降费 约 386.5 亿元。\n")


def test_running_total_of_service_in_a_case_paragraph() -> None:
    assert [(q.text, q.metric, q.scope, q.period) for q in _tag(CASES).quantities][1:] == [
        ("3180家次", "服务港资企业", "“深港通办”", YEAR_TO_MAY),  # 服务 opens the metric: a counting verb
        ("99.6%", None, None, None),
        ("4 个位次", None, None, None),  # a rank change, never a volume
        ("约 386.5 亿元", None, None, None),  # benefits received, no counting verb
    ]
