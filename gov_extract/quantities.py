"""Quantities: numbers with their units, and operational statistics.

One regex pass over the clean view finds a numeral (Arabic, Chinese or mixed,
see :mod:`gov_extract.numbers`) with a multiplier (``万 亿``), an approximation
word (``近 约 超过 余 多 左右``; not ending a bound: ``不超过 5 个工作日`` leaves
``不超过`` out), an optional range (``3至5个``) and a unit or measure word from
``data/units.tsv`` (guide section 6), also apart from a Chinese numeral by a
space the clean view keeps between Han characters (``由 三 个部门``). Values are exact
``Decimal``; currency multipliers go into the value (``1.28亿元`` ->
128000000 元), ``个`` before a time unit is dropped (``15个工作日`` -> 工作日).

Not quantities: numbers overlapping a time mention, a POLICY/INITIATIVE entity,
a place or body name (LOC/ORG: ``三台县``; also ``三台县`` untagged) or a quoted
``“…”`` span; ordinals (``第11期``) and ranks (``居全省前三位``); a Chinese numeral
starting an ordinary word (``一次性``, ``data/unit_exclusions.txt``), the adverb
``一次`` (``一次提交``), the article ``一家``/``一名`` opening a clause or ``一支`` before a team
(``打造一支…队伍``) and idioms (``最后一公里``). A bare ``百``/``千`` counts after an
approximation word or a bound (``逾百家``, ``不足百件``).

Operational statistics (CONVENTIONS.md "Quantities") get ``metric``,
``scope`` and ``period``. A quantity that ends its clause is one:

- anywhere in a section whose heading has a keyword of
  ``data/unit_statistics.tsv`` (``办件情况``), and in a time-led sentence of a
  sub-section of such a section (``一、运行情况`` > ``（二）好差评情况`` >
  ``本周，…好评 4 条``);
- in the other sentences of such a sub-section when its metric has a counting
  verb (``全市办理工程建设项目审批事项 652件``) or it continues a statistic:
  joined to it by ``、``, closing the clause after it in the same sentence
  (``…许可证 48件，涉及总投资 86.3亿元``), or breaking it down after ``其中``;
- in the first sentence of a paragraph led by ``本周``/``今年以来``..., or in
  a clause under a running-period time anywhere (``今年以来，…累计办理…``,
  ``会议通报，今年以来全省办理…``; not ``年内``), when it has a counting verb
  (or opens with one such as ``服务``: ``累计服务港资企业 3180家次``)
  or continues a statistic and every clause from the time on ends in a
  statistic (not a news item's ``…开展服务，协助办理 23 件``, nor its ``本周累计应答咨询…``).

Never statistics: rates (``%``), durations (``个工作日``), rank changes
(``提升 4 个位次``), averages (``平均减少材料 6 份``, ``日均访问量``), levels
reached (``扩展至 184项``), changes against another period (``同比增加 426项``,
``较上周增加 11 张``), figures as of a date (``截至目前``, ``目前全区共布设终端
213台``, ``已上线…共 31个``), running totals of things set up rather than handled (``累计推出
38 个``), gains (``兑现惠企资金``, ``挽回经济损失``, ``收到锦旗``), and what is joined to or breaks
them down. A counting verb held across the parts of a word is none (``协调解决`` holds ``调解``).

The scope is the clause's whole leading subject: the words before ``共``/``累计``
and a counting verb (``全省“高效办成一件事”重点事项共办件``), an ORG, the longest
phrase ending in a scope head before the clause's last counting verb
(``综合窗口``, ``全市公共资源交易平台``, ``“贵人服务”帮办代办队伍``,
``陕西政务服务网西安站点``, ``深圳市不动产登记中心南山登记所``), with the quote
closing it (``中心“企业服务专区”``) or a quoted name after it
(``政务服务智能助手“南小智”``), a quoted platform as written (``“苏周到”APP``), a
division or zone right before the counting verb (``昆山市受理``,
``县（市、区）办理``; also after ``新``: ``松北区新登记``), a category right before a predicate verb
(``工程建设类完成``, ``政府采购项目完成交易``; not the label ``国有产权交易``),
or a scope word (``全省``, ``热线``); not a phrase opening with a preposition
(``通过…平台办理``); after a breakdown's framing (``从事项类型看，``) any subject before a
predicate verb. A quoted label alone before its number is metric (``其中“跨省通办”事项 52件``).
Each clause of a list has its own (``旌阳区办理…、广汉市办理…``), and so has each figure of
``A、B、C分别办理… n1、n2、n3``; a clause without one inherits the scope before it up to
``；``/``。``, or the subject opening its sentence (``全区新增…，…，办理…``). The
period is the last clause-leading time of the sentence or the time leading its
paragraph, else the time in the section's heading, else ``meta.period``.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import regex

from .errors import LexiconError
from .model import Document, Period, Quantity, TimeExpr
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

_UNIT_KINDS = ("measure", "time", "currency", "percent", "physical", "rank")
_STAT_KINDS = ("heading", "lead", "verb", "connective", "filler", "scope_head", "scope_word", "scope_suffix",
               "division", "average", "cumulative", "stock_verb", "as_of", "level", "preposition", "subject_end",
               "change", "category", "predicate", "opening_verb", "not_verb", "gain", "extent")
_BLOCKING_LABELS = ("POLICY", "INITIATIVE")
# a number word inside a place or body name (三台县, 五莲县, 第一人民医院) is not a quantity
_NAME_LABELS = ("LOC", "ORG")
_APPROX_BEFORE = ("大约", "将近", "接近", "超过", "近", "约", "超", "逾")
_APPROX_AFTER = ("左右",)
_YUE_WORDS = "预节签合制契公隐"
# An approximation word that ends another word is none: 不超过/未超过 5 个工作日 is a bound (the
# word stays outside the span), 最近 3 个月 a recent span.
_NOT_APPROX_BEFORE = {"约": _YUE_WORDS, "超过": "不未", "超": "不未", "逾": "不未", "近": "最附"}
# 前三位, 前 10 名 after 居/位居/排名: a rank, not a count
_RANK_BEFORE = "前"
_RANK_UNITS = ("位", "名")
_SEP = r"(?:至|到|~|～|－|—|–|-)"
# a division ending right after a Chinese numeral and measure word makes them a place name
_DIVISION_AFTER = ("县", "市", "区", "州", "旗", "镇", "乡", "河市")
_CN_NUMERAL_CHARS = "〇零○一二两兩三四五六七八九十拾百佰千仟万萬亿億"
# Characters that join a Chinese numeral into an ordinary word (统一, 唯一, 之一) or
# make it vague (几百, 数十).
_CN_WORD_BEFORE = "统唯单专逐之初每同万几数"
# 一家/一名/一位 opening a clause is the article "a" (一家企业计划…)
_ARTICLE_UNITS = ("家", "名", "位")
# 一支 before a team anywhere is the article too (打造一支懂业务、会服务的干部队伍)
_TEAM_ARTICLE = regex.compile(r"[^。；;！？!?\n]{0,30}?(?:队伍|团队|铁军)")
# a bare 百/千/万 after a bound is a number (不足百件, 不少于千人), as after an approximation word
_BOUND_BEFORE = ("不足", "不到", "不少于", "不超过", "未超过")
# a Chinese numeral after these is part of an idiom (最后一公里, 最后一百米)
_IDIOM_BEFORE = ("最后",)
_SESSION_AFTER = ("会议", "全会", "全体会议")
# Before the minutes of a clock time (9时30分, 九点三十分); inside a Chinese numeral the decimal
# point 点 before 分 is the hour (十二点零五分 is 12:05, not a score of 12.05).
_CLOCK_HOURS = ("时", "点", "點")
_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")
_QUOTED = regex.compile(r"“[^“”\n]{0,120}”|「[^「」\n]{0,120}」|\"[^\"\n]{0,120}\"")
_QUOTED_NAMES = regex.compile(r"(?:“[^“”，。；\n]{1,20}”)+")  # one or several names (“好办”“快办”)
_CLAUSE_END = "，；。、,;:：！？!?\n）)"
_HARD_BOUNDARY = "，；。：,;:！？!?\n"
_SEGMENT_BOUNDARY = "；。;！？!?\n"
_SENTENCE_BOUNDARY = "。！？!?\n"
_JOINERS = ("以及", "、", "及", "和", "与")
_ITEM_MARKER = regex.compile(r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、)?\s*")
_FOR_PROVIDE = regex.compile(r"^为[\p{Han}、]{1,20}?(?:提供|(?=办理))")
_NOT_VOLUME_KINDS = ("percent", "time", "rank")
# a breakdown's framing clause (从事项类型看，/分层级看，): the subjects after it are its categories
_FRAMING = regex.compile(r"(?:^|(?<=[，,：:；;。\n]))[从分][\p{Han}（）、]{1,10}看[，,]")
_FRAMED_SUBJECT = regex.compile(r"(?!跨)\p{Han}{2,15}")  # any subject before a predicate verb after it
# A、B、C分别办理… n1、n2、n3: one subject a figure
_RESPECTIVELY = regex.compile(
    r"(?P<subjects>(?:(?!分别)[^、，；。]){1,20}(?:、(?:(?!分别)[^、，；。]){1,20})+)(?P<metric>分别.+)")
_ALREADY = "已"  # before a verb of setting up: a stock as of now, not a volume
# 新 between a division and its counting verb (松北区新登记企业): the division is still the subject
_NEW = "新"
_AT = "在"  # after a body opening a clause, the place it acts at follows: not part of its subject
_BREAKDOWN = "其中"  # a clause led by it breaks down the figure before it and shares its standing
_SINCE = "自从"  # before a day, with _SINCE_END later in its clause: a span from that day (自9月1日试运行以来)
_SINCE_END = "以来"
_RUNNING_MIN_DAYS = 32  # a time from 1 January spanning more than a month is a running period (1—10月, 今年以来)
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
    average: tuple[str, ...] = ()
    cumulative: tuple[str, ...] = ()
    stock_verb: tuple[str, ...] = ()
    as_of: tuple[str, ...] = ()
    level: tuple[str, ...] = ()
    preposition: tuple[str, ...] = ()
    subject_end: tuple[str, ...] = ()
    change: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    predicate: tuple[str, ...] = ()
    opening_verb: tuple[str, ...] = ()
    not_verb: tuple[str, ...] = ()
    gain: tuple[str, ...] = ()
    extent: tuple[str, ...] = ()

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
        # 约 ends ordinary words too (预约 66 件, 节约 3 万元), 超过 a bound (不超过 5 天): not an
        # approximation there
        pre = "|".join(f"(?<![{_NOT_APPROX_BEFORE[w]}]){w}" if w in _NOT_APPROX_BEFORE else w
                       for w in _APPROX_BEFORE)
        first = "".join(sorted({w[0] for w in _APPROX_BEFORE}))
        # A Latin letter before an Arabic numeral makes a code (GB50016, A3); before a Chinese one
        # it ends a list (A、B、C三个等级). A clean view keeps a space between Han characters: a
        # Chinese numeral may stand apart from its unit (由 三 个部门), not from 第 (第 一 批).
        self._pattern = regex.compile(
            rf"(?=[0-9{_CN_NUMERAL_CHARS}{first}])"
            rf"(?<![0-9.\-/_#第{_CN_NUMERAL_CHARS}])(?<!第 )(?:(?<![A-Za-z])|(?=[{_CN_NUMERAL_CHARS}]))"
            rf"(?P<pre>{pre})?"
            rf"(?:百分之(?P<pn1>{num})(?:(?P<psep>{_SEP})(?:百分之)?(?P<pn2>{num}))?"
            rf"|(?P<n1>{num})(?P<m1>{MULTIPLIER})?"
            rf"(?:(?P<pct1>%)?(?P<sep>{_SEP})(?P<n2>{num})(?P<m2>{MULTIPLIER})?)?"
            rf"(?P<apx>余|多)?(?P<m3>{MULTIPLIER})? ?(?P<unit>{unit_re}))"
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


def _verb_pattern(verbs: Sequence[str], not_verbs: Sequence[str]) -> str:
    """An alternation of counting verbs, none matching where a word holds it across its parts
    (调解 not inside 协调解决)."""
    alternatives = []
    for verb in verbs:
        guards = "".join(f"(?!(?<={regex.escape(w[:k])}){regex.escape(w[k:])})"
                         for w in not_verbs for k in range(1, len(w)) if w.startswith(verb, k))
        alternatives.append(guards + regex.escape(verb))
    return "|".join(alternatives) or "(?!)"


def _is_chinese(numeral: str) -> bool:
    return not numeral[0].isascii()


def _chinese_ok(numeral: str, text: str, start: int, grammar: QuantityGrammar, approx_word: bool) -> bool:
    """A Chinese numeral counts only as a number, not as part of an ordinary word."""
    if all(c in "〇零○一二两兩三四五六七八九" for c in numeral) and (len(numeral) > 1 or numeral in "〇零○"):
        return False  # 二〇二五, 三五: digit strings are years or vague counts; 零部件
    if (numeral in ("百", "千", "万", "亿", "佰", "仟", "萬", "億") and not approx_word
            and not "".join(text[max(0, start - 4):start].split()).endswith(_BOUND_BEFORE)):
        return False  # 千家万户, 百姓; but 逾百家, 近千人, 百余名, 不足百件
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
    if chinese and not _chinese_ok(numeral, text, m.start("n1"), grammar, bool(m["pre"] or m["apx"])):
        return None
    if m["n2"] and _is_chinese(m["n2"]) != chinese:
        return None
    unit = grammar.units[m["unit"]]
    if m["pct1"] and unit.unit != "%":
        return None
    if unit.unit in _RANK_UNITS and text[max(0, m.start() - 2):m.start()].rstrip().endswith(_RANK_BEFORE):
        return None  # 居全省前三位, 排名前 10 名: a rank, not a count
    if text.startswith("级", m.end()):
        return None  # 百万千瓦级, 千万吨级: a class, not an amount
    if chinese and unit.unit != "个" and text.startswith(_DIVISION_AFTER, m.end()):
        return None  # 三台县, 九台区, 七台河市: a place name, not an amount
    if (chinese and numeral == "一" and unit.unit == "次" and not approx and not m["n2"]
            and m.end() < len(text) and regex.match(r"\p{Han}", text[m.end()])):
        return None  # 一次提交, 一次办好: an adverb (all at once), not a count
    if chinese and numeral == "一" and unit.unit in _ARTICLE_UNITS and not approx and not m["n2"] and (
            text[max(0, m.start() - 3):m.start()].rstrip(" ")[-1:] in _HARD_BOUNDARY):
        return None  # 一家德国企业计划…, 一名群众反映…: opening a clause, the article "a", not a count
    if (chinese and numeral == "一" and unit.unit == "支" and not approx and not m["n2"]
            and _TEAM_ARTICLE.match(text, m.end())):
        return None  # 打造一支…政务服务队伍: the article "a", not a count
    if chinese and "".join(text[max(0, m.start() - 4):m.start()].split()).endswith(_IDIOM_BEFORE):
        return None  # 打通最后一公里 (also wrapped: 最\n后一公里): an idiom, not a distance
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
class _Standing:
    """A figure closing a clause: where it ends, whether it is a statistic, whether it was refused as no
    volume (an average, a stock), and its paragraph; a figure joined to it shares its standing."""

    end: int
    stat: bool
    refused: bool
    paragraph: int


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
        # times from 1 January over more than a month, up to the report's end (今年以来, 1—10月,
        # 一季度 of a March report; not 年内)
        last = doc.meta.period.end if doc.meta.period and doc.meta.period.end else doc.meta.published
        self._last = last
        self._running = [a for a, _, t in self.times if _is_running(t, last) and self._clause_start(a)]
        as_of = "|".join(map(regex.escape, vocab.as_of)) or "(?!)"
        self._as_of = [m.start() for m in regex.finditer(as_of, self.text)]
        self.orgs = {view.clean_offset(e.start): view.clean_offset(e.end) for e in doc.entities if e.label == "ORG"}
        self.locs = {view.clean_offset(e.start): view.clean_offset(e.end) for e in doc.entities if e.label == "LOC"}
        verbs = _verb_pattern(vocab.verb, vocab.not_verb)
        self._verb = regex.compile(verbs)
        # 全区已上线…重点事项共 31个
        stock = "|".join(map(regex.escape, vocab.stock_verb)) or "(?!)"
        self._stock_now = regex.compile(rf"{_ALREADY}(?:{stock})")
        # a change closing the metric (…诉求较上周增加 412件, …同比增长 5件)
        change = "|".join(map(regex.escape, vocab.change)) or "(?!)"
        self._change_end = regex.compile(rf"(?:{change})\p{{Han}}{{0,6}}$")
        # a quoted platform or channel name, with its kind (“苏周到”APP, “鄂汇办”, “12345”热线)
        suffixes = "|".join(map(regex.escape, vocab.scope_suffix)) or "(?!)"
        # several names together (“好办”“快办”服务)
        self._quoted_scope = regex.compile(rf"{_QUOTED_NAMES.pattern}(?:{suffixes})?")
        # a division, zone or category written as a whole subject (昆山市, 工业园区, 工程建设类), also
        # with its kinds in brackets (县（市、区）, 市（州）)
        divisions = "|".join(map(regex.escape, vocab.division)) or "(?!)"
        self._division = regex.compile(  # not 跨省
            rf"(?!跨)(?:\p{{Han}}{{0,15}}?(?:{divisions})（[\p{{Han}}、]{{1,8}}）|\p{{Han}}{{1,15}}?(?:{divisions}))")
        # a category of a breakdown before a predicate verb (货物类完成…, 政府采购项目完成交易…; not the
        # label 国有产权交易)
        categories = "|".join(map(regex.escape, vocab.category)) or "(?!)"
        self._category = regex.compile(rf"(?!跨)\p{{Han}}{{1,15}}?(?:{categories})")
        self._connectives = set(vocab.connective)
        # 共/累计… between a subject and its counting verb (also 跨省/跨市 + verb) or 为…提供/办理 (…重点事项共办件,
        # …队伍累计为…提供, 四地累计跨市办件, 服务站累计为园区企业办理)
        ends = "|".join(map(regex.escape, vocab.subject_end)) or "(?!)"
        self._subject_end = regex.compile(
            rf"(?<=\p{{Han}}|”)(?:{ends})(?=(?:跨[省市区县境域])?(?:{verbs})|为\p{{Han}}{{1,20}}?(?:提供|办理))")
        heads = "|".join(map(regex.escape, vocab.scope_head)) or "(?!)"
        # greedy: the longest subject ending in a head (市政务服务中心各进驻部门窗口)
        # with the quoted name after its head (政务服务智能助手“南小智”答复…)
        self._scope_head = regex.compile(rf"(?:[^，；。、\n]{{1,8}}、)*[^，；。、\n]{{0,30}}(?:{heads})(?:“[^“”，。；、\n]{{1,20}}”)?")
        # but the shortest one right before a counting verb when a later verb follows (新区网络理政中心受理
        # 12345热线转办诉求, 浙江政务服务网办件)
        self._verb_scope_head = regex.compile(
            rf"(?:[^，；。、\n]{{1,8}}、)*?[^，；。、\n]{{0,30}}?(?:{heads})(?:“[^“”，。；、\n]{{1,20}}”)?(?=(?:{verbs}))")
        self._sections = self._stat_sections(doc)
        self._leads = SpanSet(self._lead_sentences())
        self._time_led = SpanSet(self._time_led_sentences())
        self._stat_ends: set[int] = set()  # ends of the quantities found to be statistics so far

    def _clause_start(self, pos: int) -> bool:
        """Whether ``pos`` opens a clause (after punctuation or an item marker)."""
        return _ITEM_MARKER.fullmatch(self.text, self._hard.after_last(pos), pos) is not None

    def _stat_sections(self, doc: Document) -> list[_StatSection]:
        """The headings and ``（一）`` items."""
        view, text = doc.view, self.text
        last = doc.meta.period.end if doc.meta.period and doc.meta.period.end else doc.meta.published
        out = []
        for sec in doc.sections:
            if sec.kind not in ("heading", "item") or sec.level > 2:
                continue
            a = view.clean_offset(sec.start)
            t_start, t_end = heading_title(text, a)
            times = [t for s, _, t in self.times if t_start <= s < t_end and t.start_date and t.end_date]
            period = Period(times[0].start_date, times[0].end_date) if times else None
            if period is None:
                period = self._opening_period(t_end, view.clean_offset(sec.end), last)
            out.append(_StatSection(a, view.clean_offset(sec.end), sec.level,
                                    any(w in text[t_start:t_end] for w in self.vocab.heading), period))
        return out

    def _opening_period(self, a: int, b: int, last: date | None) -> Period | None:
        """The interval of an explicit dated span (not a running period, not the report's own period)
        opening the first clause of a section's body (（二）国庆假期服务保障情况 / 10月1日至8日，…):
        the section's figures are for that span."""
        text = self.text
        body = a
        while body < b and text[body] in "\n \u3000：:":
            body += 1
        for start, _, t in self.times:
            if start == body and t.grain == "day" and t.start_date and t.end_date and t.start_date < t.end_date:
                if _is_running(t, last) or (self.meta_period and self.meta_period.start == t.start_date
                                            and self.meta_period.end == t.end_date):
                    return None
                return Period(t.start_date, t.end_date)
        return None

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

    def _running_lead(self, pos: int) -> int | None:
        """The start of a running-period time opening a clause of the sentence before ``pos``
        (今年以来，…累计办理…; 会议通报，今年以来全省办理…), or ``None``."""
        i = bisect_right(self._running, pos - 1)
        return self._running[i - 1] if i and self._running[i - 1] >= self._sentence.after_last(pos) else None

    def _chained(self, lead: int, clause: int) -> bool:
        """Whether every clause from ``lead`` to ``clause`` is a bare time or ends in a statistic
        (本周，受理 300 件，办结 280 件): not a news item's action (…开展服务，协助办理 23 件)."""
        text = self.text
        a = _ITEM_MARKER.match(text, lead, clause).end()
        while a < clause:
            b = self._hard.next(a, len(text))
            if b >= clause:
                break
            if b not in self._stat_ends and self._time_ends.get(a) != b:
                return False
            a = b + 1
        return True

    def _passage(self, a: int, b: int) -> tuple[str, int] | None:
        """Where ``[a, b)`` is, and where its run of figures starts: ``"section"`` (a
        volume-reporting section), ``"area"`` (a time-led sentence in a sub-section of one),
        ``"sub"`` (another sentence of such a sub-section), ``"lead"`` (a lead sentence), ``"running"``
        (a clause under a running-period time), else ``None``."""
        enclosing = self._enclosing(a, b)
        if enclosing and enclosing[0].reports:
            return "section", a
        if any(s.reports for s in enclosing[1:]):
            return ("area" if self._time_led.covers(a, b) else "sub"), a
        if self._leads.covers(a, b):
            return "lead", self._sentence.after_last(a)
        running = self._running_lead(a)
        return ("running", running) if running is not None else None

    def _since(self, pos: int) -> Period | None:
        """The span from a day opening a clause of the sentence before ``pos`` as ``自…以来`` to the
        report's end (自9月1日试运行以来，专窗累计服务群众…), or ``None``."""
        text, last = self.text, self._last
        sentence = self._sentence.after_last(pos)
        for a, b, t in self.times:
            if (sentence < a < pos and text[a - 1] in _SINCE and self._clause_start(a - 1)
                    and t.grain == "day" and t.start_date and last and t.start_date < last
                    and _SINCE_END in text[b:self._hard.next(b, pos)]):
                return Period(t.start_date, last)
        return None

    def _period(self, pos: int) -> Period | None:
        """The span of a ``自…以来`` clause of its sentence, else the interval of the last clause-leading
        time before ``pos`` in its sentence or leading its paragraph, else of the innermost section
        heading with a time, else ``meta.period``."""
        since = self._since(pos)
        if since is not None:
            return since
        text = self.text
        para = self._paragraph.after_last(pos)
        sentence = self._sentence.after_last(pos)
        best = None
        for a, _, t in self.times:
            if para <= a < pos and self._clause_start(a) and (
                    a >= sentence or _ITEM_MARKER.fullmatch(text, para, a) is not None):
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

    def _metric(self, words: str) -> str:
        """A clause's words before its number without connectives and a leading ``为…提供``
        or ``为…`` before 办理 (为办事企业群众提供电话咨询 -> 电话咨询, 累计为企业群众提供帮办服务 ->
        帮办服务, 累计为群众办理异地业务 -> 办理异地业务)."""
        metric = _FOR_PROVIDE.sub("", words)
        for word in self.vocab.connective:
            if metric.startswith(word) and _FOR_PROVIDE.match(metric[len(word):]):
                metric = _FOR_PROVIDE.sub("", metric[len(word):])
                break
        return self._strip(metric)

    def _scope(self, a: int, end: int) -> tuple[str | None, int]:
        """The leading subject of the clause ``text[a:end]`` and where the rest starts."""
        text = self.text
        # the longer of an ORG opening the clause and a phrase ending in a scope head before the
        # clause's last counting verb (综合窗口, 省本级, 全市公共资源交易平台完成交易项目,
        # “贵人服务”帮办代办队伍累计…提供帮办服务); not a bare 窗口, nor a phrase opening with a
        # verb or a preposition (办理中心交办事项, 通过一体化平台办理)
        # overlapped: 网办 must not hide the 办件 of 浙江政务服务网办件
        verbs = list(self._verb.finditer(text, a, end, overlapped=True))
        verb = verbs[0] if verbs else None
        # a subject ended by 共/累计… before the counting verb or 为…提供 (全省“高效办成一件事”重点事项共办件,
        # 新区累计办理数据中心项目审批手续)
        for m in self._subject_end.finditer(text, a, end):
            subject = text[a:m.start()]
            # a subject opening with a verb only before 为…提供 (帮办岗累计为群众提供…)
            if subject.strip() and not subject.startswith(self.vocab.preposition) and (
                    not self._verb.match(subject) or _FOR_PROVIDE.match("".join(text[m.end():end].split()))):
                return "".join(subject.split()), m.start()
            break
        m = self._scope_head.match(text, a, verbs[-1].start() if verbs else end)
        short = self._verb_scope_head.match(text, a, end)
        if m and short and short.end() < m.end():
            m = short
        head_end = a
        # a phrase opening with a verb is a subject only before 为…提供 (帮办代办专区为重大项目提供…)
        if (m and m.group() not in self.vocab.scope_head
                and (not self._verb.match(m.group()) or _FOR_PROVIDE.match("".join(text[m.end():end].split())))
                and not m.group().startswith(self.vocab.preposition)):
            head_end = m.end()
            # the quote closing a quoted head (中心“企业服务专区”受理…)
            if text.startswith("”", head_end) and m.group().count("“") > m.group().count("”"):
                head_end += 1
        org_end = self.orgs.get(a, a)
        if _AT in text[org_end:head_end]:
            head_end = org_end  # a body before the place it acts at (某局会同…在便民服务中心设置…)
        scope_end = max(head_end, org_end)
        quoted = self._quoted_scope.match(text, a, end)
        # “苏周到”APP新增…, “鄂汇办”新增…; not a label standing alone before its number (其中“跨省通办”事项 52件)
        if quoted and text[quoted.end():end].strip():
            scope_end = max(scope_end, quoted.end())
        if a < scope_end < end:
            return "".join(text[a:scope_end].split()), scope_end
        # a division or zone right before the counting verb (昆山市受理…, 工业园区共受理…), or a
        # category before a predicate verb (货物类完成…, 政府采购项目完成交易…)
        if verb is not None:
            division = self.locs.get(a)
            if division is None or division > verb.start():
                subject = [self._division]
                if text.startswith(self.vocab.predicate, verb.start()):
                    subject.append(self._category)
                    if _FRAMING.search(text, self._sentence.after_last(a), a):
                        subject.append(_FRAMED_SUBJECT)
                m = None
                for pattern in subject:
                    m = pattern.fullmatch(text, a, verb.start())
                    if m is None:
                        for word in (*self.vocab.connective, _NEW):
                            if text.startswith(word, verb.start() - len(word)):
                                m = pattern.fullmatch(text, a, verb.start() - len(word))
                                break
                    if m is not None:
                        break
                division = m.end() if m else None
            if division is not None and a < division < end and (
                    division == verb.start() or text[division:verb.start()] in (*self._connectives, _NEW)):
                return "".join(text[a:division].split()), division
        for word in self.vocab.scope_word:
            if text.startswith(word, a) and a + len(word) < end:
                # with quoted platforms right before the counting verb (全区“一网通办”办件量,
                # 全市“跨省通办”“区内通办”办件; not the items of 全区“秒批”事项办件量)
                quoted = _QUOTED_NAMES.match(text, a + len(word), end)
                if quoted and self._verb.match(text, quoted.end()):
                    return "".join(text[a:quoted.end()].split()), quoted.end()
                return word, a + len(word)
        return None, a

    def _respective(self, i: int, words: str) -> tuple[list[str], str] | None:
        """The subjects and metric words of ``A、B和C分别办理… n1、n2、n3`` when quantity ``i`` opens its
        figures: one subject a figure, joined as the figures are."""
        m = _RESPECTIVELY.fullmatch(words)
        if m is None:
            return None
        quantities, text = self.quantities, self.text
        n = 1
        while (i + n < len(quantities)
               and text[quantities[i + n - 1].end:quantities[i + n].start].strip() in _JOINERS):
            n += 1
        subjects = m["subjects"].split("、")
        if len(subjects) + 1 == n:  # A、B和C
            last = regex.split("和|及|与", subjects.pop(), maxsplit=1)
            subjects += last
        return (subjects, m["metric"]) if len(subjects) == n else None

    def _opening_subject(self, a: int, b: int) -> str | None:
        """The subject opening the first clause of the segment from ``a`` when a later clause before
        ``b`` has none (全区新增…，…，本周办理集成服务事项 4 128件; 湘西州在…设立…，…累计服务群众…):
        a scope word, a place or a body."""
        text = self.text
        a = _ITEM_MARKER.match(text, a, b).end()
        time_end = self._time_ends.get(a)
        if time_end is not None:
            a = time_end + (1 if text[time_end:time_end + 1] in "，," else 0)
        clause_end = self._hard.next(a, len(text))
        if clause_end >= b:
            return None
        for word in self.vocab.scope_word:
            if text.startswith(word, a):
                return word
        end = self.locs.get(a, self.orgs.get(a))
        if end is None or end >= clause_end or text.startswith(_JOINERS, end):
            return None  # not the first of several subjects (区政务服务大厅和各街道便民服务中心…)
        return "".join(text[a:end].split())

    def _provides(self, words: str) -> bool:
        """Whether a clause's words are ``为…提供`` a service (累计为企业提供增值服务): serving counts."""
        for word in ("", *self.vocab.connective):
            if words.startswith(word) and _FOR_PROVIDE.match(words[len(word):]):
                return True
        return False

    def _own_time(self, pos: int, words: str) -> bool:
        """Whether a ``累计`` figure has a dated span of its own leading a clause of its sentence
        (第二季度，四地累计跨市办件…; 今年以来，…，累计办理…): a running total for that span (a news
        item's day is no span; 自9月1日试运行以来 is)."""
        if not any(w in words for w in self.vocab.cumulative):
            return False
        if self._since(pos) is not None:
            return True
        sentence = self._sentence.after_last(pos)
        # in a news item the report's own period (本周累计应答咨询…) is the item's tally, not a span of its own
        own_period = self._news_item(pos) and self.meta_period
        return any(sentence <= a < pos and t.grain != "vague" and t.start_date and t.end_date
                   and t.start_date < t.end_date and self._clause_start(a)
                   and not (own_period and Period(t.start_date, t.end_date) == own_period)
                   for a, _, t in self.times)

    def _news_item(self, pos: int) -> bool:
        """Whether ``pos`` is in a paragraph led by a day (``6.11月10日，某局试运行…，本周累计应答咨询…``)
        or a numbered one led by the report's own period (``4.本月，某中心开展…活动，…累计办理…``): its
        figures are the news item's details."""
        para = self._paragraph.after_last(pos)
        a = _ITEM_MARKER.match(self.text, para, pos).end()
        numbered = a > para and self.meta_period is not None
        return any(s == a and ((t.grain == "day" and t.start_date == t.end_date)
                               or (numbered and Period(t.start_date, t.end_date) == self.meta_period))
                   for s, _, t in self.times)

    @staticmethod
    def _after(positions: Sequence[int], a: int, b: int) -> bool:
        """Whether a sorted list of positions has one in ``[a, b)``."""
        i = bisect_right(positions, b - 1)
        return bool(i) and positions[i - 1] >= a

    def _refused(self, q: QuantityMatch, words: str, metric: str, counting: bool) -> bool:
        """Whether the figure is no volume for a period whatever its passage: an average (日均访问量),
        a level reached (扩展至 184项), a change (较上周增加), a gain (挽回经济损失, 收到锦旗), an extent
        (涵盖…等 11个), a figure as of a date (截至目前…, 已上线…), or a running total of what was set
        up rather than handled (累计推出…重点事项 46个) or counted only by its 量 (累计归集量达…)."""
        vocab = self.vocab
        cumulative = any(w in words for w in vocab.cumulative)
        return (any(w in metric for w in vocab.average) or words.endswith(vocab.level)
                or metric.startswith(vocab.change) or self._change_end.search(metric) is not None
                or any(w in metric for w in (*vocab.gain, *vocab.extent))
                or self._stock_now.search(metric) is not None
                or self._after(self._as_of, self._sentence.after_last(q.start), q.start)
                or (cumulative and metric.endswith("量") and self._verb.search(metric) is None)
                or (not counting and cumulative
                    and (any(w in metric for w in vocab.stock_verb) or self._running_lead(q.start) is None)))

    def annotate(self) -> list[_Stat | None]:
        """A statistic (or ``None``) for each quantity, in order."""
        text = self.text
        out: list[_Stat | None] = []
        scope: str | None = None
        segment = -1
        prev: _Standing | None = None  # the figure before, joined by 、 or closing the clause before
        volume: _Standing | None = None  # the last volume figure closing a clause, for a 其中 breakdown
        respective: list[str] = []  # the subjects left of A、B、C分别…, for the figures joined after the first
        shared = ""  # their metric words
        for i, q in enumerate(self.quantities):
            stat, standing = None, None
            after = q.end
            ends_clause = after >= len(text) or text[after] in _CLAUSE_END or text.startswith(_JOINERS, after)
            hard = self._hard.after_last(q.start)
            joined = prev is not None and prev.end >= hard
            left, soft = hard, False
            if joined:
                for joiner in _JOINERS:
                    if text.startswith(joiner, prev.end):
                        left, soft = prev.end + len(joiner), True
                        break
            # an item marker, a leading time word and fillers are not metric
            if left == self._paragraph.after_last(left + 1):
                left = _ITEM_MARKER.match(text, left, q.start).end()
            time_end = self._time_ends.get(left)
            if time_end is not None and time_end <= q.start:
                left = time_end + (1 if text[time_end:time_end + 1] in "，," else 0)
            # 其中 leading the clause, or as a clause of its own before it (其中，工程建设项目 58宗)
            breakdown = text.startswith(_BREAKDOWN, left) or (
                hard > 0 and text[hard - 1] in "，,"
                and text[self._hard.after_last(hard - 1):hard - 1] == _BREAKDOWN)
            for word in self.vocab.filler:
                if text.startswith(word, left):
                    left += len(word)
            # a figure shares the standing of the one it is joined to (平均减少材料 62%、减少跑动 2.3次),
            # of the statistic closing the clause before it in its sentence (…施工许可证 9件，涉及总投资
            # 26.4亿元), or, after 其中, of the figure it breaks down
            source = prev if soft else None
            if (not soft and prev is not None and prev.stat and prev.end + 1 == hard
                    and self._sentence.after_last(q.start) <= prev.end):
                source = prev
            paragraph = self._paragraph.after_last(q.start)
            if breakdown and not soft and volume is not None and volume.paragraph == paragraph:
                source = volume
            passage = self._passage(q.start, q.end) if ends_clause else None
            if ends_clause:
                words = "".join(text[left:q.start].split())
                seg = self._segment.after_last(q.start)
                if seg != segment:
                    segment, scope = seg, None
                clause_words = words
                listed = self._respective(i, words)
                if soft and respective:  # the next subject of A、B、C分别办理… n1、n2、n3
                    own, words = respective.pop(0), shared
                elif listed is not None:
                    (own, *respective), words = listed
                    shared = words
                else:
                    own, rest = self._scope(left, q.start)
                    respective = []
                    if own is not None:
                        words = "".join(text[rest:q.start].split())
                    elif scope is None:
                        scope = self._opening_subject(seg, left)
                if own is not None:
                    scope = own
                metric = self._metric(words)
                counting = (bool(self._verb.search(metric)) or metric.endswith("量")
                            or metric.startswith(self.vocab.opening_verb) or self._provides(words))
                refused = (self._refused(q, words, metric, counting)
                           or (not counting and source is not None and source.refused))
                counted = counting or (source is not None and source.stat)
                if passage is None and counting and self._own_time(q.start, clause_words):
                    passage = "own", hard
                if passage is not None:
                    kind, lead = passage
                    # a volume-reporting section and a time-led sentence in a sub-section count every
                    # figure; elsewhere a figure needs a counting verb or a statistic it continues,
                    # and a lead sentence or a running period a chain of figures from its time
                    counted = counted or kind in ("section", "area")
                    if kind in ("lead", "running") and not self._chained(lead, hard):
                        counted = counting and self._own_time(q.start, clause_words)
                    if metric and counted and not refused and q.kind not in _NOT_VOLUME_KINDS:
                        stat = _Stat(metric, scope, self._period(q.start))
                        self._stat_ends.add(q.end)
                standing = _Standing(q.end, stat is not None, refused, paragraph)
                if q.kind not in _NOT_VOLUME_KINDS:
                    volume = standing
            out.append(stat)
            prev = standing or _Standing(q.end, False, False, paragraph)
        return out


def _is_running(t: TimeExpr, last: date | None) -> bool:
    """A running period: from 1 January over more than a month, ending by ``last`` (今年以来, 1—10月)."""
    a, b = t.start_date, t.end_date
    return (t.grain != "vague" and a is not None and b is not None and (a.month, a.day) == (1, 1)
            and (b - a).days >= _RUNNING_MIN_DAYS and last is not None and b <= last)


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
