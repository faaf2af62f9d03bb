"""gov_extract.parallel: worker processes give the serial run's documents, in order, streaming."""

from __future__ import annotations

import functools
import json
import multiprocessing
import threading
from collections.abc import Iterator
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract import Pipeline, extract
from gov_extract.model import Document, Entity, Quantity
from gov_extract.parallel import default_start_method, dumps, loads, map_batches, pipe_parallel
from gov_extract.tokenize import JiebaTokenizer
from tests.conftest import CORPUS_IDS, raw_text

REPORTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "gov_work_reports.jsonl"
_NUMBER = regex.compile(r"\d{1,15}(?:\.\d{1,6})?")
_ORG = regex.compile(r"\p{Han}{1,8}?(?:厅|局|委员会|中心)")


@dataclass(frozen=True)
class Numbers:
    """Toy ``quantities`` component: every Arabic number of the clean view."""

    name: str = "quantities"
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        out = []
        for m in _NUMBER.finditer(doc.view.text):
            rs, re_ = doc.view.raw_span(*m.span())
            out.append(Quantity(f"q{len(out) + 1}", rs, re_, doc.raw[rs:re_], Decimal(m.group()), "个"))
        return doc.replace(quantities=tuple(out))


@dataclass(frozen=True)
class Orgs:
    """Toy ``entities`` component: Han runs ending in an org suffix."""

    name: str = "entities"
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        out = []
        for m in _ORG.finditer(doc.view.text):
            rs, re_ = doc.view.raw_span(*m.span())
            out.append(Entity(f"e{len(out) + 1}", "ORG", rs, re_, doc.raw[rs:re_], m.group()))
        return doc.replace(entities=tuple(out))


@dataclass(frozen=True)
class FailOn:
    """Raises on a text containing ``marker``; passes every other document through."""

    marker: str = "BOOM"
    name: str = "events"
    requires: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        if self.marker in doc.raw:
            raise ValueError(f"cannot handle {doc.id!r}")
        return doc


def small_pipeline() -> Pipeline:
    return Pipeline([JiebaTokenizer(user_words=["政务服务"]), Orgs(), Numbers()])


@functools.cache
def shared_pipeline() -> Pipeline:
    """One warmed-up small pipeline for the property tests (jieba loads in seconds)."""
    return small_pipeline()


# Bulletins of other departments and places, written for these tests.
OWN_TEXTS = [
    "成都市市场监督管理局2024年3月5日召开食品安全工作会议，检查企业1 2 3家。",
    "浙江省发展和改\n革委员会印发《关于推进数字化改革的通知》，涉及资金5.6亿元。",
    "广东省人力资源和社会保障厅：截至6月底，全省发放补贴3.2万人次。",
    "",
    "绵阳市政务服务中心本周办件１２３４件，同比增长12.5%。",
    "（（（（《《“万万万1.1.1.1",
]


def corpus_and_own() -> list[str]:
    return [raw_text(i) for i in CORPUS_IDS] + OWN_TEXTS


def test_default_start_method_is_available() -> None:
    assert default_start_method() in multiprocessing.get_all_start_methods()


@pytest.mark.parametrize("start_method", [m for m in ("fork", "forkserver", "spawn")
                                          if m in multiprocessing.get_all_start_methods()])
def test_equals_serial_in_order(start_method: str) -> None:
    nlp = small_pipeline()
    texts = corpus_and_own() * 3
    serial = list(nlp.pipe(texts))
    parallel = list(pipe_parallel(nlp, iter(texts), n_process=2, batch_size=2, start_method=start_method))
    assert parallel == serial
    assert [d.raw for d in parallel] == texts


@pytest.mark.parametrize(("n_process", "batch_size"), [(2, 1), (2, 5), (3, 2), (2, 1000)])
def test_pipe_with_tuples_keeps_context_objects(n_process: int, batch_size: int) -> None:
    nlp = Pipeline([Orgs(), Numbers()])
    items = [(t, {"doc_id": f"d{i}", "reference_date": "2025-01-02", "extra": [i]})
             for i, t in enumerate(corpus_and_own())]
    out = list(nlp.pipe(iter(items), as_tuples=True, n_process=n_process, batch_size=batch_size))
    serial = list(nlp.pipe(items, as_tuples=True))
    assert [d for d, _ in out] == [d for d, _ in serial]
    assert all(ctx is orig for (_, ctx), (_, orig) in zip(out, items))
    assert [d.id for d, _ in out] == [f"d{i}" for i in range(len(items))]


def test_input_is_streamed_not_listed() -> None:
    """At most the in-flight window (2 * n_process batches, plus one) is read ahead."""
    pulled = 0

    def texts() -> Iterator[str]:
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield f"第{i}号：四川省商务厅办件{i}件。"

    it = pipe_parallel(Pipeline([Numbers()]), texts(), n_process=2, batch_size=4)
    first = [next(it) for _ in range(5)]
    assert [q.value for q in first[4].quantities] == [Decimal(4), Decimal(4)]
    assert pulled <= (2 * 2 + 1) * 4
    it.close()  # shuts the workers down


def test_error_after_the_documents_before_it() -> None:
    nlp = Pipeline([Numbers(), FailOn()])
    texts = ["1件", "2件", "3件 BOOM", "4件", "5件"]
    got = []
    with pytest.raises(ValueError, match="cannot handle"):
        for doc in pipe_parallel(nlp, texts, n_process=2, batch_size=2):
            got.append(doc.raw)
    assert got == ["1件", "2件"]


def _sizes(nlp: Pipeline, batch: list[str]) -> list[int]:
    if "BOOM" in batch:
        raise ValueError("cannot size BOOM")
    return [len(nlp(text).quantities) for text in batch]


def test_map_batches_in_order_then_the_error() -> None:
    batches = [["1件"], ["1件2件", "3件"], ["BOOM"], ["4件"]]
    got = []
    with pytest.raises(ValueError, match="cannot size BOOM"):
        for result in map_batches(Pipeline([Numbers()]), _sizes, iter(batches), n_process=2):
            got.append(result)
    assert got == [[1], [2, 1]]


def test_type_error_as_serial() -> None:
    nlp = Pipeline([Numbers()])
    with pytest.raises(TypeError, match="must be str"):
        list(pipe_parallel(nlp, ["一", b"bytes"], n_process=2, batch_size=1))


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"n_process": 0}, "n_process"),
    ({"n_process": 2, "batch_size": 0}, "batch_size"),
])
def test_bad_arguments(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        list(pipe_parallel(Pipeline([]), ["x"], **kwargs))


def test_unpicklable_component_named_in_error() -> None:
    @dataclass(frozen=True)
    class Local:  # a local class cannot be pickled by reference
        name: str = "entities"
        requires: tuple[str, ...] = ()

        def __call__(self, doc: Document) -> Document:
            return doc

    with pytest.raises(TypeError, match="cannot be pickled"):
        list(pipe_parallel(Pipeline([Local()]), ["x"], n_process=2, start_method="spawn"))


def test_pipeline_with_jieba_state_pickles() -> None:
    """Locks held by a warmed-up JiebaTokenizer become fresh locks."""
    nlp = small_pipeline()
    nlp("预热")
    copy = loads(dumps(nlp))
    assert copy("成都市税务局") == nlp("成都市税务局")


def test_fork_refused_with_threads_running() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert default_start_method() != "fork"
    finally:
        stop.set()
        worker.join()


@pytest.mark.skipif(not REPORTS.exists(), reason="shared/data/gov_work_reports.jsonl not present")
def test_work_reports_equal_serial() -> None:
    with open(REPORTS, encoding="utf-8") as fh:
        texts = [json.loads(line)["content"] for _, line in zip(range(6), fh)]
    nlp = small_pipeline()
    assert list(nlp.pipe(texts, n_process=2, batch_size=1)) == list(nlp.pipe(texts))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("四川省厅局中心0123456789１２. \n年月日万亿（）《》“”、，。"), max_size=200))
def test_dumps_loads_round_trip(text: str) -> None:
    doc = shared_pipeline()(text, doc_id="x")
    copy = loads(dumps(doc))
    assert copy == doc
    assert copy.view.text == doc.view.text and list(copy.view.index) == list(doc.view.index)


@dataclass(frozen=True, slots=True)
class _TaggedEntity(Entity):
    source: str = "user"


def test_record_subclasses_keep_their_type() -> None:
    doc = extract("四川省人民政府办公厅和省发展改革委召开会议。")
    first, second = doc.entities[:2]
    tagged = _TaggedEntity(**{f.name: getattr(second, f.name) for f in fields(Entity)}, source="mine")
    doc = doc.replace(entities=(first, tagged, *doc.entities[2:]))
    copy = loads(dumps(doc))
    assert copy == doc
    assert type(copy.entities[1]) is _TaggedEntity and copy.entities[1].source == "mine"
