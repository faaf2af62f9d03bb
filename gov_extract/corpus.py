"""Read, write and validate gold annotation files (ANNOTATION_GUIDE format).

A gold file (and a prediction, ``Document.to_dict()``) is a plain JSON object
with the keys ``id, meta, entities, times, quantities, events``; this module
works on those plain dicts, not on the library's dataclasses, so the corpus can
be checked and scored without the extraction pipeline.

Layout of a corpus folder (``corpus/``)::

    manifest.json       {"documents": [{"id", "synthetic", "source"}, ...]}
    raw/<id>.txt        the bulletin text, UTF-8, exactly as stored
    gold/<id>.json      its annotation

Every problem the validator finds is one string naming the source file, the
mention id (or list position) and the field, e.g.
``gold/000.json: e3.alias_of: 'e9' is not a POLICY id``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeGuard

from gov_extract.errors import CorpusError
from gov_extract.files import write_text_atomic

__all__ = [
    "TOP_KEYS",
    "META_KEYS",
    "LABELS",
    "ENTITY_FIELDS",
    "TIME_FIELDS",
    "QUANTITY_FIELDS",
    "EVENT_FIELDS",
    "EVENT_TYPES",
    "ARG_ROLES",
    "GRAINS",
    "DOC_TYPES",
    "META_KINDS",
    "ORG_KINDS",
    "QUANTITY_OPTIONAL",
    "EVENT_OPTIONAL",
    "CorpusDocument",
    "read_raw",
    "load_record",
    "write_record",
    "validate_record",
    "check_record",
    "validate_corpus",
    "load_manifest",
    "iter_corpus",
]

TOP_KEYS: tuple[str, ...] = ("id", "meta", "entities", "times", "quantities", "events")
META_KEYS: tuple[str, ...] = (
    "title", "kind", "issue", "issue_total", "publisher", "published", "period",
)
LABELS: tuple[str, ...] = ("ORG", "PERSON", "LOC", "POLICY", "INITIATIVE")

_ENTITY_BASE = ("id", "label", "start", "end", "text", "norm")
#: Exact field set of an entity, by label (corpus/CONVENTIONS.md, "File layout").
ENTITY_FIELDS: Mapping[str, tuple[str, ...]] = {
    "ORG": _ENTITY_BASE + ("unit", "kind"),
    "PERSON": _ENTITY_BASE + ("title", "org"),
    "LOC": _ENTITY_BASE,
    "POLICY": _ENTITY_BASE + ("doc_type", "alias_of"),
    "INITIATIVE": _ENTITY_BASE,
}
TIME_FIELDS: tuple[str, ...] = (
    "id", "start", "end", "text", "start_date", "end_date", "grain", "approx",
)
QUANTITY_FIELDS: tuple[str, ...] = (
    "id", "start", "end", "text", "value", "unit", "approx", "metric", "scope", "period",
)
#: Optional extra field of a quantity: the upper bound of a range (``3至5个``).
QUANTITY_OPTIONAL: tuple[str, ...] = ("value_max",)
EVENT_FIELDS: tuple[str, ...] = ("id", "type", "trigger", "time", "args")
#: Optional extra field of an event: a one-line summary the library may add.
EVENT_OPTIONAL: tuple[str, ...] = ("summary",)

META_KINDS: tuple[str | None, ...] = ("weekly", "monthly", None)
ORG_KINDS: tuple[str, ...] = ("government", "party", "institution", "association", "enterprise")
#: The closed list of POLICY ``doc_type`` genre words (guide section 4).
DOC_TYPES: tuple[str, ...] = (
    "通知", "意见", "实施意见", "办法", "方案", "规范", "指南", "指引", "条例", "细则",
    "规定", "规程", "清单", "目录", "手册", "制度", "函", "报告", "法",
)
GRAINS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "vague")
EVENT_TYPES: tuple[str, ...] = (
    "issue", "meeting", "visit", "training", "service", "launch", "reform", "review", "approve",
)
#: Argument roles and the mention kinds each may refer to (guide section 7;
#: ``location`` may name an ORG that is also a place, or the platform an
#: INITIATIVE names: ``在“天府通办”开通…``; CONVENTIONS "Events").
ARG_ROLES: Mapping[str, frozenset[str]] = {
    "agent": frozenset({"ORG", "PERSON"}),
    "object": frozenset({"POLICY", "INITIATIVE"}),
    "target": frozenset({"ORG", "LOC", "PERSON"}),
    "location": frozenset({"LOC", "ORG", "INITIATIVE"}),
    "participant": frozenset({"ORG", "PERSON"}),
    "quantity": frozenset({"QUANTITY"}),
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_raw(path: str | os.PathLike[str]) -> str:
    """Return a raw bulletin exactly as stored: UTF-8, no stripping, CRLF kept."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_record(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Load one annotation file as a plain dict.

    Raises:
        CorpusError: the file is not UTF-8 JSON holding an object (the message
            names the file, and line and column for a syntax error).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problem = f"{path}: not UTF-8 at byte {exc.start}: re-save the file as UTF-8"
        raise CorpusError(problem, [problem]) from exc
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}"
        raise CorpusError(problem, [problem]) from exc
    if not isinstance(record, dict):
        problem = f"{path}: top level is {type(record).__name__}, expected a JSON object"
        raise CorpusError(problem, [problem])
    return record


def write_record(record: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Write ``record`` as UTF-8 JSON (indent 2, trailing newline), atomically.

    The text goes to a temporary file in the target folder, which then replaces
    ``path`` in one step, so a reader never sees a half-written file.
    """
    write_text_atomic(path, json.dumps(record, ensure_ascii=False, indent=2) + "\n")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One corpus bulletin: its raw text and gold record (``None`` if not annotated yet)."""

    id: str
    raw: str
    gold: dict[str, Any] | None
    synthetic: bool


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value)


def _iso(value: object) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string, else ``None``."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class _Checker:
    """Collects the problems of one record (one instance per validation)."""

    def __init__(self, raw: str, source: str) -> None:
        self.raw = raw
        self.source = source
        self.problems: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{self.source}: {where}: {message}")

    def fields(
        self,
        where: str,
        item: Mapping[str, Any],
        required: Sequence[str],
        optional: Sequence[str] = (),
    ) -> None:
        for name in required:
            if name not in item:
                self.add(f"{where}.{name}", "missing field")
        for name in item:
            if name not in required and name not in optional:
                self.add(f"{where}.{name}", "unexpected field")

    def optional_str(self, where: str, item: Mapping[str, Any], name: str) -> None:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            self.add(f"{where}.{name}", f"{value!r} is not a string or null")

    def nonempty_str(self, where: str, item: Mapping[str, Any], name: str) -> None:
        value = item.get(name)
        if name in item and (not isinstance(value, str) or not value):
            self.add(f"{where}.{name}", f"{value!r} is not a non-empty string")

    def one_of(self, where: str, item: Mapping[str, Any], name: str, allowed: Sequence[object]) -> None:
        if name in item and item[name] not in allowed:
            shown = ", ".join("null" if a is None else str(a) for a in allowed)
            self.add(f"{where}.{name}", f"{item[name]!r} is not one of {shown}")

    def boolean(self, where: str, item: Mapping[str, Any], name: str) -> None:
        if name in item and not isinstance(item[name], bool):
            self.add(f"{where}.{name}", f"{item[name]!r} is not true or false")

    def date_or_null(self, where: str, value: object) -> date | None:
        if value is None:
            return None
        parsed = _iso(value)
        if parsed is None:
            self.add(where, f"{value!r} is not an ISO date YYYY-MM-DD or null")
        return parsed

    def period(self, where: str, value: object, *, nullable: bool = True) -> None:
        if value is None:
            if not nullable:
                self.add(where, "null, expected {start, end}")
            return
        if not isinstance(value, dict):
            self.add(where, f"{value!r} is not an object {{start, end}} or null")
            return
        self.fields(where, value, ("start", "end"))
        start = self.date_or_null(f"{where}.start", value.get("start"))
        end = self.date_or_null(f"{where}.end", value.get("end"))
        if value.get("start") is None or value.get("end") is None:
            self.add(where, "start and end must both be ISO dates")
        if start is not None and end is not None and start > end:
            self.add(where, f"start {start} is after end {end}")

    def span(self, where: str, item: Mapping[str, Any]) -> None:
        start, end, text = item.get("start"), item.get("end"), item.get("text")
        if not _is_int(start) or not _is_int(end):
            self.add(f"{where}.start", f"offsets {start!r}..{end!r} are not integers")
            return
        if not 0 <= start < end <= len(self.raw):
            self.add(
                f"{where}.start",
                f"offsets {start}..{end} not within 0 <= start < end <= {len(self.raw)}",
            )
            return
        if not isinstance(text, str):
            self.add(f"{where}.text", f"{text!r} is not a string")
        elif self.raw[start:end] != text:
            self.add(f"{where}.text", f"{text!r} != raw[{start}:{end}] {self.raw[start:end]!r}")


def _item_name(item: object, layer: str, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]:
        return str(item["id"])
    return f"{layer}[{index}]"


def _items(check: _Checker, record: Mapping[str, Any], layer: str) -> list[tuple[str, dict[str, Any]]]:
    """The (name, item) pairs of one layer; non-object items are reported and dropped."""
    value = record.get(layer)
    if layer not in record:
        return []
    if not isinstance(value, list):
        check.add(layer, f"{type(value).__name__} is not a list")
        return []
    out = []
    for index, item in enumerate(value):
        name = _item_name(item, layer, index)
        if not isinstance(item, dict):
            check.add(name, f"{item!r} is not an object")
            continue
        out.append((name, item))
    return out


def _sorted(check: _Checker, layer: str, starts: Sequence[tuple[str, object]]) -> None:
    previous: int | None = None
    for name, start in starts:
        if not _is_int(start):
            continue
        if previous is not None and start < previous:
            check.add(f"{name}.start", f"{layer} not sorted by start ({start} after {previous})")
        previous = start


def _check_meta(check: _Checker, meta: object) -> None:
    if not isinstance(meta, dict):
        check.add("meta", f"{meta!r} is not an object")
        return
    check.fields("meta", meta, META_KEYS)
    check.optional_str("meta", meta, "title")
    check.optional_str("meta", meta, "publisher")
    check.one_of("meta", meta, "kind", META_KINDS)
    for name in ("issue", "issue_total"):
        value = meta.get(name)
        if value is not None and (not _is_int(value) or value < 1):
            check.add(f"meta.{name}", f"{value!r} is not a positive integer or null")
    check.date_or_null("meta.published", meta.get("published"))
    check.period("meta.period", meta.get("period"))


def _check_entity(check: _Checker, name: str, item: dict[str, Any]) -> None:
    label = item.get("label")
    if label not in LABELS:
        check.add(f"{name}.label", f"{label!r} is not one of {', '.join(LABELS)}")
        check.fields(name, item, _ENTITY_BASE, tuple(f for fs in ENTITY_FIELDS.values() for f in fs))
    else:
        check.fields(name, item, ENTITY_FIELDS[label])
    check.span(name, item)
    check.nonempty_str(name, item, "norm")
    if label == "ORG":
        check.optional_str(name, item, "unit")
        check.one_of(name, item, "kind", ORG_KINDS + (None,))
    elif label == "PERSON":
        check.optional_str(name, item, "title")
    elif label == "POLICY":
        check.one_of(name, item, "doc_type", DOC_TYPES + (None,))


def _check_time(check: _Checker, name: str, item: dict[str, Any]) -> None:
    check.fields(name, item, TIME_FIELDS)
    check.span(name, item)
    start = check.date_or_null(f"{name}.start_date", item.get("start_date"))
    end = check.date_or_null(f"{name}.end_date", item.get("end_date"))
    if start is not None and end is not None and start > end:
        check.add(f"{name}.start_date", f"start_date {start} is after end_date {end}")
    check.one_of(name, item, "grain", GRAINS)
    check.boolean(name, item, "approx")


def _check_quantity(check: _Checker, name: str, item: dict[str, Any]) -> None:
    check.fields(name, item, QUANTITY_FIELDS, QUANTITY_OPTIONAL)
    check.span(name, item)
    value = item.get("value")
    if "value" in item and not _is_number(value):
        check.add(f"{name}.value", f"{value!r} is not a number")
    if "value_max" in item:
        upper = item["value_max"]
        if not _is_number(upper):
            check.add(f"{name}.value_max", f"{upper!r} is not a number")
        elif _is_number(value) and upper < value:
            check.add(f"{name}.value_max", f"{upper!r} is below value {value!r}")
    check.nonempty_str(name, item, "unit")
    check.boolean(name, item, "approx")
    check.optional_str(name, item, "metric")
    check.optional_str(name, item, "scope")
    if item.get("metric") is None:
        for field in ("scope", "period"):
            if item.get(field) is not None:
                check.add(f"{name}.{field}", "set on a quantity whose metric is null")
    else:
        check.period(f"{name}.period", item.get("period"))  # null: the period is unknown


def _check_event(
    check: _Checker,
    name: str,
    item: dict[str, Any],
    kinds: Mapping[str, str],
) -> None:
    check.fields(name, item, EVENT_FIELDS, EVENT_OPTIONAL)
    check.one_of(name, item, "type", EVENT_TYPES)
    trigger = item.get("trigger")
    if "trigger" in item:
        if isinstance(trigger, dict):
            check.fields(f"{name}.trigger", trigger, ("start", "end", "text"))
            check.span(f"{name}.trigger", trigger)
        else:
            check.add(f"{name}.trigger", f"{trigger!r} is not an object {{start, end, text}}")
    time = item.get("time")
    if "time" in item and (not isinstance(time, str) or kinds.get(time) != "TIME"):
        check.add(f"{name}.time", f"{time!r} is not the id of a time")
    if "summary" in item and not isinstance(item["summary"], str):
        check.add(f"{name}.summary", f"{item['summary']!r} is not a string")
    args = item.get("args")
    if "args" not in item:
        return
    if not isinstance(args, list):
        check.add(f"{name}.args", f"{args!r} is not a list")
        return
    for index, arg in enumerate(args):
        where = f"{name}.args[{index}]"
        if not isinstance(arg, dict):
            check.add(where, f"{arg!r} is not an object {{role, ref}}")
            continue
        check.fields(where, arg, ("role", "ref"))
        role, ref = arg.get("role"), arg.get("ref")
        if not isinstance(role, str) or role not in ARG_ROLES:
            check.add(f"{where}.role", f"{role!r} is not one of {', '.join(ARG_ROLES)}")
            role = None
        kind = kinds.get(ref) if isinstance(ref, str) else None
        if kind is None:
            check.add(f"{where}.ref", f"{ref!r} is not an id in this file")
        elif role is not None and kind not in ARG_ROLES[role]:
            allowed = "/".join(sorted(ARG_ROLES[role]))
            check.add(f"{where}.ref", f"{ref!r} is a {kind}, role {role!r} takes {allowed}")


def validate_record(record: Mapping[str, Any], raw: str, *, source: str) -> list[str]:
    """Return every problem of one annotation ``record`` against its ``raw`` text.

    Args:
        record: a gold file or prediction as a plain dict.
        raw: the bulletin text the offsets index.
        source: how problems name the record (usually its file path).

    Returns:
        One string per problem, ``"<source>: <id>.<field>: <what is wrong>"``;
        an empty list for a valid record.
    """
    check = _Checker(raw, source)
    if not isinstance(record, Mapping):
        check.add("record", f"{type(record).__name__} is not a JSON object")
        return check.problems
    check.fields("record", record, TOP_KEYS)
    record_id = record.get("id")
    if "id" in record and (not isinstance(record_id, str) or not record_id):
        check.add("record.id", f"{record_id!r} is not a non-empty string")
    if "meta" in record:
        _check_meta(check, record["meta"])

    layers = {layer: _items(check, record, layer) for layer in TOP_KEYS[2:]}
    kinds: dict[str, str] = {}  # id -> ORG/PERSON/.../TIME/QUANTITY/EVENT
    first_use: dict[str, str] = {}  # id -> layer that used it first
    for layer, items in layers.items():
        for name, item in items:
            mention_id = item.get("id")
            if not isinstance(mention_id, str) or not mention_id:
                check.add(f"{name}.id", f"{mention_id!r} is not a non-empty string")
                continue
            if mention_id in kinds:
                check.add(f"{name}.id", f"duplicate id, already used in {first_use[mention_id]}")
                continue
            first_use[mention_id] = layer
            label = item.get("label") if layer == "entities" else None
            kinds[mention_id] = {
                "times": "TIME", "quantities": "QUANTITY", "events": "EVENT",
            }.get(layer, label if isinstance(label, str) else "ENTITY")

    for name, item in layers["entities"]:
        _check_entity(check, name, item)
        label = item.get("label")
        link = {"PERSON": ("org", "ORG"), "POLICY": ("alias_of", "POLICY")}.get(str(label))
        if link is not None:
            field, target = link
            ref = item.get(field)
            if ref is not None and (
                not isinstance(ref, str) or kinds.get(ref) != target or ref == item.get("id")
            ):
                check.add(f"{name}.{field}", f"{ref!r} is not the id of another {target} or null")
    for name, item in layers["times"]:
        _check_time(check, name, item)
    for name, item in layers["quantities"]:
        _check_quantity(check, name, item)
    for name, item in layers["events"]:
        _check_event(check, name, item, kinds)

    for layer in ("entities", "times", "quantities"):
        _sorted(check, layer, [(name, item.get("start")) for name, item in layers[layer]])
    _sorted(
        check,
        "events",
        [
            (name, item["trigger"].get("start"))
            for name, item in layers["events"]
            if isinstance(item.get("trigger"), dict)
        ],
    )
    return check.problems


def check_record(record: Mapping[str, Any], raw: str, *, source: str) -> None:
    """Raise :class:`CorpusError` listing every problem of ``record``, if any."""
    problems = validate_record(record, raw, source=source)
    if problems:
        raise CorpusError(f"{source}: {len(problems)} annotation problem(s); first: {problems[0]}", problems)


def validate_corpus(root: str | os.PathLike[str]) -> dict[str, list[str]]:
    """Validate every ``root/gold/*.json`` against ``root/raw/<id>.txt``.

    Args:
        root: the corpus folder (the one holding ``gold/`` and ``raw/``).

    Returns:
        Problems by gold file name (``<id>.json``); a valid file maps to ``[]``.
        A gold file without raw text, one whose ``id`` is not its file stem and
        one that is not valid JSON are problems too.
    """
    root = Path(root)
    results: dict[str, list[str]] = {}
    for gold_path in sorted((root / "gold").glob("*.json")):
        source = f"gold/{gold_path.name}"
        raw_path = root / "raw" / f"{gold_path.stem}.txt"
        try:
            record = load_record(gold_path)
        except CorpusError as exc:
            results[gold_path.name] = list(exc.problems)
            continue
        if not raw_path.is_file():
            results[gold_path.name] = [f"{source}: record: no raw text raw/{raw_path.name}"]
            continue
        problems = validate_record(record, read_raw(raw_path), source=source)
        if "id" in record and record["id"] != gold_path.stem:
            problems.insert(0, f"{source}: record.id: {record['id']!r} is not the file stem {gold_path.stem!r}")
        results[gold_path.name] = problems
    return results


def load_manifest(root: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Return the checked document entries of ``root/manifest.json``.

    Raises:
        CorpusError: the manifest is missing required fields, has a duplicate
            id or an entry whose raw text is missing.
    """
    root = Path(root)
    path = root / "manifest.json"
    manifest = load_record(path)
    documents = manifest.get("documents")
    problems: list[str] = []
    if not isinstance(documents, list):
        problems.append(f"{path}: documents: missing or not a list")
        documents = []
    seen: set[str] = set()
    entries: list[dict[str, Any]] = []
    for index, entry in enumerate(documents):
        where = f"{path}: documents[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{where}: not an object")
            continue
        doc_id, synthetic = entry.get("id"), entry.get("synthetic")
        if not isinstance(doc_id, str) or not doc_id:
            problems.append(f"{where}.id: {doc_id!r} is not a non-empty string")
            continue
        if doc_id in seen:
            problems.append(f"{where}.id: duplicate id {doc_id!r}")
        if not isinstance(synthetic, bool):
            problems.append(f"{where}.synthetic: {synthetic!r} is not true or false")
        if not isinstance(entry.get("source"), str):
            problems.append(f"{where}.source: {entry.get('source')!r} is not a string")
        if not (root / "raw" / f"{doc_id}.txt").is_file():
            problems.append(f"{where}.id: no raw text raw/{doc_id}.txt")
        seen.add(doc_id)
        entries.append(entry)
    if problems:
        raise CorpusError(f"{path}: {len(problems)} manifest problem(s); first: {problems[0]}", problems)
    return entries


def iter_corpus(root: str | os.PathLike[str], *, validate: bool = True) -> Iterator[CorpusDocument]:
    """Yield the documents listed in ``root/manifest.json``, in manifest order.

    Args:
        root: the corpus folder.
        validate: check each gold record against its raw text.

    Raises:
        CorpusError: the manifest is malformed, or (with ``validate``) a gold
            record has problems; ``problems`` lists them all.
    """
    root = Path(root)
    for entry in load_manifest(root):
        doc_id = entry["id"]
        raw = read_raw(root / "raw" / f"{doc_id}.txt")
        gold_path = root / "gold" / f"{doc_id}.json"
        gold = load_record(gold_path) if gold_path.is_file() else None
        if gold is not None and validate:
            check_record(gold, raw, source=f"gold/{gold_path.name}")
        yield CorpusDocument(id=doc_id, raw=raw, gold=gold, synthetic=entry["synthetic"])
