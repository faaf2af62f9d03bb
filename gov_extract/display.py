"""HTML rendering of a bulletin for notebooks and reports (after spaCy's displacy).

:func:`render` returns the raw bulletin text, line breaks kept, with every
entity, time, quantity and event trigger highlighted by label (a tooltip gives
the normalised values), a colour legend, the bulletin's meta and the event
table beneath. Nested and overlapping mentions become nested marks; a mark
that crosses the end of an enclosing one is closed there and continued after
it, so the HTML is always well formed. Everything from the text is escaped.

>>> from gov_extract.structure import read
>>> "gx-doc" in render(read("2025年12月12日"))
True
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .model import Document
from .tables import ARG_SEPARATOR, as_record, squeeze

__all__ = ["COLORS", "render"]

#: Background colour of each label (``EVENT`` marks an event trigger).
COLORS: Mapping[str, str] = MappingProxyType({
    "ORG": "#7aecec",
    "PERSON": "#aa9cfc",
    "LOC": "#ff9561",
    "POLICY": "#bfeeb7",
    "INITIATIVE": "#feca74",
    "TIME": "#bfe1d9",
    "QUANTITY": "#e4e7d2",
    "EVENT": "#ffb3c7",
})
_FALLBACK_COLOR = "#dddddd"

_STYLE = """<style>
.gx-doc{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
 line-height:1.9;max-width:1100px}
.gx-doc table{border-collapse:collapse;margin:.4em 0;font-size:90%;line-height:1.4}
.gx-doc th,.gx-doc td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
.gx-text{white-space:pre-wrap;border:1px solid #ddd;padding:.6em;margin:.4em 0}
.gx-doc mark{padding:.05em .15em;border-radius:.3em;color:inherit}
.gx-doc mark mark{padding:0 .1em;border:1px solid rgba(0,0,0,.35)}
.gx-doc mark.gx-EVENT{border-bottom:2px solid #c0392b}
.gx-lab{font-size:60%;font-weight:bold;vertical-align:super;margin-left:.2em;opacity:.7}
.gx-legend span{display:inline-block;padding:0 .5em;margin:0 .3em .2em 0;border-radius:.3em;font-size:85%}
</style>"""


@dataclass(frozen=True, slots=True)
class _Span:
    """A highlighted span: raw offsets, label, tooltip, id; ``rank`` orders equal spans."""

    start: int
    end: int
    label: str
    title: str
    id: str
    rank: int


def _fmt_period(value: Mapping[str, Any] | None) -> str:
    if not value:
        return "—"
    return f"{value.get('start') or '?'} .. {value.get('end') or '?'}"


def _entity_title(e: Mapping[str, Any]) -> str:
    lines = [f"{e['label']} {e['id']}", f"norm: {e.get('norm')}"]
    extras = ("unit", "kind", "title", "org", "doc_type", "alias_of")
    lines += [f"{k}: {e[k]}" for k in extras if e.get(k) is not None]
    return "\n".join(lines)


def _time_title(t: Mapping[str, Any]) -> str:
    approx = ", approx" if t.get("approx") else ""
    dates = f"{t.get('start_date') or '?'} .. {t.get('end_date') or '?'}"
    return f"TIME {t['id']}\n{dates}\ngrain: {t.get('grain')}{approx}"


def _quantity_title(q: Mapping[str, Any]) -> str:
    value = f"{q.get('value')}" + (f"–{q['value_max']}" if q.get("value_max") is not None else "")
    lines = [f"QUANTITY {q['id']}", f"{'≈' if q.get('approx') else ''}{value} {q.get('unit')}"]
    if q.get("metric") is not None:
        lines += [f"metric: {q['metric']}", f"scope: {q.get('scope')}", f"period: {_fmt_period(q.get('period'))}"]
    return "\n".join(lines)


def _spans(record: Mapping[str, Any], names: Mapping[str, str]) -> list[_Span]:
    spans = [_Span(e["start"], e["end"], e["label"], _entity_title(e), e["id"], 0)
             for e in record.get("entities", ())]
    spans += [_Span(t["start"], t["end"], "TIME", _time_title(t), t["id"], 1) for t in record.get("times", ())]
    spans += [_Span(q["start"], q["end"], "QUANTITY", _quantity_title(q), q["id"], 2)
              for q in record.get("quantities", ())]
    for ev in record.get("events", ()):
        trig = ev["trigger"]
        args = "\n".join(f"{a['role']}: {names.get(a['ref'], a['ref'])}" for a in ev.get("args", ()))
        title = f"EVENT {ev['id']} {ev['type']}\ntime: {names.get(ev.get('time') or '', '—')}\n{args}".rstrip()
        spans.append(_Span(trig["start"], trig["end"], "EVENT", title, ev["id"], 3))
    return [s for s in spans if s.end > s.start]


def _open(span: _Span, continued: bool) -> str:
    color = COLORS.get(span.label, _FALLBACK_COLOR)
    cls = f"gx-{span.label}" + (" gx-cont" if continued else "")
    return (f'<mark class="{html.escape(cls)}" data-id="{html.escape(span.id)}" '
            f'style="background:{color}" title="{html.escape(span.title)}">')


def _close(span: _Span) -> str:
    return f'<span class="gx-lab">{html.escape(span.label)}</span></mark>'


def _highlight(raw: str, spans: list[_Span]) -> str:
    """``raw`` escaped, with well-formed nested ``<mark>`` elements for ``spans``."""
    starts: dict[int, list[_Span]] = {}
    for s in sorted(spans, key=lambda s: (s.start, -s.end, s.rank)):
        starts.setdefault(s.start, []).append(s)
    bounds = sorted({0, len(raw), *starts, *(s.end for s in spans)})
    out: list[str] = []
    stack: list[_Span] = []
    for i, pos in enumerate(bounds):
        ending = [k for k, s in enumerate(stack) if s.end <= pos]
        if ending:
            # Close everything above the lowest ending mark; reopen the marks that go on.
            lowest = ending[0]
            reopen = [s for s in stack[lowest:] if s.end > pos]
            for s in reversed(stack[lowest:]):
                out.append(_close(s) if s.end <= pos else "</mark>")
            del stack[lowest:]
            for s in reopen:
                out.append(_open(s, continued=True))
                stack.append(s)
        for s in starts.get(pos, ()):
            out.append(_open(s, continued=False))
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(html.escape(raw[pos:bounds[i + 1]]))
    return "".join(out)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _meta_table(record: Mapping[str, Any]) -> str:
    meta = record.get("meta") or {}
    header = ["id", "title", "kind", "issue", "issue_total", "publisher", "published", "period"]
    values = [str(record.get("id"))]
    values += ["—" if meta.get(k) is None else str(meta[k]) for k in header[1:-1]]
    values.append(_fmt_period(meta.get("period")))
    return _table(header, [values])


def _legend(spans: list[_Span]) -> str:
    counts: dict[str, int] = {}
    for s in spans:
        counts[s.label] = counts.get(s.label, 0) + 1
    order = [*COLORS, *sorted(set(counts) - set(COLORS))]
    items = [
        f'<span style="background:{COLORS.get(label, _FALLBACK_COLOR)}">{html.escape(label)} {counts[label]}</span>'
        for label in order if label in counts
    ]
    return f'<div class="gx-legend">{"".join(items) or "no mentions"}</div>'


def _event_table(record: Mapping[str, Any], names: Mapping[str, str], dates: Mapping[str, str]) -> str:
    events = record.get("events", ())
    if not events:
        return "<p>No events.</p>"
    rows = []
    for ev in events:
        time = ev.get("time")
        when = f"{names[time]} ({dates[time]})" if time in names else "—"
        args = ARG_SEPARATOR.join(f"{a['role']}: {names.get(a['ref'], a['ref'])}" for a in ev.get("args", ()))
        rows.append([ev["id"], ev["type"], when, squeeze(ev["trigger"]["text"]), args, ev.get("summary") or ""])
    return _table(["id", "type", "time", "trigger", "args", "summary"], rows)


def render(doc_or_record: Document | Mapping[str, Any], *, raw: str | None = None, page: bool = False) -> str:
    """HTML of a bulletin: highlighted text, legend, meta and event table.

    Args:
        doc_or_record: a Document, or a record dict (guide format, e.g. a gold file).
        raw: the raw text a record dict annotates (required for a dict).
        page: return a complete HTML page (``<!DOCTYPE html>...``) instead of a fragment.

    Raises:
        TypeError: not a Document or dict, or a dict without ``raw``.
        ValueError: a mention's offsets do not hold in ``raw``.
    """
    record, text = as_record(doc_or_record, raw)
    if text is None:
        raise TypeError("render() of a record dict needs its raw text: render(record, raw=text)")
    names: dict[str, str] = {}
    dates: dict[str, str] = {}
    for layer in ("entities", "times", "quantities"):
        for m in record.get(layer, ()):
            if text[m["start"]:m["end"]] != m["text"]:
                raise ValueError(f"offsets of {m['id']} do not hold: raw[{m['start']}:{m['end']}] != {m['text']!r}")
            names[m["id"]] = squeeze(m["text"])
    for t in record.get("times", ()):
        dates[t["id"]] = f"{t.get('start_date') or '?'} .. {t.get('end_date') or '?'}"
    spans = _spans(record, names)
    title = (record.get("meta") or {}).get("title") or record.get("id") or "bulletin"
    body = (
        f'<div class="gx-doc">{_STYLE}'
        f"<h3>{html.escape(str(title))}</h3>{_meta_table(record)}{_legend(spans)}"
        f'<div class="gx-text">{_highlight(text, spans)}</div>'
        f"<h4>Events</h4>{_event_table(record, names, dates)}</div>"
    )
    if not page:
        return body
    head = f'<meta charset="utf-8"><title>{html.escape(str(title))}</title>'
    return f"<!DOCTYPE html>\n<html lang=\"zh\"><head>{head}</head><body>{body}</body></html>\n"
