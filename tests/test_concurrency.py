"""Concurrency and determinism: threads, worker processes and hash seeds
never change a result (ids, order and values identical to a serial run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from gov_extract import extract
from gov_extract.pipeline import default_pipeline
from tests.conftest import CORPUS_IDS, raw_text

REPO = Path(__file__).resolve().parents[1]
THREADS = 8

# Sentences of other departments and cities beside the corpus bulletins.
EXTRA = {
    "hunan": "2024年3月5日，湖南省数据局会同长沙市政务服务中心印发《关于推进“湘易办”移动端建设的通知》，"
             "共受理政务服务事项1.2万件、办结约9800件。",
    "zhejiang": "本周，湖州市数据局、市市场监管局联合开展“浙里办”宣讲活动，覆盖企业超过300家。",
    "guizhou": "今年以来，遵义市人社局累计办理社保业务3.4万件，同比增长12.5%。",
}


def corpus_texts() -> dict[str, str]:
    return {doc_id: raw_text(doc_id) for doc_id in CORPUS_IDS} | EXTRA


def serial_records() -> dict[str, dict[str, Any]]:
    return {doc_id: extract(text, doc_id=doc_id).to_dict() for doc_id, text in corpus_texts().items()}


def test_threads_give_the_serial_results() -> None:
    expected = serial_records()
    texts = corpus_texts()
    ids = list(texts)
    barrier = threading.Barrier(THREADS)
    results: list[dict[str, dict[str, Any]]] = [{} for _ in range(THREADS)]
    errors: list[Exception] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            order = ids[n % len(ids):] + ids[:n % len(ids)]  # each thread in another order
            for _ in range(2):
                for doc_id in order:
                    results[n][doc_id] = extract(texts[doc_id], doc_id=doc_id).to_dict()
        except Exception as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "threads did not finish"
    assert not errors, errors
    for n, result in enumerate(results):
        assert result == expected, f"thread {n} differs from the serial run"


_COLD_START = """
import json, sys, threading
import gov_extract

texts = json.loads(sys.stdin.read())
barrier = threading.Barrier(8)
results, errors = [None] * 8, []


def work(n):
    try:
        barrier.wait()  # every thread builds or waits for the default pipeline at once
        results[n] = {k: gov_extract.extract(v, doc_id=k).to_dict() for k, v in texts.items()}
    except BaseException as exc:
        errors.append(repr(exc))


threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
serial = {k: gov_extract.extract(v, doc_id=k).to_dict() for k, v in texts.items()}
print(json.dumps({"errors": errors, "same": [r == serial for r in results], "serial": serial}))
"""


def run_python(code: str, stdin: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], input=stdin, check=False, cwd=REPO,
                          env=full_env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_threads_at_cold_start_give_the_serial_results() -> None:
    """Eight threads call extract before the default pipeline (and jieba) is built."""
    result = run_python(_COLD_START, json.dumps(corpus_texts(), ensure_ascii=False))
    assert result["errors"] == []
    assert result["same"] == [True] * THREADS
    assert result["serial"] == serial_records()


def test_worker_processes_give_the_serial_results() -> None:
    texts = corpus_texts()
    expected = serial_records()
    docs = list(default_pipeline().pipe(((t, {"doc_id": k}) for k, t in texts.items()),
                                        as_tuples=True, n_process=2, batch_size=2))
    assert {ctx["doc_id"]: doc.to_dict() for doc, ctx in docs} == expected
    assert [ctx["doc_id"] for _, ctx in docs] == list(texts)


# --- determinism ---------------------------------------------------------------------------

def test_same_input_same_output_in_one_process() -> None:
    texts = corpus_texts()
    first = serial_records()
    for doc_id in reversed(list(texts)):  # another order, warm caches
        assert extract(texts[doc_id], doc_id=doc_id).to_dict() == first[doc_id]


_DUMP = """
import json, sys
import gov_extract

texts = json.loads(sys.stdin.read())
print(json.dumps({k: gov_extract.extract(v, doc_id=k).to_dict() for k, v in texts.items()}, ensure_ascii=False))
"""


@pytest.mark.parametrize("seed", ["0", "4242", "random"])
def test_same_output_across_processes_and_hash_seeds(seed: str) -> None:
    texts = corpus_texts()
    result = run_python(_DUMP, json.dumps(texts, ensure_ascii=False), env={"PYTHONHASHSEED": seed})
    expected = serial_records()
    assert list(result) == list(expected)
    for doc_id in expected:
        # Serialised forms are compared too, so key order and number types count.
        assert json.dumps(result[doc_id], ensure_ascii=False) == json.dumps(expected[doc_id], ensure_ascii=False), doc_id
