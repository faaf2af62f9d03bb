"""Held-out set 6: holidays are times; bare days in a changed length of time are durations."""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.times import find_times

JUL08 = date(2025, 7, 8)
OCT20 = date(2025, 10, 20)
FEB10 = date(2026, 2, 10)


@pytest.mark.parametrize(
    ("text", "anchor", "mention", "start", "end"),
    [
        ("端午假期期间，“我的南京”APP日均访问量约110万人次。", JUL08, "端午假期", "2025-05-31", "2025-06-02"),
        ("（二）国庆中秋假期服务保障情况", OCT20, "国庆中秋假期", "2025-10-01", "2025-10-08"),
        ("国庆假期，全市政务服务中心开展预约服务。", OCT20, "国庆假期", "2025-10-01", "2025-10-08"),
        ("春节假期期间，12345热线受理诉求2万件。", FEB10, "春节假期", "2026-02-15", "2026-02-23"),
        ("五一小长假，各中心提供延时服务。", JUL08, "五一小长假", "2025-05-01", "2025-05-05"),
    ],
)
def test_holiday(text: str, anchor: date, mention: str, start: str, end: str) -> None:
    found = {text[t.start:t.end]: t for t in find_times(text, anchor=anchor)}
    t = found[mention]
    assert (t.start_date.isoformat(), t.end_date.isoformat(), t.grain, t.approx) == (start, end, "day", False)


@pytest.mark.parametrize(
    "text",
    [
        "5月16日，市场监管委出台规定，简易注销公告期由 2 0日缩短为 1 0日。",
        "5月16日，某局印发通知，审批时限由20日压缩至10日。",
        "6月3日，某县将公示期由15日减少为7日。",
    ],
)
def test_days_in_a_changed_length_are_durations(text: str) -> None:
    assert [text[t.start:t.end] for t in find_times(text, anchor=JUL08)] == [text[:text.index("，")]]


def test_bare_day_after_a_date_still_a_date() -> None:
    text = "5月16日召开会议，20日印发通知。"
    assert [text[t.start:t.end] for t in find_times(text, anchor=JUL08)] == ["5月16日", "20日"]
