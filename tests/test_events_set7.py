"""Held-out set 7 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

from functools import partial

from tests.conftest import bulletin, bulletin_events

HEAD = "长沙市政务服务中心\n政务服务月报\n2025年第9期\n长沙市政务服务中心 2025年10月10日\n\n一、工作动态\n\n"

_doc = partial(bulletin, HEAD)
_events = partial(bulletin_events, HEAD)


def test_setting_up_a_service_point_is_a_launch() -> None:
    body = "1.9月8日，市税务局在高新区设立办税服务驿站，为园区企业提供咨询服务。\n"
    assert _events(body)[0] == ("launch", "设立")


def test_setting_up_after_a_meeting_is_no_second_event() -> None:
    body = "1.9月9日，市政务服务中心与株洲市行政审批服务局召开座谈会，并在高铁站设立“跨市通办”服务专窗。\n"
    assert [t for t, _ in _events(body)] == ["meeting"]


def test_establishment_registration_is_no_trigger() -> None:
    body = "1.9月10日，市市场监管局对公司设立登记等 5类业务实行“智能秒批”。\n"
    assert _events(body) == [("reform", "实行")]


def test_an_evaluation_of_matters_is_a_review() -> None:
    body = "1.9月11日，市政务服务中心对 120项高频事项开展办事体验测评。\n"
    assert _events(body) == [("review", "测评")]


def test_an_inspection_of_approval_progress_is_a_review() -> None:
    body = "1.本月，市政务服务中心会同市发改委对重点项目审批进度开展专项督查。\n"
    assert [t for t, _ in _events(body)] == ["review"]


def test_a_published_assessment_is_an_issue_but_not_a_briefing_at_a_meeting() -> None:
    assert _events("1.近日，国务院办公厅通报 2024年度政务服务能力评估结果。\n") == [("issue", "通报")]
    body = "1.9月12日，市政务服务中心召开推进会，通报 1—8月“好差评”运行情况，对 3 个窗口予以通报表扬。\n"
    assert [t for t, _ in _events(body)] == ["meeting"]


def test_a_competition_final_is_a_training() -> None:
    body = "1.9月15日，市政务服务中心举办全市窗口业务技能比武决赛。\n"
    assert _events(body) == [("training", "举办")]


def test_agreed_and_planned_actions_are_no_events() -> None:
    body = ("1.9月16日，市政务服务中心与湘潭市政务服务中心召开对接会，双方约定于 12月底前上线首批通办事项。\n"
            "2.9月17日，一家企业计划在高新区设立分公司。\n")
    assert [t for t, _ in _events(body)] == ["meeting"]


def test_verbs_in_a_list_of_topics_are_no_events() -> None:
    body = "1.9月18日，市政务服务中心举办业务培训班，围绕竣工联合验收、数据分析等内容开展专题培训。\n"
    assert [t for t, _ in _events(body)] == ["training"]


def test_review_results_are_a_noun() -> None:
    body = "1.9月19日，市人社局开通职称申报通道，评审结果同步推送至“湘易办”。\n"
    assert [t for t, _ in _events(body)] == ["launch"]


def test_a_later_predicate_with_objects_only_in_later_clauses_is_no_event() -> None:
    body = ("1.9月20日，市政务服务中心启用综合服务专区，实行前台综合受理，"
            "同步开设“湘易办”体验区。\n")
    assert [t for t, _ in _events(body)] == ["launch"]


def test_an_escort_in_a_later_sentence_gives_no_event() -> None:
    body = "1.9月22日，省政务管理服务局副局长王明到市政务服务中心调研。市政务服务中心副主任周建国陪同调研。\n"
    assert [t for t, _ in _events(body)] == ["visit"]


def test_a_briefing_for_residents_in_the_next_clause_is_a_service() -> None:
    body = "1.9月23日，市医保局在东塘社区开展医保政策宣讲，为 60余名居民讲解参保政策。\n"
    assert [t for t, _ in _events(body)][0] == "service"


def test_attendees_after_a_meeting_and_study_belong_to_the_meeting() -> None:
    body = ("1.9月24日，市政务服务中心召开全市政务服务工作推进会，传达学习《湖南省优化营商环境规定》，"
            "副市长张伟出席并讲话，市政务服务中心主任李华主持。\n")
    doc = _doc(body)
    people = {e["id"]: e["text"] for e in doc["entities"] if e["label"] == "PERSON"}
    by_type = {v["type"]: [people[a["ref"]] for a in v["args"] if a["ref"] in people] for v in doc["events"]}
    assert sorted(by_type) == ["meeting", "training"]
    assert sorted(by_type["meeting"]) == ["张伟", "李华"] and by_type["training"] == []
