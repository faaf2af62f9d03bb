"""Quantities and statistics, the classes of held-out set 11 (a Hefei weekly, an Urumqi monthly,
a Panzhihua weekly, a Shenyang monthly).

Made-up sentences, one class a case: 通 counting phone calls, a team (团队) as a statistic's subject,
and a count raised to a level (增加到) as no statistic.
"""

from __future__ import annotations

from tests.conftest import quantity_rows, tag_quantities

HEAD = "政务服务周报\n\n某市政务服务中心 2025年 6月 9日\n\n（2025年 6月 2日—6月 6日）\n\n一、总体运行情况\n\n"
NEWS = "二、工作动态\n\n"

_tag = tag_quantities
_stats = quantity_rows


def test_calls_counted_by_tong() -> None:
    doc = _tag(HEAD + "本周，区热线双语坐席接听来电 1 350通。\n")
    assert [(q.text, q.unit) for q in doc.quantities] == [("1 350通", "通")]
    assert doc.quantities[0].metric == "接听来电"


def test_tong_inside_words_is_no_unit() -> None:
    doc = _tag(HEAD + "本周，全区推行“一网通办”，实现三通一平，推广一码通。\n")
    assert not doc.quantities


def test_team_is_the_subject() -> None:
    doc = _tag(HEAD + "本周，全市受理 10件。\n\n" + NEWS
               + "1.今年以来，“金牌店小二”团队累计服务重点企业 95家，协调解决融资、用工等方面问题 130个。\n")
    assert _stats(doc)[1:] == [("95家", "服务重点企业", "“金牌店小二”团队"),
                               ("130个", "协调解决融资、用工等方面问题", "“金牌店小二”团队")]


def test_count_raised_to_a_level_is_no_statistic() -> None:
    doc = _tag(HEAD + "本周，全市受理 10件，可在村级站点办理的事项增加到 86项。\n")
    assert _stats(doc) == [("10件", "受理", "全市"), ("86项", None, None)]
