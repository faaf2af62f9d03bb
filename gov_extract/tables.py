"""Flat tables of a document's layers: plain rows, and pandas frames.

Every function takes one :class:`~gov_extract.model.Document`, one record
dict (the guide's JSON format, e.g. a gold file) or an iterable of either
(a :class:`~gov_extract.collection.BulletinSet`, a list, a generator) and
yields one row per mention, with a ``doc_id`` column always (the record's
``id``; its position in the input, as a string, when the id is ``null``).

The ``*_rows`` functions need nothing beyond the standard library (the CLI's
CSV output uses them); the ``*_frame`` functions import pandas lazily and
raise an :class:`ImportError` naming ``pip install gov_extract[pandas]``.

>>> from gov_extract.structure import read
>>> list(time_rows(read("")))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from .model import ROLES, Document

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ENTITY_COLUMNS",
    "TIME_COLUMNS",
    "QUANTITY_COLUMNS",
    "EVENT_COLUMNS",
    "ARGUMENT_COLUMNS",
    "STATISTICS_COLUMNS",
    "ARG_SEPARATOR",
    "as_record",
    "iter_records",
    "squeeze",
    "entity_rows",
    "time_rows",
    "quantity_rows",
    "event_rows",
    "argument_rows",
    "statistics_rows",
    "entities_frame",
    "times_frame",
    "quantities_frame",
    "events_frame",
    "arguments_frame",
    "statistics_frame",
    "require_pandas",
]

ENTITY_COLUMNS = ("doc_id", "id", "label", "start", "end", "text", "norm", "unit", "kind", "title", "org",
                  "doc_type", "alias_of")
TIME_COLUMNS = ("doc_id", "id", "start", "end", "text", "start_date", "end_date", "grain", "approx")
QUANTITY_COLUMNS = ("doc_id", "id", "start", "end", "text", "value", "value_max", "unit", "approx", "metric",
                    "scope", "period_start", "period_end")
#: One row per event; each role column joins the texts of that role's arguments.
EVENT_COLUMNS = ("doc_id", "id", "type", "trigger", "trigger_start", "trigger_end", "time", "time_text",
                 "start_date", "end_date", *ROLES, "summary")
#: One row per event argument.
ARGUMENT_COLUMNS = ("doc_id", "event_id", "type", "role", "ref", "label", "text", "norm", "start_date",
                    "end_date")
#: ``cumulative``: the figure covers more than the bulletin's own reporting
#: period (a running total such as ``今年以来``).
STATISTICS_COLUMNS = ("metric", "scope", "period_start", "period_end", "value", "unit", "doc_id", "published",
                      "cumulative", "id", "text")
#: Joins several arguments of one role in :func:`event_rows`.
ARG_SEPARATOR = " | "

_DATE_COLUMNS = ("start_date", "end_date", "period_start", "period_end", "published")
# A line break with the spaces around it: PDF wrapping, not content.
_BREAK = regex.compile(r"[ \t\u3000]*[\r\n\x0b\x0c\x85\u2028\u2029]+[ \t\u3000]*")


def squeeze(text: str) -> str:
    """``text`` without its line breaks and the spaces around them (``省发展和改\\n 革委`` -> ``省发展和改革委``)."""
    return _BREAK.sub("", text)


def as_record(obj: Document | Mapping[str, Any], raw: str | None = None) -> tuple[dict[str, Any], str | None]:
    """``(record, raw)`` of a Document or of a record dict (with its raw text, if given).

    Raises ``TypeError`` for anything else.
    """
    if isinstance(obj, Document):
        return obj.to_dict(), obj.raw if raw is None else raw
    if isinstance(obj, Mapping):
        return dict(obj), raw
    raise TypeError(f"expected a gov_extract Document or a record dict, not {type(obj).__name__}")


def iter_records(docs: Any) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """``(doc_id, record)`` for one Document/record or each of an iterable of them."""
    if isinstance(docs, (Document, Mapping)):
        docs = (docs,)
    elif isinstance(docs, (str, bytes)) or not isinstance(docs, Iterable):
        raise TypeError(
            f"expected a Document, a record dict or an iterable of them, not {type(docs).__name__}"
        )
    for position, doc in enumerate(docs):
        record, _ = as_record(doc)
        doc_id = record.get("id")
        yield (str(position) if doc_id is None else doc_id), record


def entity_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per entity (:data:`ENTITY_COLUMNS`; fields a label lacks are ``None``)."""
    for doc_id, record in iter_records(docs):
        for e in record.get("entities", ()):
            yield {"doc_id": doc_id, **{c: e.get(c) for c in ENTITY_COLUMNS[1:]}}


def time_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per time mention (:data:`TIME_COLUMNS`; dates as ISO strings)."""
    for doc_id, record in iter_records(docs):
        for t in record.get("times", ()):
            yield {"doc_id": doc_id, **{c: t.get(c) for c in TIME_COLUMNS[1:]}}


def _period(value: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    return value.get("start"), value.get("end")


def quantity_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per quantity (:data:`QUANTITY_COLUMNS`; ``period`` split in two columns)."""
    for doc_id, record in iter_records(docs):
        for q in record.get("quantities", ()):
            start, end = _period(q.get("period"))
            row = {"doc_id": doc_id, **{c: q.get(c) for c in QUANTITY_COLUMNS[1:-2]}}
            row["period_start"], row["period_end"] = start, end
            yield row


def _mentions(record: Mapping[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Mention id -> (label, mention) over entities, times (``TIME``) and quantities (``QUANTITY``)."""
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for e in record.get("entities", ()):
        out[e["id"]] = (e["label"], e)
    for t in record.get("times", ()):
        out[t["id"]] = ("TIME", t)
    for q in record.get("quantities", ()):
        out[q["id"]] = ("QUANTITY", q)
    return out


def event_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per event (:data:`EVENT_COLUMNS`).

    Arguments are flattened: each role column (``agent``, ``object``, ...)
    holds the clean texts of that role's arguments joined by
    :data:`ARG_SEPARATOR`, or ``None``. :func:`argument_rows` gives one row
    per argument instead.
    """
    for doc_id, record in iter_records(docs):
        mentions = _mentions(record)
        for ev in record.get("events", ()):
            time = mentions.get(ev.get("time") or "", (None, {}))[1]
            roles: dict[str, list[str]] = {r: [] for r in ROLES}
            for arg in ev.get("args", ()):
                mention = mentions.get(arg["ref"])
                roles.setdefault(arg["role"], []).append(squeeze(mention[1]["text"]) if mention else arg["ref"])
            trig = ev["trigger"]
            yield {
                "doc_id": doc_id, "id": ev["id"], "type": ev["type"], "trigger": squeeze(trig["text"]),
                "trigger_start": trig["start"], "trigger_end": trig["end"], "time": ev.get("time"),
                "time_text": squeeze(time["text"]) if time else None,
                "start_date": time.get("start_date"), "end_date": time.get("end_date"),
                **{r: ARG_SEPARATOR.join(roles[r]) or None for r in ROLES},
                "summary": ev.get("summary"),
            }


def argument_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per event argument (:data:`ARGUMENT_COLUMNS`), with the event's dates."""
    for doc_id, record in iter_records(docs):
        mentions = _mentions(record)
        for ev in record.get("events", ()):
            time = mentions.get(ev.get("time") or "", (None, {}))[1]
            for arg in ev.get("args", ()):
                label, mention = mentions.get(arg["ref"], (None, {}))
                yield {
                    "doc_id": doc_id, "event_id": ev["id"], "type": ev["type"], "role": arg["role"],
                    "ref": arg["ref"], "label": label,
                    "text": squeeze(mention["text"]) if mention else None,
                    "norm": mention.get("norm", squeeze(mention["text"])) if mention else None,
                    "start_date": time.get("start_date"), "end_date": time.get("end_date"),
                }


def statistics_rows(docs: Any) -> Iterator[dict[str, Any]]:
    """One row per operational statistic, i.e. quantity with a ``metric`` (:data:`STATISTICS_COLUMNS`)."""
    for doc_id, record in iter_records(docs):
        meta = record.get("meta") or {}
        own_start, _ = _period(meta.get("period"))
        for q in record.get("quantities", ()):
            if q.get("metric") is None:
                continue
            start, end = _period(q.get("period"))
            yield {
                "metric": q["metric"], "scope": q.get("scope"), "period_start": start, "period_end": end,
                "value": q["value"], "unit": q["unit"], "doc_id": doc_id, "published": meta.get("published"),
                "cumulative": bool(own_start and start and start < own_start),
                "id": q["id"], "text": squeeze(q["text"]),
            }


def require_pandas() -> Any:
    """The pandas module, or an ImportError saying how to install it."""
    try:
        import pandas
    except ImportError as exc:
        raise ImportError(
            "gov_extract tables need pandas: pip install gov_extract[pandas]"
        ) from exc
    return pandas


def _frame(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    pd = require_pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))
    for col in _DATE_COLUMNS:
        if col in frame.columns:
            frame[col] = pd.to_datetime(frame[col], format="ISO8601")
    return frame


def entities_frame(docs: Any) -> pd.DataFrame:
    """Entities as a DataFrame (:data:`ENTITY_COLUMNS`)."""
    return _frame(entity_rows(docs), ENTITY_COLUMNS)


def times_frame(docs: Any) -> pd.DataFrame:
    """Times as a DataFrame (:data:`TIME_COLUMNS`; dates as ``datetime64``, unknown = ``NaT``)."""
    return _frame(time_rows(docs), TIME_COLUMNS)


def quantities_frame(docs: Any) -> pd.DataFrame:
    """Quantities as a DataFrame (:data:`QUANTITY_COLUMNS`; ``value`` numeric)."""
    return _frame(quantity_rows(docs), QUANTITY_COLUMNS)


def events_frame(docs: Any) -> pd.DataFrame:
    """Events as a DataFrame, one row per event, arguments joined by role (see :func:`event_rows`)."""
    return _frame(event_rows(docs), EVENT_COLUMNS)


def arguments_frame(docs: Any) -> pd.DataFrame:
    """Event arguments as a DataFrame, one row per argument (:data:`ARGUMENT_COLUMNS`)."""
    return _frame(argument_rows(docs), ARGUMENT_COLUMNS)


def statistics_frame(docs: Any) -> pd.DataFrame:
    """Operational statistics as a DataFrame (:data:`STATISTICS_COLUMNS`)."""
    return _frame(statistics_rows(docs), STATISTICS_COLUMNS)
