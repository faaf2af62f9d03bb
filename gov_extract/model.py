"""The document model: frozen dataclasses that serialise to the guide's format.

Every offset indexes the raw text; ``raw[start:end] == text`` is checked when a
Document is built. ``Document.to_dict()`` returns exactly the format of
``ANNOTATION_GUIDE.md`` and ``Document.from_dict()`` reads it back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from .corpus import ARG_ROLES, EVENT_TYPES, GRAINS, LABELS
from .errors import CorpusError
from .text import CleanText

__all__ = [
    "Period",
    "Meta",
    "Section",
    "Token",
    "Entity",
    "TimeExpr",
    "Quantity",
    "Trigger",
    "Argument",
    "Event",
    "Document",
    "ENTITY_LABELS",
    "EVENT_TYPES",
    "ROLES",
    "GRAINS",
]

# The schema's vocabularies live with the validator (corpus.py), in one place.
ENTITY_LABELS = LABELS
ROLES = tuple(ARG_ROLES)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CorpusError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _number(value: Decimal) -> int | float:
    """A Decimal as a JSON number: int when whole, else float as written."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(frozen=True, slots=True)
class Period:
    """A closed interval of days; either end may be unknown (``None``)."""

    start: date | None
    end: date | None

    def to_dict(self) -> dict[str, str | None]:
        return {"start": _iso(self.start), "end": _iso(self.end)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None, where: str = "period") -> Period | None:
        if data is None:
            return None
        return cls(_date(data.get("start"), where), _date(data.get("end"), where))


@dataclass(frozen=True, slots=True)
class Meta:
    """Bulletin metadata (guide section 3)."""

    title: str | None = None
    kind: str | None = None
    issue: int | None = None
    issue_total: int | None = None
    publisher: str | None = None
    published: date | None = None
    period: Period | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "issue": self.issue,
            "issue_total": self.issue_total,
            "publisher": self.publisher,
            "published": _iso(self.published),
            "period": self.period.to_dict() if self.period else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meta:
        return cls(
            title=data.get("title"),
            kind=data.get("kind"),
            issue=data.get("issue"),
            issue_total=data.get("issue_total"),
            publisher=data.get("publisher"),
            published=_date(data.get("published"), "meta.published"),
            period=Period.from_dict(data.get("period"), "meta.period"),
        )


@dataclass(frozen=True, slots=True)
class Section:
    """A block of the bulletin's structure, with raw offsets.

    ``kind`` is ``heading`` (``一、``, level 1), ``item`` (``（一）`` level 2,
    ``1.`` level 3), ``distribution`` (``报：``, ``送：``, ``发：``) or
    ``print_run`` (``（共印94份）``). A heading or item block runs up to the next
    marker of the same or a higher level.
    """

    kind: str
    level: int
    marker: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A jieba token of the clean view, with raw offsets."""

    start: int
    end: int
    text: str
    word: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An ORG, PERSON, LOC, POLICY or INITIATIVE mention (guide section 4)."""

    id: str
    label: str
    start: int
    end: int
    text: str
    norm: str
    unit: str | None = None
    kind: str | None = None
    title: str | None = None
    org: str | None = None
    doc_type: str | None = None
    alias_of: str | None = None

    _EXTRA: ClassVar[dict[str, tuple[str, ...]]] = {
        "ORG": ("unit", "kind"),
        "PERSON": ("title", "org"),
        "POLICY": ("doc_type", "alias_of"),
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "label": self.label, "start": self.start, "end": self.end,
            "text": self.text, "norm": self.norm,
        }
        for name in self._EXTRA.get(self.label, ()):
            out[name] = getattr(self, name)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        extra = {name: data.get(name) for name in cls._EXTRA.get(data["label"], ())}
        return cls(data["id"], data["label"], data["start"], data["end"], data["text"], data["norm"], **extra)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time mention resolved to a closed day interval (guide section 5)."""

    id: str
    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    grain: str
    approx: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "start": self.start, "end": self.end, "text": self.text,
            "start_date": _iso(self.start_date), "end_date": _iso(self.end_date),
            "grain": self.grain, "approx": self.approx,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimeExpr:
        where = f"time {data.get('id')}"
        return cls(
            data["id"], data["start"], data["end"], data["text"],
            _date(data.get("start_date"), where), _date(data.get("end_date"), where),
            data["grain"], bool(data.get("approx", False)),
        )


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit (guide section 6); exact ``Decimal`` value.

    A range (``3至5个``) has ``value`` = lower and ``value_max`` = upper bound.
    ``metric``, ``scope`` and ``period`` are set for operational statistics only.
    """

    id: str
    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    approx: bool = False
    metric: str | None = None
    scope: str | None = None
    period: Period | None = None
    value_max: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "start": self.start, "end": self.end, "text": self.text,
                               "value": _number(self.value)}
        if self.value_max is not None:
            out["value_max"] = _number(self.value_max)
        out.update(unit=self.unit, approx=self.approx, metric=self.metric, scope=self.scope,
                   period=self.period.to_dict() if self.period else None)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        vmax = data.get("value_max")
        return cls(
            data["id"], data["start"], data["end"], data["text"],
            Decimal(str(data["value"])), data["unit"], bool(data.get("approx", False)),
            data.get("metric"), data.get("scope"),
            Period.from_dict(data.get("period"), f"quantity {data.get('id')}.period"),
            Decimal(str(vmax)) if vmax is not None else None,
        )


@dataclass(frozen=True, slots=True)
class Trigger:
    """The words naming an event's action, with raw offsets."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Argument:
    """An event argument: a role and the id of an entity, time or quantity."""

    role: str
    ref: str


@dataclass(frozen=True, slots=True)
class Event:
    """A reported, dated action (guide section 7)."""

    id: str
    type: str
    trigger: Trigger
    time: str | None
    args: tuple[Argument, ...] = ()
    summary: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "type": self.type, "trigger": self.trigger.to_dict(), "time": self.time,
            "args": [{"role": a.role, "ref": a.ref} for a in self.args],
        }
        if self.summary is not None:
            out["summary"] = self.summary
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        trig = data["trigger"]
        return cls(
            data["id"], data["type"], Trigger(trig["start"], trig["end"], trig["text"]), data.get("time"),
            tuple(Argument(a["role"], a["ref"]) for a in data.get("args", ())), data.get("summary"),
        )


@dataclass(frozen=True, slots=True)
class Document:
    """One bulletin: raw text, clean view, structure and the extracted layers.

    Built by the reader (:func:`gov_extract.structure.read`) and filled by the
    pipeline's components, each returning a new Document via :meth:`replace`.
    """

    id: str | None
    raw: str
    view: CleanText = field(repr=False, compare=False)
    meta: Meta = field(default_factory=Meta)
    sections: tuple[Section, ...] = ()
    tokens: tuple[Token, ...] = field(default=(), repr=False)
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    reference_date: date | None = None

    def __post_init__(self) -> None:
        raw = self.raw
        for mention in (*self.entities, *self.times, *self.quantities, *self.sections,
                        *(e.trigger for e in self.events)):
            if raw[mention.start:mention.end] != mention.text:
                raise ValueError(
                    f"offsets of {mention!r} do not hold: raw[{mention.start}:{mention.end}] is "
                    f"{raw[mention.start:mention.end]!r}; this is a bug in the component that made it"
                )

    @property
    def anchor(self) -> date | None:
        """The date relative times resolve against: ``reference_date``, else ``meta.published``."""
        return self.reference_date or self.meta.published

    def replace(self, **changes: Any) -> Document:
        """A copy with some fields changed (offsets are checked again)."""
        return dataclasses.replace(self, **changes)

    def mention(self, ref: str) -> Entity | TimeExpr | Quantity | None:
        """The entity, time or quantity with id ``ref``, or ``None``."""
        for layer in (self.entities, self.times, self.quantities):
            for m in layer:
                if m.id == ref:
                    return m
        return None

    def to_dict(self) -> dict[str, Any]:
        """The guide's JSON format, keys in the guide's order."""
        return {
            "id": self.id,
            "meta": self.meta.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "events": [e.to_dict() for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], raw: str) -> Document:
        """Read the guide's format back, over the raw text it annotates.

        Raises :class:`CorpusError` when a mention's offsets do not match ``raw``.
        """
        from .structure import read  # the reader builds the clean view and sections

        base = read(raw, doc_id=data.get("id"))
        try:
            return base.replace(
                meta=Meta.from_dict(data.get("meta") or {}),
                entities=tuple(Entity.from_dict(e) for e in data.get("entities", ())),
                times=tuple(TimeExpr.from_dict(t) for t in data.get("times", ())),
                quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", ())),
                events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            )
        except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError) as exc:
            raise CorpusError(
                f"document {data.get('id')!r}: malformed record ({type(exc).__name__}: {exc}); "
                "check it with gov_extract.corpus.validate_record"
            ) from exc

    def _repr_html_(self) -> str:
        from .display import render

        return render(self)
