"""Score predictions against gold annotations (ANNOTATION_GUIDE section 8).

Both sides are plain dicts in the guide's format (a gold file and
``Document.to_dict()``). What is scored:

- Mentions, per layer (``entities`` by label, ``times`` as ``TIME``,
  ``quantities`` as ``QUANTITY``): *strict* (same start, end and label, one to
  one) and *overlap* (overlapping spans with the same label, matched one to one,
  greedily by largest overlap), as micro precision, recall and F1.
- Values on overlap-matched mentions, counted only when exactly equal: ORG
  ``norm``; time ``interval`` = (``start_date``, ``end_date``); quantity
  ``value`` (compared as ``Decimal(str(v))``) and ``unit``; and for statistics
  (gold quantities with a ``metric``) ``metric``, ``scope`` and ``period``.
- Events: a predicted event matches a gold event of the same ``type`` whose
  ``time`` resolves, each in its own document, to the same interval (one to
  one). Arguments of matched events are scored on (role, mention), where the
  predicted mention must overlap-match the gold one.

Every ratio with nothing to count is ``None``, never 0. Next to the numbers,
``CorpusScores.fails`` lists each miss, false hit, boundary error and wrong value
with document, offsets, text and expected versus predicted value.

A prediction that lacks a layer key (a peer system that does not extract times,
say) is not scored on that layer; a predicted mention that lacks a value field
is not scored on that value.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from gov_extract.corpus import LABELS
from gov_extract.errors import CorpusError

__all__ = [
    "MENTION_LAYERS",
    "SCORED_LAYERS",
    "VALUE_FIELDS",
    "STATISTIC_FIELDS",
    "PRF",
    "Accuracy",
    "SpanScores",
    "LayerScores",
    "StatisticScores",
    "EventScores",
    "Fail",
    "CorpusScores",
    "score_document",
    "score_corpus",
]

MENTION_LAYERS: tuple[str, ...] = ("entities", "times", "quantities")
#: Layers a prediction can be scored on; statistics go with ``quantities``.
SCORED_LAYERS: tuple[str, ...] = MENTION_LAYERS + ("events",)
#: Value fields scored on overlap-matched mentions, by layer.
VALUE_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"entities": ("norm",), "times": ("interval",), "quantities": ("value", "unit")}
)
STATISTIC_FIELDS: tuple[str, ...] = ("metric", "scope", "period")
_LAYER_LABEL = {"times": "TIME", "quantities": "QUANTITY"}


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(frozen=True, slots=True)
class PRF:
    """True positive, false positive and false negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp), ``None`` without predictions."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn), ``None`` without gold items."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn), ``None`` with neither gold nor predicted items."""
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios as a JSON-ready dict."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many of ``total`` scored values were exactly right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        """correct / total, ``None`` when nothing was scored."""
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratio as a JSON-ready dict."""
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Strict and overlap span scores of one label."""

    strict: PRF = PRF()
    overlap: PRF = PRF()

    def __add__(self, other: SpanScores) -> SpanScores:
        return SpanScores(self.strict + other.strict, self.overlap + other.overlap)

    def to_dict(self) -> dict[str, Any]:
        """Both scores as a JSON-ready dict."""
        return {"strict": self.strict.to_dict(), "overlap": self.overlap.to_dict()}


def _merge(left: Mapping[str, Any], right: Mapping[str, Any]) -> Mapping[str, Any]:
    merged = dict(left)
    for key, value in right.items():
        merged[key] = merged[key] + value if key in merged else value
    return _frozen(merged)


@dataclass(frozen=True)
class LayerScores:
    """Span scores by label and value accuracies of one mention layer."""

    labels: Mapping[str, SpanScores]
    values: Mapping[str, Accuracy]

    @property
    def strict(self) -> PRF:
        """Micro strict scores over all labels of the layer."""
        return sum((s.strict for s in self.labels.values()), PRF())

    @property
    def overlap(self) -> PRF:
        """Micro overlap scores over all labels of the layer."""
        return sum((s.overlap for s in self.labels.values()), PRF())

    def __add__(self, other: LayerScores) -> LayerScores:
        return LayerScores(_merge(self.labels, other.labels), _merge(self.values, other.values))

    def to_dict(self) -> dict[str, Any]:
        """Micro, per-label and value scores as a JSON-ready dict."""
        return {
            "strict": self.strict.to_dict(),
            "overlap": self.overlap.to_dict(),
            "labels": {label: s.to_dict() for label, s in sorted(self.labels.items())},
            "values": {name: a.to_dict() for name, a in self.values.items()},
        }


@dataclass(frozen=True)
class StatisticScores:
    """Scores of operational statistics (gold quantities with a ``metric``).

    ``found``: gold statistics overlap-matched by a predicted quantity;
    ``values``: ``metric``, ``scope`` and ``period`` accuracy on those;
    ``spurious``: matched quantities with a predicted metric where gold has none.
    """

    found: Accuracy
    values: Mapping[str, Accuracy]
    spurious: int = 0

    def __add__(self, other: StatisticScores) -> StatisticScores:
        return StatisticScores(
            self.found + other.found,
            _merge(self.values, other.values),
            self.spurious + other.spurious,
        )

    def to_dict(self) -> dict[str, Any]:
        """All counts as a JSON-ready dict."""
        return {
            "found": self.found.to_dict(),
            "values": {name: a.to_dict() for name, a in self.values.items()},
            "spurious": self.spurious,
        }


@dataclass(frozen=True)
class EventScores:
    """Event matching scores (micro and by type) and argument scores."""

    events: PRF
    args: PRF
    types: Mapping[str, PRF]

    def __add__(self, other: EventScores) -> EventScores:
        return EventScores(self.events + other.events, self.args + other.args, _merge(self.types, other.types))

    def to_dict(self) -> dict[str, Any]:
        """All scores as a JSON-ready dict."""
        return {
            "events": self.events.to_dict(),
            "args": self.args.to_dict(),
            "types": {name: prf.to_dict() for name, prf in sorted(self.types.items())},
        }


@dataclass(frozen=True, slots=True)
class Fail:
    """One error of a prediction, located in the raw text.

    ``kind`` is ``miss`` (gold not matched), ``false_hit`` (prediction not
    matched), ``boundary`` (overlap-matched, spans differ: ``expected``/``got``
    are ``[start, end, text]``) or ``wrong_value`` (``field`` names the value).
    Offsets and text are the gold mention's, except for a false hit. For events
    ``label`` is the event type and the span is the trigger; for arguments
    ``label`` is the role and the span is the referenced mention.
    """

    doc: str
    layer: str
    kind: str
    label: str | None
    id: str | None
    start: int | None
    end: int | None
    text: str | None
    field: str | None = None
    expected: Any = None
    got: Any = None

    def to_dict(self) -> dict[str, Any]:
        """All fields as a JSON-ready dict."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __str__(self) -> str:
        """One line: ``doc start:end layer kind label id 'text' [field:] [expected ..] [got ..]``."""
        span = "?:?" if self.start is None else f"{self.start}:{self.end}"
        parts = [self.doc, span, self.layer, self.kind, self.label or "-", self.id or "-", repr(self.text)]
        if self.field:
            parts.append(f"{self.field}:")
        if self.expected is not None or self.kind == "wrong_value":
            parts.append(f"expected {self.expected!r}")
        if self.got is not None or self.kind == "wrong_value":
            parts.append(f"got {self.got!r}")
        return " ".join(parts)


@dataclass(frozen=True)
class CorpusScores:
    """All scores of a set of documents; add two to combine them.

    A layer the prediction was not scored on is absent from ``layers`` (and
    ``statistics``/``events`` are ``None``); ``to_dict`` writes it as ``null``.
    ``fails`` maps a layer (``entities``, ``times``, ``quantities``,
    ``statistics``, ``events``, ``args``) to its errors.
    """

    documents: int = 0
    layers: Mapping[str, LayerScores] = field(default_factory=lambda: _frozen({}))
    statistics: StatisticScores | None = None
    events: EventScores | None = None
    fails: Mapping[str, tuple[Fail, ...]] = field(default_factory=lambda: _frozen({}))

    def __add__(self, other: CorpusScores) -> CorpusScores:
        def add(left: Any, right: Any) -> Any:
            if left is None:
                return right
            return left if right is None else left + right

        return CorpusScores(
            documents=self.documents + other.documents,
            layers=_merge(self.layers, other.layers),
            statistics=add(self.statistics, other.statistics),
            events=add(self.events, other.events),
            fails=_merge(self.fails, other.fails),
        )

    def all_fails(self) -> Iterator[Fail]:
        """Every fail, layer by layer in a fixed order."""
        for layer in MENTION_LAYERS + ("statistics", "events", "args"):
            yield from self.fails.get(layer, ())

    def to_dict(self, *, fails: bool = False) -> dict[str, Any]:
        """The scores as a JSON-ready dict; with ``fails``, the fail lists too."""
        out: dict[str, Any] = {"documents": self.documents}
        for layer in MENTION_LAYERS:
            scores = self.layers.get(layer)
            out[layer] = None if scores is None else scores.to_dict()
        out["statistics"] = None if self.statistics is None else self.statistics.to_dict()
        out["events"] = None if self.events is None else self.events.to_dict()
        if fails:
            out["fails"] = {layer: [f.to_dict() for f in items] for layer, items in self.fails.items()}
        return out


@dataclass(frozen=True, slots=True)
class _Mention:
    id: str | None
    label: str
    start: int
    end: int
    text: str | None
    item: Mapping[str, Any]


def _int_field(item: Mapping[str, Any], name: str, where: str) -> int:
    value = item.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise CorpusError(f"{where}.{name}: {value!r} is not an integer offset", [f"{where}.{name}: {value!r}"])
    return value


def _mentions(record: Mapping[str, Any], layer: str, side: str) -> list[_Mention]:
    items = record.get(layer) or []
    out = []
    for index, item in enumerate(items):
        where = f"{side} {record.get('id')} {layer}[{index}]"
        if not isinstance(item, Mapping):
            raise CorpusError(f"{where}: not an object", [where])
        label = item.get("label") if layer == "entities" else _LAYER_LABEL[layer]
        if not isinstance(label, str):
            raise CorpusError(f"{where}.label: {label!r} is not a label", [f"{where}.label"])
        mention_id = item.get("id")
        out.append(
            _Mention(
                id=mention_id if isinstance(mention_id, str) else None,
                label=label,
                start=_int_field(item, "start", where),
                end=_int_field(item, "end", where),
                text=item.get("text"),
                item=item,
            )
        )
    return out


def _overlap_pairs(gold: Sequence[_Mention], pred: Sequence[_Mention]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping same-label spans.

    Greedy: largest overlap first, then fewest non-overlapping characters, then
    document order, so the result does not depend on anything but the input.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0 and g.label == p.label:
                excess = (g.end - g.start) + (p.end - p.start) - 2 * overlap
                candidates.append((-overlap, excess, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _interval(item: Mapping[str, Any]) -> list[Any]:
    return [item.get("start_date"), item.get("end_date")]


def _period(value: object) -> object:
    if isinstance(value, Mapping):
        return [value.get("start"), value.get("end")]
    return value


def _values(layer: str, gold: _Mention, pred: _Mention) -> Iterator[tuple[str, Any, Any, bool]]:
    """(field, expected, got, equal) for each value scored on a matched pair."""
    g, p = gold.item, pred.item
    if layer == "entities":
        if gold.label == "ORG" and "norm" in p:
            yield "norm", g.get("norm"), p["norm"], g.get("norm") == p["norm"]
    elif layer == "times":
        if "start_date" in p and "end_date" in p:
            yield "interval", _interval(g), _interval(p), _interval(g) == _interval(p)
    elif layer == "quantities":
        if "value" in p:
            expected, got = _decimal(g.get("value")), _decimal(p["value"])
            yield "value", g.get("value"), p["value"], expected is not None and expected == got
        if "unit" in p:
            yield "unit", g.get("unit"), p["unit"], g.get("unit") == p["unit"]


def _fail(doc: str, layer: str, kind: str, m: _Mention, **extra: Any) -> Fail:
    return Fail(doc, layer, kind, m.label, m.id, m.start, m.end, m.text, **extra)


def _score_layer(
    doc: str,
    layer: str,
    gold: Sequence[_Mention],
    pred: Sequence[_Mention],
    pairs: Sequence[tuple[int, int]],
    labels: Collection[str],
) -> tuple[LayerScores, list[Fail]]:
    wanted = set(labels) if layer == "entities" else {_LAYER_LABEL[layer]}
    pairs = [(gi, pi) for gi, pi in pairs if gold[gi].label in wanted]
    gold_idx = [i for i, m in enumerate(gold) if m.label in wanted]
    pred_idx = [i for i, m in enumerate(pred) if m.label in wanted]

    strict_tp = Counter({label: 0 for label in wanted})
    strict_common = Counter((m.start, m.end, m.label) for m in (gold[i] for i in gold_idx)) & Counter(
        (m.start, m.end, m.label) for m in (pred[i] for i in pred_idx)
    )
    for (_, _, label), count in strict_common.items():
        strict_tp[label] += count
    n_gold = Counter(gold[i].label for i in gold_idx)
    n_pred = Counter(pred[i].label for i in pred_idx)
    overlap_tp = Counter(gold[gi].label for gi, _ in pairs)
    by_label = {
        label: SpanScores(
            PRF(strict_tp[label], n_pred[label] - strict_tp[label], n_gold[label] - strict_tp[label]),
            PRF(overlap_tp[label], n_pred[label] - overlap_tp[label], n_gold[label] - overlap_tp[label]),
        )
        for label in sorted(wanted)
    }

    fails: list[Fail] = []
    values = {name: Accuracy() for name in VALUE_FIELDS[layer]}
    matched_gold = {gi for gi, _ in pairs}
    matched_pred = {pi for _, pi in pairs}
    for gi in gold_idx:
        if gi not in matched_gold:
            fails.append(_fail(doc, layer, "miss", gold[gi]))
    for pi in pred_idx:
        if pi not in matched_pred:
            fails.append(_fail(doc, layer, "false_hit", pred[pi]))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        if (g.start, g.end) != (p.start, p.end):
            fails.append(
                _fail(doc, layer, "boundary", g, expected=[g.start, g.end, g.text], got=[p.start, p.end, p.text])
            )
        for name, expected, got, equal in _values(layer, g, p):
            values[name] += Accuracy(int(equal), 1)
            if not equal:
                fails.append(_fail(doc, layer, "wrong_value", g, field=name, expected=expected, got=got))
    fails.sort(key=lambda f: (f.start or 0, f.end or 0, f.kind))
    return LayerScores(_frozen(by_label), _frozen(values)), fails


def _score_statistics(
    doc: str,
    gold: Sequence[_Mention],
    pred: Sequence[_Mention],
    pairs: Sequence[tuple[int, int]],
) -> tuple[StatisticScores, list[Fail]]:
    n_gold = sum(1 for m in gold if m.item.get("metric") is not None)
    found = 0
    spurious = 0
    values = {name: Accuracy() for name in STATISTIC_FIELDS}
    fails: list[Fail] = []
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        if g.item.get("metric") is None:
            if p.item.get("metric") is not None:
                spurious += 1
                fails.append(_fail(doc, "statistics", "false_hit", p, field="metric", got=p.item["metric"]))
            continue
        found += 1
        for name in STATISTIC_FIELDS:
            if name not in p.item:
                continue
            expected, got = g.item.get(name), p.item[name]
            equal = _period(expected) == _period(got) if name == "period" else expected == got
            values[name] += Accuracy(int(equal), 1)
            if not equal:
                fails.append(_fail(doc, "statistics", "wrong_value", g, field=name, expected=expected, got=got))
    matched = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        if g.item.get("metric") is not None and gi not in matched:
            fails.append(_fail(doc, "statistics", "miss", g, expected=g.item.get("metric")))
    fails.sort(key=lambda f: (f.start or 0, f.end or 0, f.kind))
    return StatisticScores(Accuracy(found, n_gold), _frozen(values), spurious), fails


@dataclass(frozen=True, slots=True)
class _Event:
    id: str | None
    type: object
    interval: tuple[object, object] | None
    start: int
    end: int
    text: str | None
    args: tuple[tuple[object, object], ...]


def _events(record: Mapping[str, Any], side: str) -> list[_Event]:
    intervals = {
        t.get("id"): (t.get("start_date"), t.get("end_date"))
        for t in record.get("times") or []
        if isinstance(t, Mapping)
    }
    out = []
    for index, item in enumerate(record.get("events") or []):
        where = f"{side} {record.get('id')} events[{index}]"
        trigger = item.get("trigger") if isinstance(item, Mapping) else None
        if not isinstance(trigger, Mapping):
            raise CorpusError(f"{where}.trigger: not an object", [f"{where}.trigger"])
        time = item.get("time")
        args = tuple(
            (a.get("role"), a.get("ref")) for a in item.get("args") or [] if isinstance(a, Mapping)
        )
        out.append(
            _Event(
                id=item.get("id"),
                type=item.get("type"),
                interval=intervals.get(time) if isinstance(time, str) else None,
                start=_int_field(trigger, "start", f"{where}.trigger"),
                end=_int_field(trigger, "end", f"{where}.trigger"),
                text=trigger.get("text"),
                args=args,
            )
        )
    return out


def _event_summary(event: _Event) -> dict[str, Any]:
    interval = None if event.interval is None else list(event.interval)
    return {"type": event.type, "time": interval}


def _score_events(
    doc: str,
    gold: Sequence[_Event],
    pred: Sequence[_Event],
    gold_mentions: Mapping[str, _Mention],
    pred_mentions: Mapping[str, _Mention],
    pred_to_gold: Mapping[str, str],
) -> tuple[EventScores, list[Fail], list[Fail]]:
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.type == p.type and g.interval is not None and g.interval == p.interval:
                apart = 0 if min(g.end, p.end) > max(g.start, p.start) else 1
                candidates.append((apart, abs(g.start - p.start), gi, pi))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    pairs.sort()

    types: dict[str, PRF] = {}

    def count(event_type: object, prf: PRF) -> None:
        key = str(event_type)
        types[key] = types.get(key, PRF()) + prf

    event_fails: list[Fail] = []
    for gi, g in enumerate(gold):
        if gi in used_gold:
            count(g.type, PRF(tp=1))
            continue
        count(g.type, PRF(fn=1))
        near = [p for p in pred if min(g.end, p.end) > max(g.start, p.start)]
        got = _event_summary(near[0]) if near else None
        event_fails.append(
            Fail(doc, "events", "miss", str(g.type), g.id, g.start, g.end, g.text,
                 expected=_event_summary(g), got=got)
        )
    for pi, p in enumerate(pred):
        if pi not in used_pred:
            count(p.type, PRF(fp=1))
            event_fails.append(
                Fail(doc, "events", "false_hit", str(p.type), p.id, p.start, p.end, p.text,
                     got=_event_summary(p))
            )

    args = PRF()
    arg_fails: list[Fail] = []

    def arg_fail(kind: str, role: object, ref: object, mentions: Mapping[str, _Mention], event: _Event) -> Fail:
        m = mentions.get(ref) if isinstance(ref, str) else None
        context = {"event": event.id, "trigger": event.text, "ref": ref}
        return Fail(
            doc, "args", kind, str(role), m.id if m else None, m.start if m else None,
            m.end if m else None, m.text if m else None,
            expected=context if kind == "miss" else None, got=context if kind == "false_hit" else None,
        )

    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        remaining = Counter(g.args)
        unmatched_pred = []
        for role, ref in p.args:
            key = (role, pred_to_gold.get(ref) if isinstance(ref, str) else None)
            if key[1] is not None and remaining[key] > 0:
                remaining[key] -= 1
                args += PRF(tp=1)
            else:
                unmatched_pred.append((role, ref))
        for role, ref in unmatched_pred:
            args += PRF(fp=1)
            arg_fails.append(arg_fail("false_hit", role, ref, pred_mentions, p))
        for (role, ref), left in sorted(remaining.items(), key=str):
            for _ in range(left):
                args += PRF(fn=1)
                arg_fails.append(arg_fail("miss", role, ref, gold_mentions, g))
    event_fails.sort(key=lambda f: (f.start or 0, f.kind))
    tp = len(pairs)
    events = PRF(tp, len(pred) - tp, len(gold) - tp)
    return EventScores(events, args, _frozen(types)), event_fails, arg_fails


def _check_names(names: Collection[str], allowed: Sequence[str], what: str) -> None:
    unknown = sorted(set(names) - set(allowed))
    if unknown:
        raise ValueError(f"unknown {what} {unknown}: use some of {list(allowed)}")


def score_document(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any],
    *,
    layers: Collection[str] | None = None,
    labels: Collection[str] | None = None,
) -> CorpusScores:
    """Score one prediction against its gold record.

    Args:
        gold: the gold record (a valid gold file).
        pred: the prediction, same format; layers and value fields it lacks are
            not scored.
        layers: the layers to score, some of ``SCORED_LAYERS`` (statistics go
            with ``quantities``); default: those ``pred`` has a key for.
        labels: the entity labels to score; default all five. Gold and
            predicted entities of other labels are left out of every number.

    Raises:
        ValueError: an unknown layer or label name.
        CorpusError: a mention or event lacks the offsets scoring needs.
    """
    if not isinstance(gold, Mapping) or not isinstance(pred, Mapping):
        raise TypeError("score_document takes two dicts in the annotation format")
    chosen = [name for name in SCORED_LAYERS if name in pred] if layers is None else list(layers)
    _check_names(chosen, SCORED_LAYERS, "layer")
    wanted_labels = LABELS if labels is None else tuple(labels)
    _check_names(wanted_labels, LABELS, "label")
    doc = str(gold.get("id"))

    gold_m = {layer: _mentions(gold, layer, "gold") for layer in MENTION_LAYERS}
    pred_m = {layer: _mentions(pred, layer, "pred") for layer in MENTION_LAYERS}
    pairs = {layer: _overlap_pairs(gold_m[layer], pred_m[layer]) for layer in MENTION_LAYERS}

    scored: dict[str, LayerScores] = {}
    fails: dict[str, tuple[Fail, ...]] = {}
    for layer in MENTION_LAYERS:
        if layer in chosen:
            scored[layer], layer_fails = _score_layer(
                doc, layer, gold_m[layer], pred_m[layer], pairs[layer], wanted_labels
            )
            fails[layer] = tuple(layer_fails)
    statistics = None
    if "quantities" in chosen:
        statistics, stat_fails = _score_statistics(doc, gold_m["quantities"], pred_m["quantities"], pairs["quantities"])
        fails["statistics"] = tuple(stat_fails)
    events = None
    if "events" in chosen:
        by_id_gold = {m.id: m for layer in MENTION_LAYERS for m in gold_m[layer] if m.id is not None}
        by_id_pred = {m.id: m for layer in MENTION_LAYERS for m in pred_m[layer] if m.id is not None}
        pred_to_gold: dict[str, str] = {}
        for layer in MENTION_LAYERS:
            for gi, pi in pairs[layer]:
                pred_id, gold_id = pred_m[layer][pi].id, gold_m[layer][gi].id
                if pred_id is not None and gold_id is not None:
                    pred_to_gold[pred_id] = gold_id
        events, event_fails, arg_fails = _score_events(
            doc, _events(gold, "gold"), _events(pred, "pred"), by_id_gold, by_id_pred, pred_to_gold
        )
        fails["events"] = tuple(event_fails)
        fails["args"] = tuple(arg_fails)
    return CorpusScores(
        documents=1, layers=_frozen(scored), statistics=statistics, events=events, fails=_frozen(fails)
    )


def score_corpus(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
    *,
    layers: Collection[str] | None = None,
    labels: Collection[str] | None = None,
) -> CorpusScores:
    """Micro scores over ``(gold, prediction)`` pairs; see :func:`score_document`."""
    total = CorpusScores()
    for gold, pred in pairs:
        total = total + score_document(gold, pred, layers=layers, labels=labels)
    return total
