"""Held-out set 11 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

from datetime import date
from functools import partial

from gov_extract.times import find_times
from tests.conftest import arg_texts, bulletin, bulletin_events

HEAD = "济南市政务服务中心\n政务服务周报\n2025年第40期\n济南市政务服务中心 2025年10月17日\n\n一、工作动态\n\n"

_doc = partial(bulletin, HEAD)
_events = partial(bulletin_events, HEAD)
_args = arg_texts


def test_a_study_tour_is_a_visit() -> None:
    body = "1.10月13日，市政务服务中心主任带队赴青岛市行政审批服务局学习考察，重点了解“一件事一次办”经验做法。\n"
    assert _events(body) == [("visit", "考察")]


def test_a_briefing_for_farmers_is_a_service() -> None:
    body = "1.10月14日，章丘区农业农村局在官庄街道开展“强农惠农”政策宣讲活动，为 150余名种植户讲解农机购置补贴政策。\n"
    assert _events(body) == [("service", "开展")]


def test_staff_invited_to_speak_are_no_audience_of_a_briefing() -> None:
    body = "1.10月15日，历下区政务服务中心举办“政策进园区”专场宣讲会，邀请税务部门业务骨干解读个体工商户税收优惠政策。\n"
    assert _events(body)[0] == ("service", "举办")
    body = "1.10月15日，历下区政务服务中心开展消防知识宣讲活动，为窗口工作人员讲解消防常识。\n"
    assert _events(body) == [("training", "宣讲")]


def test_an_inspection_of_service_guides_is_a_review() -> None:
    body = "1.10月15日，市政务服务中心对 12个部门的 300项事项办事指南开展集中检查，发现问题 20个。\n"
    assert _events(body) == [("review", "检查")]


def test_the_focus_of_an_inspection_is_no_second_event() -> None:
    body = "1.10月16日，槐荫区行政审批服务局对辖区 8个街道便民服务中心开展专项督查，重点检查窗口作风和“好差评”落实情况。\n"
    doc = _doc(body)
    assert [(v["type"], v["trigger"]["text"]) for v in doc["events"]] == [("visit", "督查")]
    assert ("object", "好差评") in _args(doc, doc["events"][0])


def test_staff_spoken_to_by_an_invited_speaker_keep_a_lecture_a_training() -> None:
    body = "1.10月16日，市政务服务中心举办“政务服务大讲堂”，邀请市市场监管局负责同志围绕经营主体登记新规为窗口人员授课。\n"
    assert _events(body)[0] == ("training", "举办")


def test_a_deadline_set_in_a_past_report_still_lies_ahead() -> None:
    oct17 = date(2025, 10, 17)
    (t,) = find_times("已通知相关部门于10月31日前完成整改。", anchor=oct17)
    assert t.start_date == date(2025, 10, 31)
    (t,) = find_times("相关部门已于12月28日前完成整改。", anchor=date(2026, 1, 10))
    assert t.start_date == date(2025, 12, 28)
