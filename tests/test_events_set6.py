"""Held-out set 6 event classes, through the whole pipeline on short bulletins."""

from __future__ import annotations

import gov_extract

HEAD = "南京市政务服务管理办公室\n政务服务月报\n2025年第6期\n南京市政务服务管理办公室 2025年7月8日\n\n一、工作动态\n\n"


def _events(body: str) -> list[tuple[str, str]]:
    doc = gov_extract.extract(HEAD + body).to_dict()
    return [(v["type"], v["trigger"]["text"]) for v in doc["events"]]


def test_plans_under_a_next_steps_heading_give_no_events() -> None:
    body = ("1.6月10日，市政务办召开全市政务服务工作推进会。\n\n"
            "二、下一步工作\n\n（一）7月31日前完成第三批重点事项上线运行。\n\n"
            "（二）10月下旬组织开展全市政务服务窗口业务技能竞赛。\n")
    assert [t for t, _ in _events(body)] == ["meeting"]


def test_online_and_offline_is_not_a_launch() -> None:
    body = ("1.6月19日，市政务服务中心举办第六期政务服务培训班，"
            "窗口工作人员 350余人通过线上线下方式参加学习。\n")
    assert "launch" not in [t for t, _ in _events(body)]


def test_this_training_refers_back() -> None:
    body = ("1.6月16日至17日，江苏省政务服务管理办公室在南京举办全省政务服务中心标准化建设培训班，"
            "市政务办承办此次培训。\n")
    assert [t for t, _ in _events(body)] == ["training"]


def test_words_of_a_disposal_object_are_not_triggers() -> None:
    body = ("1.6月25日，市行政审批局将规划核实、消防验收、人防验收等 5个验收事项纳入“多验合一”改革范围。\n")
    assert _events(body) == [("reform", "纳入")]


def test_same_day_sentence_without_an_actor_gives_no_event() -> None:
    body = ("1.6月6日，市政务服务中心正式启用“数字见证”系统。"
            "当天，一工程建设项目通过新系统完成评标。\n")
    assert [t for t, _ in _events(body)] == ["launch"]


def test_special_campaign_is_a_service() -> None:
    body = ("1.本月，市政务服务中心依托市12345政务服务便民热线开展“高温季民生诉求快办”专项行动。\n")
    doc = gov_extract.extract(HEAD + body).to_dict()
    ents = {e["id"]: e["text"] for e in doc["entities"]}
    [ev] = doc["events"]
    assert (ev["type"], ev["trigger"]["text"]) == ("service", "开展")
    objects = [ents[a["ref"]] for a in ev["args"] if a["role"] == "object"]
    assert objects == ["高温季民生诉求快办"]  # 依托市…热线 is the means, not the object
