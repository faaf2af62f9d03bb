"""Segmentation of the clean view: news items, sentences and clauses.

A bulletin's body is a sequence of news items: numbered items (``（一）``,
``1.``) and unnumbered paragraphs. The item marker is not part of an item's
content. Items split into sentences at ``。！？`` (and at ``；`` where a new time
expression follows: ``…；11月6日，…``); sentences split into clauses at
``，；：``. Nothing splits inside ``“…”``, ``《…》`` or brackets. The clean view
has already joined PDF line breaks, so spans are clean offsets (an item marker it
joined onto a heading line, ``区县动态`` + break + ``1.4月21日，…``, still opens an
item; the closing print line, ``XX办公室  二〇二五年九月五日印发``, is no item); every
:class:`Sentence` and :class:`Item` also carries its raw offsets.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass

import regex

from .model import Document
from .text import CleanText

__all__ = ["Sentence", "Item", "heading_title", "protected_spans", "split_sentences", "split_clauses", "sentences",
           "segment"]

# Spans nothing splits inside: quotes, titles and brackets (bounded, one line).
_PROTECTED = regex.compile(
    r"“[^“”\n]{0,200}”|‘[^‘’\n]{0,200}’|《[^《》\n]{0,200}》|「[^「」\n]{0,200}」"
    r"|（[^（）\n]{0,100}）|\([^()\n]{0,100}\)"
)
_SENTENCE_END = regex.compile(r"[。！？!?]+|\n")
_SEMICOLON = regex.compile(r"[；;]")
_CLAUSE_END = regex.compile(r"[，；：,;:]")
_QUOTE_ENDERS = "。！？!?"
_SPACE = regex.compile(r"\s*")
# An item whose whole content is a short heading without punctuation
# (``（一）省本级综窗办件情况``): its following paragraphs are items of their own.
_TITLE_MAX = 30
_TITLE_PUNCT = regex.compile(r"[。！？；，,;!?]")
# An item marker the clean view joined onto a heading line (``（二）县区动态`` + line break +
# ``1.4月21日，…``): a new item when a line break stands before it and a time right after it.
_INNER_MARKER = regex.compile(r"(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}[）)])")
_INNER_LEVELS = {"（": 2, "(": 2}
# A heading's or item's title: its text up to the first punctuation or line break.
_HEADING_TITLE = regex.compile(r"[^。；：，,;:\n]*")
# The print line closing a bulletin (``XX办公室  二〇二五年九月五日印发``, ``2025年9月5日印发``):
# furniture, not a news item.
_DATE_DIGIT = r"[\d〇零○Ｏ一二三四五六七八九十]"
_PRINT_LINE = regex.compile(
    rf"[^，。；：,;:\n]{{0,60}}?{_DATE_DIGIT}{{2,4}}\s*年\s*{_DATE_DIGIT}{{1,3}}\s*月\s*{_DATE_DIGIT}{{1,3}}\s*日"
    r"\s*(?:印发|印制|印)\s*"
)


def heading_title(text: str, start: int) -> tuple[int, int]:
    """Clean ``(start, end)`` of the title of the heading or item starting at ``start`` of the clean
    ``text``: up to its first punctuation or line break (``二、下一步工作安排``)."""
    return _HEADING_TITLE.match(text, start).span()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: raw ``start``/``end``, clean ``clean_start``/``clean_end``, clean ``text``."""

    start: int
    end: int
    clean_start: int
    clean_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Item:
    """A news item: a numbered item or an unnumbered paragraph of the body.

    Offsets cover the content after the marker (raw ``start``/``end``, clean
    ``clean_start``/``clean_end``). ``marker`` is ``（一）``, ``1.`` ... or
    ``None``; ``level`` is 2 for ``（一）``, 3 for ``1.``, 0 when unnumbered.
    ``title`` marks a heading-only item (``（一）省本级综窗办件情况``).
    """

    start: int
    end: int
    clean_start: int
    clean_end: int
    marker: str | None
    level: int
    title: bool
    sentences: tuple[Sentence, ...]


def protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clean ``(start, end)`` of the quotes, titles and brackets in ``text[start:end]``."""
    end = len(text) if end is None else end
    return [m.span() for m in _PROTECTED.finditer(text, start, end)]


def _outside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    i = bisect_left(starts, pos + 1) - 1
    return i < 0 or not spans[i][0] < pos < spans[i][1] - 1


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, semicolon_before: Collection[int] = ()
) -> list[tuple[int, int]]:
    """Clean ``(start, end)`` of the sentences of ``text[start:end]``.

    A sentence ends after ``。！？`` outside quotes, titles and brackets, and
    at every line break (a paragraph); a quotation ending in ``。”`` ends the
    sentence after its quote mark. ``；`` ends a sentence only when the next
    non-space offset is in ``semicolon_before`` (where a time expression
    starts). Leading and trailing spaces are not part of a sentence.
    """
    end = len(text) if end is None else end
    spans = protected_spans(text, start, end)
    starts = [a for a, _ in spans]
    cuts: set[int] = set()
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "\n" or _outside(m.start(), spans, starts):
            cuts.add(m.end())
    for a, b in spans:
        if text[a] == "“" and b - a >= 2 and text[b - 2] in _QUOTE_ENDERS:
            cuts.add(b)
    if semicolon_before:
        for m in _SEMICOLON.finditer(text, start, end):
            nxt = _SPACE.match(text, m.end(), end).end()
            if nxt in semicolon_before and _outside(m.start(), spans, starts):
                cuts.add(m.end())
    out = []
    prev = start
    for cut in sorted(cuts) + [end]:
        a = _SPACE.match(text, prev, cut).end()
        b = cut
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        prev = cut
    return out


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clean ``(start, end)`` of the clauses of ``text[start:end]``, split at ``，；：``.

    Each clause keeps its closing punctuation; nothing splits inside quotes,
    titles or brackets. The clauses tile ``[start, end)``.
    """
    end = len(text) if end is None else end
    spans = protected_spans(text, start, end)
    starts = [a for a, _ in spans]
    out = []
    prev = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if _outside(m.start(), spans, starts):
            out.append((prev, m.end()))
            prev = m.end()
    if prev < end:
        out.append((prev, end))
    return out


def sentences(
    view: CleanText, start: int, end: int, *, semicolon_before: Collection[int] = ()
) -> tuple[Sentence, ...]:
    """The sentences of the clean span ``[start, end)`` with raw offsets (see :func:`split_sentences`)."""
    out = []
    for a, b in split_sentences(view.text, start, end, semicolon_before=semicolon_before):
        rs, re_ = view.raw_span(a, b)
        out.append(Sentence(rs, re_, a, b, view.text[a:b]))
    return tuple(out)


def segment(doc: Document) -> tuple[Item, ...]:
    """The news items of ``doc``'s body, in order.

    Headings (``一、``), distribution lines (``报：``), the print run and the
    header zone before the first heading are not items. A numbered item runs
    on over the unnumbered paragraphs after it unless one of them starts with
    a time expression (a new dated item); an unnumbered paragraph is an item
    of its own. The times layer, when present, also places ``；`` splits.
    """
    view = doc.view
    text = view.text
    by_start = {s.start: s for s in doc.sections}
    headings = [s.start for s in doc.sections if s.kind == "heading"]
    body_start = min(headings) if headings else 0
    time_starts = frozenset(view.clean_offset(t.start) for t in doc.times)

    # one pass over the whole view; items take the sentences inside their content
    cuts = split_sentences(text, semicolon_before=time_starts)
    cut_starts = [a for a, _ in cuts]
    items: list[Item] = []
    spans: list[tuple[int, int]] = []
    head: tuple[str | None, int, bool] | None = None  # marker, level, title of the open item

    def content_sentences(a: int, b: int) -> list[Sentence]:
        out = []
        i = max(bisect_left(cut_starts, a) - 1, 0)
        while i < len(cuts) and cuts[i][0] < b:
            if cuts[i][1] <= a:
                i += 1
                continue
            s, e = max(cuts[i][0], a), min(cuts[i][1], b)
            s = _SPACE.match(text, s, e).end()
            if e > s:
                rs, re_ = view.raw_span(s, e)
                out.append(Sentence(rs, re_, s, e, text[s:e]))
            i += 1
        return out

    def close() -> None:
        nonlocal spans, head
        if head is not None and spans:
            marker, level, title = head
            sents = tuple(s for a, b in spans for s in content_sentences(a, b))
            rs, _ = view.raw_span(spans[0][0], spans[0][1])
            _, re_ = view.raw_span(spans[-1][0], spans[-1][1])
            items.append(Item(rs, re_, spans[0][0], spans[-1][1], marker, level, title, sents))
        spans, head = [], None

    for a, b, inner in _pieces(view, time_starts):
        if inner is not None:  # an item marker joined onto the line before
            close()
            content = _SPACE.match(text, a + len(inner), b).end()
            head = (inner, _INNER_LEVELS.get(inner[0], 3), False)
            spans = [(content, b)]
            continue
        raw_start = view.index[a]
        if raw_start < body_start:
            continue
        if _PRINT_LINE.fullmatch(text, a, b):
            close()
            continue
        section = by_start.get(raw_start)
        if section is not None and section.kind != "item":
            close()
            continue
        if section is not None:
            close()
            content = _SPACE.match(text, min(a + len(section.marker), b), b).end()
            if content >= b:
                continue
            body = text[content:b]
            head = (section.marker, section.level, len(body) <= _TITLE_MAX and not _TITLE_PUNCT.search(body))
            spans = [(content, b)]
            continue
        content = _SPACE.match(text, a, b).end()
        if head is not None and head[0] is not None and not head[2] and content not in time_starts:
            spans.append((content, b))
            continue
        close()
        head = (None, 0, False)
        spans = [(content, b)]
    close()
    return tuple(items)


def _pieces(view: CleanText, time_starts: frozenset[int]) -> list[tuple[int, int, str | None]]:
    """The paragraphs of ``view``, each split before an item marker joined onto its line.

    A piece that starts at such a marker carries the marker; the others ``None``.
    """
    text, index = view.text, view.index
    out: list[tuple[int, int, str | None]] = []
    for a, b in view.paragraphs():
        cut, marker = a, None
        for m in _INNER_MARKER.finditer(text, a + 1, b):
            p = m.start()
            if _SPACE.match(text, m.end(), b).end() not in time_starts:
                continue
            if "\n" not in view.raw[index[p - 1]:index[p]] or text[p - 1] in "，,；;：:、":
                continue
            if cut < p:
                out.append((cut, p, marker))
            cut, marker = p, m.group()
        out.append((cut, b, marker))
    return out
