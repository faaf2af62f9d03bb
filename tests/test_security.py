"""Security: hostile input (catastrophic backtracking, super-linear passes,
numbers too big to print), no unsafe deserialisation from shared places, no
network access.

Slow or hanging work runs in a subprocess with a timeout, so a regression
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import ast
import json
import marshal
import os
import queue
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS_IDS
from tests.strategies import HOSTILE

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "gov_extract"
BULLETIN = REPO / "corpus" / "raw" / f"{CORPUS_IDS[0]}.txt"

# Budget for the ~200 KB input of one family, and the largest allowed ratio of
# the time at 4x the size to the time at 1x (linear is 4; noise gets a margin).
RUN_SECONDS = 60.0
MAX_RATIO = 8.0
# Times under this floor are too short to compare: the ratio uses the floor.
TIME_FLOOR = 0.05


def run_python(code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 120.0) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter at the repo root; return the JSON it prints last."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    try:
        proc = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code), *args],
            check=False, cwd=REPO, env=full_env, capture_output=True, text=True, timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"subprocess exceeded {timeout:.0f} s (args {args})")
    assert proc.returncode == 0, f"subprocess failed:\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- hostile input -------------------------------------------------------------------

# One warm interpreter runs the families in turn and prints one JSON line per
# family; an exception is reported for its family and the next one runs.
_HOSTILE_RUNNER = """
import json, sys, time, traceback
from gov_extract import extract
from tests.strategies import HOSTILE, check_document

extract("2025年12月12日，省林草局印发《关于加强林长制的通知》，受理5.4万件。")  # build the pipeline
print(json.dumps({"ready": True}), flush=True)
for arg in sys.argv[1:]:
    family, small = arg.split("=")
    out = {"family": family}
    try:
        for label, size in (("1x", int(small)), ("4x", 4 * int(small))):
            text = HOSTILE[family](size)
            t0 = time.process_time()  # CPU time: other processes on the machine do not count
            doc = extract(text, doc_id=family)
            out[label] = {"seconds": time.process_time() - t0, "chars": len(text)}
            check_document(doc)  # offsets hold, the record is JSON (a 200 000-digit int is not)
    except Exception:
        out["error"] = traceback.format_exc()[-2500:]
    print(json.dumps(out), flush=True)
"""

# 1x size by family: 4x is the ~200 KB run (the one long line: ~1 MB).
HOSTILE_SIZES = {name: 50_000 for name in HOSTILE} | {"one_long_line": 250_000}
STARTUP_SECONDS = 120.0


def _pump(stream: Any, lines: queue.Queue[str | None]) -> None:
    """Move the lines of ``stream`` into ``lines``; ``None`` marks the end."""
    for line in stream:
        lines.put(line)
    lines.put(None)


def _run_hostile(families: list[str]) -> dict[str, dict[str, Any]]:
    """Results by family; a family over its deadline is killed and the rest run in a new process."""
    results: dict[str, dict[str, Any]] = {}
    pending = list(families)
    while pending:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as stderr:
            proc = subprocess.Popen(
                [sys.executable, "-c", _HOSTILE_RUNNER, *(f"{f}={HOSTILE_SIZES[f]}" for f in pending)],
                cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE,
                stderr=stderr, text=True, encoding="utf-8",
            )
            lines: queue.Queue[str | None] = queue.Queue()
            threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
            try:
                deadline = STARTUP_SECONDS
                while pending:
                    try:
                        line = lines.get(timeout=deadline)
                    except queue.Empty:
                        results[pending.pop(0)] = {"error": f"timed out after {deadline:.0f} s"}
                        break
                    if line is None:  # the interpreter died
                        stderr.seek(0)
                        results[pending.pop(0)] = {"error": f"interpreter exited: {stderr.read()[-2500:]}"}
                        break
                    record = json.loads(line)
                    if "family" in record:
                        results[record["family"]] = record
                        pending.remove(record["family"])
                    if pending:  # wall time for the 1x and 4x runs of the next family, on a busy machine
                        deadline = 2 * RUN_SECONDS * max(1.0, HOSTILE_SIZES[pending[0]] / 125_000)
            finally:
                proc.kill()
                proc.wait()
    return results


@pytest.fixture(scope="module")
def hostile_results(request: pytest.FixtureRequest) -> dict[str, dict[str, Any]]:
    """Run every selected family once, in one warm interpreter."""
    selected = [
        item.callspec.params["family"] for item in request.session.items
        if getattr(item, "originalname", "") == "test_hostile_input_is_handled_in_linear_time"
    ]
    return _run_hostile(selected or list(HOSTILE))


@pytest.mark.parametrize("family", list(HOSTILE))
def test_hostile_input_is_handled_in_linear_time(family: str, hostile_results: dict[str, dict[str, Any]]) -> None:
    result = hostile_results[family]
    assert "error" not in result, f"{family}: {result['error']}"
    one, four = result["1x"]["seconds"], result["4x"]["seconds"]
    assert four < RUN_SECONDS, f"{family}: {result['4x']['chars']} chars took {four:.1f} s"
    ratio = four / max(one, TIME_FLOOR)
    assert ratio <= MAX_RATIO, (
        f"{family}: super-linear, {one:.2f} s at {result['1x']['chars']} chars but "
        f"{four:.2f} s at {result['4x']['chars']} (x{ratio:.1f})"
    )


def test_hostile_families_are_distinct() -> None:
    samples = {name: build(200) for name, build in HOSTILE.items()}
    assert len(set(samples.values())) == len(samples)
    assert all(150 <= len(s) <= 260 for s in samples.values()), {k: len(v) for k, v in samples.items()}


# --- deserialisation and the jieba cache ------------------------------------------------------

_CACHE_RUNNER = """
import json, marshal, pickle, sys, tempfile

loaded = []


def spy(module, name):
    real = getattr(module, name)

    def wrapper(source, *args, **kwargs):
        loaded.append(getattr(source, "name", "<bytes>"))
        return real(source, *args, **kwargs)

    setattr(module, name, wrapper)


# File loads only: the import system calls marshal.loads for every .pyc.
for module, name in ((marshal, "load"), (pickle, "load")):
    spy(module, name)

import gov_extract
from gov_extract.tokenize import cache_dir

with open(sys.argv[1], encoding="utf-8") as fh:
    doc = gov_extract.make_pipeline(tokens=True)(fh.read())
print(json.dumps({"loaded": [str(x) for x in loaded], "cache_dir": str(cache_dir()),
                  "tempdir": tempfile.gettempdir(), "tokens": len(doc.tokens)}))
"""


def _isolated_env(tmp_path: Path, **extra: str) -> tuple[dict[str, str], Path]:
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {"TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp), "HOME": str(home),
           "XDG_CACHE_HOME": str(home / ".cache"), **extra}
    return env, tmp


def _cache_process(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "GOV_EXTRACT_CACHE"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CACHE_RUNNER), str(BULLETIN)], check=False, cwd=REPO,
        env={**base, "PYTHONPATH": str(REPO), **env}, capture_output=True, text=True, timeout=300,
    )


def _run_cache(env: dict[str, str]) -> dict[str, Any]:
    proc = _cache_process(env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _world_writable(path: Path) -> bool:
    return bool(path.stat().st_mode & stat.S_IWOTH)


def test_jieba_cache_lives_in_the_private_dir_not_the_temp_dir(tmp_path: Path) -> None:
    env, tmp = _isolated_env(tmp_path)
    first = _run_cache(env)  # builds the cache
    second = _run_cache(env)  # loads it
    assert first["tempdir"] == str(tmp)
    assert list(tmp.iterdir()) == [], f"files left in the temp dir: {list(tmp.iterdir())}"
    private = Path(second["cache_dir"])
    assert private == tmp_path / "home" / ".cache" / "gov_extract"
    assert not _world_writable(private), oct(private.stat().st_mode)
    assert private.stat().st_uid == os.getuid()
    caches = list(private.iterdir())
    assert caches, "no jieba cache written to the private dir"
    assert not any(_world_writable(p) for p in caches)
    assert second["loaded"], "the second run did not load the cache it built"
    for name in first["loaded"] + second["loaded"]:
        assert Path(name).parent == private, f"deserialised {name} outside {private}"
    assert second["tokens"] > 0


def test_cache_dir_is_private_when_overridden(tmp_path: Path) -> None:
    env, tmp = _isolated_env(tmp_path, GOV_EXTRACT_CACHE=str(tmp_path / "mine" / "cache"))
    result = _run_cache(env)
    private = Path(result["cache_dir"])
    assert private == tmp_path / "mine" / "cache"
    assert stat.S_IMODE(private.stat().st_mode) & 0o077 == 0, oct(private.stat().st_mode)
    assert list(tmp.iterdir()) == []


def test_no_marshal_loaded_from_a_world_writable_cache_dir(tmp_path: Path) -> None:
    """A cache dir anyone can write to (``GOV_EXTRACT_CACHE=/tmp/x``) is never read.

    Another user could plant ``jieba.cache`` there; the library must refuse the
    dir (an error naming it) or keep its cache elsewhere.
    """
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    planted = shared / "jieba.cache"
    planted.write_bytes(marshal.dumps(({"蛤": 1}, 1)))
    planted.chmod(0o666)
    env, _ = _isolated_env(tmp_path, GOV_EXTRACT_CACHE=str(shared))
    proc = _cache_process(env)
    if proc.returncode != 0:
        assert str(shared) in proc.stderr and "writable" in proc.stderr, proc.stderr[-2000:]
        return
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert str(planted) not in result["loaded"], f"loaded a planted cache from a world-writable dir: {result}"
    assert Path(result["cache_dir"]) != shared or not _world_writable(shared)


def _calls(tree: ast.AST) -> list[tuple[str, int]]:
    """Dotted names of every call and import in ``tree``, with line numbers."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            parts, func = [], node.func
            while isinstance(func, ast.Attribute):
                parts.append(func.attr)
                func = func.value
            if isinstance(func, ast.Name):
                parts.append(func.id)
            out.append((".".join(reversed(parts)), node.lineno))
        elif isinstance(node, ast.Import):
            out.extend((f"import {a.name}", node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            out.extend((f"import {node.module}.{a.name}", node.lineno) for a in node.names)
    return out


# Deserialisers that can run code or read attacker-made files.
FORBIDDEN = ("pickle.load", "pickle.Unpickler", "marshal.load", "marshal.loads", "yaml.load", "yaml.unsafe_load",
             "yaml.full_load", "shelve.open", "dill.load", "dill.loads", "joblib.load", "eval", "exec",
             "import marshal", "import shelve", "import dill", "import joblib", "import yaml.load",
             "import pickle.load", "import marshal.load")
# pickle.loads is allowed only for bytes the library's own worker processes
# send each other (multiprocessing in parallel.py, Dask tasks in distributed.py).
_IPC_MODULES = {"parallel.py", "distributed.py"}
IPC_ONLY = {"pickle.loads": _IPC_MODULES, "import pickle": _IPC_MODULES}


@pytest.mark.parametrize("module", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")))
def test_no_unsafe_deserialisation_in_the_package(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    for name, line in _calls(tree):
        assert name not in FORBIDDEN, f"{module}:{line}: {name}"
        if name in IPC_ONLY:
            assert module in IPC_ONLY[name], f"{module}:{line}: {name} outside the worker IPC"


def test_lexicons_load_as_plain_text() -> None:
    source = (PACKAGE / "lexicon.py").read_text(encoding="utf-8")
    names = {name for name, _ in _calls(ast.parse(source))}
    assert not {n for n in names if n.split(".")[0] in ("pickle", "marshal", "yaml", "shelve")} - {"yaml.safe_load"}
    assert not any(n.startswith(("import pickle", "import marshal", "import shelve")) for n in names)
    data_files = [p for p in (PACKAGE / "data").iterdir() if p.is_file()]
    for path in data_files:
        assert path.suffix in (".tsv", ".txt", ".json", ".yaml", ".yml", ".csv"), f"non-text data file {path.name}"
        path.read_text(encoding="utf-8")  # every data file is UTF-8 text


# --- no network ------------------------------------------------------------------------------

_NETWORK_RUNNER = """
import json, socket, sys

attempts = []


def refuse(*args, **kwargs):
    attempts.append(repr(args)[:200])
    raise OSError("network access attempted")


class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse(*args)


socket.socket = NoSocket
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse

import gov_extract
import gov_extract.cli

with open(sys.argv[1], encoding="utf-8") as fh:
    doc = gov_extract.extract(fh.read(), doc_id="net")
doc2 = gov_extract.extract("今年以来，湖州市数据局受理1.2万件。", reference_date="2025年3月5日")
print(json.dumps({"attempts": attempts, "entities": len(doc.entities), "times": len(doc2.times)}))
"""


def test_no_network_access_at_import_or_run_time(tmp_path: Path) -> None:
    result = run_python(_NETWORK_RUNNER, str(BULLETIN), timeout=300)
    assert result["attempts"] == [], result
    assert result["entities"] > 0
