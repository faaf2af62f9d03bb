"""The bulletin reader: raw text -> Document with clean view, meta and sections.

Meta follows guide section 3. The header zone is every paragraph before the
first ``一、`` heading; fields not printed there stay ``None`` rather than guessed.
"""

from __future__ import annotations

from datetime import date

import regex

from .model import Document, Meta, Period, Section
from .text import CleanText, clean
from .times import find_times, parse_time

__all__ = ["read", "parse_meta", "parse_sections"]

# A printed reporting span, in parentheses: (5月4日—5月12日).
_PARENTHESISED = regex.compile(r"^[（(](?P<inner>[^（）()]{3,40})[）)]$")
# A header line may end with the printed reporting span: 某局 二〇二五年九月二十二日（9月15日—9月19日）.
_TRAILING_PARENTHESISED = regex.compile(r"(?<=\S)\s*(?P<span>[（(][^（）()]{3,40}[）)])$")
_TITLE_RE = regex.compile(r"^\p{Han}{2,16}(?:周报|月报|旬报|季报|年报|简报|快报|专报|通报|要情)$")
_ISSUE_RE = regex.compile(r"(?<!总)第(?P<n>0*[1-9][0-9]{0,3})期")  # issue numbers start at 1
_ISSUE_TOTAL_RE = regex.compile(r"总第(?P<n>0*[1-9][0-9]{0,4})期")
_HEADER_MAX_LINES = 10  # paragraphs before the first heading
_HEADER_LINE_MAX = 60  # characters of one header line (publisher and date fit)
# The publisher line: the body, the second name of the same office in brackets
# (某局（某政务服务中心）: one office, two plates), a verb of publishing (编, 编印, 主办) and the date.
_PUBLISHER_RE = regex.compile(
    r"^(?P<name>\p{Han}{2,40}?(?:中心|办公厅|办公室|委员会|人民政府|局|厅|委|办))"
    r"(?:[（(]\p{Han}{2,40}[）)])?(?:编印|主办|编|印)?(?=\s*[0-9〇一二]|$)"
)
# A header line broken inside a bracket: it goes on in the next paragraph.
_OPEN_BRACKET = regex.compile(r"[（(][^）)]*$")
_MARKERS = (
    ("heading", 1, regex.compile(r"^[一二三四五六七八九十]+、")),
    ("item", 2, regex.compile(r"^[（(][一二三四五六七八九十]+[）)]")),
    ("item", 3, regex.compile(r"^\d{1,2}[.．、](?=\D|\d+\s*月)")),
    ("distribution", 0, regex.compile(r"^(?:报|送|发|抄送|抄报|主送)[：:]")),
    ("print_run", 0, regex.compile(r"^[（(]共印\d+份[）)]")),
)


def read(text: str, *, doc_id: str | None = None, reference_date: date | None = None) -> Document:
    """Build a Document (clean view, meta, sections) from raw bulletin text.

    Raises ``TypeError`` when ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"bulletin text must be str, not {type(text).__name__}; "
            "decode bytes first or use gov_extract.files.read_text(path)"
        )
    view = clean(text)
    return Document(
        id=doc_id, raw=text, view=view, meta=parse_meta(view),
        sections=parse_sections(view), reference_date=reference_date,
    )


def parse_meta(view: CleanText) -> Meta:
    """Meta of a bulletin from its clean view (guide section 3)."""
    paragraphs = [view.text[a:b] for a, b in view.paragraphs()]
    header: list[str] = []
    headings: list[str] = []
    in_header = True
    for p in paragraphs:
        if _MARKERS[0][2].match(p):
            headings.append(p)
            in_header = False
        elif in_header and len(p) <= _HEADER_LINE_MAX and len(header) < _HEADER_MAX_LINES:
            if header and _OPEN_BRACKET.search(header[-1]):  # 某局（某中心 + 编 2025年…: one line, broken
                p = header.pop() + p
            m = _TRAILING_PARENTHESISED.search(p)
            header.extend((p[:m.start()], m["span"]) if m else (p,))
        else:
            in_header = False  # a bulletin's header is its leading short lines
    furniture = ["".join(view.raw[a:b].split()) for a, b in view.furniture]

    title = next((p for p in header + furniture if _TITLE_RE.match(p)), None)
    issue = issue_total = None
    publisher = published = None
    for p in header:
        if issue is None and (m := _ISSUE_RE.search(p)):
            issue = int(m["n"])
        if issue_total is None and (m := _ISSUE_TOTAL_RE.search(p)):
            issue_total = int(m["n"])
        if publisher is None and (m := _PUBLISHER_RE.match(p)):
            publisher = m["name"]
        if published is None:  # the date that ends a header line
            published = next(
                (t.start_date for t in find_times(p)
                 if t.explicit_year and t.grain == "day" and not t.span and t.end == len(p)), None
            )

    if published is None:  # no masthead date: a news article or speech, not a bulletin header
        publisher = None
    period = _weekly_period(header, published) or _heading_period(headings[:2])
    kind = None
    if title and title.endswith("周报"):
        kind = "weekly"
    elif title and title.endswith("月报"):
        kind = "monthly"
    elif period and period.start and period.end:
        days = (period.end - period.start).days + 1
        kind = "weekly" if days <= 10 else "monthly" if period.start.day == 1 and 28 <= days <= 31 else None
    return Meta(title, kind, issue, issue_total, publisher, published, period)


def _weekly_period(header: list[str], published: date | None) -> Period | None:
    for p in header:
        m = _PARENTHESISED.match(p)
        t = parse_time(m["inner"], anchor=published) if m else None
        if t is not None and t.span and t.grain == "day" and t.start_date and t.end_date:
            return Period(t.start_date, t.end_date)
    return None


def _heading_period(headings: list[str]) -> Period | None:
    """The month or quarter a ``一、2025年10月总体运行情况`` heading reports on."""
    for h in headings:
        if "情况" not in h:
            continue
        for t in find_times(h):
            if t.explicit_year and t.grain in ("month", "quarter") and not t.span:
                return Period(t.start_date, t.end_date)
    return None


def parse_sections(view: CleanText) -> tuple[Section, ...]:
    """Headings, numbered items and distribution lines, with raw offsets.

    A heading or item block ends where the next marker of the same or a higher
    level, or a distribution line, begins.
    """
    paras = view.paragraphs()
    blocks: list[list] = []  # [kind, level, marker, first paragraph, last paragraph]
    open_blocks: list[list] = []
    for i, (a, b) in enumerate(paras):
        para = view.text[a:b]
        for kind, level, pattern in _MARKERS:
            if m := pattern.match(para):
                nested = kind in ("heading", "item")
                while open_blocks and (not nested or open_blocks[-1][1] >= level):
                    open_blocks.pop()[4] = i - 1
                block = [kind, level, m.group(), i, i]
                blocks.append(block)
                if nested:
                    open_blocks.append(block)
                break
    for block in open_blocks:
        block[4] = len(paras) - 1
    out = []
    for kind, level, marker, first, last in blocks:
        rs, re_ = view.raw_span(paras[first][0], paras[last][1])
        out.append(Section(kind, level, marker, rs, re_, view.raw[rs:re_]))
    return tuple(out)
