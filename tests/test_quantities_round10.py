"""Quantities and statistics, the classes of held-out set 10 (a Taiyuan monthly, a Yinchuan weekly,
a Tianfu weekly, a Lhasa monthly).

Made-up sentences, one class a case: a subject opening with a verb before 累计为…提供 (帮办岗), and the
shortest subject ending in a scope head right before a counting verb when a later verb follows it.
"""

from __future__ import annotations

from gov_extract import extract
from tests.conftest import quantity_rows, tag_quantities

HEAD = "政务服务周报\n\n某市政务服务中心 2025年 6月 9日\n\n（2025年 6月 2日—6月 6日）\n\n一、总体运行情况\n\n"
NEWS = "二、工作动态\n\n"

_tag = tag_quantities
_stats = quantity_rows


def test_verb_led_subject_before_cumulative_for_providing() -> None:
    # 帮办岗 opens with the verb 帮办 but is the subject before 累计为…提供; 为X is dropped
    doc = _tag(HEAD + "本周，全市受理 10件。\n\n" + NEWS
               + "1.今年以来，帮办岗累计为老年人提供代办服务 2 300件次。\n")
    assert _stats(doc)[-1] == ("2 300件次", "代办服务", "帮办岗")


def test_shortest_scope_head_before_a_counting_verb() -> None:
    # the subject ends at 中心 before 受理, not at the 热线 of the items it took on
    doc = _tag(HEAD + "本周，市民服务中心受理12345热线转办工单 1 560件。\n")
    assert _stats(doc) == [("1 560件", "受理12345热线转办工单", "市民服务中心")]


def test_longest_scope_head_without_a_verb_inside() -> None:
    # no counting verb after the first head: the whole subject stays (中心…窗口)
    doc = _tag(HEAD + "本周，市政务服务中心各进驻部门窗口受理业务 3 400件。\n")
    assert _stats(doc) == [("3 400件", "受理业务", "市政务服务中心各进驻部门窗口")]


def test_cumulative_amount_without_counting_verb_is_a_stock() -> None:
    # 累计…量 with no counting verb is a stock even in a statistics passage; the monthly figure counts
    doc = _tag(HEAD + "本周，全市办理业务 900件，全市累计注册量达 460万人。\n")
    assert _stats(doc) == [("900件", "办理业务", "全市"), ("460万人", None, None)]


def test_body_before_the_place_it_acts_at() -> None:
    # the body opening the sentence is the subject, not the phrase up to the place after 在; a later
    # subjectless clause inherits it
    doc = extract(HEAD + "本周，全市受理 10件。\n\n" + NEWS
                  + "今年以来，武侯区行政审批局会同各街道在便民服务中心设置帮办岗 12个，累计为群众提供代办服务 3 400件次。\n")
    assert _stats(doc)[-1] == ("3 400件次", "代办服务", "武侯区行政审批局")
