"""Held-out set 10 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

from functools import partial

from tests.conftest import arg_texts, bulletin, bulletin_events

HEAD = "昆明市政务服务中心\n政务服务周报\n2025年第30期\n昆明市政务服务中心 2025年8月15日\n\n一、工作动态\n\n"

_doc = partial(bulletin, HEAD)
_events = partial(bulletin_events, HEAD)
_args = arg_texts


def test_a_disposal_clause_restating_the_issued_title_is_no_second_event() -> None:
    body = "1.8月11日，省政府办公厅印发《关于深化“跨省通办”工作的通知》，将 45项高频事项纳入“跨省通办”清单。\n"
    assert _events(body) == [("issue", "印发")]
    body = "1.8月11日，省政府办公厅印发《关于深化政务服务改革的通知》，将 45项高频事项纳入“跨省通办”清单。\n"
    assert _events(body) == [("issue", "印发"), ("reform", "纳入")]


def test_a_briefing_meeting_is_a_meeting() -> None:
    body = "1.8月11日，市政务服务局召开全市政务服务工作推进会暨第二季度窗口服务评价通报会。\n"
    assert _events(body) == [("meeting", "召开")]


def test_a_briefing_for_graduates_is_a_service() -> None:
    body = "1.8月11日，市人社局开展“就业直通车”政策宣讲活动，面向高校毕业生集中解读创业补贴政策。\n"
    assert _events(body) == [("service", "开展")]


def test_signers_at_a_meeting_take_part_and_a_signed_title_is_no_launch_object() -> None:
    doc = _doc("1.8月12日，滇中两市政务服务联席会议在曲靖召开，市行政审批局与曲靖市行政审批局签署"
               "《政务服务合作框架协议》。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert ("participant", "市行政审批局") in args and ("participant", "曲靖市行政审批局") in args
    assert ("object", "政务服务合作框架协议") in args
    doc = _doc("1.8月12日，市行政审批局与市司法局签署《合作备忘录》，并在市政务服务中心开通“法务+政务”综合服务窗口。\n")
    (v,) = doc["events"]
    assert v["type"] == "launch"
    assert ("object", "合作备忘录") not in _args(doc, v)


def test_the_party_a_licence_is_issued_for_is_the_target() -> None:
    doc = _doc("1.8月12日，市行政审批局为云南华海新材料有限公司集中核发建设工程规划许可证、"
               "建筑工程施工许可证等 4 本证照。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert v["type"] == "approve"
    assert ("target", "云南华海新材料有限公司") in args and ("quantity", "4 本") in args


def test_bodies_sending_people_with_others_take_part() -> None:
    doc = _doc("1.8月12日，第二届政务服务创新峰会在昆明举行，省政务服务中心、市发展改革委相关负责同志"
               "及 30余家企业代表参加。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert ("participant", "省政务服务中心") in args and ("participant", "市发展改革委") in args


def test_a_partner_of_a_later_clause_takes_no_part() -> None:
    doc = _doc("1.8月12日，市政务服务局副局长王强到呈贡区调研政务服务中心建设情况，"
               "并与呈贡区人民政府有关负责同志座谈交流。\n")
    (v,) = doc["events"]
    assert not [a for a in _args(doc, v) if a[0] == "participant"]
    body = ("1.8月12日，市政务服务局副局长王强赴重庆考察政务服务改革经验，"
            "并与重庆市政务服务管理办公室就“川渝通办”召开座谈会。\n")
    doc = _doc(body)
    meeting = doc["events"][-1]
    assert ("participant", "重庆市政务服务管理办公室") in _args(doc, meeting)


def test_places_looked_at_after_an_aspect_particle_are_targets() -> None:
    doc = _doc("1.8月12日，市政务服务局副局长王强到呈贡区督导工作，先后察看了呈贡区政务服务中心和"
               "吴井街道便民服务中心。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert ("target", "呈贡区政务服务中心") in args and ("target", "吴井街道便民服务中心") in args


def test_a_meeting_under_two_names_is_one_event_with_its_venue() -> None:
    doc = _doc("1.8月12日，全市政务服务工作推进会暨上半年重点任务调度会在市政务服务大厅召开，"
               "市人民政府副市长王强出席会议。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert v["type"] == "meeting"
    assert ("location", "市政务服务大厅") in args and ("participant", "王强") in args
