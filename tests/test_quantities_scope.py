"""Statistics scoped by a division, zone, quoted platform or category; numbers inside names (held-out set 3).

Made-up sentences, one category a row.
"""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.model import Document, Entity, Period
from gov_extract.quantities import QuantityTagger, find_quantities
from gov_extract.structure import read
from gov_extract.times import TimeTagger

MAY = Period(date(2025, 5, 1), date(2025, 5, 31))


def _tag(raw: str, entities: tuple[Entity, ...] = ()) -> Document:
    doc = read(raw).replace(entities=entities)
    return QuantityTagger()(TimeTagger()(doc))


def _entity(raw: str, label: str, text: str, n: int = 1) -> Entity:
    start = raw.index(text)
    return Entity(f"e{n}", label, start, start + len(text), text, text)


SCOPES = [
    # a division or zone leading the clause right before its counting verb
    ("分地区看，临海市受理事项 3.1万件，椒江区受理 2.2万件，高新园区共受理 8800件。",
     [("受理事项", "临海市"), ("受理", "椒江区"), ("受理", "高新园区")]),
    ("南湖街道办结 320件；经开区受理 410件。", [("办结", "南湖街道"), ("受理", "经开区")]),
    # a quoted platform, with or without its kind; the quotes are part of the scope
    ("“蓉易办”APP新增注册用户 5.2万人，访问量 80万人次。",
     [("新增注册用户", "“蓉易办”APP"), ("访问量", "“蓉易办”APP")]),
    ("“皖事通”新增实名用户 3万人；“问政于民”论坛受理诉求 900件。",
     [("新增实名用户", "“皖事通”"), ("受理诉求", "“问政于民”论坛")]),
    # a category of a breakdown, carried over 、 to the next figure
    ("其中，货物类完成 21个、成交 3.5亿元；服务类完成 9宗、成交 0.4亿元。",
     [("完成", "货物类"), ("成交", "货物类"), ("完成", "服务类"), ("成交", "服务类")]),
    # not a division: a cross-region word, and a metric without a subject
    ("跨省办理事项 260件，网上受理 1.2万件。", [("跨省办理事项", None), ("网上受理", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SCOPES, ids=[s[0][:16] for s in SCOPES])
def test_statistic_scope(sentence: str, expected: list) -> None:
    raw = f"某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月办件情况\n\n{sentence}\n"
    doc = _tag(raw)
    stats = [(q.metric, q.scope) for q in doc.quantities if q.metric is not None]
    assert stats == expected
    assert all(q.period == MAY for q in doc.quantities if q.metric is not None)


def test_scope_from_loc_entity() -> None:
    raw = "某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月办件情况\n\n东岳新城受理 730件。\n"
    doc = _tag(raw, (_entity(raw, "LOC", "东岳新城"),))
    assert [(q.metric, q.scope) for q in doc.quantities] == [("受理", "东岳新城")]


SUBSECTION = (
    "政务服务周报\n\n某市行政审批局 2025年 6月 3日\n\n（5月 26日—6月 1日）\n\n一、总体运行情况\n\n"
    "（一）公共资源交易情况\n\n本周，全市完成交易项目 40个，成交金额 5.6亿元。其中，工程类完成 12个、成交 4.1亿元。"
    "全市受理场地预约 66件。新增入库专家 8名。\n\n"
    "二、工作动态\n\n1.本周，某区政务服务中心对 5个重点项目开展帮办服务，协助办理施工许可等事项 17件。\n\n"
    "2.本周，某县政务服务中心受理 300件，办结 280件。\n"
)
WEEK = Period(date(2025, 5, 26), date(2025, 6, 1))


def test_later_sentences_of_a_statistics_paragraph() -> None:
    doc = _tag(SUBSECTION)
    assert [(q.text, q.metric, q.scope, q.period) for q in doc.quantities] == [
        ("40个", "完成交易项目", "全市", WEEK),
        ("5.6亿元", "成交金额", "全市", WEEK),
        ("12个", "完成", "工程类", WEEK),  # a breakdown after 其中
        ("4.1亿元", "成交", "工程类", WEEK),
        ("66件", "受理场地预约", "全市", WEEK),  # a later sentence with a counting verb
        ("8名", None, None, None),  # a later sentence without one
        ("5个", None, None, None),
        ("17件", None, None, None),  # a news item's action, not a chain of figures
        ("300件", "受理", "某县政务服务中心", WEEK),
        ("280件", "办结", "某县政务服务中心", WEEK),
    ]


NOT_QUANTITIES = [
    ("在三台县召开现场会", []),
    ("七台河市、九台区政务服务中心", []),
    ("可通过手机一次提交申请，一次办好", []),
    ("每季度开展一次，", ["一次"]),
    ("购置自助终端三台，覆盖三个县", ["三台", "三个"]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_QUANTITIES, ids=[t for t, _ in NOT_QUANTITIES])
def test_number_words_in_names_and_adverbs(text: str, expected: list) -> None:
    assert [q.text for q in find_quantities(text)] == expected


@pytest.mark.parametrize(("label", "name"), [("LOC", "五莲县"), ("ORG", "六安市政务服务中心")])
def test_no_quantity_inside_place_or_body_names(label: str, name: str) -> None:
    raw = f"5月 8日，{name}开展活动，走访企业 6家。"
    doc = _tag(raw, (_entity(raw, label, name),))
    assert [q.text for q in doc.quantities] == ["6家"]
