from __future__ import annotations

import json
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.errors import LexiconError
from gov_extract.model import Document, Entity, Period
from gov_extract.scoring import score_corpus
from gov_extract.structure import read
from gov_extract.times import TimeTagger, find_times, load_time_words, parse_time
from tests.conftest import CORPUS_IDS, gold, raw_text
from tests.test_numbers import to_chinese

D = date.fromisoformat
# anchors and periods of the test rows
DEC12 = D("2025-12-12")
FEB14 = D("2026-02-14")
NOV = Period(D("2025-11-01"), D("2025-11-30"))
WEEK = Period(D("2023-05-04"), D("2023-05-12"))
MAY18 = D("2023-05-18")
JAN10 = D("2025-01-10")
Q2 = Period(D("2024-04-01"), D("2024-06-30"))


def _unique(rows: list) -> list:
    keys = [repr(r.values[:3]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate test row"
    return rows


def row(text, anchor, period, *expected, reason=None):
    """One table row: every time of ``text`` as (text, start, end, grain, approx)."""
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(text, anchor, period, [
        (t, D(s) if s else None, D(e) if e else None, g, a) for t, s, e, g, a in expected
    ], marks=marks, id=text[:30])


TIME_CASES = _unique([
    # absolute dates
    row("2025年12月12日", None, None, ("2025年12月12日", "2025-12-12", "2025-12-12", "day", False)),
    row("成都市政务服务中心二〇二五年十一月二十七日印发", None, None,
        ("二〇二五年十一月二十七日", "2025-11-27", "2025-11-27", "day", False)),
    row("发布时间：2025-12-12", None, None, ("2025-12-12", "2025-12-12", "2025-12-12", "day", False)),
    row("截止2024.3.5，", None, None, ("2024.3.5", "2024-03-05", "2024-03-05", "day", False)),
    row("日期：2024/03/05。", None, None, ("2024/03/05", "2024-03-05", "2024-03-05", "day", False)),
    row("2024年2月29日", None, None, ("2024年2月29日", "2024-02-29", "2024-02-29", "day", False)),
    row("2023年2月29日", None, None),  # no such day
    row("2025年13月1日", None, None),  # no such month
    row("一、2024年10月总体运行情况", None, None, ("2024年10月", "2024-10-01", "2024-10-31", "month", False)),
    row("二〇二四年十月", None, None, ("二〇二四年十月", "2024-10-01", "2024-10-31", "month", False)),
    row("举办2025年度培训班", None, None, ("2025年度", "2025-01-01", "2025-12-31", "year", False)),
    row("2024年全市经济运行", None, None, ("2024年", "2024-01-01", "2024-12-31", "year", False)),
    row("published on 12 Dec 2025.", None, None, ("12 Dec 2025", "2025-12-12", "2025-12-12", "day", False)),
    row("Issued March 3, 2024", None, None, ("March 3, 2024", "2024-03-03", "2024-03-03", "day", False)),
    # yearless dates against the anchor
    row("11月27日，湖州市数据局召开会议", DEC12, None, ("11月27日", "2025-11-27", "2025-11-27", "day", False)),
    row("12月5日，省税务局召开座谈会", FEB14, None, ("12月5日", "2025-12-05", "2025-12-05", "day", False)),
    row("12月，全市共受理", FEB14, None, ("12月", "2025-12-01", "2025-12-31", "month", False)),
    row("2月，全市共受理", FEB14, None, ("2月", "2026-02-01", "2026-02-28", "month", False)),
    row("十一月份，杭州市开展", DEC12, None, ("十一月份", "2025-11-01", "2025-11-30", "month", False)),
    row("3月部门考核", MAY18, None, ("3月", "2023-03-01", "2023-03-31", "month", False)),
    row("11月27日", None, None, ("11月27日", None, None, "day", False)),
    # spans
    row("11月5日至6日，省林草局开展审查", DEC12, None, ("11月5日至6日", "2025-11-05", "2025-11-06", "day", False)),
    row("6月16日-26日", D("2024-07-01"), None, ("6月16日-26日", "2024-06-16", "2024-06-26", "day", False)),
    row("6月16-26日", D("2024-07-01"), None, ("6月16-26日", "2024-06-16", "2024-06-26", "day", False)),
    row("11月28日至12月3日", DEC12, None, ("11月28日至12月3日", "2025-11-28", "2025-12-03", "day", False)),
    row("（5月4日—5月12日）", MAY18, None, ("5月4日—5月12日", "2023-05-04", "2023-05-12", "day", False)),
    row("（12月29日—1月4日）", D("2026-01-05"), None,
        ("12月29日—1月4日", "2025-12-29", "2026-01-04", "day", False)),
    row("2024年12月30日至2025年1月3日", None, None,
        ("2024年12月30日至2025年1月3日", "2024-12-30", "2025-01-03", "day", False)),
    row("2025年3月10日～12日", None, None, ("2025年3月10日～12日", "2025-03-10", "2025-03-12", "day", False)),
    row("1-3月，全省办件量", MAY18, None, ("1-3月", "2023-01-01", "2023-03-31", "month", False)),
    row("1至9月", DEC12, None, ("1至9月", "2025-01-01", "2025-09-30", "month", False)),
    row("2025年1—11月", None, None, ("2025年1—11月", "2025-01-01", "2025-11-30", "month", False)),
    row("今年1-3月", MAY18, WEEK, ("今年1-3月", "2023-01-01", "2023-03-31", "month", False)),
    row("2024-2026年行动计划", None, None, ("2024-2026年", "2024-01-01", "2026-12-31", "year", False)),
    row("11月5日、27日分别召开", DEC12, None,
        ("11月5日", "2025-11-05", "2025-11-05", "day", False), ("27日", "2025-11-27", "2025-11-27", "day", False)),
    # quarters, halves, parts of months and years
    row("一季度", DEC12, None, ("一季度", "2025-01-01", "2025-03-31", "quarter", False)),
    row("第三季度", DEC12, None, ("第三季度", "2025-07-01", "2025-09-30", "quarter", False)),
    row("2024年第四季度", None, None, ("2024年第四季度", "2024-10-01", "2024-12-31", "quarter", False)),
    row("今年前三季度", DEC12, NOV, ("今年前三季度", "2025-01-01", "2025-09-30", "quarter", False)),
    row("上半年", DEC12, None, ("上半年", "2025-01-01", "2025-06-30", "quarter", False)),
    row("2024年下半年", None, None, ("2024年下半年", "2024-07-01", "2024-12-31", "quarter", False)),
    row("11月上旬", DEC12, None, ("11月上旬", "2025-11-01", "2025-11-10", "day", False)),
    row("11月中旬", DEC12, None, ("11月中旬", "2025-11-11", "2025-11-20", "day", False)),
    row("2024年2月下旬", None, None, ("2024年2月下旬", "2024-02-21", "2024-02-29", "day", False)),
    # N月底 (set 5): the month, grain month, approx, as 年底; 月末 and 月初 alike
    row("截至11月底，", DEC12, None, ("11月底", "2025-11-01", "2025-11-30", "month", True)),
    row("力争11月底前上线运行", D("2025-09-28"), None, ("11月底", "2025-11-01", "2025-11-30", "month", True)),
    row("10月末，全市共有", DEC12, None, ("10月末", "2025-10-01", "2025-10-31", "month", True)),
    row("11月初启动", DEC12, None, ("11月初", "2025-11-01", "2025-11-30", "month", True)),
    row("2025年9月底", None, None, ("2025年9月底", "2025-09-01", "2025-09-30", "month", True)),
    # 年底 (set 4): the year's December, grain month, approx; 前 stays outside
    row("2025年底前完成", None, None, ("2025年底", "2025-12-01", "2025-12-31", "month", True)),
    row("要求在年底前全面完成", D("2025-11-07"), NOV, ("年底", "2025-12-01", "2025-12-31", "month", True)),
    row("年末实现全覆盖", DEC12, NOV, ("年末", "2025-12-01", "2025-12-31", "month", True)),
    row("今年年底前", DEC12, NOV, ("今年年底", "2025-12-01", "2025-12-31", "month", True)),
    row("去年年末", DEC12, NOV, ("去年年末", "2024-12-01", "2024-12-31", "month", True)),
    row("今年底建成", DEC12, NOV, ("今年底", "2025-12-01", "2025-12-31", "month", True)),
    row("2024年初", None, None, ("2024年初", "2024-01-01", "2024-01-31", "month", True)),
    row("每年底报送", DEC12, NOV),  # recurring, not a time
    row("2024年至2025年底", None, None, ("2024年至2025年底", "2024-01-01", "2025-12-31", "day", True)),
    row("2025年以来", DEC12, NOV, ("2025年以来", "2025-01-01", "2025-11-30", "day", False)),
    # relative words
    row("本周，共计咨询", MAY18, WEEK, ("本周", "2023-05-04", "2023-05-12", "week", False)),
    row("本周", D("2025-12-12"), None, ("本周", "2025-12-08", "2025-12-14", "week", False)),
    row("上周", MAY18, WEEK, ("上周", "2023-04-27", "2023-05-03", "week", False)),
    # 上周 (set 4): the period a week earlier; a Mon-Fri week stays Mon-Fri, a Mon-Sun week Mon-Sun
    row("较上周提高", D("2025-06-23"), Period(D("2025-06-16"), D("2025-06-20")),
        ("上周", "2025-06-09", "2025-06-13", "week", False)),
    row("较上周下降", D("2025-08-19"), Period(D("2025-08-11"), D("2025-08-17")),
        ("上周", "2025-08-04", "2025-08-10", "week", False)),
    row("上周办件", D("2025-12-12"), None, ("上周", "2025-12-01", "2025-12-07", "week", False)),
    row("本月", DEC12, NOV, ("本月", "2025-11-01", "2025-11-30", "month", False)),
    row("上月", DEC12, NOV, ("上月", "2025-10-01", "2025-10-31", "month", False)),
    row("本月", DEC12, None, ("本月", "2025-12-01", "2025-12-31", "month", False)),
    row("今年以来，累计办理", MAY18, WEEK, ("今年以来", "2023-01-01", "2023-05-12", "day", False)),
    row("年初以来", DEC12, NOV, ("年初以来", "2025-01-01", "2025-11-30", "day", False)),
    row("今年", DEC12, NOV, ("今年", "2025-01-01", "2025-12-31", "year", False)),
    row("去年全年", DEC12, NOV, ("去年", "2024-01-01", "2024-12-31", "year", False)),
    row("较去年同期增长", DEC12, NOV),
    row("较上年同期提高", DEC12, NOV),
    row("年内完成", DEC12, NOV, ("年内", "2025-01-01", "2025-12-31", "year", False)),
    row("近日，市场监管局", FEB14, None, ("近日", None, "2026-02-14", "vague", True)),
    row("近期", FEB14, None, ("近期", None, "2026-02-14", "vague", True)),
    row("日前，广州市政务服务数据管理局", FEB14, None, ("日前", None, "2026-02-14", "vague", True)),
    row("目前事项清单", MAY18, WEEK, ("目前", "2023-05-18", "2023-05-18", "vague", True)),
    row("近日", None, None, ("近日", None, None, "vague", True)),
    row("11月20日召开会议，同日印发通知", DEC12, None,
        ("11月20日", "2025-11-20", "2025-11-20", "day", False), ("同日", "2025-11-20", "2025-11-20", "day", False)),
    row("3月5日抵达，次日召开座谈会", MAY18, None,
        ("3月5日", "2023-03-05", "2023-03-05", "day", False), ("次日", "2023-03-06", "2023-03-06", "day", False)),
    row("当天办结", MAY18, None, ("当天", None, None, "day", False)),
    row("本季度，全县受理", D("2024-07-10"), Q2, ("本季度", "2024-04-01", "2024-06-30", "quarter", False)),
    row("上季度", D("2024-07-10"), Q2, ("上季度", "2024-01-01", "2024-03-31", "quarter", False)),
    row("本季度", DEC12, NOV, ("本季度", "2025-10-01", "2025-12-31", "quarter", False)),
    row("上季度", FEB14, None, ("上季度", "2025-10-01", "2025-12-31", "quarter", False)),
    row("今年以来，累计", D("2024-07-10"), Q2, ("今年以来", "2024-01-01", "2024-06-30", "day", False)),
    # forward-looking context: a yearless date after the anchor stays in its year
    row("要求各地在12月31日前完成复核", DEC12, None, ("12月31日", "2025-12-31", "2025-12-31", "day", False)),
    row("将于12月20日召开推进会", DEC12, None, ("12月20日", "2025-12-20", "2025-12-20", "day", False)),
    row("计划1月15日前上线", DEC12, None, ("1月15日", "2026-01-15", "2026-01-15", "day", False)),
    row("12月20日，召开推进会", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("12月20日前后", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("按计划于11月3日完成", DEC12, None, ("11月3日", "2025-11-03", "2025-11-03", "day", False)),
    row("下一步，全市12月20日召开推进会", DEC12, None, ("12月20日", "2025-12-20", "2025-12-20", "day", False)),
    row("拟于12月20日启用新系统", DEC12, None, ("12月20日", "2025-12-20", "2025-12-20", "day", False)),
    # ... but not a clause reporting the past, nor bare 将, nor more than about six months ahead
    row("各地已于12月20日前完成复核", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("12月20日前已完成整改", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("截至12月20日前，累计办理", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("已将12月20日列为开放日", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("草拟12月20日的议程", DEC12, None, ("12月20日", "2024-12-20", "2024-12-20", "day", False)),
    row("12月28日，召开推进会", JAN10, None, ("12月28日", "2024-12-28", "2024-12-28", "day", False)),
    row("12月28日前完成复核", JAN10, None, ("12月28日", "2024-12-28", "2024-12-28", "day", False)),
    row("将于12月28日召开年会", JAN10, None, ("12月28日", "2024-12-28", "2024-12-28", "day", False)),
    row("计划1月20日前上线", JAN10, None, ("1月20日", "2025-01-20", "2025-01-20", "day", False)),
    row("力争6月底前完成", JAN10, None, ("6月底", "2025-06-01", "2025-06-30", "month", True)),
    row("力争8月底前完成", JAN10, None, ("8月底", "2024-08-01", "2024-08-31", "month", True)),
    # an end still ahead (持续至, 延长至) looks forward; the same words about a past end do not move it
    row("活动将持续至 12月 15日，", D("2025-12-05"), None, ("12月 15日", "2025-12-15", "2025-12-15", "day", False)),
    row("申报期限延长至1月10日", DEC12, None, ("1月10日", "2026-01-10", "2026-01-10", "day", False)),
    row("活动持续至11月30日", DEC12, None, ("11月30日", "2025-11-30", "2025-11-30", "day", False)),
    # not times
    row("2023年第17期（总第437期）", None, None),
    row("近年来，下一步，当前，长期，过渡期，同时", DEC12, NOV),
    row("确保完成全年任务的75%", DEC12, NOV),  # 全年 alone is not a time (set 5)
    row("15个工作日内办结", DEC12, NOV),
    row("3个月", DEC12, NOV),
    row("30日内作出决定", DEC12, NOV),
    row("统一月度考核", DEC12, NOV),
    row("不同日期", DEC12, NOV),
    row("3日前", DEC12, NOV),
    row("三年行动计划", DEC12, NOV),
    row("27日", DEC12, NOV),  # no month to attach it to
    row("3月2日，省政府印发《意见》（川府发〔2025〕6号）", MAY18, None,
        ("3月2日", "2023-03-02", "2023-03-02", "day", False)),
    row("5月8日，转发《通知》（办函[2024]12号）", MAY18, None, ("5月8日", "2023-05-08", "2023-05-08", "day", False)),
    row("1.5月4日，", MAY18, None, ("5月4日", "2023-05-04", "2023-05-04", "day", False)),
    row("十一月五日至六日", DEC12, None, ("十一月五日至六日", "2025-11-05", "2025-11-06", "day", False)),
    # known gaps
    row("二十七日", DEC12, None, ("二十七日", "2025-11-27", "2025-11-27", "day", False),
        reason="a bare Chinese-numeral day is too ambiguous without a month in the same expression"),
    row("5月第二周", MAY18, None, ("5月第二周", "2023-05-08", "2023-05-14", "week", False),
        reason="weeks of a month are not in the grammar"),
    row("12月12日上午", DEC12, None, ("12月12日上午", "2025-12-12", "2025-12-12", "day", False),
        reason="times of day are not part of the span"),
])


@pytest.mark.parametrize(("text", "anchor", "period", "expected"), TIME_CASES)
def test_find_times(text: str, anchor: date | None, period: Period | None, expected: list) -> None:
    found = find_times(text, anchor=anchor, period=period)
    assert [(t.text, t.start_date, t.end_date, t.grain, t.approx) for t in found] == expected
    for t in found:
        assert text[t.start:t.end] == t.text


FORWARD_CONTEXTS = ("{}，召开会议", "将于{}召开会议", "计划{}前上线", "下一步，{}启用", "已于{}前完成", "截至{}，累计办理")


@settings(max_examples=200, deadline=None)
@given(anchor=st.dates(date(2000, 1, 1), date(2099, 12, 31)), month=st.integers(1, 12), day=st.integers(1, 28),
       context=st.sampled_from(FORWARD_CONTEXTS))
def test_yearless_date_is_never_far_ahead(anchor: date, month: int, day: int, context: str) -> None:
    """A yearless date is within the year before the anchor or at most about six months after it."""
    (t,) = find_times(context.format(f"{month}月{day}日"), anchor=anchor)
    assert anchor - timedelta(days=366) < t.start_date <= anchor + timedelta(days=184)
    if context.startswith(("{}", "已", "截至")):  # no forward cue: never after the anchor
        assert t.start_date <= anchor


def test_parse_time_whole_string_only() -> None:
    t = parse_time(" 5月4日—5月12日 ", anchor=MAY18)
    assert (t.start, t.end, t.span, t.explicit_year) == (1, 11, True, False)
    assert parse_time("5月4日召开", anchor=MAY18) is None
    assert parse_time("2025年11月").explicit_year


def _doc(raw: str, entities: tuple[Entity, ...] = ()) -> Document:
    return read(raw).replace(entities=entities)


BULLETIN = (
    "政务服务周报\n\n第 3 期\n\n某市政务服务中心 2025年 4月 1 8日\n\n（4月 7日—4月 1 3日）\n\n"
    "一、工作动态\n\n（一）4 月 8 日，市数据局印发《2025年数字政府建设工作要点》，\n\n同日召开推进会。\n\n"
    "（二）本周，共受理 120 件。今年以来，累计受理 1500 件。\n"
)


def test_tagger_on_a_bulletin() -> None:
    doc = read(BULLETIN)
    title = doc.raw.index("2025年数字政府")
    policy = Entity("e1", "POLICY", title, title + 14, doc.raw[title:title + 14], "2025年数字政府建设工作要点")
    doc = TimeTagger()(doc.replace(entities=(policy,)))
    got = [(t.id, t.text, t.start_date, t.end_date, t.grain) for t in doc.times]
    assert got == [
        ("t1", "2025年 4月 1 8日", D("2025-04-18"), D("2025-04-18"), "day"),
        ("t2", "4月 7日—4月 1 3日", D("2025-04-07"), D("2025-04-13"), "day"),
        ("t3", "4 月 8 日", D("2025-04-08"), D("2025-04-08"), "day"),
        ("t4", "同日", D("2025-04-08"), D("2025-04-08"), "day"),
        ("t5", "本周", D("2025-04-07"), D("2025-04-13"), "week"),
        ("t6", "今年以来", D("2025-01-01"), D("2025-04-13"), "day"),
    ]
    for t in doc.times:
        assert doc.raw[t.start:t.end] == t.text


def test_next_steps_section_looks_forward() -> None:
    raw = ("政务服务周报\n\n某市政务服务中心 2025年 12月 23日\n\n（12月15日—12月21日）\n\n"
           "一、工作动态\n\n（一）12月 26日，市数据局召开会议。下一步，将推广经验。\n\n"
           "二、下一步工作安排\n\n（一）12月 29日至 1月 4日期间实行预约服务。\n")
    got = [(t.text, t.start_date, t.end_date) for t in TimeTagger()(read(raw)).times]
    assert got[2:] == [("12月 26日", D("2024-12-26"), D("2024-12-26")),
                       ("12月 29日至 1月 4日", D("2025-12-29"), D("2026-01-04"))]


def test_western_dates_keep_their_raw_span() -> None:
    doc = TimeTagger()(read("会议于 12 Dec 2025 在成都召开，March 3, 2024 发布。"))
    assert [(t.text, t.start_date) for t in doc.times] == [("12 Dec 2025", D("2025-12-12")), ("March 3, 2024", D("2024-03-03"))]


def test_reference_date_overrides_published() -> None:
    doc = read("近日，省中心开展培训。", reference_date=D("2024-06-01"))
    (t,) = TimeTagger()(doc).times
    assert (t.start_date, t.end_date) == (None, D("2024-06-01"))


def test_no_anchor_no_clock() -> None:
    (t,) = TimeTagger()(read("近日，省中心开展培训；11月5日召开会议。")).times[:1]
    assert t.end_date is None


def test_custom_words(tmp_path: Path) -> None:
    table = tmp_path / "words.tsv"
    table.write_text("word\tkind\tgrain\toffset\tnot_after\n前几天\tvague\tvague\t0\t\n", encoding="utf-8")
    doc = read("前几天，近日。", reference_date=FEB14)
    assert [t.text for t in TimeTagger(words=table)(doc).times] == ["前几天"]


@pytest.mark.parametrize("content", [
    "word\tkind\tgrain\n近日\tsoon\tvague\n",
    "word\tkind\tgrain\n近日\tvague\thour\n",
    "word\tkind\tgrain\n近日\tvague\tvague\n近日\tvague\tvague\n",
    "word\tkind\tgrain\toffset\n上周\tperiod\tweek\tx\n",
    "word\tkind\tgrain\n近日\n",
])
def test_bad_word_tables(tmp_path: Path, content: str) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.tsv:"):
        load_time_words(table)


def test_bundled_words_are_valid() -> None:
    words = load_time_words()
    assert {"本周", "今年以来", "近日", "目前", "同日", "当天", "次日", "年内"} <= {w.word for w in words}
    assert all(unicodedata.normalize("NFKC", w.word + w.not_after) == w.word + w.not_after for w in words)


def test_corpus_times_match_gold() -> None:
    """Strict span F1 and interval accuracy on the gold corpus (gold entities as input)."""
    pairs = []
    for doc_id in CORPUS_IDS:
        record, raw = gold(doc_id), raw_text(doc_id)
        doc = TimeTagger()(_doc(raw, Document.from_dict(record, raw).entities).replace(id=doc_id))
        pairs.append((record, {"id": doc_id, "times": doc.to_dict()["times"]}))
    scores = score_corpus(pairs)
    times = scores.layers["times"]
    fails = [f.to_dict() for f in scores.fails["times"]]
    assert times.strict.f1 >= 0.97, fails
    assert times.values["interval"].value >= 0.97, fails


# ---------------------------------------------------------------- property tests

_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))


def _render(d: date, style: int) -> str:
    if style == 0:
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 1:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style == 2:
        return f"{d.year}.{d.month}.{d.day}"
    year = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    month = to_chinese(d.month).replace("一十", "十")
    day = to_chinese(d.day).replace("一十", "十")
    return f"{year}年{month}月{day}日"


def _break_up(text: str, spaces: list[int], newline: int | None = None) -> str:
    """Spaces next to digits and one line break anywhere: what PDF extraction does."""
    out = list(text)
    for pos in sorted(spaces, reverse=True):
        pos %= len(out) + 1
        if any(0 <= i < len(out) and out[i].isdigit() for i in (pos - 1, pos)):
            out.insert(pos, " ")
    if newline is not None:
        out.insert(newline % (len(out) + 1), "\n")
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(_DATES, st.integers(0, 3), st.lists(st.integers(0, 40), max_size=4), st.none() | st.integers(0, 40))
def test_date_round_trip(d: date, style: int, spaces: list[int], newline: int | None) -> None:
    written = _break_up(_render(d, style), spaces, newline) if style in (0, 3) else _render(d, style)
    raw = f"经研究决定，于{written}召开全体会议，部署工作。"
    doc = TimeTagger()(read(raw))
    assert [(t.start_date, t.end_date) for t in doc.times] == [(d, d)]
    (t,) = doc.times
    assert "".join(t.text.split()) == "".join(written.split())


@settings(max_examples=200, deadline=None)
@given(_DATES, st.integers(0, 40), st.sampled_from(["至", "—", "-", "到"]),
       st.lists(st.integers(0, 30), max_size=2))
def test_span_round_trip(d: date, days: int, sep: str, cuts: list[int]) -> None:
    e = d + timedelta(days=days)
    right = f"{e.day}日" if (e.year, e.month) == (d.year, d.month) else (
        f"{e.month}月{e.day}日" if e.year == d.year else f"{e.year}年{e.month}月{e.day}日")
    written = _break_up(f"{d.year}年{d.month}月{d.day}日{sep}{right}", cuts)
    doc = TimeTagger()(read(f"经研究，{written}，开展集中整治。"))
    assert [(t.start_date, t.end_date) for t in doc.times] == [(d, e)]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="年月日至-—0123456789一二十本周今以来近期第季度上下半旬底初 ，。\n", max_size=60))
def test_arbitrary_text_never_raises(text: str) -> None:
    doc = TimeTagger()(read(text, reference_date=DEC12))
    for t in doc.times:
        assert doc.raw[t.start:t.end] == t.text
        if t.start_date and t.end_date:
            assert t.start_date <= t.end_date


def test_gold_file_format() -> None:
    """Times serialise to exactly the guide's keys."""
    doc = TimeTagger()(read("2025年12月12日", doc_id="x"))
    assert list(json.loads(json.dumps(doc.to_dict()))["times"][0]) == [
        "id", "start", "end", "text", "start_date", "end_date", "grain", "approx"]
