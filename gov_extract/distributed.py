"""Scale out with Dask: a bag of extracted records, written as JSON lines or Parquet.

>>> from gov_extract.distributed import extract_bag, to_jsonl, to_parquet
>>> bag = extract_bag("bulletins/**/*.txt", npartitions=64)      # doctest: +SKIP
>>> to_jsonl(bag, "out/all.jsonl")                               # doctest: +SKIP
>>> to_parquet(bag, "out/tables")                                # doctest: +SKIP

Files are read on the workers; each worker process builds its pipeline once
(``pipeline_factory()``, by default :func:`~gov_extract.pipeline.default_pipeline`)
and reuses it for every partition it runs. Records are ``Document.to_dict()``
(the ANNOTATION_GUIDE format), in the order of the sorted input paths.

Dask is optional: ``pip install 'gov_extract[dask]'`` (and ``[parquet]`` for
:func:`to_parquet`).
"""

from __future__ import annotations

import functools
import glob as globlib
import json
import logging
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GovExtractError
from .files import open_atomic, read_text
from .pipeline import Pipeline, parse_reference_date

if TYPE_CHECKING:
    import dask.bag

__all__ = ["TABLES", "expand_paths", "extract_bag", "flatten", "to_jsonl", "to_parquet"]

log = logging.getLogger(__name__)

PipelineFactory = Callable[[], Pipeline]

# Parquet tables written by to_parquet: name -> ordered (column, pyarrow type name).
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "string"), ("title", "string"), ("kind", "string"), ("issue", "int64"),
        ("issue_total", "int64"), ("publisher", "string"), ("published", "date32"),
        ("period_start", "date32"), ("period_end", "date32"),
    ),
    "entities": (
        ("doc_id", "string"), ("id", "string"), ("label", "string"), ("start", "int64"), ("end", "int64"),
        ("text", "string"), ("norm", "string"), ("unit", "string"), ("kind", "string"), ("title", "string"),
        ("org", "string"), ("doc_type", "string"), ("alias_of", "string"),
    ),
    "times": (
        ("doc_id", "string"), ("id", "string"), ("start", "int64"), ("end", "int64"), ("text", "string"),
        ("start_date", "date32"), ("end_date", "date32"), ("grain", "string"), ("approx", "bool_"),
    ),
    "quantities": (
        ("doc_id", "string"), ("id", "string"), ("start", "int64"), ("end", "int64"), ("text", "string"),
        ("value", "string"), ("value_max", "string"), ("unit", "string"), ("approx", "bool_"),
        ("metric", "string"), ("scope", "string"), ("period_start", "date32"), ("period_end", "date32"),
    ),
    "events": (
        ("doc_id", "string"), ("id", "string"), ("type", "string"), ("trigger_start", "int64"),
        ("trigger_end", "int64"), ("trigger_text", "string"), ("time", "string"), ("summary", "string"),
    ),
    "event_args": (("doc_id", "string"), ("event_id", "string"), ("role", "string"), ("ref", "string")),
}


def _dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise ImportError(
            "gov_extract.distributed needs dask: pip install 'gov_extract[dask]' (dask[bag] and distributed)"
        ) from exc
    return dask.bag


def expand_paths(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    """Input files: a glob (``**`` recurses), a folder (its ``*.txt``, recursively) or a list of either.

    Sorted within each argument, duplicates dropped; raises ``FileNotFoundError``
    naming the pattern when nothing matches.
    """
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, os.PathLike)) else list(paths_or_glob)
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        text = os.fspath(item)
        if Path(text).is_dir():
            found = sorted(str(p) for p in Path(text).rglob("*.txt") if p.is_file())
        elif globlib.has_magic(text):
            found = sorted(p for p in globlib.glob(text, recursive=True) if os.path.isfile(p))
        else:
            found = [text] if os.path.isfile(text) else []
        if not found:
            raise FileNotFoundError(f"no input files match {text!r}; give files, folders with *.txt or a glob")
        for p in found:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


@functools.lru_cache(maxsize=4)
def _cached_pipeline(pickled_factory: bytes) -> Pipeline:
    """One pipeline per worker process and factory (equal factories pickle equal)."""
    factory: PipelineFactory = pickle.loads(pickled_factory)
    return factory()


def _pipeline(factory: PipelineFactory | None) -> Pipeline:
    """The pipeline of this worker process for ``factory``, built on first use."""
    if factory is None:
        from .pipeline import default_pipeline

        return default_pipeline()
    try:
        key = pickle.dumps(factory)  # the factory arrives unpickled anew with every task
    except (pickle.PicklingError, TypeError, AttributeError):
        return factory()  # e.g. a lambda shipped by value: one pipeline per partition
    return _cached_pipeline(key)


def _extract_partition(
    paths: Sequence[str], factory: PipelineFactory | None, reference_date: date | None, errors: str
) -> list[dict[str, Any]]:
    nlp = _pipeline(factory)
    records = []
    for path in paths:
        try:
            doc = nlp(read_text(path), doc_id=Path(path).stem, reference_date=reference_date)
        except (GovExtractError, OSError, UnicodeError, ValueError) as exc:
            if errors == "raise":
                raise
            log.warning("gov_extract: skipped %s: %s", path, exc)
            continue
        records.append(doc.to_dict())
    return records


def extract_bag(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    pipeline_factory: PipelineFactory | None = None,
    npartitions: int | None = None,
    reference_date: date | str | None = None,
    errors: str = "raise",
) -> dask.bag.Bag:
    """A Dask bag of extracted records, one per input file, in sorted path order.

    ``paths_or_glob`` is as for :func:`expand_paths` (expanded here, on the
    client). ``pipeline_factory`` is a picklable zero-argument callable
    returning a :class:`~gov_extract.pipeline.Pipeline`, e.g.
    ``functools.partial(make_pipeline, lexicon_files=["sichuan.tsv"])``; it is
    called once per worker process. ``npartitions`` defaults to about 100
    files per partition. ``errors="skip"`` logs and drops files that cannot
    be read instead of failing the computation. Each record's ``id`` is the
    file name without ``.txt``.
    """
    db = _dask_bag()
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    paths = expand_paths(paths_or_glob)
    if npartitions is None:
        npartitions = max(1, min(len(paths), -(-len(paths) // 100)))
    ref = parse_reference_date(reference_date)
    bag = db.from_sequence(paths, npartitions=npartitions)
    return bag.map_partitions(_extract_partition, pipeline_factory, ref, errors)


def _write_lines(records: Iterable[dict[str, Any]], fh: Any) -> None:
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False))
        fh.write("\n")


def _partitions_in_order(bag: dask.bag.Bag, window: int) -> Iterator[list[dict[str, Any]]]:
    """The partitions of ``bag``, in order, at most ``window`` computed or held at once."""
    import dask

    parts = bag.to_delayed()
    try:
        from distributed import default_client

        client = default_client()
    except (ImportError, ValueError):  # no distributed, or no client: the local scheduler
        client = None
    if client is None:
        for i in range(0, len(parts), window):
            yield from dask.compute(*parts[i:i + window])
        return
    pending: deque[Any] = deque()
    for part in parts:
        pending.append(client.compute(part))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def to_jsonl(bag: dask.bag.Bag, path: str | os.PathLike[str], *, window: int = 8) -> list[str]:
    """Write the records of ``bag`` as JSON lines; returns the files written.

    A plain ``path`` gives one file, written on the client in input order
    while the workers compute ahead, at most ``window`` partitions in flight
    (bounded memory); it is atomically replaced at the end. A path containing
    ``*`` gives one file per partition, written by the workers themselves
    (``*`` becomes the partition number).
    """
    text = os.fspath(path)
    if "*" in text:
        return list(bag.map(json.dumps, ensure_ascii=False).to_textfiles(text, encoding="utf-8", last_endline=True))
    target = Path(text)
    with open_atomic(target) as fh:
        for records in _partitions_in_order(bag, max(1, window)):
            _write_lines(records, fh)
    return [str(target)]


def _period(row: dict[str, Any], period: dict[str, Any] | None) -> None:
    row["period_start"] = period["start"] if period else None
    row["period_end"] = period["end"] if period else None


def _decimal_text(value: float | None) -> str | None:
    return None if value is None else str(value)


def flatten(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Records as rows of the :data:`TABLES`, every row keyed by ``doc_id``.

    Quantity values are kept as decimal strings (exact); dates stay ISO strings.
    """
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for rec in records:
        doc_id = rec["id"]
        meta = dict(rec.get("meta") or {})
        period = meta.pop("period", None)
        row = {"doc_id": doc_id, **meta}
        _period(row, period)
        tables["documents"].append(row)
        for ent in rec["entities"]:
            tables["entities"].append({"doc_id": doc_id, **ent})
        for tim in rec["times"]:
            tables["times"].append({"doc_id": doc_id, **tim})
        for qty in rec["quantities"]:
            row = {"doc_id": doc_id, **qty}
            row["value"] = _decimal_text(qty["value"])
            row["value_max"] = _decimal_text(qty.get("value_max"))
            _period(row, row.pop("period", None))
            tables["quantities"].append(row)
        for ev in rec["events"]:
            trig = ev["trigger"]
            tables["events"].append({
                "doc_id": doc_id, "id": ev["id"], "type": ev["type"], "trigger_start": trig["start"],
                "trigger_end": trig["end"], "trigger_text": trig["text"], "time": ev["time"],
                "summary": ev.get("summary"),
            })
            for arg in ev["args"]:
                tables["event_args"].append({"doc_id": doc_id, "event_id": ev["id"], **arg})
    return tables


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    return pa.schema([(col, getattr(pa, typ)()) for col, typ in TABLES[name]])


def _write_parquet_partition(records: list[dict[str, Any]], root: str, index: int) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    written = []
    for name, rows in flatten(records).items():
        schema = _arrow_schema(name)
        cols = {col: [_to_arrow(row.get(col), typ) for row in rows] for col, typ in TABLES[name]}
        table = pa.table(cols, schema=schema)
        out = Path(root) / name / f"part-{index:05d}.parquet"
        out.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, out)
        written.append(str(out))
    return written


def _to_arrow(value: Any, typ: str) -> Any:
    if value is not None and typ == "date32":
        return date.fromisoformat(value)
    return value


def to_parquet(bag: dask.bag.Bag, path: str | os.PathLike[str]) -> list[str]:
    """Write the records of ``bag`` as flat Parquet tables; returns the files written.

    One folder per table of :data:`TABLES` under ``path`` (``documents/``,
    ``entities/``, ``times/``, ``quantities/``, ``events/``, ``event_args/``),
    one ``part-NNNNN.parquet`` per partition, written by the workers (``path``
    must be visible to them). Read a table back with
    ``pyarrow.parquet.read_table(f"{path}/entities")``; join on ``doc_id``.
    """
    try:
        import pyarrow  # noqa: F401 - fail early, on the client
    except ImportError as exc:
        raise ImportError("to_parquet needs pyarrow: pip install 'gov_extract[parquet]'") from exc
    import dask

    root = os.fspath(path)
    tasks = [
        dask.delayed(_write_parquet_partition)(part, root, i) for i, part in enumerate(bag.to_delayed())
    ]
    return [f for files in dask.compute(*tasks) for f in files]
