"""Held-out set 7: 同日 skips the start of an effect inside a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.times import find_times

SEP30 = date(2025, 9, 30)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the effect's start inside the sentence is not what 同日 refers to
        ("9月12日，市政府印发《办法》，该办法自2025年11月1日起施行。同日，市中心召开培训会。", date(2025, 9, 12)),
        ("9月5日，县局出台规定，自10月1日起执行。当天，县中心启用专窗。", date(2025, 9, 5)),
        # an effect's start opening the item is its own day
        ("自9月1日起，全市施行新规。同日，市中心启用专窗。", date(2025, 9, 1)),
        # with no other day before it, the effect's start is the antecedent
        ("该办法自2025年9月1日起施行。同日，市中心启用专窗。", date(2025, 9, 1)),
    ],
)
def test_same_day_antecedent(text: str, day: date) -> None:
    same = [t for t in find_times(text, anchor=SEP30) if t.text in ("同日", "当天")]
    assert [(t.start_date, t.end_date) for t in same] == [(day, day)]
