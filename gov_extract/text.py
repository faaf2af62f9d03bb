"""Raw bulletin text -> clean view, with a map from every clean offset back to raw.

PDF extraction breaks lines inside words and puts spaces inside numbers
(``省发展和改\\n 革委``, ``5月 1 8日``, ``5.4 万件``) and leaves page furniture
(``—2—``, spaced-out running headers such as ``窗 口 工 作 周 报``). The clean
view joins wrapped lines, drops those spaces and the furniture, keeps one
``\\n`` per paragraph break and maps full-width digits and letters to ASCII.
A line that starts with a space and goes on with a range after a line ending in
a number (``…事项 15`` + break + `` 至 20 个``) is never a new paragraph, nor is a
line going on with digits or a word after a line ending in a bare digit
(``…保持在 9`` + break + ``9.9%以上``, ``…反映的 3 4`` + break + ``条诉求``).
Every clean character comes from exactly one raw character, so a clean span
maps back to a raw span that covers the breaks inside it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

import regex

__all__ = ["CleanText", "clean", "is_han"]

# Page numbers such as "—2—", "- 12 -", "－3－"; spaced running headers such as
# "窗 口 工 作 周 报" (three or more Han characters, each alone between spaces).
_PAGE_NUMBER = regex.compile(r"[—\-–－─]+\s*\d{1,3}\s*[—\-–－─]+")
_SPACED_HEADER = regex.compile(r"\p{Han}(?:[ \t\u3000]+\p{Han}){2,}")
# Line starts that always open a new paragraph: headings, items, distribution lines.
_BLOCK_START = regex.compile(
    r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)"
    r"|(?:报|送|发|抄送|抄报|主送)[：:]|[（(]共印)"
)
_HEADING_START = regex.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_SENTENCE_END = "。！？：；!?;:"
_CLOSERS = "”’」』）)】"
# a masthead date line ends a paragraph: 2025年12月12日, 二〇二五年十二月十二日
_FULL_DATE_END = regex.compile(
    r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d(?:\s*\d)?|[一二三四五六七八九十]{1,2})\s*月"
    r"\s*(?:\d(?:\s*\d)?|[一二三四五六七八九十]{1,3})\s*日$"
)
# Offset map item: 4 bytes a character where C's unsigned int has them (every
# platform CPython supports), half the memory of "q"; no text nears 2**32 characters.
_INDEX_TYPE = "I" if array("I").itemsize >= 4 else "L"
_INVISIBLE = frozenset("\ufeff\u200b")  # BOM / zero-width no-break space and zero-width space
_MONTH_END = regex.compile(r"[0-9０-９]\s*月$")
_DAY_GOES_ON = regex.compile(r"[ \t\u3000]*[0-9０-９]{1,2}\s*[日号]")
_STANDALONE_MAX = 20  # a line this short without sentence punctuation stands alone
_CLAUSE_ENDS_SOON = regex.compile(r"[ \t\u3000]*(?:[^\s，。；、“”）]{0,3}[，。；、”）]|[^\s，。；、“”）]“)")
_TITLE_ENDS = ("情况", "动态", "概况", "进展", "安排")  # the last word of a section title
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"))  # a line with one still open goes on
# A wrapped line inside a range of numbers: the line before ends in a number, this one is
# indented and goes on with the range (``…办事项 15`` + break + `` 至 20 个``).
_NUMBER_END = regex.compile(r"[0-9０-９][%％]?$")
# A line ending in a number goes on with its digits, decimals, percent sign or a measure word (a
# Han character): a short line or a heading ending in a bare number is not whole.
_DIGITS = "0123456789０１２３４５６７８９"
_NUMBER_GOES_ON = regex.compile(r"[ \t\u3000]*(?:[0-9０-９.．%％]|\p{Han})")
_RANGE_GOES_ON = regex.compile(r"[ \t\u3000]+(?:至|到|~|～|－|—{1,2}|–|-)[ \t\u3000]*[0-9０-９]")
# A line opening a sentence with a time and a comma (今年以来，… / 11月 3日，…): after a line without
# punctuation that opens a paragraph, that line is a title of its own (a case study's headline).
_TIME_OPENS = regex.compile(
    r"(?:今年以来|年初以来|本年以来|本周|本月|上周|上月|近日|日前|近期"
    r"|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)[，,]")


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph (including extension A and compatibility)."""
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def _fold(ch: str) -> str:
    """Full-width ASCII digits, letters, ``％`` and ``．`` -> ASCII; all else unchanged."""
    o = ord(ch)
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A or ch in "％．":
        return chr(o - 0xFEE0)
    return ch


def _is_word(ch: str) -> bool:
    return is_han(ch) or ch.isalpha()


@dataclass(frozen=True, slots=True)
class CleanText:
    """The clean view of a raw text and the offset map back to it.

    ``index[i]`` is the raw offset of clean character ``i``. ``furniture`` lists
    the raw spans dropped as page furniture.
    """

    raw: str
    text: str
    index: array = field(repr=False)
    furniture: tuple[tuple[int, int], ...] = ()

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the clean span ``[start, end)`` (``end > start``)."""
        if not 0 <= start < end <= len(self.text):
            raise IndexError(f"clean span [{start}, {end}) is outside the clean text of length {len(self.text)}")
        return self.index[start], self.index[end - 1] + 1

    def clean_offset(self, raw_offset: int) -> int:
        """The first clean offset whose raw offset is at or after ``raw_offset``."""
        return bisect_left(self.index, raw_offset)

    def paragraphs(self) -> list[tuple[int, int]]:
        """Clean ``(start, end)`` of each paragraph (text between ``\\n``)."""
        out, start = [], 0
        text = self.text
        while start <= len(text):
            end = text.find("\n", start)
            if end < 0:
                end = len(text)
            if end > start:
                out.append((start, end))
            start = end + 1
        return out


def _lines(raw: str) -> list[tuple[int, int]]:
    """Raw ``(start, end)`` of each line's content, line terminators excluded."""
    out, pos = [], 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        out.append((pos, pos + len(body)))
        pos += len(line)
    return out


def _is_furniture(line: str) -> bool:
    s = line.strip()
    return bool(s) and (_PAGE_NUMBER.fullmatch(s) is not None or _SPACED_HEADER.fullmatch(s) is not None)


def _ends_paragraph(prev: str, nxt: str, joined: bool = False) -> bool:
    """Whether the line break between two content lines is a paragraph break.

    ``joined``: ``prev`` goes on a paragraph (the break before it was joined), so a short line
    without punctuation is the end of a wrapped sentence, not a title standing alone.
    """
    if _MONTH_END.search(prev) and _DAY_GOES_ON.match(nxt):
        return False  # a date wrapped between its month and day (于 6月 + 30日前)
    tail = prev.rstrip(_CLOSERS) or prev
    if tail[-1] in _SENTENCE_END or _BLOCK_START.match(nxt):
        return True
    if prev[-1] in _DIGITS and _NUMBER_GOES_ON.match(nxt):
        return False  # a number or its unit wrapped to the next line (保持在 9 + 9.9%以上, 反映的 3 4 + 条诉求)
    if prev[-1] in ".．" and prev[-2:-1] in tuple(_DIGITS) and nxt[:1] in tuple(_DIGITS):
        return False  # a decimal point ending the line (占比 17. + 4%)
    squeezed = regex.sub(r"\s+", "", prev)
    if any(squeezed.count(a) > squeezed.count(b) for a, b in _PAIRS):
        return False  # a title or quote still open (（五）做好《…“好差评 + ”管理规定》)
    heading = _HEADING_START.match(squeezed)
    body = squeezed[heading.end():] if heading else squeezed
    # a long numbered item wrapped just before the end of its first clause goes on
    # (（四）会同…推进攀西地 + 区“跨区域通办”…，), a heading is followed by a new sentence
    if heading and len(squeezed) > _STANDALONE_MAX and not body.endswith(_TITLE_ENDS) and _CLAUSE_ENDS_SOON.match(nxt):
        return False
    if not any(c in body for c in "，。；、,;") and (heading or (not joined and (
            len(squeezed) <= _STANDALONE_MAX or _TIME_OPENS.match(nxt)))):
        return True
    # a heading naming a list (（四）热线、企业诉求和“好差评”情况) is whole when short or ending in a title word
    if (heading and not any(c in body for c in "，。；,;")
            and (len(squeezed) <= _STANDALONE_MAX or body.endswith(_TITLE_ENDS))):
        return True
    return _FULL_DATE_END.search(prev) is not None and "，" not in prev


def clean(raw: str) -> CleanText:
    """Build the clean view of ``raw`` (see the module docstring)."""
    chars: list[str] = []
    index = array(_INDEX_TYPE)
    furniture: list[tuple[int, int]] = []
    prev_line: str | None = None
    prev_end = 0
    joined = False  # whether prev_line goes on the paragraph of the line before it
    for start, end in _lines(raw):
        line = raw[start:end]
        if not line.strip():
            continue
        if _is_furniture(line):
            furniture.append((start + len(line) - len(line.lstrip()), start + len(line.rstrip())))
            continue
        lstrip = len(line) - len(line.lstrip())
        body_start, body_end = start + lstrip, start + len(line.rstrip())
        if prev_line is not None:
            inside_number = _NUMBER_END.search(prev_line) is not None and _RANGE_GOES_ON.match(line) is not None
            if not inside_number and _ends_paragraph(prev_line, raw[body_start:body_end], joined):
                chars.append("\n")
                index.append(prev_end)
                joined = False
            else:
                joined = True
                if chars and chars[-1].isascii() and chars[-1].isalpha() and raw[body_start].isascii() and raw[body_start].isalpha():
                    chars.append(" ")
                    index.append(prev_end)
        _append_line(raw, body_start, body_end, chars, index)
        prev_line, prev_end = raw[body_start:body_end], body_end
    return CleanText(raw, "".join(chars), index, tuple(furniture))


def _append_line(raw: str, start: int, end: int, chars: list[str], index: array) -> None:
    """Append one stripped line, dropping spaces except between two word characters."""
    i = start
    while i < end:
        ch = raw[i]
        if ch.isspace():
            j = i
            while j < end and raw[j].isspace():
                j += 1
            before, after = raw[i - 1], raw[j]  # both exist: the line is stripped
            if _is_word(before) and _is_word(after):
                chars.append(" ")
                index.append(i)
            i = j
            continue
        if ch not in _INVISIBLE:
            chars.append(_fold(ch))
            index.append(i)
        i += 1
