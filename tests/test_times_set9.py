"""Held-out set 9: two holidays listed with a stop; a same-day word inside a quoted slogan."""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.times import find_times

AUG15 = date(2025, 8, 15)


@pytest.mark.parametrize("text", ["做好中秋、国庆假期值班安排。", "国庆、中秋长假期间延时服务。"])
def test_two_holidays_listed_are_one_time(text: str) -> None:
    (t,) = find_times(text, anchor=AUG15)
    assert t.text in text and "、" in t.text
    assert (t.start_date, t.end_date, t.grain) == (date(2025, 10, 1), date(2025, 10, 8), "day")


@pytest.mark.parametrize(
    "text",
    ["离“当日受理、三日办结”要求还有差距。", "推行“当天申请、次日办结”服务模式。", "打造“次日达”服务。"],
)
def test_a_same_day_word_in_a_slogan_is_no_time(text: str) -> None:
    assert find_times(text, anchor=AUG15) == ()


def test_a_same_day_word_outside_quotes_still_refers_back() -> None:
    text = "8月12日，县中心启用“一件事”专窗。当日，专窗受理业务 20件。"
    same = [t for t in find_times(text, anchor=AUG15) if t.text == "当日"]
    assert [(t.start_date, t.end_date) for t in same] == [(date(2025, 8, 12), date(2025, 8, 12))]
