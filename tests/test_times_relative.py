"""同日/次日 refer to the last dated day; 自X起 announces a start in the anchor's year (held-out set 3)."""

from __future__ import annotations

from datetime import date

import pytest

from gov_extract.times import find_times

D = date.fromisoformat
APR29 = D("2025-04-29")
MAR07 = D("2025-03-07")
OCT10 = D("2025-10-10")

CASES = [
    # 同日/次日 skip relative words without a day of their own (年内, 今年以来, 本周, 近日)
    ("6月3日，市医保局召开部署会，要求年内全覆盖。次日，专区上线。", OCT10, "次日", "2025-06-04", "2025-06-04"),
    ("9月8日，某局上线新功能。今年以来，累计办理800件。\n同日，中心开展评标。", OCT10, "同日", "2025-09-08", "2025-09-08"),
    ("2月27日，召开会议。本周，全省受理1万件。近日，印发通知。当天，上线系统。", MAR07, "当天", "2025-02-27", "2025-02-27"),
    ("3月4日至5日，赴某县调研。次日，召开座谈会。", MAR07, "次日", "2025-03-06", "2025-03-06"),
    ("7月1日，召开会议。同日，印发方案；次日，启动培训。", OCT10, "次日", "2025-07-02", "2025-07-02"),
    # a start of effect announced ahead: 自/从 … 起 keeps the anchor's year
    ("通知明确自 5月 1日起全面推行", APR29, "5月 1日", "2025-05-01", "2025-05-01"),
    ("从6月1日起实行预约服务", APR29, "6月1日", "2025-06-01", "2025-06-01"),
    ("自3月1日起，全市推行新流程", APR29, "3月1日", "2025-03-01", "2025-03-01"),
    # without the cue a later yearless date is last year's
    ("5月1日，全市推行新流程", APR29, "5月1日", "2024-05-01", "2024-05-01"),
]


@pytest.mark.parametrize(("text", "anchor", "mention", "start", "end"), CASES, ids=[c[0][:20] for c in CASES])
def test_relative_reference(text: str, anchor: date, mention: str, start: str, end: str) -> None:
    t = {t.text: t for t in find_times(text, anchor=anchor)}[mention]
    assert (t.start_date, t.end_date) == (D(start), D(end))
