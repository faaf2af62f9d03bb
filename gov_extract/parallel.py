"""Run a pipeline in worker processes: ``Pipeline.pipe(texts, n_process=N)``.

:func:`map_batches` is the engine (also behind ``gov-extract extract
--jobs``): it calls a function on batches of work in worker processes, each
holding one pipeline. Input is streamed in batches of ``batch_size`` documents with at most
``2 * n_process`` batches in flight, so memory stays bounded whatever the
length of the input; results come back in input order and equal the serial
run's.

Each worker gets the pipeline once, never per document:

- ``fork`` (the default on Linux when the calling process has a single
  thread): workers inherit the parent's pipeline, warmed up first so that
  jieba's dictionary is loaded once and shared copy-on-write;
- ``forkserver`` / ``spawn`` (the default elsewhere, or when other threads run,
  where ``fork`` can deadlock): the default pipeline is rebuilt in each worker
  with :func:`~gov_extract.pipeline.default_pipeline`; a custom pipeline is
  pickled once and sent to each worker (thread locks are recreated empty).

Documents travel back pickled by :func:`dumps`: tokens as columns (ten times
faster than one pickled object per token), sections and mentions as rows of
fields whose texts are rebuilt from ``raw``, other records as constructor
calls; the parent unpickles with the garbage collector paused.
"""

from __future__ import annotations

import copyreg
import gc
import io
import logging
import multiprocessing
import os
import pickle
import sys
import threading
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import fields
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar

from .model import Argument, Document, Entity, Event, Meta, Period, Quantity, Section, TimeExpr, Token, Trigger

if TYPE_CHECKING:
    from .pipeline import Pipeline

__all__ = ["default_start_method", "dumps", "loads", "map_batches", "pipe_parallel"]

log = logging.getLogger(__name__)
R = TypeVar("R")

# Warm-up text: exercises reader, jieba and the taggers so that lazily built
# state exists before workers are forked from the parent.
_WARMUP = "2025年12月12日，四川省人民政府办公厅召开会议，部署1.2万件政务服务事项。"
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))
# Frozen records pickle as ``cls(*fields)``: the dataclasses' own pickling
# calls Python for each field.
_RECORDS = (Token, Entity, TimeExpr, Quantity, Section, Trigger, Argument, Event, Period, Meta)
# Record tuples of a Document travel as rows of fields without ``text``,
# which is rebuilt as ``raw[start:end]``.
_SPANNED = {"sections": Section, "entities": Entity, "times": TimeExpr, "quantities": Quantity}
_FIELDS = {cls: attrgetter(*(f.name for f in fields(cls))) for cls in _RECORDS}
_DOC_FIELDS = tuple(f.name for f in fields(Document) if f.name not in {"tokens", *_SPANNED})


def _spanned_layout(cls: type) -> tuple[attrgetter[Any], int]:
    """The getter of ``cls``'s fields other than ``text``, and where ``text`` goes (after start, end)."""
    names = [f.name for f in fields(cls)]
    at = names.index("text")
    if names[at - 2 : at] != ["start", "end"]:
        raise TypeError(f"{cls.__name__}: 'text' must follow 'start' and 'end'")
    return attrgetter(*names[:at], *names[at + 1 :]), at


_LAYOUT = {cls: _spanned_layout(cls) for cls in _SPANNED.values()}


def _rows(records: tuple[Any, ...]) -> tuple[type | None, Any]:
    """``(cls, rows of fields but text)`` when every record is exactly a ``cls``, else ``(None, records)``.

    A Document checks that each text is its slice of ``raw``.
    """
    cls = type(records[0]) if records else None
    layout = _LAYOUT.get(cls)  # type: ignore[arg-type]
    if layout is None or any(type(r) is not cls for r in records):
        return None, records
    return cls, list(map(layout[0], records))


def _unrows(raw: str, cls: type | None, rows: Any) -> tuple[Any, ...]:
    """The inverse of :func:`_rows`."""
    if cls is None:
        return rows
    at = _LAYOUT[cls][1]
    return tuple(cls(*row[:at], raw[row[at - 2] : row[at - 1]], *row[at:]) for row in rows)


def _rebuild_document(
    state: dict[str, Any], spanned: dict[str, Any], starts: array, ends: array, words: list[str]
) -> Document:
    """A Document from :func:`_reduce_document`'s form."""
    raw = state["raw"]
    texts = [raw[s:e] for s, e in zip(starts, ends)]
    records = {name: _unrows(raw, *packed) for name, packed in spanned.items()}
    return Document(**state, **records, tokens=tuple(map(Token, starts, ends, texts, words)))


def _reduce_document(doc: Document) -> tuple[Any, ...]:
    tokens = doc.tokens
    return _rebuild_document, (
        {name: getattr(doc, name) for name in _DOC_FIELDS},
        {name: _rows(getattr(doc, name)) for name in _SPANNED},
        array("q", [t.start for t in tokens]),
        array("q", [t.end for t in tokens]),
        [t.word for t in tokens],
    )


def _reduce_record(obj: Any) -> tuple[Any, ...]:
    return type(obj), _FIELDS[type(obj)](obj)


def _reduce_lock(obj: Any) -> tuple[Any, ...]:
    return (threading.RLock if "RLock" in type(obj).__name__ else threading.Lock), ()


class _Pickler(pickle.Pickler):
    """Pickler for pipelines and documents.

    A Document's tokens travel as columns (starts, ends, words; the texts are
    slices of ``raw``): ten times faster to pickle than one object per token.
    Its sections, entities, times and quantities travel as rows of fields, the
    texts again slices of ``raw``. Other frozen records pickle as
    ``cls(*fields)``; thread locks (held by lazily initialised components) as
    new empty locks. A dispatch table, not ``reducer_override``: it costs
    nothing for the objects it does not name.
    """

    dispatch_table = {
        **copyreg.dispatch_table,
        Document: _reduce_document,
        **dict.fromkeys(_RECORDS, _reduce_record),
        **dict.fromkeys(_LOCK_TYPES, _reduce_lock),
    }


def dumps(obj: Any) -> bytes:
    """``obj`` pickled with gov_extract's reducers (documents, records, locks)."""
    buf = io.BytesIO()
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buf.getvalue()


def loads(data: bytes) -> Any:
    """The inverse of :func:`dumps`.

    The cyclic garbage collector is paused meanwhile: unpickling makes many
    objects and no cycles, and each collection would walk the caller's heap.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if enabled:
            gc.enable()


def default_start_method() -> str:
    """``fork`` on Linux in a single-threaded process, else ``forkserver`` or ``spawn``.

    ``fork`` lets workers inherit the loaded pipeline (fastest start, shared
    memory); it is unsafe with other threads running (a lock held by one is
    never released in the child) and on macOS.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


# --- worker side ----------------------------------------------------------
# The pipeline of *this worker process*, set once by _init_worker; never set
# in the parent process.
_worker: dict[str, Pipeline] = {}


def _init_worker(mode: str, payload: Any) -> None:
    if mode == "inherit":
        _worker["nlp"] = payload
    elif mode == "default":
        from .pipeline import default_pipeline

        _worker["nlp"] = default_pipeline()
    else:
        _worker["nlp"] = loads(payload)
    gc.freeze()  # the pipeline lives as long as the worker: keep it out of every collection


def _call(func: Callable[[Pipeline, list[Any]], R], batch: list[Any]) -> R:
    return func(_worker["nlp"], batch)


def _run_batch(nlp: Pipeline, batch: list[tuple[str, str | None, Any]]) -> bytes:
    """Run the worker's pipeline on ``(text, doc_id, reference_date)`` items.

    Returns ``dumps((docs, error))``: the documents made before the first
    failure, and that failure (or ``None``), so the parent can yield exactly
    what the serial run would have before raising.
    """
    docs: list[Document] = []
    error: BaseException | None = None
    for text, doc_id, reference_date in batch:
        try:
            docs.append(nlp(text, doc_id=doc_id, reference_date=reference_date))
        except Exception as exc:  # noqa: BLE001 - re-raised in the parent, in order
            error = exc
            break
    try:
        return dumps((docs, error))
    except Exception as exc:  # noqa: BLE001 - an exception that does not pickle
        return dumps((docs, RuntimeError(f"worker failed with {error!r}; pickling the result failed: {exc!r}")))


# --- parent side ----------------------------------------------------------


def _is_default(pipeline: Pipeline) -> bool:
    from .pipeline import default_pipeline

    return default_pipeline.cache_info().currsize > 0 and default_pipeline() is pipeline


def _worker_args(pipeline: Pipeline, method: str) -> tuple[str, Any]:
    if method == "fork":
        try:
            pipeline(_WARMUP)  # load lazy state once, before it is copied into the workers
        except Exception as exc:  # noqa: BLE001 - only an optimisation; real errors surface per document
            log.debug("warm-up before fork failed: %r; workers load lazily", exc)
        return "inherit", pipeline
    if _is_default(pipeline):
        return "default", None
    try:
        return "pickle", dumps(pipeline)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        raise TypeError(
            f"{pipeline!r} cannot be pickled for start method {method!r} ({exc}); make its components "
            "picklable, or use start_method='fork' on Linux"
        ) from exc


def _batches(
    texts: Iterable[Any], as_tuples: bool, size: int
) -> Iterator[tuple[list[tuple[str, str | None, Any]], list[Any]]]:
    """``(work items, contexts)`` per batch, read lazily from ``texts``."""
    it = iter(texts)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        if as_tuples:
            work = [(text, ctx.get("doc_id"), ctx.get("reference_date")) for text, ctx in chunk]
            yield work, [ctx for _, ctx in chunk]
        else:
            yield [(text, None, None) for text in chunk], []


def map_batches(
    pipeline: Pipeline,
    func: Callable[[Pipeline, list[Any]], R],
    batches: Iterable[list[Any]],
    *,
    n_process: int = 2,
    start_method: str | None = None,
) -> Iterator[R]:
    """Yield ``func(worker_pipeline, batch)`` for each of ``batches``, in order.

    The calls run in ``n_process`` worker processes, each holding one copy of
    ``pipeline``; ``func`` must be a module-level function (it is sent by
    reference) and its result picklable. At most ``2 * n_process`` batches are
    in flight, so ``batches`` is read lazily. An exception raised by ``func``
    is re-raised here, after the results of the batches before it.
    """
    if n_process == -1:
        n_process = os.cpu_count() or 1
    if not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a positive int or -1, not {n_process!r}")
    method = start_method or default_start_method()
    mode, payload = _worker_args(pipeline, method)
    window = 2 * n_process
    pending: deque[Future[R]] = deque()
    executor = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=multiprocessing.get_context(method),
        initializer=_init_worker,
        initargs=(mode, payload),
    )
    try:
        for batch in batches:
            pending.append(executor.submit(_call, func, batch))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def pipe_parallel(
    pipeline: Pipeline,
    texts: Iterable[str] | Iterable[tuple[str, dict[str, Any]]],
    *,
    as_tuples: bool = False,
    n_process: int = 2,
    batch_size: int = 8,
    start_method: str | None = None,
) -> Iterator[Document] | Iterator[tuple[Document, dict[str, Any]]]:
    """Yield ``pipeline(text)`` for each of ``texts``, computed in ``n_process`` processes.

    Same contract as :meth:`Pipeline.pipe`: with ``as_tuples`` items are
    ``(text, context)`` and ``(document, context)`` is yielded with the
    caller's own context object. ``n_process=-1`` uses every CPU. An exception
    raised by the pipeline on a document is re-raised here after the
    documents before it have been yielded, as in the serial run.
    ``start_method`` overrides :func:`default_start_method`.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    # contexts stay in the parent: the caller gets its own objects back
    contexts: deque[list[Any]] = deque()

    def work() -> Iterator[list[tuple[str, str | None, Any]]]:
        for items, ctx in _batches(texts, as_tuples, batch_size):
            contexts.append(ctx)
            yield items

    for payload in map_batches(pipeline, _run_batch, work(), n_process=n_process, start_method=start_method):
        docs, error = loads(payload)
        ctx = contexts.popleft()
        if as_tuples:
            yield from zip(docs, ctx)
        else:
            yield from docs
        if error is not None:
            raise error
