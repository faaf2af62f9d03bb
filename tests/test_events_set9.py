"""Held-out set 9 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

from functools import partial

from tests.conftest import arg_texts, bulletin, bulletin_events

HEAD = "昆明市政务服务中心\n政务服务周报\n2025年第30期\n昆明市政务服务中心 2025年8月15日\n\n一、工作动态\n\n"

_doc = partial(bulletin, HEAD)
_events = partial(bulletin_events, HEAD)
_args = arg_texts


def test_an_inspection_of_information_systems_is_a_review() -> None:
    doc = _doc("1.8月11日，市数据局对全市 25个政务信息系统开展安全检查。\n")
    (v,) = doc["events"]
    assert (v["type"], v["trigger"]["text"]) == ("review", "检查")
    assert ("quantity", "25个") in _args(doc, v)
    body = "1.8月11日，市政务服务中心对 4个县区便民服务中心开展专项检查。\n"
    assert _events(body) == [("visit", "检查")]


def test_a_lecture_series_held_is_a_training() -> None:
    body = ("1.8月12日，县行政审批局举办“审批业务大讲堂”第二期，邀请市审批科业务骨干"
            "为 60余名窗口工作人员讲解容缺受理规定。\n")
    assert _events(body) == [("training", "举办")]
    body = "1.8月12日，市行政审批局举办“惠企政策大讲堂”，为 30家企业讲解税费优惠政策。\n"
    assert _events(body) == [("service", "举办")]


def test_what_is_lectured_on_by_an_invited_speaker_is_the_object() -> None:
    doc = _doc("1.8月12日，市政务服务中心举办“窗口服务大讲堂”，邀请省政务办处长王建明围绕"
               "《云南省政务服务事项管理办法》作专题辅导。\n")
    (v,) = doc["events"]
    assert ("object", "云南省政务服务事项管理办法") in _args(doc, v)


def test_a_title_released_at_the_meeting_is_an_issue() -> None:
    body = ("1.8月13日，滇中五市政务服务协作联席会议在昆明举行。会上，与会各方共同发布"
            "《滇中城市群“跨市通办”事项清单》，新增事项 20项。\n")
    assert _events(body) == [("meeting", "联席会议"), ("issue", "发布")]
    body = "1.8月13日，市数据局召开推进会。会上，各县区作交流发言。\n"
    assert _events(body) == [("meeting", "召开")]


def test_an_outcome_reported_with_already_is_no_second_event() -> None:
    body = ("1.本周，市政务服务中心开展“助企纾困”专项行动，协调解决企业诉求 12件，"
            "相关情况已纳入“企业诉求直通车”台账。\n")
    assert _events(body) == [("service", "开展")]


def test_a_count_of_places_after_a_list_of_places_is_no_quantity() -> None:
    doc = _doc("1.8月13日，市政务服务中心在五华区、盘龙区 15个银行网点启用“政银通办”自助终端 30台。\n")
    (v,) = doc["events"]
    quantities = [t for r, t in _args(doc, v) if r == "quantity"]
    assert quantities == ["30台"]


def test_counts_marked_by_dui() -> None:
    doc = _doc("1.8月13日，市公共资源交易中心对全市评标专家库中 860名专家开展信用核验。\n")
    (v,) = doc["events"]
    assert ("quantity", "860名") in _args(doc, v)
    doc = _doc("1.8月13日，市政务服务中心对五华区、盘龙区等 5个县区政务服务中心和 30个乡镇便民服务中心"
               "开展作风督查。\n")
    (v,) = doc["events"]
    quantities = [t for r, t in _args(doc, v) if r == "quantity"]
    assert quantities == ["5个", "30个"]


def test_a_reporter_at_a_meeting_takes_part() -> None:
    doc = _doc("1.8月13日，全市营商环境推进会召开，副市长李国强出席会议并讲话，"
               "市政务服务中心主任赵文通报了上半年营商环境评价情况，市数据局作“一件事”经验交流发言。\n")
    (v,) = doc["events"]
    args = _args(doc, v)
    assert ("participant", "赵文") in args
    assert ("participant", "市数据局") in args


def test_a_name_modifying_a_later_name_is_not_the_object() -> None:
    doc = _doc("1.8月14日，市政务服务中心与市医疗保障局建立12345热线医保诉求“首问+专员”协同机制。\n")
    (v,) = doc["events"]
    objects = [t for r, t in _args(doc, v) if r == "object"]
    assert objects == ["首问+专员"]
