"""Held-out set 8 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

from functools import partial

from tests.conftest import arg_texts, bulletin, bulletin_events

HEAD = "贵阳市政务服务中心\n政务服务月报\n2025年第10期\n贵阳市政务服务中心 2025年10月31日\n\n一、工作动态\n\n"

_doc = partial(bulletin, HEAD)
_events = partial(bulletin_events, HEAD)
_args = arg_texts


def test_a_ceremony_is_a_meeting() -> None:
    body = "1.10月9日，市政务服务中心与贵阳银行在观山湖区举行“政银通办”便民服务合作签约仪式。\n"
    assert _events(body) == [("meeting", "举行")]
    body = "1.10月10日，市自然资源局在白云区举行“交地即交证”集中发证仪式。\n"
    assert _events(body) == [("meeting", "举行")]


def test_a_lecture_is_a_training() -> None:
    body = "1.10月11日，市政务服务中心党组书记、主任王建华为全体干部职工讲授专题党课。\n"
    assert _events(body) == [("training", "讲授")]


def test_cases_issued_are_the_quantity() -> None:
    doc = _doc("1.本月，市政务服务中心发布第三批政务服务典型案例 5 起。\n")
    (v,) = doc["events"]
    assert ("quantity", "5 起") in _args(doc, v)


def test_an_occasion_between_the_time_and_the_subject_holds_no_arguments() -> None:
    body = ("1.10月13日至17日，第五届数博会期间，市政务服务中心会同市行政审批局在会展中心开展"
            "“政务服务进展馆”活动。\n")
    doc = _doc(body)
    (v,) = doc["events"]
    assert (v["type"], v["trigger"]["text"]) == ("service", "开展")
    assert ("agent", "市政务服务中心") in _args(doc, v)


def test_what_the_parties_will_do_after_a_signing_is_planned() -> None:
    body = ("1.10月14日，市政务服务中心与贵阳银行签署政务服务合作协议，双方将依托 200余个银行网点设立"
            "政务服务自助区。同日，市行政审批局在“筑事通”开通企业服务专栏。\n")
    assert [t for t, _ in _events(body)] == ["launch"]
    assert _events(body)[0][1] == "开通"
    body = "1.10月15日，市政务服务中心与遵义市政务服务中心签署合作协议，双方将共享评标专家资源，推动远程异地评标常态化。\n"
    assert _events(body) == []


def test_a_setup_after_a_signing_is_still_an_event() -> None:
    body = "1.10月16日，市行政审批局与市税务局签署合作备忘录，在市民中心设立税费服务综合窗口。\n"
    assert [t for t, _ in _events(body)] == ["launch"]


def test_a_launch_after_the_volumes_of_an_item_is_an_event() -> None:
    body = ("（四）“高效办成一件事”情况\n\n本月，全市办理“高效办成一件事”重点事项 4 126件。"
            "本月新增上线“企业信息变更一件事”等 3 个事项。\n")
    assert _events(body) == [("launch", "上线")]


def test_a_topic_discussed_after_a_meeting_is_its_object() -> None:
    body = ("1.10月22日，市政务服务中心与遵义市政务服务中心召开视频会议，"
            "就“跨市通办”事项扩容进行对接。\n")
    doc = _doc(body)
    (v,) = doc["events"]
    assert ("object", "跨市通办") in _args(doc, v)


def test_the_bodies_led_take_part() -> None:
    body = "1.10月23日，市政务服务中心副主任李明带领审批服务处、政务服务管理处负责同志赴乌当区走访 5 家企业。\n"
    doc = _doc(body)
    (v,) = doc["events"]
    assert {("participant", "审批服务处"), ("participant", "政务服务管理处")} <= set(_args(doc, v))


def test_invited_bodies_after_the_people_sent_take_part() -> None:
    body = ("1.10月24日，市政务服务中心举办窗口业务培训班，邀请省政务服务中心有关同志和市司法局、"
            "市人社局业务专家授课。\n")
    doc = _doc(body)
    (v,) = doc["events"]
    assert {"省政务服务中心", "市司法局", "市人社局"} <= {t for r, t in _args(doc, v) if r == "participant"}


def test_an_invited_lecturer_takes_part_not_their_body() -> None:
    body = "1.10月27日，市政务服务中心举办业务培训班，邀请省政务服务中心综合处处长王立新作专题授课。\n"
    doc = _doc(body)
    (v,) = doc["events"]
    people = [t for r, t in _args(doc, v) if r == "participant"]
    assert people == ["王立新"]
