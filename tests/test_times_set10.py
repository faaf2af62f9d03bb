"""Held-out set 10: 目前 is no time inside 项目前期."""

from __future__ import annotations

from datetime import date

from gov_extract.times import find_times

AUG15 = date(2025, 8, 15)


def test_now_inside_a_project_word_is_no_time() -> None:
    assert find_times("改革后，预计项目前期审批时间压缩约 30%。", anchor=AUG15) == ()


def test_now_still_a_time_on_its_own() -> None:
    (t,) = find_times("目前，已有 12个项目进入联合评审。", anchor=AUG15)
    assert (t.text, t.grain, t.start_date) == ("目前", "vague", AUG15)
