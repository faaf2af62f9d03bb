"""Exchange annotations with annotation tools: Label Studio, doccano, BRAT (and CSV out).

Every exporter takes a Document, or a record dict (the guide's format, e.g. a
gold file) with its raw text; every importer returns a record dict that
``Document.from_dict(record, raw)`` reads. A round trip reproduces the record
exactly: what a tool cannot hold (``norm``, resolved dates, ``value``/``unit``,
``metric``, the bulletin's meta, ...) travels as a JSON payload in the tool's
own metadata slot, and what the annotator can edit in the tool (spans,
labels, event arguments, links) is read back from the tool's annotations.

How each tool holds the layers:

==============  ==========================  ============================  ============================
layer           Label Studio                doccano (relation JSONL)      BRAT standoff
==============  ==========================  ============================  ============================
mentions        ``labels`` regions          ``entities``                  ``T`` lines (+ ``A``, ``N``)
event trigger   ``labels`` region, label    entity, label = event type    ``T`` line + ``E`` line
                = event type
event args      relations (label = role;    relations (type = role;       ``E`` roles ``agent:T2``;
                ``time`` for the time)      ``time`` for the time)        ``time:T4``
PERSON.org,     relations ``org``,          relations ``org``,            ``R`` lines ``org``,
alias_of        ``alias_of``                ``alias_of``                  ``alias_of``
values          per-region ``textarea``     top-level ``metadata``        ``#`` AnnotatorNotes
                (JSON)                      (JSON, keyed by span)         (JSON)
bulletin meta   ``data.doc_meta``           ``metadata.meta``             note of the first ``T``
==============  ==========================  ============================  ============================

Offsets: gov_extract and BRAT count code points. doccano stores code points.
Label Studio's editor stored UTF-16 code units (JavaScript string indices)
before its fix for astral characters (label-studio-frontend PR 308, 2022);
current versions store code points. Export writes code points unless
``offsets="utf16"``; import checks each region's ``text`` and accepts either.
"""

from __future__ import annotations

import csv
import json
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .corpus import ARG_ROLES, ENTITY_FIELDS, EVENT_TYPES, GRAINS, LABELS, ORG_KINDS, check_record
from .errors import CorpusError
from .files import write_text_atomic
from .model import Document
from .tables import (
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    QUANTITY_COLUMNS,
    TIME_COLUMNS,
    as_record,
    entity_rows,
    event_rows,
    quantity_rows,
    squeeze,
    time_rows,
)

__all__ = [
    "FORMATS",
    "to_label_studio",
    "from_label_studio",
    "label_studio_config",
    "to_doccano",
    "from_doccano",
    "to_brat",
    "from_brat",
    "brat_config",
    "write",
    "load",
]

#: The formats :func:`write` produces (the CLI's ``--format`` values beyond json/jsonl).
FORMATS = ("csv", "brat", "label-studio", "doccano")
TIME_LABEL = "TIME"
QUANTITY_LABEL = "QUANTITY"
#: Link names besides the event roles: an event's time, a PERSON's ORG, a POLICY's full title.
TIME_LINK, ORG_LINK, ALIAS_LINK = "time", "org", "alias_of"
_ENTITY_LINKS = {"PERSON": ("org", ORG_LINK), "POLICY": ("alias_of", ALIAS_LINK)}
_PREFIX = {"entities": "e", "times": "t", "quantities": "q", "events": "v"}
_SPAN_KEYS = ("id", "label", "start", "end", "text")
_TIME_KEYS = ("start_date", "end_date", "grain", "approx")
_QUANTITY_KEYS = ("value", "unit", "approx", "metric", "scope", "period")
_ALL_ENTITY_EXTRAS = {f for fields in ENTITY_FIELDS.values() for f in fields} - set(_SPAN_KEYS)
# Characters str.splitlines() breaks on: they may not appear raw in a BRAT line.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_PIECE = regex.compile(f"[^{_LINE_BREAKS}]+")
_ROLE_NUMBER = regex.compile(r"^(.*?)(\d*)$")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")


# --- the tool-neutral form: regions, links, payloads -----------------------


@dataclass(frozen=True, slots=True)
class _Region:
    """A span a tool shows: a mention or an event trigger, with the payload of its values."""

    key: str
    label: str
    start: int
    end: int
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Link:
    """A directed link between regions: an event role, ``time``, ``org`` or ``alias_of``."""

    source: str
    target: str
    type: str


def _regions(record: Mapping[str, Any]) -> tuple[list[_Region], list[_Link]]:
    """The regions and links of a record, in record order (events after mentions)."""
    regions: list[_Region] = []
    links: list[_Link] = []
    for e in record.get("entities", ()):
        regions.append(_Region(e["id"], e["label"], e["start"], e["end"],
                               {k: v for k, v in e.items() if k not in _SPAN_KEYS[1:]}))
        link = _ENTITY_LINKS.get(e["label"])
        if link and e.get(link[0]) is not None:
            links.append(_Link(e["id"], e[link[0]], link[1]))
    for layer, label in (("times", TIME_LABEL), ("quantities", QUANTITY_LABEL)):
        for m in record.get(layer, ()):
            regions.append(_Region(m["id"], label, m["start"], m["end"],
                                   {k: v for k, v in m.items() if k not in _SPAN_KEYS[1:]}))
    for ev in record.get("events", ()):
        trig = ev["trigger"]
        payload = {k: v for k, v in ev.items() if k not in ("type", "trigger", "time", "args")}
        regions.append(_Region(ev["id"], ev["type"], trig["start"], trig["end"], payload))
        if ev.get("time") is not None:
            links.append(_Link(ev["id"], ev["time"], TIME_LINK))
        links += [_Link(ev["id"], a["ref"], a["role"]) for a in ev.get("args", ())]
    return regions, links


def _layer(label: str) -> str:
    if label in LABELS:
        return "entities"
    if label == TIME_LABEL:
        return "times"
    if label == QUANTITY_LABEL:
        return "quantities"
    if label in EVENT_TYPES:
        return "events"
    known = ", ".join((*LABELS, TIME_LABEL, QUANTITY_LABEL, *EVENT_TYPES))
    raise CorpusError(f"unknown label {label!r}: expected one of {known}")


def _number(mention_id: Any, prefix: str) -> int:
    if isinstance(mention_id, str) and mention_id.startswith(prefix) and mention_id[len(prefix):].isdigit():
        return int(mention_id[len(prefix):])
    return 0


def _build_record(
    raw: str,
    doc_id: str | None,
    meta: Mapping[str, Any] | None,
    regions: Sequence[_Region],
    links: Sequence[_Link],
) -> dict[str, Any]:
    """A record from the regions and links a tool holds (payloads give the values)."""
    layers = {r.key: _layer(r.label) for r in regions}
    # Ids: the payload's, else the next free number of the layer's prefix.
    ids: dict[str, str] = {}
    used: set[str] = set()
    for r in regions:
        wanted = r.payload.get("id")
        if isinstance(wanted, str) and wanted and wanted not in used:
            ids[r.key] = wanted
            used.add(wanted)
    counters = {layer: max((_number(i, p) for i in used), default=0) for layer, p in _PREFIX.items()}
    for r in regions:
        if r.key not in ids:
            layer = layers[r.key]
            counters[layer] += 1
            while f"{_PREFIX[layer]}{counters[layer]}" in used:
                counters[layer] += 1
            ids[r.key] = f"{_PREFIX[layer]}{counters[layer]}"
            used.add(ids[r.key])
    outgoing: dict[str, list[_Link]] = {}
    for link in links:
        if link.source not in ids:
            raise CorpusError(f"link {link.type!r} from {link.source!r}: no such region")
        if link.target not in ids:
            raise CorpusError(f"link {link.type!r} to {link.target!r}: no such region")
        outgoing.setdefault(link.source, []).append(link)

    out: dict[str, list[dict[str, Any]]] = {"entities": [], "times": [], "quantities": [], "events": []}
    for r in regions:
        layer, text = layers[r.key], raw[r.start:r.end]
        extra = {k: v for k, v in r.payload.items() if k != "id"}
        mine = outgoing.get(r.key, [])
        item: dict[str, Any]
        if layer == "events":
            time = next((ids[x.target] for x in mine if x.type == TIME_LINK), None)
            args = [{"role": x.type, "ref": ids[x.target]} for x in mine if x.type != TIME_LINK]
            item = {"id": ids[r.key], "type": r.label, "trigger": {"start": r.start, "end": r.end, "text": text},
                    "time": time, "args": args}
        elif layer == "entities":
            fields = ENTITY_FIELDS[r.label]
            item = {"id": ids[r.key], "label": r.label, "start": r.start, "end": r.end, "text": text,
                    "norm": extra.get("norm") or squeeze(text)}
            item.update({f: extra.get(f) for f in fields[len(item):]})
            entity_link = _ENTITY_LINKS.get(r.label)
            if entity_link:
                item[entity_link[0]] = next((ids[x.target] for x in mine if x.type == entity_link[1]), None)
            extra = {k: v for k, v in extra.items() if k not in _ALL_ENTITY_EXTRAS}
        else:
            keys = _TIME_KEYS if layer == "times" else _QUANTITY_KEYS
            item = {"id": ids[r.key], "start": r.start, "end": r.end, "text": text}
            item.update({k: extra.get(k, False if k == "approx" else None) for k in keys})
            if "value_max" in extra:  # a range: the upper bound follows the value (model order)
                item = {**{k: item[k] for k in ("id", "start", "end", "text", "value")},
                        "value_max": extra["value_max"], **item}
        item.update({k: v for k, v in extra.items() if k not in item})
        out[layer].append(item)
    for layer, items in out.items():
        items.sort(key=(lambda m: m["trigger"]["start"]) if layer == "events" else (lambda m: m["start"]))
    if meta is None:
        from .structure import read  # no meta in the file: read it from the text

        meta = read(raw).meta.to_dict()
    return {"id": doc_id, "meta": dict(meta), **out}


def _finish(record: dict[str, Any], raw: str, validate: bool, source: str) -> dict[str, Any]:
    if validate:
        check_record(record, raw, source=source)
    return record


def _dumps(payload: Any) -> str:
    """Compact one-line JSON; line separators escaped so that no line reader splits it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    for ch in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _loads(text: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{where}: payload is not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(value, dict):
        raise CorpusError(f"{where}: payload is {type(value).__name__}, expected a JSON object")
    return value


def _record_and_raw(obj: Document | Mapping[str, Any], raw: str | None) -> tuple[dict[str, Any], str]:
    record, text = as_record(obj, raw)
    if text is None:
        raise TypeError("a record dict needs its raw text: pass raw=...")
    return record, text


# --- Label Studio ----------------------------------------------------------


class _Utf16:
    """Code point <-> UTF-16 code unit offsets of one text (astral characters count 2 units)."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 offset at which each astral character starts.
        self.units = [i + k for k, i in enumerate(self.astral)]

    def to_units(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset)

    def to_points(self, units: int) -> int:
        return units - bisect_right(self.units, units - 1)


def label_studio_config() -> str:
    """The Label Studio labeling config (XML) matching :func:`to_label_studio`."""
    from .display import COLORS

    def labels(values: Iterable[str]) -> str:
        return "".join(f'<Label value="{v}" background="{COLORS.get(v, COLORS["EVENT"])}"/>' for v in values)

    relations = "".join(f'<Relation value="{v}"/>' for v in (*ARG_ROLES, TIME_LINK, ORG_LINK, ALIAS_LINK))
    return (
        "<View>\n"
        f'  <Labels name="label" toName="text">{labels((*LABELS, TIME_LABEL, QUANTITY_LABEL))}</Labels>\n'
        f'  <Labels name="event" toName="text">{labels(EVENT_TYPES)}</Labels>\n'
        f"  <Relations>{relations}</Relations>\n"
        '  <Text name="text" value="$text"/>\n'
        '  <TextArea name="payload" toName="text" perRegion="true" editable="true" rows="2"/>\n'
        "</View>\n"
    )


def to_label_studio(
    doc_or_record: Document | Mapping[str, Any],
    raw: str | None = None,
    *,
    offsets: str = "codepoint",
    as_annotations: bool = False,
    model_version: str | None = None,
) -> dict[str, Any]:
    """A Label Studio task (import JSON) holding the record as predictions (or annotations).

    Args:
        doc_or_record: a Document, or a record dict with ``raw``.
        raw: the raw text of a record dict.
        offsets: ``codepoint`` (Label Studio since 2022) or ``utf16`` (older versions).
        as_annotations: put the results under ``annotations`` (e.g. gold) instead of ``predictions``.
        model_version: the predictions' ``model_version`` (default ``gov_extract <version>``).
    """
    record, text = _record_and_raw(doc_or_record, raw)
    if offsets not in ("codepoint", "utf16"):
        raise ValueError(f"offsets={offsets!r}: use 'codepoint' or 'utf16'")
    conv = _Utf16(text) if offsets == "utf16" else None
    regions, links = _regions(record)
    result: list[dict[str, Any]] = []
    for r in regions:
        start, end = (conv.to_units(r.start), conv.to_units(r.end)) if conv else (r.start, r.end)
        span = {"start": start, "end": end}
        control = "event" if r.label in EVENT_TYPES else "label"
        result.append({"id": r.key, "from_name": control, "to_name": "text", "type": "labels",
                       "value": {**span, "text": text[r.start:r.end], "labels": [r.label]}})
        result.append({"id": r.key, "from_name": "payload", "to_name": "text", "type": "textarea",
                       "value": {**span, "text": [_dumps(r.payload)]}})
    for link in links:
        result.append({"from_id": link.source, "to_id": link.target, "type": "relation",
                       "direction": "right", "labels": [link.type]})
    data = {"text": text, "doc_id": record.get("id"), "doc_meta": record.get("meta"), "doc_offsets": offsets}
    if as_annotations:
        return {"data": data, "annotations": [{"result": result}]}
    if model_version is None:
        from . import __version__

        model_version = f"gov_extract {__version__}"
    return {"data": data, "predictions": [{"model_version": model_version, "result": result}]}


def _ls_results(task: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The results to read: the last completed annotation, else the first prediction."""
    annotations = [a for a in task.get("annotations") or () if not a.get("was_cancelled")]
    if annotations:
        return list(annotations[-1].get("result") or ())
    predictions = task.get("predictions") or ()
    return list(predictions[0].get("result") or ()) if predictions else []


def from_label_studio(
    task: Mapping[str, Any],
    *,
    offsets: str = "auto",
    validate: bool = True,
    source: str = "label-studio task",
) -> dict[str, Any]:
    """The record of a Label Studio task (as exported, or as made by :func:`to_label_studio`).

    Args:
        task: one task object (``data``, ``annotations`` and/or ``predictions``).
        offsets: ``auto`` (check each region's text; where both countings read alike,
            the one the task names in ``data.doc_offsets``, as :func:`to_label_studio`
            writes it), ``codepoint`` or ``utf16``.
        validate: check the record with :func:`gov_extract.corpus.check_record`.
        source: how errors name the task.

    Raises:
        CorpusError: offsets that match neither counting, an unknown label, a
            payload that is not JSON, a relation to a missing region, or (with
            ``validate``) an invalid record.
    """
    data = task.get("data") or {}
    raw = data.get("text")
    if not isinstance(raw, str):
        raise CorpusError(f"{source}: data.text is missing; expected the bulletin text")
    spans: dict[str, dict[str, Any]] = {}
    payloads: dict[str, dict[str, Any]] = {}
    links: list[_Link] = []
    for res in _ls_results(task):
        kind, value = res.get("type"), res.get("value") or {}
        if kind == "relation":
            source_id, target_id = res["from_id"], res["to_id"]
            if res.get("direction") == "left":
                source_id, target_id = target_id, source_id
            links += [_Link(source_id, target_id, label) for label in res.get("labels") or ()]
        elif kind == "labels":
            spans[res["id"]] = value
        elif kind == "textarea" and value.get("text"):
            payloads[res["id"]] = _loads(value["text"][0], f"{source}: region {res['id']}")
    convert = _ls_offsets(raw, spans, offsets, source, prefer=data.get("doc_offsets"))
    regions = []
    for key, value in spans.items():
        labels = value.get("labels") or ()
        if not labels:
            raise CorpusError(f"{source}: region {key} has no label")
        start, end = convert(value["start"]), convert(value["end"])
        regions.append(_Region(key, labels[0], start, end, payloads.get(key, {})))
    try:
        record = _build_record(raw, data.get("doc_id"), data.get("doc_meta"), regions, links)
    except CorpusError as exc:
        raise CorpusError(f"{source}: {exc}") from None
    return _finish(record, raw, validate, source)


def _holds(raw: str, start: Any, end: Any, text: str | None) -> bool:
    """Whether ``[start, end)`` is a span of ``raw`` reading ``text`` (any span when no text is given)."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw)):
        return False
    return text is None or raw[start:end] == text


def _ls_offsets(
    raw: str, spans: Mapping[str, Mapping[str, Any]], offsets: str, source: str, prefer: Any = None
) -> Any:
    """The function mapping the task's offsets to code points (``prefer``: the counting tried first)."""
    conv = _Utf16(raw)

    def identity(i: int) -> int:
        return i

    def fits(f: Any) -> bool:
        return all(_holds(raw, f(v["start"]), f(v["end"]), v.get("text")) for v in spans.values())

    if offsets == "codepoint" or not conv.astral:
        return identity
    if offsets == "utf16":
        return conv.to_points
    if offsets != "auto":
        raise ValueError(f"offsets={offsets!r}: use 'auto', 'codepoint' or 'utf16'")
    for f in ((conv.to_points, identity) if prefer == "utf16" else (identity, conv.to_points)):
        if fits(f):
            return f
    bad = next(k for k, v in spans.items() if not _holds(raw, v["start"], v["end"], v.get("text")))
    raise CorpusError(
        f"{source}: region {bad}: text {spans[bad]['text']!r} matches the bulletin neither at code point "
        "nor at UTF-16 offsets; was the task's text changed?"
    )


# --- doccano ---------------------------------------------------------------


def _span_key(label: str, start: int, end: int) -> str:
    return f"{label} {start} {end}"


def to_doccano(doc_or_record: Document | Mapping[str, Any], raw: str | None = None) -> dict[str, Any]:
    """One doccano JSONL line (relation-extraction project) holding the record.

    Event triggers are entities labelled with the event type; arguments,
    times and links are relations. Values go into ``metadata``: the bulletin
    meta and one payload per span, keyed ``"LABEL start end"`` so that they
    survive doccano renumbering the entities.
    """
    record, text = _record_and_raw(doc_or_record, raw)
    regions, links = _regions(record)
    number = {r.key: n for n, r in enumerate(regions, 1)}
    payloads: dict[str, list[dict[str, Any]]] = {}
    for r in regions:
        payloads.setdefault(_span_key(r.label, r.start, r.end), []).append(r.payload)
    return {
        "text": text,
        "entities": [{"id": number[r.key], "label": r.label, "start_offset": r.start, "end_offset": r.end}
                     for r in regions],
        "relations": [{"id": n, "from_id": number[x.source], "to_id": number[x.target], "type": x.type}
                      for n, x in enumerate(links, 1) if x.source in number and x.target in number],
        "metadata": {"id": record.get("id"), "meta": record.get("meta"), "payloads": payloads},
    }


def from_doccano(
    line: Mapping[str, Any], *, validate: bool = True, source: str = "doccano line"
) -> dict[str, Any]:
    """The record of one doccano JSONL line (as exported, or as made by :func:`to_doccano`).

    Reads ``entities``/``relations`` (relation projects) or ``label``
    ``[[start, end, label], ...]`` (sequence-labelling projects). Raises
    :class:`CorpusError` as :func:`from_label_studio` does.
    """
    raw = line.get("text")
    if not isinstance(raw, str):
        raise CorpusError(f"{source}: 'text' is missing; expected the bulletin text")
    metadata = line.get("metadata")
    if metadata is None and isinstance(line.get("meta"), Mapping):
        metadata = line["meta"].get("metadata")
    metadata = metadata or {}
    pending = {k: list(v) for k, v in (metadata.get("payloads") or {}).items()}
    if "entities" in line:
        spans = [(str(e["id"]), e["label"], e["start_offset"], e["end_offset"]) for e in line["entities"]]
    else:
        spans = [(str(n), lab, s, e) for n, (s, e, lab) in enumerate(line.get("label") or (), 1)]
    regions = []
    for key, label, start, end in spans:
        queue = pending.get(_span_key(label, start, end))
        regions.append(_Region(key, label, start, end, queue.pop(0) if queue else {}))
    links = [_Link(str(x["from_id"]), str(x["to_id"]), x["type"]) for x in line.get("relations") or ()]
    try:
        record = _build_record(raw, metadata.get("id"), metadata.get("meta"), regions, links)
    except CorpusError as exc:
        raise CorpusError(f"{source}: {exc}") from None
    return _finish(record, raw, validate, source)


# --- BRAT standoff ---------------------------------------------------------


def brat_config() -> str:
    """``annotation.conf`` for the files :func:`to_brat` writes."""
    roles = ", ".join(
        f"{role}*:{'|'.join(sorted(kinds))}" for role, kinds in ARG_ROLES.items()
    )
    lines = ["[entities]", *LABELS, TIME_LABEL, QUANTITY_LABEL, "", "[relations]",
             f"{ORG_LINK}\tArg1:PERSON, Arg2:ORG", f"{ALIAS_LINK}\tArg1:POLICY, Arg2:POLICY",
             "<OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>", "", "[events]"]
    lines += [f"{t}\t{roles}, {TIME_LINK}?:{TIME_LABEL}" for t in EVENT_TYPES]
    lines += ["", "[attributes]", f"kind\tArg:ORG, Value:{'|'.join(ORG_KINDS)}",
              f"grain\tArg:{TIME_LABEL}, Value:{'|'.join(GRAINS)}", f"approx\tArg:{TIME_LABEL}|{QUANTITY_LABEL}"]
    return "\n".join(lines) + "\n"


def _fragments(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks (BRAT spans may not cross one); blank inner pieces dropped."""
    pieces = [(m.start(), m.end()) for m in _LINE_PIECE.finditer(raw, start, end)]
    if not pieces:
        raise ValueError(f"span {start}..{end} is only line breaks: BRAT cannot hold it")
    inner = [p for p in pieces[1:-1] if raw[p[0]:p[1]].strip()]
    return [pieces[0], *inner, pieces[-1]] if len(pieces) > 1 else pieces


def to_brat(doc_or_record: Document | Mapping[str, Any], raw: str | None = None) -> tuple[str, str]:
    """``(txt, ann)``: the BRAT text file (the raw text, unchanged) and its standoff annotations.

    Mentions are ``T`` lines (discontinuous ``start end;start end`` where a
    span crosses a line break), events ``E`` lines on their own trigger ``T``,
    PERSON/POLICY links ``R`` lines, ORG kind / time grain / approx ``A``
    lines, entity norms ``N`` lines, and every value as JSON in an
    ``AnnotatorNotes`` (``#``) line; the first mention's note also carries
    the bulletin's id and meta. Raises ``ValueError`` for a span made only of
    line breaks, which BRAT cannot hold.
    """
    record, text = _record_and_raw(doc_or_record, raw)
    regions, links = _regions(record)
    tid: dict[str, str] = {}
    lines: list[str] = []
    notes: list[tuple[str, dict[str, Any]]] = []
    attributes: list[str] = []
    norms: list[str] = []
    events = {ev["id"]: ev for ev in record.get("events", ())}
    event_notes: dict[str, dict[str, Any]] = {}
    for n, r in enumerate(regions, 1):
        tid[r.key] = f"T{n}"
        frags = _fragments(text, r.start, r.end)
        payload = dict(r.payload)
        if frags[0][0] != r.start or frags[-1][1] != r.end:
            payload.update(start=r.start, end=r.end)  # a span that starts or ends on a line break
        spans = ";".join(f"{s} {e}" for s, e in frags)
        lines.append(f"T{n}\t{r.label} {spans}\t{' '.join(text[s:e] for s, e in frags)}")
        if r.key in events:
            event_notes[r.key] = payload
            continue
        if not notes:
            payload["document"] = {"id": record.get("id"), "meta": record.get("meta")}
        notes.append((f"T{n}", payload))
        if payload.get("kind") in ORG_KINDS:
            attributes.append(f"kind T{n} {payload['kind']}")
        if payload.get("grain") in GRAINS:
            attributes.append(f"grain T{n} {payload['grain']}")
        if payload.get("approx") is True:
            attributes.append(f"approx T{n}")
        if r.label in LABELS and payload.get("norm"):
            norm = regex.sub(f"[{_LINE_BREAKS}\t]+", " ", str(payload["norm"]))
            norms.append(f"Reference T{n} gov_extract:{r.key}\t{norm}")
    outgoing: dict[str, list[_Link]] = {}
    for link in links:
        outgoing.setdefault(link.source, []).append(link)
    for n, ev_id in enumerate(events, 1):
        seen: dict[str, int] = {}
        args = []
        for link in outgoing.get(ev_id, ()):
            seen[link.type] = seen.get(link.type, 0) + 1
            suffix = str(seen[link.type]) if seen[link.type] > 1 else ""
            args.append(f"{link.type}{suffix}:{tid[link.target]}")
        lines.append(f"E{n}\t{' '.join([events[ev_id]['type'] + ':' + tid[ev_id], *args])}")
        notes.append((f"E{n}", event_notes[ev_id]))
    relations = [x for x in links if x.type in (ORG_LINK, ALIAS_LINK) and x.source not in events]
    lines += [f"R{n}\t{x.type} Arg1:{tid[x.source]} Arg2:{tid[x.target]}" for n, x in enumerate(relations, 1)]
    lines += [f"A{n}\t{a}" for n, a in enumerate(attributes, 1)]
    lines += [f"N{n}\t{a}" for n, a in enumerate(norms, 1)]
    lines += [f"#{n}\tAnnotatorNotes {target}\t{_dumps(p)}" for n, (target, p) in enumerate(notes, 1)]
    return text, "\n".join(lines) + "\n" if lines else ""


def _brat_error(source: str, number: int, line: str, what: str) -> CorpusError:
    return CorpusError(f"{source}:{number}: {what}: {line[:80]!r}")


def from_brat(
    ann: str,
    txt: str,
    *,
    doc_id: str | None = None,
    validate: bool = True,
    source: str = "brat .ann",
) -> dict[str, Any]:
    """The record of a BRAT ``.ann`` over its ``.txt`` (as made by :func:`to_brat`, or edited in BRAT).

    ``doc_id`` is used when no note carries the bulletin's id. Values the
    notes do not give come from ``A`` (kind, grain, approx) and ``N`` (norm)
    lines. Raises :class:`CorpusError` naming the line of a malformed one.
    """
    tspans: dict[str, tuple[str, int, int]] = {}
    elines: list[tuple[str, str, list[tuple[str, str]]]] = []
    rlines: list[_Link] = []
    notes: dict[str, dict[str, Any]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    norms: dict[str, str] = {}
    for number, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        head, _, rest = line.partition("\t")
        try:
            if head.startswith("T"):
                kind, text = rest.split("\t", 1) if "\t" in rest else (rest, "")
                label, spans = kind.split(" ", 1)
                frags = [tuple(int(x) for x in s.split()) for s in spans.split(";")]
                if any(len(f) != 2 for f in frags):
                    raise ValueError("a fragment is not 'start end'")
                tspans[head] = (label, frags[0][0], frags[-1][1])
            elif head.startswith("E"):
                parts = [p.split(":", 1) for p in rest.split()]
                trigger_type, trigger = parts[0]
                elines.append((head, trigger, [(_ROLE_NUMBER.match(r)[1], t) for r, t in parts[1:]]))
            elif head.startswith("R"):
                rel, a1, a2 = rest.split()
                rlines.append(_Link(a1.split(":", 1)[1], a2.split(":", 1)[1], rel))
            elif head.startswith("A"):
                name, target, *value = rest.split()
                attrs.setdefault(target, {})[name] = value[0] if value else True
            elif head.startswith("N"):
                ref, text = rest.split("\t", 1)
                norms[ref.split()[1]] = text
            elif head.startswith("#"):
                ref, text = rest.split("\t", 1)
                notes[ref.split()[1]] = _loads(text, f"{source}:{number}")
        except (ValueError, TypeError, IndexError) as exc:
            raise _brat_error(source, number, line, f"malformed {head[:1]} line ({exc})") from None
    document: dict[str, Any] = {}
    for payload in notes.values():
        document = payload.pop("document", None) or document
    regions: list[_Region] = []
    triggers = {trigger for _, trigger, _ in elines}
    for key, (label, start, end) in tspans.items():
        if key in triggers:
            continue
        payload = notes.get(key, {})
        if "norm" not in payload and key in norms:
            payload["norm"] = norms[key]
        for name, value in attrs.get(key, {}).items():
            payload.setdefault(name, value)
        start, end = payload.pop("start", start), payload.pop("end", end)
        regions.append(_Region(key, label, start, end, payload))
    links = list(rlines)
    for key, trigger, args in elines:
        if trigger not in tspans:
            raise CorpusError(f"{source}: event {key}: trigger {trigger} is not a T line")
        label, start, end = tspans[trigger]
        payload = notes.get(key, {})
        start, end = payload.pop("start", start), payload.pop("end", end)
        regions.append(_Region(key, label, start, end, payload))
        links += [_Link(key, target, role) for role, target in args]
    order = {key: n for n, key in enumerate([*tspans, *(k for k, _, _ in elines)])}
    regions.sort(key=lambda r: order.get(r.key, 0))
    try:
        record = _build_record(txt, document.get("id", doc_id), document.get("meta"), regions, links)
    except CorpusError as exc:
        raise CorpusError(f"{source}: {exc}") from None
    return _finish(record, txt, validate, source)


# --- files -----------------------------------------------------------------


def _stem(record: Mapping[str, Any]) -> str:
    return regex.sub(r'[\\/:*?"<>|\s]+', "_", str(record.get("id") or "document"))


def _csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns))
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write(
    record: Document | Mapping[str, Any], raw: str | None, fmt: str, out_dir: str | os.PathLike[str]
) -> list[Path]:
    """Write one bulletin's annotations into ``out_dir`` in ``fmt``; returns the paths written.

    ``csv``: ``<id>.entities.csv``, ``.times.csv``, ``.quantities.csv``,
    ``.events.csv`` (UTF-8 with BOM, for spreadsheet programs);
    ``brat``: ``<id>.txt``, ``<id>.ann`` and ``annotation.conf``;
    ``label-studio``: ``<id>.label-studio.json`` (a list of one task);
    ``doccano``: ``<id>.jsonl`` (one line). Files are written atomically.
    """
    rec, text = as_record(record, raw)
    out = Path(out_dir)
    stem = _stem(rec)
    written: list[tuple[Path, str, str]] = []
    if fmt == "csv":
        for name, rows, columns in (
            ("entities", entity_rows(rec), ENTITY_COLUMNS), ("times", time_rows(rec), TIME_COLUMNS),
            ("quantities", quantity_rows(rec), QUANTITY_COLUMNS), ("events", event_rows(rec), EVENT_COLUMNS),
        ):
            written.append((out / f"{stem}.{name}.csv", _csv_text(rows, columns), "utf-8-sig"))
    elif fmt == "brat":
        txt, ann = to_brat(rec, text)
        written += [(out / f"{stem}.txt", txt, "utf-8"), (out / f"{stem}.ann", ann, "utf-8"),
                    (out / "annotation.conf", brat_config(), "utf-8")]
    elif fmt == "label-studio":
        task = to_label_studio(rec, text)
        written.append((out / f"{stem}.label-studio.json",
                        json.dumps([task], ensure_ascii=False, indent=2) + "\n", "utf-8"))
    elif fmt == "doccano":
        written.append((out / f"{stem}.jsonl", json.dumps(to_doccano(rec, text), ensure_ascii=False) + "\n",
                        "utf-8"))
    else:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    for path, content, encoding in written:
        write_text_atomic(path, content, encoding=encoding)
    return [path for path, _, _ in written]


def load(
    path: str | os.PathLike[str], fmt: str | None = None, *, validate: bool = True
) -> list[tuple[dict[str, Any], str]]:
    """``(record, raw)`` pairs from a tool's file: ``.ann`` (BRAT, ``.txt`` beside it),
    ``.jsonl`` (doccano, one bulletin a line) or ``.json`` (Label Studio: a task or a list of tasks).

    ``fmt`` (``brat``, ``doccano``, ``label-studio``) overrides the guess from the suffix.
    """
    p = Path(path)
    fmt = fmt or {".ann": "brat", ".jsonl": "doccano", ".json": "label-studio"}.get(p.suffix)
    if fmt == "brat":
        txt_path = p.with_suffix(".txt")
        with open(txt_path, encoding="utf-8", newline="") as fh:
            txt = fh.read()
        ann = p.read_text(encoding="utf-8")
        return [(from_brat(ann, txt, doc_id=p.stem, validate=validate, source=str(p)), txt)]
    if fmt == "doccano":
        out = []
        for number, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                out.append((from_doccano(item, validate=validate, source=f"{p}:{number}"), item["text"]))
        return out
    if fmt == "label-studio":
        data = json.loads(p.read_text(encoding="utf-8"))
        tasks = data if isinstance(data, list) else [data]
        return [(from_label_studio(t, validate=validate, source=f"{p}[{n}]"), t["data"]["text"])
                for n, t in enumerate(tasks)]
    raise ValueError(f"cannot tell the format of {p}: pass fmt='brat', 'doccano' or 'label-studio'")
