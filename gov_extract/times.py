"""Time expressions: the grammar of bulletin dates and their resolution.

One regex pass over the clean view finds dates (``2025年12月12日``,
``二〇二五年十一月二十七日``, ``2025-12-12``, ``12 Dec 2025``), months, years
(``2025年度``), quarters and halves (``一季度``, ``上半年``), sub-months
(``11月下旬``, ``11月底``), spans (``11月5日至6日``, ``6月16日-26日``,
``1-3月``, ``2024-2026年``) and the relative words of ``data/time_words.tsv``.
Each is resolved to a closed day interval against the document (guide
section 5, CONVENTIONS.md "Times"):

- a yearless date takes the anchor's year, or the year before when it would
  fall after the anchor (``12月`` in a bulletin of 2026-02-14 is 2025-12),
  except in forward-looking context (``将于``, ``计划``, ``拟``, ``持续至``, a ``…前``
  deadline, a ``下一步`` section or sentence, but not a clause reporting the
  past: ``已``, ``截至``), where it is the next such date when that is at most
  about six months ahead (``1月15日前`` in a bulletin of 2025-12-12 is 2026-01-15);
- ``国发〔2024〕3号`` is a document number, not a day;
- ``本周``/``本月``/``本季度`` -> ``meta.period``, ``上周`` the period a week earlier;
  ``今年以来`` -> 1 January .. period end; ``年底`` (``2025年底``) -> December, approx;
  ``11月底``, ``11月初`` -> November, grain month, approx;
  ``近日`` -> ``null`` .. anchor (vague); ``同日``/``次日`` -> the preceding dated day (not ``今年以来``, ``年内``),
  none inside a quoted slogan (``“当日受理、次日办结”``);
- without an anchor, relative and yearless times keep ``null`` dates: the
  clock is never read.

:func:`find_times` and :func:`parse_time` work on any clean string (the reader
uses them for the publication date and the reporting period);
:class:`TimeTagger` is the pipeline component.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import regex

from .errors import LexiconError
from .model import GRAINS, Document, Period, TimeExpr
from .numbers import parse_integer
from .segment import heading_title
from .spans import SpanSet
from .text import is_han

__all__ = ["TimeMatch", "TimeWord", "TimeGrammar", "TimeTagger", "find_times", "parse_time", "load_time_words"]

_KINDS = ("period", "year", "year_end", "ytd", "vague", "now", "same_day", "next_day", "holiday")
_GRAIN_RANK = {"day": 0, "month": 1, "year": 2}
_BLOCKING_LABELS = ("POLICY", "INITIATIVE")

_CN = "〇零○一二三四五六七八九"
_Y = rf"(?:1[89][0-9]{{2}}|20[0-9]{{2}}|[{_CN}]{{4}})"
_N = rf"(?:[0-9]{{1,2}}|[{_CN}十]{{1,3}})"
_BARE = rf"(?:[0-9]{{1,4}}|[{_CN}十]{{1,3}})"
_SEP = r"(?:至|到|~|～|－|—{1,2}|–|-)"
_ISSUE = r"第[0-9一二三四五六七八九十百]{1,4}[期号]"
_MONTHS_EN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_QUARTER_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# After a bare day (27日) these words make it a duration, not a date.
_DURATION_AFTER = ("内", "以内", "之内", "后", "以后", "之后", "左右", "前后")
# A Chinese-numeral month standing alone must be followed by one of these (or a non-Han character).
_CN_MONTH_AFTER = "起的至到中前后"
# A bare day in a change of a length of time (公告期由20日缩短为10日, 时限压缩至5日) is a duration.
_DURATION_CHANGE_BEFORE = regex.compile(r"(?:缩短|压缩|压减|减少|减至|降至|降低)(?:为|至|到)?\s*$")
_DURATION_CHANGE_AFTER = regex.compile(r"\s*(?:缩短|压缩|压减|减少|减至|降至|降低)")
# 国发〔2024〕3号: the serial number of a document, not a day.
_DOC_NUMBER_BEFORE = ("〕", "]", "］", "】")
# Forward-looking context keeps a yearless date after the anchor in the anchor's year
# (12月31日前完成 in a bulletin of 12月23日): a deadline after the date, a cue earlier in its
# clause (将于, 计划, 拟; 下一步 earlier in its sentence), or a section planning the next steps.
# Bare 将 is no cue (已将…, 将…纳入 report what was done); nor is 拟 of 草拟/起拟/模拟.
_DEADLINE_AFTER = regex.compile(r"(?:之|以)?前(?!后)")
_FORWARD_CUE = regex.compile(
    r"将(?:于|在|要)|即将|(?<![草起模])拟|计划|预计|力争|争取|定于"
    r"|(?:持续|延续|延长|顺延|推迟|延期)(?:至|到)"  # 活动将持续至12月15日: an end still ahead
)
_FORWARD_SENTENCE_CUE = regex.compile(r"下一步|下步")
# Words that report the past: before the date in its clause (已于, 截至, 完成了…), or after a
# …前 in its clause (12月28日前已完成, 前完成了): then neither cue nor deadline looks forward.
_PAST_BEFORE = regex.compile(r"已|截至|完成")
_PAST_AFTER = regex.compile(r"已|了(?!解)")
# 自5月1日起, 从下月1日起: the start of an effect announced in advance (a date after the anchor
# keeps the anchor's year; no roll into the next year).
_START_BEFORE = ("自", "从")
_START_AFTER = regex.compile(r" ?起")
_CLAUSE_MARKS = "，；。：！？,;:!?\n"
_FORWARD_HEADINGS = ("下一步", "下步", "工作计划", "工作安排", "工作打算")
# In forward context a yearless date is the first one on or after the anchor only when that is
# at most about six months ahead (12月28日 in a bulletin of 1月10日 is the past December).
_FORWARD_REACH = timedelta(days=183)
_SENTENCE_MARKS = "。；！？;!?\n"
# A short quoted phrase (“当日响应、三日办结”目标): a slogan, so 当日/次日 in it name no day.
_QUOTED_REACH = 16


@dataclass(frozen=True, slots=True)
class TimeWord:
    """A relative time word (one row of ``time_words.tsv``)."""

    word: str
    kind: str
    grain: str
    offset: int = 0
    not_after: str = ""


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """A time expression found in a clean string, resolved.

    ``start``/``end`` are offsets into the string searched. ``explicit_year``
    says the year is printed (not taken from the anchor); ``span`` says two
    ends were printed (``11月5日至6日``).
    """

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    grain: str
    approx: bool = False
    explicit_year: bool = False
    span: bool = False


def load_time_words(path: str | Path | None = None) -> tuple[TimeWord, ...]:
    """Read a time-word table (default: the bundled ``data/time_words.tsv``).

    Columns: ``word kind grain offset not_after``, a header row, ``#`` comments.
    Raises :class:`LexiconError` naming file and line for a bad row.
    """
    if path is None:
        name = "gov_extract/data/time_words.tsv"
        text = resources.files("gov_extract.data").joinpath("time_words.tsv").read_text(encoding="utf-8")
    else:
        name = str(path)
        text = Path(path).read_text(encoding="utf-8")
    words: list[TimeWord] = []
    seen: set[str] = set()
    header = True
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            raise LexiconError(f"{name}:{lineno}: expected word, kind, grain[, offset, not_after]; got {line!r}")
        word, kind, grain = cols[0].strip(), cols[1].strip(), cols[2].strip()
        offset_s = cols[3].strip() if len(cols) > 3 else ""
        not_after = cols[4].strip() if len(cols) > 4 else ""
        if kind not in _KINDS:
            raise LexiconError(f"{name}:{lineno}: kind {kind!r} is not one of {_KINDS}")
        if grain not in GRAINS:
            raise LexiconError(f"{name}:{lineno}: grain {grain!r} is not one of {GRAINS}")
        try:
            offset = int(offset_s or 0)
        except ValueError:
            raise LexiconError(f"{name}:{lineno}: offset {offset_s!r} is not an integer") from None
        if not word or word in seen:
            raise LexiconError(f"{name}:{lineno}: word {word!r} is empty or listed twice")
        seen.add(word)
        words.append(TimeWord(word, kind, grain, offset, not_after))
    return tuple(words)


# 去年同期, 上年同期: a baseline of comparison whose dates depend on the figure, not a time
_BASELINE = r"(?! ?同期)"


def _guarded(word: str, not_after: str) -> str:
    escaped = regex.escape(word)
    if not not_after:
        return escaped
    return f"(?<![{regex.escape(not_after)}]){escaped}"


class TimeGrammar:
    """The compiled time grammar for one set of relative words (immutable)."""

    __slots__ = ("words", "_pattern", "_year_offsets")

    def __init__(self, words: Iterable[TimeWord]) -> None:
        self.words: Mapping[str, TimeWord] = MappingProxyType({w.word: w for w in words})
        # Words of kind "year" shaped X年 (今年, 去年) also prefix dates: 今年1-3月.
        stems = [w for w in self.words.values() if w.kind == "year" and len(w.word) == 2 and w.word[1] == "年"]
        self._year_offsets = MappingProxyType({w.word[0]: w.offset for w in stems})
        stem_re = "|".join(_guarded(w.word[0], w.not_after) for w in stems) or "(?!)"
        word_re = "|".join(
            _guarded(w.word, w.not_after) + (_BASELINE if w.kind == "year" else "")
            for w in sorted(self.words.values(), key=lambda w: -len(w.word))
        ) or "(?!)"
        right = (
            rf"(?P<sep>{_SEP}) ?"
            rf"(?:(?P<y2>{_Y}) ?年(?: ?(?P<m2>{_N}) ?月(?P<mf2>份)?(?: ?(?P<d2>{_N}) ?[日号])?)?"
            rf"|(?P<m2>{_N}) ?月(?P<mf2>份)?(?: ?(?P<d2>{_N}) ?[日号])?"
            rf"|(?P<d2>{_N}) ?[日号])"
        )
        day1 = rf"(?P<d1>{_N})(?: ?(?P<du1>[日号])|(?= ?{_SEP}))"
        left = (
            rf"(?:(?:(?P<y1>{_Y})|(?P<ry1>{stem_re})) ?年(?(ry1){_BASELINE})(?: ?(?P<yd1>度))?(?! ?{_ISSUE})"
            rf"(?: ?(?P<m1>{_N}) ?月(?P<mf1>份)?(?: ?{day1})?| ?(?P<d1>{_BARE})(?= ?{_SEP}))?"
            rf"|(?P<m1>{_N}) ?月(?P<mf1>份)?(?: ?{day1})?"
            rf"|(?P<d1>{_N}) ?(?P<du1>[日号])"
            rf"|(?P<d1>{_BARE})(?= ?{_SEP}))"
        )
        # A unit-less left number (1-3月) needs the right-hand side.
        date_re = (
            rf"{left}(?(du1)(?: ?{right})?|(?(d1) ?{right}|(?: ?{right})?))"
            r"(?: ?(?P<yp>年)?(?P<part>上旬|中旬|下旬|初|底|末))?(?: ?(?P<since>以来))?"
        )
        quarter_re = (
            rf"(?:(?P<qy>{_Y})年度?|(?P<qry>{stem_re})年)?"
            r"(?:第?(?P<q>[一二三四1-4])季度|前(?P<qn>[一二三1-3])个?季度|(?P<half>[上下])半年)"
        )
        iso_re = r"(?P<iy>(?:19|20)[0-9]{2})(?P<isep>[-./])(?P<im>[0-9]{1,2})(?P=isep)(?P<id>[0-9]{1,2})(?![0-9.])"
        west_re = (
            rf"(?<![A-Za-z])(?:(?P<wd>[0-9]{{1,2}})(?:st|nd|rd|th)? ?(?P<wm>{_MONTHS_EN}),? ?(?P<wy>(?:19|20)[0-9]{{2}})"
            rf"|(?P<wm>{_MONTHS_EN}) ?(?P<wd>[0-9]{{1,2}})(?:st|nd|rd|th)?,? ?(?P<wy>(?:19|20)[0-9]{{2}}))(?![A-Za-z0-9])"
        )
        # every alternative starts with one of these: a cheap filter before the alternation
        first = "".join(sorted({w.word[0] for w in self.words.values()} | set(self._year_offsets)))
        self._pattern = regex.compile(
            rf"(?=[0-9{_CN}十第前上下JFMASOND{regex.escape(first)}])"
            rf"(?<![0-9])(?:(?P<iso>{iso_re})|(?P<west>{west_re})|(?P<quarter>{quarter_re})"
            rf"|(?P<date>{date_re})|(?P<word>{word_re}))"
        )

    def finditer(self, text: str) -> Iterable[regex.Match[str]]:
        return self._pattern.finditer(text)

    def year_offset(self, stem: str) -> int:
        return self._year_offsets[stem]


@functools.cache
def _default_grammar() -> TimeGrammar:
    return TimeGrammar(load_time_words())


# ---------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _safe_date(y: int | None, m: int, d: int) -> date | None:
    try:
        return date(y, m, d) if y is not None else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Context:
    """What resolution needs from the document."""

    anchor: date | None
    period: Period | None

    @property
    def base_year(self) -> int | None:
        """The year of ``今年``: the period's end, else the anchor."""
        if self.period is not None and self.period.end is not None:
            return self.period.end.year
        return self.anchor.year if self.anchor else None

    @property
    def until(self) -> date | None:
        """The end of ``今年以来``: the period's end, else the anchor."""
        if self.period is not None and self.period.end is not None:
            return self.period.end
        return self.anchor


@dataclass(frozen=True, slots=True)
class _Side:
    """One printed end of a date: year, month, day as written (``None`` if absent)."""

    y: int | None
    m: int | None
    d: int | None

    @property
    def finest(self) -> str:
        return "day" if self.d is not None else "month" if self.m is not None else "year"


def _num(s: str | None) -> int | None:
    return parse_integer(s) if s else None


def _side_interval(side: _Side, year: int) -> tuple[date, date] | None:
    """The interval of one side in ``year``, or ``None`` if it is not a date."""
    if side.m is None:
        if side.d is not None:
            return None
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= side.m <= 12:
        return None
    if side.d is None:
        return date(year, side.m, 1), _month_end(year, side.m)
    day = _safe_date(year, side.m, side.d)
    return (day, day) if day else None


def _anchor_year(side: _Side, ctx: _Context, forward: bool = False, keep: bool = False) -> int | None:
    """The year of a yearless side: the anchor's, or the one before if it would be later.

    In ``forward`` context the date is the first one not ending before the anchor
    (the anchor's year, else the next) when it starts at most ``_FORWARD_REACH``
    after the anchor; further ahead it is read as the past, as without the
    context. With ``keep`` (``自5月1日起``) the anchor's year always.
    """
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year
    first = _side_interval(side, year)
    if first is None and side.m == 2 and side.d == 29:  # 2月29日: the latest leap year up to the anchor
        while _safe_date(year, 2, 29) is None or date(year, 2, 29) > ctx.anchor:
            year -= 1
        return year
    if keep or first is None:
        return year
    if forward:
        ahead = year if first[1] >= ctx.anchor else year + 1
        upcoming = first if ahead == year else _side_interval(side, ahead)
        if upcoming is not None and upcoming[0] - ctx.anchor <= _FORWARD_REACH:
            return ahead
    return year - 1 if first[0] > ctx.anchor else year


def _clause_before(text: str, pos: int, reach: int = 40, marks: str = _CLAUSE_MARKS) -> str:
    """The text of the clause (or, with ``marks``, the sentence) before ``pos``, at most ``reach`` characters."""
    window = text[max(0, pos - reach):pos]
    return window[max(window.rfind(c) for c in marks) + 1:]


def _clause_after(text: str, pos: int, reach: int = 40) -> str:
    """The text of the clause after ``pos`` (at most ``reach`` characters)."""
    window = text[pos:pos + reach]
    ends = [i for i in (window.find(c) for c in _CLAUSE_MARKS) if i >= 0]
    return window[:min(ends, default=len(window))]


def _looks_forward(text: str, start: int, end: int) -> bool:
    """Whether the yearless date at ``[start, end)`` is announced ahead: a ``…前`` deadline after
    it or a cue before it in its clause (``将于``, ``计划``; ``下一步`` in its sentence), unless
    the clause reports the past (``已于``, ``截至``, ``12月28日前已完成``; for a deadline, only
    the date's own ``已于``: ``已通知X于5月23日前完成`` looks forward)."""
    before = _clause_before(text, start)
    deadline = _DEADLINE_AFTER.match(text, end)
    if deadline is not None:
        # a deadline given in a past report (已通知X于5月23日前完成) still lies ahead: only a past
        # word right before the date's own 于 counts (已于12月28日前完成)
        own = before.rfind("于")
        if _PAST_BEFORE.search(before[max(own - 1, 0):] if own >= 0 else before):
            return False
        return _PAST_AFTER.search(_clause_after(text, deadline.end())) is None
    if _PAST_BEFORE.search(before):
        return False
    return (_FORWARD_CUE.search(before) is not None
            or _FORWARD_SENTENCE_CUE.search(_clause_before(text, start, marks=_SENTENCE_MARKS)) is not None)


class _Reject(Exception):
    """A regex match that the grammar's checks refuse."""


def _apply_part(part: str, start: date, end: date, grain: str) -> tuple[date, date, bool]:
    """Sub-month or sub-year part: 上旬 中旬 下旬 (months), 初 底 末 (months, years)."""
    if grain == "month":
        if part == "上旬":
            return start, start.replace(day=10), False
        if part == "中旬":
            return start.replace(day=11), start.replace(day=20), False
        if part == "下旬":
            return start.replace(day=21), end, False
    if grain == "month":  # 11月底, 11月初: the month, approx (CONVENTIONS set 5, as 年底)
        return start, end, True
    if grain == "year":  # 年初, 年底: the first or last month (CONVENTIONS set 4)
        if part == "初":
            return start, _month_end(start.year, 1), True
        return end.replace(day=1), end, True  # 底, 末
    raise _Reject


def _effect_start(text: str, start: int, end: int) -> bool:
    """The time at ``[start, end)`` is the start of an effect: 自5月1日起, 从下月1日起."""
    return text[:start].rstrip().endswith(_START_BEFORE) and _START_AFTER.match(text, end) is not None


def _resolve_date(m: regex.Match[str], text: str, ctx: _Context, previous: TimeMatch | None,
                  grammar: TimeGrammar, forward: bool = False) -> tuple[date | None, date | None, str, bool, bool, bool]:
    """(start, end, grain, approx, explicit_year, span) of a ``date`` match; raises _Reject."""
    y1, m1, d1 = _num(m["y1"]), _num(m["m1"]), _num(m["d1"])
    y2, m2, d2 = _num(m["y2"]), _num(m["m2"]), _num(m["d2"])
    ry = m["ry1"]
    span = m["sep"] is not None
    # a unit-less left number (1-3月, 16-26日, 2024-2026年) is a day after a month,
    # a month after a year, else the unit the right side starts with
    if m["d1"] is not None and m["du1"] is None and span and m1 is None:
        if y1 is not None or ry or (y2 is None and m2 is not None):
            m1, d1 = d1, None
        elif y2 is not None:
            y1, d1 = d1, None
            if y1 is None or not 1900 <= y1 <= 2099:
                raise _Reject
    left = _Side(y1, m1, d1)
    right = _Side(y2, m2, d2) if span else None
    if right is not None:
        # the right inherits what it does not print from the left; the left's month from the right
        if right.m is None and right.d is not None:
            right = _Side(right.y, left.m, right.d)
        if left.m is None and left.d is not None and right.m is not None:
            left = _Side(left.y, right.m, left.d)
    text_end = m.end()
    if m["yp"] and (left.m is not None or m["part"] not in ("初", "底", "末")):
        raise _Reject  # 2025年年底, not 11月年底
    if m["du1"] == "号" and text[max(0, m.start() - 2):m.start()].rstrip()[-1:] in _DOC_NUMBER_BEFORE:
        raise _Reject
    if left.m is None and left.d is not None and left.y is None and not ry:
        # bare day (27日): needs a month from the preceding mention, and no duration word after
        if not m["d1"].isascii() or text.startswith(_DURATION_AFTER, text_end) or previous is None:
            raise _Reject
        if _DURATION_CHANGE_BEFORE.search(text, max(0, m.start() - 6), m.start()) \
                or _DURATION_CHANGE_AFTER.match(text, text_end):
            raise _Reject  # 公告期由 2 0日缩短为 1 0日: a period of days changed, not dates
        ref = previous.end_date or previous.start_date
        if ref is None or previous.grain not in ("day", "month"):
            raise _Reject
        left = _Side(ref.year, ref.month, left.d)
        if right is not None and right.m is None:
            right = _Side(right.y, ref.month, right.d)
    if (m["m1"] and not m["m1"].isascii() and left.y is None and not ry and left.d is None
            and not span and not m["part"] and not m["since"] and not m["mf1"]):
        nxt = text[text_end:text_end + 1]
        if nxt and is_han(nxt) and nxt not in _CN_MONTH_AFTER:
            raise _Reject  # 统一月度: a Chinese-numeral month inside a word
    explicit = m["y1"] is not None
    # the left's year: printed, relative (今年), or from the anchor
    if left.y is not None:
        year1: int | None = left.y
    elif ry:
        base = ctx.base_year
        year1 = base + grammar.year_offset(ry) if base is not None else None
    else:
        forward = not m["since"] and (forward or _looks_forward(text, m.start(), text_end))
        starts = not m["since"] and _effect_start(text, m.start(), text_end)
        year1 = _anchor_year(left, ctx, forward, keep=starts)
    if right is not None and right.finest == "year" and left.finest != "year":
        raise _Reject  # 2025年11月至2026年
    grain = min(left.finest, right.finest if right else "year", key=_GRAIN_RANK.__getitem__)
    if m["since"] or (m["part"] and (right is not None or "旬" in m["part"])):
        grain = "day"
    elif m["part"]:
        grain = "month"  # 2025年底: December; 11月底: November
    approx = bool(m["part"]) and "旬" not in m["part"]
    if year1 is None:  # no anchor: check the shape, leave the dates unknown
        if _side_interval(left, 2000) is None or (right is not None and _side_interval(right, right.y or 2000) is None):
            raise _Reject
        return None, None, grain, approx, explicit, span
    first = _side_interval(left, year1)
    if first is None:
        raise _Reject
    start, end = first
    last = first
    if right is not None:
        year2 = right.y
        if year2 is None:
            year2 = year1
            if right.m is not None and (right.m, right.d or 0) < (left.m or 1, left.d or 0):
                year2 += 1  # 12月28日至1月3日: across the year end
        second = _side_interval(right, year2)
        if second is None or second[1] < start:
            raise _Reject
        last, end = second, second[1]
    if m["part"]:
        p_start, end, approx = _apply_part(m["part"], last[0], last[1], (right or left).finest)
        start = start if right is not None else p_start
    if m["since"]:
        if ctx.until is None or ctx.until < start:
            raise _Reject
        end = ctx.until
    return start, end, grain, approx, explicit, span


def _resolve_quarter(m: regex.Match[str], ctx: _Context, grammar: TimeGrammar) -> tuple[date | None, date | None, str, bool]:
    if m["qy"]:
        year = _num(m["qy"])
        explicit = True
    else:
        base = ctx.base_year
        year = base + grammar.year_offset(m["qry"]) if (base is not None and m["qry"]) else base
        explicit = False
    if m["q"]:
        q = _QUARTER_DIGITS[m["q"]]
        first_month, last_month = 3 * q - 2, 3 * q
    elif m["qn"]:
        first_month, last_month = 1, 3 * _QUARTER_DIGITS[m["qn"]]
    else:
        first_month, last_month = (1, 6) if m["half"] == "上" else (7, 12)
    if year is None:
        return None, None, "quarter", explicit
    return date(year, first_month, 1), _month_end(year, last_month), "quarter", explicit


def _period_unit(word: TimeWord, ctx: _Context) -> tuple[date, date] | None:
    """本周/本月/本季度 (offset 0) and 上周/上月/上季度 (offset -1)."""
    p = ctx.period
    if word.grain == "quarter":
        if p is not None and p.start and p.end and p.start.day == 1 and 88 <= (p.end - p.start).days <= 91:
            start = p.start
        else:
            ref = (p.end if p is not None and p.end else None) or ctx.anchor
            if ref is None:
                return None
            start = date(ref.year, ref.month - (ref.month - 1) % 3, 1)
        months = start.year * 12 + start.month - 1 + 3 * word.offset
        y, m = divmod(months, 12)
        return date(y, m + 1, 1), _month_end(y, m + 3)
    if word.grain == "week":
        if p is not None and p.start and p.end and (p.end - p.start).days < 10:
            start, end = p.start, p.end
        elif ctx.anchor is not None:
            start = ctx.anchor - timedelta(days=ctx.anchor.weekday())
            end = start + timedelta(days=6)
        else:
            return None
        if word.offset:  # 上周: the period shifted by whole weeks (Mon-Fri stays Mon-Fri), before this week
            this_start = start
            start, end = start + timedelta(weeks=word.offset), end + timedelta(weeks=word.offset)
            if word.offset < 0:
                end = min(end, this_start - timedelta(days=1))
        return start, end
    # month
    if p is not None and p.start and p.end and (p.end - p.start).days >= 27:
        start, end = p.start, p.end
    else:
        ref = (p.end if p is not None and p.end else None) or ctx.anchor
        if ref is None:
            return None
        start, end = ref.replace(day=1), _month_end(ref.year, ref.month)
    for _ in range(-word.offset):
        prev = start - timedelta(days=1)
        start, end = prev.replace(day=1), prev
    return start, end


@functools.cache
def _holidays() -> Mapping[tuple[str, int], tuple[date, date]]:
    """``(holiday, year) -> (first, last day off)`` from the bundled ``data/holidays.tsv``."""
    name = "gov_extract/data/holidays.tsv"
    text = resources.files("gov_extract.data").joinpath("holidays.tsv").read_text(encoding="utf-8")
    table: dict[tuple[str, int], tuple[date, date]] = {}
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for lineno, line in enumerate(rows[1:], 2):
        cols = [c.strip() for c in line.split("\t")]
        try:
            holiday, year, first, last = cols[0], int(cols[1]), date.fromisoformat(cols[2]), date.fromisoformat(cols[3])
        except (IndexError, ValueError):
            raise LexiconError(f"{name}: bad row {line!r}") from None
        table[(holiday, year)] = (first, last)
    return MappingProxyType(table)


def _holiday(word: str, year: int) -> tuple[date, date] | None:
    """The days off of the holiday ``word`` names (端午假期 -> 端午) in ``year``: the longest listed
    holiday name that starts the word."""
    table = _holidays()
    for n in range(len(word), 0, -1):
        if (word[:n], year) in table:
            return table[(word[:n], year)]
    return None


def _resolve_word(word: TimeWord, ctx: _Context, previous: TimeMatch | None) -> tuple[date | None, date | None, bool]:
    """(start, end, approx) of a relative word."""
    if word.kind == "holiday":
        days = _holiday(word.word, ctx.base_year) if ctx.base_year is not None else None
        return (*days, False) if days else (None, None, False)
    if word.kind == "period":
        interval = _period_unit(word, ctx)
        return (*interval, False) if interval else (None, None, False)
    if word.kind == "year":
        base = ctx.base_year
        if base is None:
            return None, None, False
        return date(base + word.offset, 1, 1), date(base + word.offset, 12, 31), False
    if word.kind == "year_end":  # 年底: December of the year, approx
        base = ctx.base_year
        if base is None:
            return None, None, True
        return date(base + word.offset, 12, 1), date(base + word.offset, 12, 31), True
    if word.kind == "ytd":
        base, until = ctx.base_year, ctx.until
        if base is None or until is None:
            return None, None, False
        return date(base + word.offset, 1, 1), until, False
    if word.kind == "vague":
        return None, ctx.anchor, True
    if word.kind == "now":
        return ctx.anchor, ctx.anchor, True
    # same_day, next_day: the preceding mention's dates
    if previous is None:
        return None, None, False
    if word.kind == "same_day":
        return previous.start_date, previous.end_date, False
    ref = previous.end_date
    day = ref + timedelta(days=word.offset) if ref else None
    return day, day, False


def _west_date(m: regex.Match[str]) -> date | None:
    import dateparser  # slow to import; only Western-format dates need it

    parsed = dateparser.parse(f"{m['wd']} {m['wm']} {m['wy']}", languages=["en"],
                              settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def _in_slogan(text: str, a: int, b: int) -> bool:
    """``[a, b)`` lies inside a short quoted phrase (``“当日受理、次日办结”``)."""
    opening = text.rfind("“", max(0, a - _QUOTED_REACH), a)
    if opening < 0 or "”" in text[opening:a]:
        return False
    closing = text.find("”", b, b + _QUOTED_REACH)
    return closing >= 0 and "“" not in text[b:closing]


def find_times(
    text: str,
    *,
    anchor: date | None = None,
    period: Period | None = None,
    skip: Sequence[tuple[int, int]] = (),
    forward: Sequence[tuple[int, int]] = (),
    grammar: TimeGrammar | None = None,
) -> tuple[TimeMatch, ...]:
    """Every time expression of a clean string, resolved, in order.

    ``anchor`` is the date relative and yearless times resolve against (the
    publication date), ``period`` the reporting period (``本周``, ``今年以来``).
    Expressions overlapping a ``skip`` span (``(start, end)`` offsets of
    ``text``: titles, named initiatives) are left out; yearless dates inside a
    ``forward`` span (a plan for the next steps) look forward from the anchor.
    """
    grammar = grammar or _default_grammar()
    ctx = _Context(anchor, period)
    blocked = SpanSet(skip)
    ahead = SpanSet(forward)
    out: list[TimeMatch] = []
    previous: TimeMatch | None = None
    previous_day: TimeMatch | None = None  # the last dated day (or span of days): what 同日/次日 refer to
    for m in grammar.finditer(text):
        a, b = m.span()
        if blocked.overlaps(a, b):
            continue
        if previous is not None and "\n" in text[previous.end:a]:
            previous_in_paragraph = None
        else:
            previous_in_paragraph = previous
        try:
            if m["date"] is not None:
                s, e, grain, approx, explicit, span = _resolve_date(
                    m, text, ctx, previous_in_paragraph, grammar, ahead.covers(a, b))
            elif m["word"] is not None:
                word = grammar.words[m["word"]]
                if word.kind in ("same_day", "next_day") and _in_slogan(text, a, b):
                    continue
                s, e, approx = _resolve_word(word, ctx, previous_day)
                grain, explicit, span = word.grain, False, False
            elif m["quarter"] is not None:
                s, e, grain, explicit = _resolve_quarter(m, ctx, grammar)
                approx, span = False, False
            elif m["iso"] is not None:
                day = _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
                if day is None:
                    continue
                s = e = day
                grain, approx, explicit, span = "day", False, True, False
            else:
                day = _west_date(m)
                if day is None:
                    continue
                s = e = day
                grain, approx, explicit, span = "day", False, True, False
        except _Reject:
            continue
        match = TimeMatch(a, b, m.group(), s, e, grain, approx, explicit, span)
        out.append(match)
        previous = match
        # 同日 after …，该办法自10月1日起施行。: the item's own day, not the start of an effect
        # within its sentence (one opening the sentence is the item's day)
        lead = _clause_before(text, a, marks=_SENTENCE_MARKS).rstrip().rstrip("".join(_START_BEFORE))
        effect = _effect_start(text, a, b) and lead.strip() != ""
        if grain == "day" and s is not None and (s == e or span) and (not effect or previous_day is None):
            previous_day = match
    return tuple(out)


def parse_time(
    text: str, *, anchor: date | None = None, period: Period | None = None, grammar: TimeGrammar | None = None
) -> TimeMatch | None:
    """The one time expression that is the whole of ``text`` (surrounding spaces ignored), or ``None``.

    >>> parse_time("5月4日—5月12日", anchor=date(2023, 5, 18)).end_date
    datetime.date(2023, 5, 12)
    """
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for m in find_times(stripped, anchor=anchor, period=period, grammar=grammar):
        if m.start == 0 and m.end == len(stripped):
            return TimeMatch(m.start + lead, m.end + lead, m.text, m.start_date, m.end_date, m.grain,
                             m.approx, m.explicit_year, m.span)
    return None


class TimeTagger:
    """Pipeline component: the ``times`` layer (guide section 5).

    ``words`` replaces the bundled relative-word table (a path to a TSV in the
    format of ``data/time_words.tsv``). Expressions inside POLICY and
    INITIATIVE entities are skipped, so the ``entities`` layer runs first.
    """

    name = "times"
    requires: tuple[str, ...] = ("entities",)

    def __init__(self, *, words: str | Path | None = None) -> None:
        self._grammar = _default_grammar() if words is None else TimeGrammar(load_time_words(words))

    def __call__(self, doc: Document) -> Document:
        view = doc.view
        skip = [
            (view.clean_offset(e.start), view.clean_offset(e.end))
            for e in doc.entities
            if e.label in _BLOCKING_LABELS
        ]
        forward = []
        for s in doc.sections:
            a = view.clean_offset(s.start)
            title = view.text[slice(*heading_title(view.text, a))]
            if s.kind in ("heading", "item") and s.level <= 2 and any(w in title for w in _FORWARD_HEADINGS):
                forward.append((a, view.clean_offset(s.end)))
        found = find_times(view.text, anchor=doc.anchor, period=doc.meta.period, skip=skip, forward=forward,
                           grammar=self._grammar)
        times = []
        for i, t in enumerate(found, 1):
            rs, re_ = view.raw_span(t.start, t.end)
            times.append(TimeExpr(f"t{i}", rs, re_, doc.raw[rs:re_], t.start_date, t.end_date, t.grain, t.approx))
        return doc.replace(times=tuple(times))
