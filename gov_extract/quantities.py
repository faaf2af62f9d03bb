"""Quantities: numbers with their units, and operational statistics.

One regex pass over the clean view finds a numeral (Arabic, Chinese or mixed,
see :mod:`gov_extract.numbers`) with a multiplier (``万 亿``), an approximation
word (``近 约 超过 余 多 左右``), an optional range (``3至5个``) and a unit or
measure word from ``data/units.tsv`` (guide section 6). Values are exact
``Decimal``; currency multipliers go into the value (``1.28亿元`` ->
128000000 元), ``个`` before a time unit is dropped (``15个工作日`` -> 工作日).

Not quantities: numbers overlapping a time mention, a POLICY/INITIATIVE entity,
a place or body name (LOC/ORG: ``三台县``; also ``三台县`` untagged) or a quoted
``“…”`` span; ordinals (``第11期``); a Chinese numeral starting an ordinary word
(``一次性``, ``data/unit_exclusions.txt``) and the adverb ``一次`` (``一次提交``).

Operational statistics (CONVENTIONS.md "Quantities") get ``metric``,
``scope`` and ``period``: a quantity that ends its clause, inside a section
whose heading has a keyword of ``data/unit_statistics.tsv`` (``办件情况``),
inside a sentence led by a time in a sub-section of such a section
(``一、运行情况`` > ``（二）好差评情况`` > ``本周，…好评 4 条``), or inside the
first sentence of a paragraph led by ``本周``/``今年以来``... when its metric
has a counting verb and every clause before it in the sentence ends in a
figure (not a news item's ``…开展服务，协助办理 23 件``). In such a sub-section the
later sentences of a time-led paragraph count when they have a counting verb
(``其中，工程建设类完成 41 个``). The scope is the clause's leading subject: an
ORG, a phrase ending in a scope head (``综合窗口``), a quoted platform as written
(``“苏周到”APP``), a division, zone or category right before the counting verb
(``昆山市受理``, ``工程建设类完成``), or ``全省``. Rates (``%``), durations (``个工作日``) and averages
(``平均减少材料 6 份``) are not volumes, nor, outside statistics sections,
a running total without a time of its own (``累计推出 38 个``). The period
is the clause's own leading time, else the time in the section's heading,
else ``meta.period``.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import regex

from .errors import LexiconError
from .model import Document, Period, Quantity
from .numbers import ARABIC, CHINESE, MULTIPLIER, multiplier, parse_number
from .segment import heading_title
from .spans import SpanSet

__all__ = [
    "Unit",
    "QuantityMatch",
    "QuantityGrammar",
    "StatisticVocabulary",
    "QuantityTagger",
    "find_quantities",
    "load_units",
]

_UNIT_KINDS = ("measure", "time", "currency", "percent", "physical")
_STAT_KINDS = ("heading", "lead", "verb", "connective", "filler", "scope_head", "scope_word", "scope_suffix",
               "division")
_BLOCKING_LABELS = ("POLICY", "INITIATIVE")
# a number word inside a place or body name (三台县, 五莲县, 第一人民医院) is not a quantity
_NAME_LABELS = ("LOC", "ORG")
_APPROX_BEFORE = ("大约", "将近", "接近", "超过", "近", "约", "超", "逾")
_APPROX_AFTER = ("左右",)
_YUE_WORDS = "预节签合制契公隐"
_SEP = r"(?:至|到|~|～|－|—|–|-)"
# a division ending right after a Chinese numeral and measure word makes them a place name
_DIVISION_AFTER = ("县", "市", "区", "州", "旗", "镇", "乡", "河市")
_CN_NUMERAL_CHARS = "〇零○一二两兩三四五六七八九十拾百佰千仟万萬亿億"
# Characters that join a Chinese numeral into an ordinary word (统一, 唯一, 之一) or
# make it vague (几百, 数十).
_CN_WORD_BEFORE = "统唯单专逐之初每同万几数"
_SESSION_AFTER = ("会议", "全会", "全体会议")
# Before the minutes of a clock time (9时30分, 九点三十分); inside a Chinese numeral the decimal
# point 点 before 分 is the hour (十二点零五分 is 12:05, not a score of 12.05).
_CLOCK_HOURS = ("时", "点", "點")
_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")
_QUOTED = regex.compile(r"“[^“”\n]{0,120}”|「[^「」\n]{0,120}」|\"[^\"\n]{0,120}\"")
_CLAUSE_END = "，；。、,;:：！？!?\n）)"
_HARD_BOUNDARY = "，；。：,;:！？!?\n"
_SEGMENT_BOUNDARY = "；。;！？!?\n"
_SENTENCE_BOUNDARY = "。！？!?\n"
_JOINERS = ("以及", "、", "及", "和", "与")
_ITEM_MARKER = regex.compile(r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)?\s*")
_FOR_PROVIDE = regex.compile(r"^为\p{Han}{1,20}?提供")
_AVERAGE = ("平均", "人均", "户均")  # a per-item average, not a volume; it covers 、-joined figures
_NOT_VOLUME_KINDS = ("percent", "time")
_CUMULATIVE = "累计"  # a running total: a statistic only with a time of its own, else a stock
_CONTINUED = "；;，,、"  # a line break after these does not end the sentence


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit surface of ``units.tsv`` and what it normalises to."""

    surface: str
    unit: str
    kind: str
    followed_by: tuple[str, ...] = ()
    not_followed_by: str = ""


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in a clean string (offsets into that string); ``kind`` is the unit's kind."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    approx: bool = False
    value_max: Decimal | None = None
    kind: str = "measure"


def _data_text(name: str, path: str | Path | None) -> tuple[str, str]:
    if path is None:
        return f"gov_extract/data/{name}", resources.files("gov_extract.data").joinpath(name).read_text(encoding="utf-8")
    return str(path), Path(path).read_text(encoding="utf-8")


def _rows(name: str, text: str, min_cols: int, header: bool = True) -> Iterable[tuple[int, list[str]]]:
    """Non-comment rows of a TSV, split on tabs (the header row skipped)."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < min_cols or not all(cols[:min_cols]):
            raise LexiconError(f"{name}:{lineno}: expected {min_cols} tab-separated fields, got {line!r}")
        yield lineno, cols


def load_units(path: str | Path | None = None) -> tuple[Unit, ...]:
    """Read a unit table (default: the bundled ``data/units.tsv``).

    Columns: ``surface unit kind followed_by not_followed_by``. Raises
    :class:`LexiconError` naming file and line for a bad or duplicate row.
    """
    name, text = _data_text("units.tsv", path)
    units: list[Unit] = []
    seen: set[str] = set()
    for lineno, cols in _rows(name, text, 3):
        surface, unit, kind = cols[:3]
        if kind not in _UNIT_KINDS:
            raise LexiconError(f"{name}:{lineno}: kind {kind!r} is not one of {_UNIT_KINDS}")
        if surface in seen:
            raise LexiconError(f"{name}:{lineno}: surface {surface!r} is listed twice")
        seen.add(surface)
        followed = tuple(w for w in (cols[3] if len(cols) > 3 else "").split("|") if w)
        units.append(Unit(surface, unit, kind, followed, cols[4] if len(cols) > 4 else ""))
    return tuple(units)


def _load_lines(name: str, path: str | Path | None) -> tuple[str, ...]:
    where, text = _data_text(name, path)
    out = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if len(set(out)) != len(out):
        raise LexiconError(f"{where}: a line is listed twice")
    return tuple(out)


@dataclass(frozen=True, slots=True)
class StatisticVocabulary:
    """The words of ``unit_statistics.tsv``, by kind."""

    heading: tuple[str, ...]
    lead: tuple[str, ...]
    verb: tuple[str, ...]
    connective: tuple[str, ...]
    filler: tuple[str, ...]
    scope_head: tuple[str, ...]
    scope_word: tuple[str, ...]
    scope_suffix: tuple[str, ...] = ()
    division: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: str | Path | None = None) -> StatisticVocabulary:
        name, text = _data_text("unit_statistics.tsv", path)
        words: dict[str, list[str]] = {k: [] for k in _STAT_KINDS}
        for lineno, cols in _rows(name, text, 2):
            kind, word = cols[:2]
            if kind not in words:
                raise LexiconError(f"{name}:{lineno}: kind {kind!r} is not one of {_STAT_KINDS}")
            if word in words[kind]:
                raise LexiconError(f"{name}:{lineno}: {kind} {word!r} is listed twice")
            words[kind].append(word)
        # longest first, so that 共计 is stripped before 共
        return cls(**{k: tuple(sorted(v, key=len, reverse=True)) for k, v in words.items()})


class QuantityGrammar:
    """The compiled quantity pattern for one unit table and exclusion list (immutable)."""

    __slots__ = ("units", "exclusions", "_pattern")

    def __init__(self, units: Iterable[Unit], exclusions: Iterable[str] = ()) -> None:
        # the data is NFKC (件(次)); bulletins also write full-width brackets (件（次）)
        by_surface = {}
        for u in units:
            by_surface[u.surface] = u
            by_surface.setdefault(u.surface.translate(_FULL_WIDTH_BRACKETS), u)
        self.units: Mapping[str, Unit] = MappingProxyType(by_surface)
        self.exclusions = tuple(exclusions)
        alternatives = []
        for surface, u in sorted(self.units.items(), key=lambda item: -len(item[0])):
            alt = regex.escape(surface)
            if u.not_followed_by:
                alt += f"(?![{regex.escape(u.not_followed_by)}])"
            if u.followed_by:
                alt += "(?=" + "|".join(regex.escape(w) for w in u.followed_by) + ")"
            alternatives.append(alt)
        unit_re = "|".join(alternatives) or "(?!)"
        num = rf"(?:{ARABIC}|{CHINESE})"
        # 约 ends ordinary words too (预约 66 件, 节约 3 万元): not an approximation there
        pre = "|".join(f"(?<![{_YUE_WORDS}])约" if w == "约" else w for w in _APPROX_BEFORE)
        first = "".join(sorted({w[0] for w in _APPROX_BEFORE}))
        self._pattern = regex.compile(
            rf"(?=[0-9{_CN_NUMERAL_CHARS}{first}])"
            rf"(?<![0-9A-Za-z.\-/_#第{_CN_NUMERAL_CHARS}])(?P<pre>{pre})?"
            rf"(?:百分之(?P<pn1>{num})(?:(?P<psep>{_SEP})(?:百分之)?(?P<pn2>{num}))?"
            rf"|(?P<n1>{num})(?P<m1>{MULTIPLIER})?"
            rf"(?:(?P<pct1>%)?(?P<sep>{_SEP})(?P<n2>{num})(?P<m2>{MULTIPLIER})?)?"
            rf"(?P<apx>余|多)?(?P<m3>{MULTIPLIER})?(?P<unit>{unit_re}))"
            rf"(?P<post>{'|'.join(_APPROX_AFTER)})?"
        )

    def finditer(self, text: str) -> Iterable[regex.Match[str]]:
        return self._pattern.finditer(text)


@functools.cache
def _default_grammar() -> QuantityGrammar:
    return QuantityGrammar(load_units(), _load_lines("unit_exclusions.txt", None))


@functools.cache
def _default_vocabulary() -> StatisticVocabulary:
    return StatisticVocabulary.load()


def _is_chinese(numeral: str) -> bool:
    return not numeral[0].isascii()


def _chinese_ok(numeral: str, text: str, start: int, grammar: QuantityGrammar, approx_word: bool) -> bool:
    """A Chinese numeral counts only as a number, not as part of an ordinary word."""
    if all(c in "〇零○一二两兩三四五六七八九" for c in numeral) and (len(numeral) > 1 or numeral in "〇零○"):
        return False  # 二〇二五, 三五: digit strings are years or vague counts; 零部件
    if numeral in ("百", "千", "万", "亿", "佰", "仟", "萬", "億") and not approx_word:
        return False  # 千家万户, 百姓; but 逾百家, 近千人
    if start and text[start - 1] in _CN_WORD_BEFORE:
        return False
    return not text.startswith(grammar.exclusions, start)


def _value(numeral: str, mult: str | None) -> Decimal | None:
    value = parse_number(numeral)
    if value is None:
        return None
    return value * multiplier(mult or "")


def _exact(value: Decimal) -> Decimal:
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _match_quantity(m: regex.Match[str], text: str, grammar: QuantityGrammar) -> QuantityMatch | None:
    """The quantity a regex match denotes, or ``None`` when the checks refuse it."""
    approx = bool(m["pre"] or m["post"] or m["apx"])
    if m["pn1"] is not None:  # 百分之九十五
        low, high = parse_number(m["pn1"]), parse_number(m["pn2"]) if m["pn2"] else None
        if low is None or (m["pn2"] and high is None):
            return None
        return QuantityMatch(m.start(), m.end(), m.group(), _exact(low), "%", approx,
                             _exact(high) if high is not None else None, "percent")
    numeral = m["n1"]
    chinese = _is_chinese(numeral)
    if chinese and not _chinese_ok(numeral, text, m.start("n1"), grammar, bool(m["pre"])):
        return None
    if m["n2"] and _is_chinese(m["n2"]) != chinese:
        return None
    unit = grammar.units[m["unit"]]
    if m["pct1"] and unit.unit != "%":
        return None
    if text.startswith("级", m.end()):
        return None  # 百万千瓦级, 千万吨级: a class, not an amount
    if chinese and unit.unit != "个" and text.startswith(_DIVISION_AFTER, m.end()):
        return None  # 三台县, 九台区, 七台河市: a place name, not an amount
    if (chinese and numeral == "一" and unit.unit == "次" and not approx and not m["n2"]
            and m.end() < len(text) and regex.match(r"\p{Han}", text[m.end()])):
        return None  # 一次提交, 一次办好: an adverb (all at once), not a count
    if unit.unit == "次" and text.startswith(_SESSION_AFTER, m.end()) and "届" in text[max(0, m.start() - 12):m.start()]:
        return None  # 十四届全国人大三次会议: a session number
    if unit.unit == "年" and not chinese and not m["m1"] and len(numeral) == 4:
        return None  # 2023年第17期: a year, not a duration
    if unit.unit == "分" and (text[max(0, m.start() - 1):m.start()] in _CLOCK_HOURS
                             or (chinese and (any(p in numeral for p in _CLOCK_HOURS) or numeral == "十"))):
        return None  # 9时30分, 十二点零五分: a clock time, not a score (nor 3.1); 十分: the adverb "very"
    # a multiplier after 余/多 joins the numeral: 一亿一千四百多万 is 1亿 + 1400万
    scale = m["m3"] or ""
    low = _value(numeral + scale if chinese else numeral, m["m1"])
    high = _value(m["n2"] + scale if chinese else m["n2"], m["m2"]) if m["n2"] else None
    if low is None or (m["n2"] and high is None):
        return None
    if m["m2"] and not m["m1"]:
        low *= multiplier(m["m2"])  # 5至10万元: the multiplier covers both ends
    if not chinese:
        low *= multiplier(scale)
        high = high * multiplier(scale) if high is not None else None
    if high is not None and high <= low:
        return None
    return QuantityMatch(m.start(), m.end(), m.group(), _exact(low), unit.unit, approx,
                         _exact(high) if high is not None else None, unit.kind)


def find_quantities(
    text: str, *, skip: Sequence[tuple[int, int]] = (), grammar: QuantityGrammar | None = None
) -> tuple[QuantityMatch, ...]:
    """Every quantity of a clean string, in order.

    Numbers overlapping a ``skip`` span (times, titles, initiatives) or a
    quoted span are left out.
    """
    grammar = grammar or _default_grammar()
    blocked = SpanSet([*skip, *(q.span() for q in _QUOTED.finditer(text))])
    out: list[QuantityMatch] = []
    for m in grammar.finditer(text):
        if blocked.overlaps(*m.span()):
            continue
        q = _match_quantity(m, text, grammar)
        if q is not None:
            out.append(q)
    return tuple(out)


# ---------------------------------------------------------------- statistics


@dataclass(frozen=True, slots=True)
class _Stat:
    metric: str
    scope: str | None
    period: Period | None


@dataclass(frozen=True, slots=True)
class _StatSection:
    """A heading or ``（一）`` item: clean span, level, whether its title names volumes, its title's time."""

    start: int
    end: int
    level: int
    reports: bool
    period: Period | None


class _Boundaries:
    """Positions of one set of punctuation characters in a text, for "where does this clause start"."""

    __slots__ = ("_positions",)

    def __init__(self, text: str, chars: str) -> None:
        self._positions = [m.start() for m in regex.finditer(f"[{regex.escape(chars)}]", text)]

    def after_last(self, pos: int) -> int:
        """The index just after the last boundary before ``pos`` (0 if none)."""
        i = bisect_right(self._positions, pos - 1)
        return self._positions[i - 1] + 1 if i else 0

    def next(self, pos: int, default: int) -> int:
        """The index of the first boundary at or after ``pos``."""
        i = bisect_right(self._positions, pos - 1)
        return self._positions[i] if i < len(self._positions) else default


class _Statistics:
    """Metric, scope and period of the quantities of one document."""

    def __init__(self, doc: Document, vocab: StatisticVocabulary, quantities: Sequence[QuantityMatch]) -> None:
        self.text = doc.view.text
        self.vocab = vocab
        self.meta_period = doc.meta.period
        self.quantities = quantities
        self._hard = _Boundaries(self.text, _HARD_BOUNDARY)
        self._segment = _Boundaries(self.text, _SEGMENT_BOUNDARY)
        self._sentence = _Boundaries(self.text, _SENTENCE_BOUNDARY)
        self._paragraph = _Boundaries(self.text, "\n")
        view = doc.view
        self.times = [(view.clean_offset(t.start), view.clean_offset(t.end), t) for t in doc.times]
        self._time_ends = {a: b for a, b, _ in self.times}
        self.orgs = {view.clean_offset(e.start): view.clean_offset(e.end) for e in doc.entities if e.label == "ORG"}
        self.locs = {view.clean_offset(e.start): view.clean_offset(e.end) for e in doc.entities if e.label == "LOC"}
        self._verb = regex.compile("|".join(map(regex.escape, vocab.verb)) or "(?!)")
        # a quoted platform or channel name, with its kind (“苏周到”APP, “鄂汇办”, “12345”热线)
        suffixes = "|".join(map(regex.escape, vocab.scope_suffix)) or "(?!)"
        self._quoted_scope = regex.compile(rf"“[^“”，。；\n]{{1,20}}”(?:{suffixes})?")
        # a division, zone or category written as a whole subject (昆山市, 工业园区, 工程建设类)
        divisions = "|".join(map(regex.escape, vocab.division)) or "(?!)"
        self._division = regex.compile(rf"(?!跨)\p{{Han}}{{1,15}}?(?:{divisions})")  # not 跨省
        self._connectives = set(vocab.connective)
        self._q_ends = {q.end for q in quantities}
        heads = "|".join(map(regex.escape, vocab.scope_head)) or "(?!)"
        # greedy: the longest subject ending in a head (市政务服务中心各进驻部门窗口)
        self._scope_head = regex.compile(rf"[^，；。、\n]{{0,30}}(?:{heads})")
        self._sections = self._stat_sections(doc)
        self._leads = SpanSet(self._lead_sentences())
        time_led = list(self._time_led_sentences())
        self._time_led = SpanSet(time_led)
        self._continued = SpanSet(self._continuations(time_led))

    def _clause_start(self, pos: int) -> bool:
        """Whether ``pos`` opens a clause (after punctuation or an item marker)."""
        return _ITEM_MARKER.fullmatch(self.text, self._hard.after_last(pos), pos) is not None

    def _stat_sections(self, doc: Document) -> list[_StatSection]:
        """The headings and ``（一）`` items."""
        view, text = doc.view, self.text
        out = []
        for sec in doc.sections:
            if sec.kind not in ("heading", "item") or sec.level > 2:
                continue
            a = view.clean_offset(sec.start)
            t_start, t_end = heading_title(text, a)
            times = [t for s, _, t in self.times if t_start <= s < t_end and t.start_date and t.end_date]
            period = Period(times[0].start_date, times[0].end_date) if times else None
            out.append(_StatSection(a, view.clean_offset(sec.end), sec.level,
                                    any(w in text[t_start:t_end] for w in self.vocab.heading), period))
        return out

    def _enclosing(self, a: int, b: int) -> list[_StatSection]:
        """The sections containing ``[a, b)``, innermost first."""
        return sorted((s for s in self._sections if s.start <= a and b <= s.end), key=lambda s: -s.level)

    def _lead_sentences(self) -> Iterable[tuple[int, int]]:
        """Sentences that open a paragraph with a lead word (本周，共计咨询…)."""
        text = self.text
        for a, b, _ in self.times:
            if text[a:b] in self.vocab.lead and _ITEM_MARKER.fullmatch(text, self._paragraph.after_last(a), a):
                yield a, self._sentence.next(b, len(text))

    def _time_led_sentences(self) -> Iterable[tuple[int, int]]:
        """Sentences that start with a (not vague) time (第三季度，全区共收到评价…).

        A line break after ``；`` or ``，`` does not end the sentence.
        """
        text = self.text
        for a, b, t in self.times:
            if t.grain != "vague" and _ITEM_MARKER.fullmatch(text, self._sentence.after_last(a), a):
                end = self._sentence.next(b, len(text))
                while text.startswith("\n", end) and text[end - 1] in _CONTINUED:
                    end = self._sentence.next(end + 1, len(text))
                yield a, end

    def _continuations(self, time_led: Sequence[tuple[int, int]]) -> Iterable[tuple[int, int]]:
        """The rest of a paragraph that opens with a time-led sentence (本周，…。其中，…类完成 41 个)."""
        text = self.text
        for a, end in time_led:
            para = self._paragraph.after_last(a)
            if _ITEM_MARKER.fullmatch(text, para, a) and end < len(text) and text[end] != "\n":
                yield end, self._paragraph.next(end, len(text))

    def _chained(self, lead: int, clause: int) -> bool:
        """Whether every clause of a lead sentence before ``clause`` is its time or ends in a
        quantity (本周，受理 300 件，办结 280 件): not a news item's action (…开展服务，协助办理 23 件)."""
        text = self.text
        a = _ITEM_MARKER.match(text, lead, clause).end()
        while a < clause:
            b = self._hard.next(a, len(text))
            if b >= clause:
                break
            if b not in self._q_ends and a not in self._time_ends:
                return False
            a = b + 1
        return True

    def _own_time(self, clause: int) -> bool:
        """Whether the clause starting at ``clause`` has a time of its own: inside it, or as the
        whole clause just before it (前三季度，全区累计…)."""
        return any(clause <= a < self._hard.next(clause, len(self.text))
                   or (b + 1 == clause and self._hard.after_last(a) == a) for a, b, _ in self.times)

    def _passage(self, a: int, b: int) -> str | None:
        """Where ``[a, b)`` is: ``"section"`` (a volume-reporting section), ``"area"`` (a time-led
        sentence in a sub-section of one), ``"lead"`` (a lead sentence), else ``None``."""
        enclosing = self._enclosing(a, b)
        if enclosing and enclosing[0].reports:
            return "section"
        if any(s.reports for s in enclosing[1:]):
            if self._time_led.covers(a, b):
                return "area"
            if self._continued.covers(a, b):
                return "continued"
        return "lead" if self._leads.covers(a, b) else None

    def _period(self, pos: int) -> Period | None:
        """The interval of the last clause-leading time before ``pos`` in its paragraph, else of
        the innermost section heading with a time, else ``meta.period``."""
        para = self._paragraph.after_last(pos)
        best = None
        for a, _, t in self.times:
            if para <= a < pos and self._clause_start(a):
                best = t
        if best is not None and best.start_date is not None:
            return Period(best.start_date, best.end_date)
        return next((s.period for s in self._enclosing(pos, pos) if s.period), self.meta_period)

    def _strip(self, metric: str) -> str:
        changed = True
        while changed and metric:
            changed = False
            for word in self.vocab.connective:
                if metric.startswith(word) and len(metric) > len(word):
                    metric, changed = metric[len(word):], True
                if metric.endswith(word) and len(metric) > len(word):
                    metric, changed = metric[: -len(word)], True
        return metric

    def _scope(self, a: int, end: int) -> tuple[str | None, int]:
        """The leading subject of the clause ``text[a:end]`` and where the rest starts."""
        text = self.text
        # the longer of an ORG opening the clause and a phrase ending in a scope head
        # (综合窗口, 省本级, 市政务服务中心各进驻部门窗口; not a bare 窗口)
        verb = self._verb.search(text, a, end)
        m = self._scope_head.match(text, a, verb.start() if verb else end)
        head_end = m.end() if m and m.group() not in self.vocab.scope_head else a
        scope_end = max(head_end, self.orgs.get(a, a))
        quoted = self._quoted_scope.match(text, a, end)
        if quoted:  # “苏周到”APP新增…, “鄂汇办”新增…
            scope_end = max(scope_end, quoted.end())
        if a < scope_end < end:
            return "".join(text[a:scope_end].split()), scope_end
        # a division or zone right before the counting verb (昆山市受理…, 工业园区共受理…)
        if verb is not None:
            division = self.locs.get(a)
            if division is None or division > verb.start():
                m = self._division.fullmatch(text, a, verb.start())
                if m is None:
                    for word in self.vocab.connective:
                        if text.startswith(word, verb.start() - len(word)):
                            m = self._division.fullmatch(text, a, verb.start() - len(word))
                            break
                division = m.end() if m else None
            if division is not None and a < division < end and (
                    division == verb.start() or text[division:verb.start()] in self._connectives):
                return "".join(text[a:division].split()), division
        for word in self.vocab.scope_word:
            if text.startswith(word, a) and a + len(word) < end:
                return word, a + len(word)
        return None, a

    def annotate(self) -> list[_Stat | None]:
        """A statistic (or ``None``) for each quantity, in order."""
        text = self.text
        out: list[_Stat | None] = []
        scope: str | None = None
        segment = -1
        prev_end = -1
        average = False
        for q in self.quantities:
            stat = None
            after = q.end
            ends_clause = after >= len(text) or text[after] in _CLAUSE_END or text.startswith(_JOINERS, after)
            # volumes only: rates (满意率 99%) and durations (0.5 个工作日) are not statistics
            passage = self._passage(q.start, q.end) if ends_clause and q.kind not in _NOT_VOLUME_KINDS else None
            if passage is not None:
                seg = self._segment.after_last(q.start)
                if seg != segment:
                    segment, scope = seg, None
                hard = self._hard.after_last(q.start)
                left, soft = hard, False
                if prev_end >= hard:
                    for joiner in _JOINERS:
                        if text.startswith(joiner, prev_end):
                            left, soft = prev_end + len(joiner), True
                            break
                # an item marker, a leading time word and fillers are not metric
                if left == self._paragraph.after_last(left + 1):
                    left = _ITEM_MARKER.match(text, left, q.start).end()
                time_end = self._time_ends.get(left)
                if time_end is not None and time_end <= q.start:
                    left = time_end + (1 if text[time_end:time_end + 1] in "，," else 0)
                for word in self.vocab.filler:
                    if text.startswith(word, left):
                        left += len(word)
                if not soft:
                    own, left = self._scope(left, q.start)
                    if own is not None:
                        scope = own
                metric = _FOR_PROVIDE.sub("", "".join(text[left:q.start].split()))
                metric = self._strip(metric)
                average = (soft and average) or metric.startswith(_AVERAGE)
                stock = passage != "section" and _CUMULATIVE in text[hard:q.start] and not self._own_time(hard)
                # a lead sentence in a news item, or a later sentence of a time-led paragraph,
                # needs a counting verb (本周，共计咨询…; 全市受理…); a lead sentence, a chain of figures
                counted = passage in ("section", "area") or self._verb.search(metric) or metric.endswith("量")
                if passage == "lead" and not self._chained(self._sentence.after_last(q.start), hard):
                    counted = False
                if metric and not average and not stock and counted:
                    stat = _Stat(metric, scope, self._period(q.start))
            out.append(stat)
            prev_end = q.end
        return out


class QuantityTagger:
    """Pipeline component: the ``quantities`` layer with statistics (guide section 6).

    Keyword arguments replace the bundled data files: ``units``
    (``units.tsv`` format), ``exclusions`` (``unit_exclusions.txt``),
    ``statistics`` (``unit_statistics.tsv``).
    """

    name = "quantities"
    requires: tuple[str, ...] = ("entities", "times")

    def __init__(
        self,
        *,
        units: str | Path | None = None,
        exclusions: str | Path | None = None,
        statistics: str | Path | None = None,
    ) -> None:
        if units is None and exclusions is None:
            self._grammar = _default_grammar()
        else:
            self._grammar = QuantityGrammar(load_units(units), _load_lines("unit_exclusions.txt", exclusions))
        self._vocab = _default_vocabulary() if statistics is None else StatisticVocabulary.load(statistics)

    def __call__(self, doc: Document) -> Document:
        view = doc.view
        skip = [(view.clean_offset(t.start), view.clean_offset(t.end)) for t in doc.times]
        skip += [
            (view.clean_offset(e.start), view.clean_offset(e.end))
            for e in doc.entities
            if e.label in _BLOCKING_LABELS
        ]
        # a number word inside a place or body name (三台县, 四会市): never a quantity
        skip += [
            (view.clean_offset(e.start), view.clean_offset(e.end))
            for e in doc.entities
            if e.label in _NAME_LABELS
        ]
        found = find_quantities(view.text, skip=skip, grammar=self._grammar)
        stats = _Statistics(doc, self._vocab, found).annotate()
        out = []
        for i, (q, stat) in enumerate(zip(found, stats), 1):
            rs, re_ = view.raw_span(q.start, q.end)
            out.append(Quantity(
                f"q{i}", rs, re_, doc.raw[rs:re_], q.value, q.unit, q.approx,
                stat.metric if stat else None, stat.scope if stat else None,
                stat.period if stat else None, q.value_max,
            ))
        return doc.replace(quantities=tuple(out))
