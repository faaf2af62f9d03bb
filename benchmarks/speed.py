"""Throughput, memory, cold start and scale-out of gov_extract, with peers, in one run.

    python benchmarks/speed.py [--quick] [--cli-files N] [--json benchmarks/results/speed.json]

Inputs: the corpus bulletins (corpus/raw) repeated to about 2 MB, and the
``content`` of ../shared/data/gov_work_reports.jsonl (1.1 M characters).
Sizes are UTF-8 bytes (KB = 1000 bytes). Times are CPU seconds of the process
doing the work (``time.process_time``) unless marked wall: on a shared
machine wall time measures the neighbours too. Measured:

- throughput (KB/s, documents/s) of ``default_pipeline()`` on each input, and
  the time of each stage (reader, then every component);
- peers on the same text: ``jieba.lcut`` alone (tokenisation only) and, if
  importable, ``jionlp.ner.extract_time`` (times only), as ratios;
- scaling: one document of 1x, 2x, 4x, 8x a 128 KB base (time must stay
  under 9x at 8x);
- ``pipe(n_process=2)`` against serial on the 2 MB input (results must be
  identical): median wall speed-up over alternating rounds, and the workers'
  CPU time against the serial run's;
- cold start (import + first extraction) and peak RSS, each in a fresh
  subprocess;
- with ``--cli-files N``: the ``gov-extract`` CLI over N small files, RSS
  sampled while it runs (must stay flat), and ``--skip-existing`` resuming a
  run that was killed.

Prints a markdown table (target, measured, verdict) and writes the JSON.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gov_extract.pipeline import Pipeline, default_pipeline, parse_reference_date  # noqa: E402
from gov_extract.structure import read  # noqa: E402

REPORTS = ROOT.parent / "shared" / "data" / "gov_work_reports.jsonl"
CORPUS_RAW = ROOT / "corpus" / "raw"
MB = 1_000_000
SAMPLE = "四川省政务服务和公共资源交易服务中心2025年12月12日召开会议，全年办件1 2.5万件。"
TIME_BASE = {"year": 2025, "month": 12, "day": 12}  # jionlp must not read the clock


# --- inputs -----------------------------------------------------------------


def nbytes(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def corpus_texts(target: int) -> list[str]:
    """The corpus bulletins, repeated in order until ``target`` bytes."""
    base = [p.read_text(encoding="utf-8") for p in sorted(CORPUS_RAW.glob("*.txt"))]
    out: list[str] = []
    size = 0
    while size < target:
        for text in base:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def report_texts() -> list[str]:
    with open(REPORTS, encoding="utf-8") as fh:
        return [json.loads(line)["content"] for line in fh]


# --- measuring --------------------------------------------------------------


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = clock()
    return wall - start[0], cpu - start[1]


def run_stages(nlp: Pipeline, texts: Sequence[str]) -> dict[str, float]:
    """CPU seconds per stage over ``texts``, running exactly what ``Pipeline.__call__`` runs."""
    stages = {"reader": 0.0, **{c.name: 0.0 for c in nlp.components}}
    for text in texts:
        t0 = time.process_time()
        doc = read(text, doc_id=None, reference_date=parse_reference_date(None))
        t1 = time.process_time()
        stages["reader"] += t1 - t0
        for comp in nlp.components:
            doc = comp(doc)
            t2 = time.process_time()
            stages[comp.name] += t2 - t1
            t1 = t2
    return stages


def throughput(nlp: Pipeline, name: str, texts: Sequence[str]) -> dict[str, Any]:
    size = nbytes(texts)
    start = clock()
    stages = run_stages(nlp, texts)
    wall, cpu = since(start)
    return {
        "input": name, "bytes": size, "documents": len(texts), "cpu_s": cpu, "wall_s": wall,
        "kb_per_s": size / cpu / 1000, "docs_per_s": len(texts) / cpu,
        "stages_cpu_s": stages,
        "stages_kb_per_s": {k: (size / v / 1000 if v > 0 else None) for k, v in stages.items()},
    }


def peer_jieba(texts: Sequence[str]) -> float:
    import jieba

    tok = jieba.Tokenizer()
    with redirect_stderr(open(os.devnull, "w")):
        tok.initialize()
    t0 = time.process_time()
    for text in texts:
        tok.lcut(text)
    return time.process_time() - t0


def peer_jionlp(texts: Sequence[str]) -> float | None:
    try:
        with redirect_stdout(open(os.devnull, "w")), redirect_stderr(open(os.devnull, "w")):
            import jionlp

            jionlp.ner.extract_time("2025年12月12日", time_base=TIME_BASE)  # load its lexicons
    except ImportError:
        return None
    # jionlp logs a traceback for every candidate it rejects: formatting them is
    # not its extraction work, so logging is off while it is timed
    logging.disable(logging.CRITICAL)
    try:
        t0 = time.process_time()
        with redirect_stdout(open(os.devnull, "w")):
            for text in texts:
                jionlp.ner.extract_time(text, time_base=TIME_BASE)
        return time.process_time() - t0
    finally:
        logging.disable(logging.NOTSET)


def scaling(nlp: Pipeline, texts: Sequence[str], base_bytes: int, factors: Sequence[int],
            repeats: int = 3) -> dict[str, Any]:
    """CPU time of one document of ``factor`` x ``base_bytes`` cut from ``texts``; best of ``repeats``."""
    joined = "\n".join(texts)
    docs = []
    for f in factors:
        chars, size = 0, 0
        while size < base_bytes * f and chars < len(joined):  # whole characters up to the byte size
            step = min(4096, len(joined) - chars)
            size += len(joined[chars:chars + step].encode("utf-8"))
            chars += step
        docs.append(joined[:chars])
    runs: list[list[dict[str, float]]] = [[] for _ in factors]
    for _ in range(repeats):  # interleaved, so a busy spell on a shared machine hits every size
        for i, doc in enumerate(docs):
            runs[i].append(run_stages(nlp, [doc]))
    rows = []
    for f, doc, measured in zip(factors, docs, runs):
        best = min(measured, key=lambda r: sum(r.values()))
        rows.append({"factor": f, "bytes": len(doc.encode("utf-8")), "cpu_s": sum(best.values()),
                     "stages_cpu_s": best})
    first = rows[0]["cpu_s"]
    for r in rows:
        r["ratio"] = r["cpu_s"] / first if first else None
    return {"base_bytes": base_bytes, "repeats": repeats, "rows": rows}


def _cpu_ticks() -> tuple[int, int] | None:
    """(idle, total) jiffies of all CPUs from /proc/stat; ``None`` where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            values = [int(v) for v in fh.readline().split()[1:]]
    except OSError:  # no /proc: not Linux
        return None
    return values[3] + values[4], sum(values)


def parallel(nlp: Pipeline, texts: Sequence[str], n_process: int = 2, rounds: int = 5) -> dict[str, Any]:
    """Serial against ``pipe(n_process=...)``, in alternating rounds; the median of the rounds' ratios.

    The machine's speed drifts by +-20% within a minute, so one pair of runs
    decides little. Each round times a serial and a parallel run back to back,
    which see the same drift, and the median of the rounds' ratios discards
    the rounds a neighbour disturbed (the ratio of the medians would pair runs
    of different rounds; it is reported too). Also reported: the
    workers' CPU time against the serial run's (above 1 when two busy cores
    run slower than one: shared caches, lower clock) and how much of the
    machine other processes used meanwhile.
    """
    ticks0 = _cpu_ticks()
    rows, identical = [], True
    for _ in range(rounds):
        start = clock()
        serial = list(nlp.pipe(texts))
        s_wall, s_cpu = since(start)
        kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = clock()
        par = list(nlp.pipe(texts, n_process=n_process))
        p_wall, p_cpu = since(start)
        kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        identical = identical and par == serial
        del serial, par
        kids_cpu = (kids1.ru_utime + kids1.ru_stime) - (kids0.ru_utime + kids0.ru_stime)
        rows.append({"serial_wall_s": s_wall, "serial_cpu_s": s_cpu, "parallel_wall_s": p_wall,
                     "parent_cpu_s": p_cpu, "workers_cpu_s": kids_cpu, "speedup_wall": s_wall / p_wall})
    ticks1 = _cpu_ticks()
    busy_others = None
    if ticks0 and ticks1 and ticks1[1] > ticks0[1]:
        total_s = (ticks1[1] - ticks0[1]) / os.sysconf("SC_CLK_TCK")
        idle_s = (ticks1[0] - ticks0[0]) / os.sysconf("SC_CLK_TCK")
        ours = sum(r["serial_cpu_s"] + r["parent_cpu_s"] + r["workers_cpu_s"] for r in rows)
        busy_others = max(0.0, (total_s - idle_s - ours) / total_s)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rows)

    return {
        "n_process": n_process, "rounds": rows, "identical": identical,
        "speedup_wall": med("speedup_wall"),
        "speedup_wall_of_medians": med("serial_wall_s") / med("parallel_wall_s"),
        "workers_cpu_vs_serial": med("workers_cpu_s") / med("serial_cpu_s"),
        "parent_cpu_share": med("parent_cpu_s") / med("serial_cpu_s"),
        "machine_share_used_by_others": busy_others,
    }


def subprocess_json(code: str, timeout: float = 900) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=timeout,
                          check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"subprocess failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = time.perf_counter() - t0
    return out


COLD = f"""
import json, time
w, c = time.perf_counter(), time.process_time()
import gov_extract
gov_extract.extract({SAMPLE!r})
print(json.dumps({{"wall_s": time.perf_counter() - w, "cpu_s": time.process_time() - c}}))
"""

RSS = """
import json, resource, sys
sys.path.insert(0, {here!r})
import speed
nlp = speed.default_pipeline()
nlp({sample!r})
ready = speed.high_water_mb()
for text in speed.corpus_texts({target}) + speed.report_texts():
    nlp(text)
print(json.dumps({{"after_load_mb": ready, "peak_mb": speed.high_water_mb(),
                  "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def high_water_mb() -> float:
    """Peak RSS of this process in MB.

    ``VmHWM`` where /proc has it: Linux carries the parent's high-water mark
    into ``ru_maxrss`` across fork and exec, so a subprocess started from a
    big parent would report the parent's size; ``ru_maxrss`` elsewhere.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            hwm = [int(line.split()[1]) for line in fh if line.startswith("VmHWM:")]
    except OSError:  # no /proc: not Linux
        hwm = []
    if hwm:
        return hwm[0] / 1024
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024


def cold_start(runs: int) -> dict[str, Any]:
    subprocess_json(COLD)  # the first run may (re)build jieba's cache file
    rows = [subprocess_json(COLD) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in rows) for key in ("wall_s", "cpu_s", "process_wall_s")}


def peak_rss(target: int) -> dict[str, Any]:
    return subprocess_json(RSS.format(here=str(HERE), sample=SAMPLE, target=target))


# --- CLI over many files ----------------------------------------------------


def _small_bulletins(folder: Path, n: int) -> None:
    """``n`` small bulletins: a few paragraphs of a corpus bulletin, numbers and dates varied."""
    rng = random.Random(8)
    bases = [p.read_text(encoding="utf-8").split("\n") for p in sorted(CORPUS_RAW.glob("*.txt"))]
    for i in range(n):
        lines = bases[i % len(bases)]
        start = rng.randrange(0, max(1, len(lines) - 12))
        body = "\n".join(lines[start:start + 12])
        head = f"工作简报\n第{i % 50 + 1}期\n某市政务服务中心 2025年{i % 12 + 1}月{i % 28 + 1}日\n"
        (folder / f"b{i:05d}.txt").write_text(head + body + f"\n本周办件{rng.randrange(1, 99999)}件。\n",
                                              encoding="utf-8")


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cli(args: list[str]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "gov_extract.cli", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(folder: Path) -> int:
    return sum(1 for e in os.scandir(folder) if e.name.endswith(".json")) if folder.exists() else 0


def cli_files(n: int) -> dict[str, Any]:
    """RSS of ``gov-extract extract DIR -o OUT`` over ``n`` files; then a killed run resumed."""
    with tempfile.TemporaryDirectory(prefix="gov_extract_cli_") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        _small_bulletins(src, n)
        size = nbytes(p.read_text(encoding="utf-8") for p in src.iterdir())
        proc = _cli(["extract", str(src), "-o", str(out), "-q"])
        samples: list[tuple[int, float]] = []
        t0 = time.perf_counter()
        while proc.poll() is None:
            rss = _rss_mb(proc.pid)
            if rss is not None:
                samples.append((_count(out), rss))
            time.sleep(0.5)
        wall = time.perf_counter() - t0
        _, err = proc.communicate()
        done = [s for s in samples if s[0] > 0]
        at = {}
        for frac in (0.1, 0.25, 0.5, 0.75, 1.0):
            near = [rss for count, rss in done if count <= frac * n]
            at[f"{int(frac * 100)}%"] = near[-1] if near else None
        first = next((rss for count, rss in done if count >= 0.1 * n), None)
        result: dict[str, Any] = {
            "files": n, "bytes": size, "wall_s": wall, "exit": proc.returncode, "written": _count(out),
            "rss_mb_at_progress": at, "rss_growth_mb_after_10pct": (max(r for _, r in done) - first)
            if done and first is not None else None,
            "stderr_tail": err.strip().splitlines()[-1:] if err.strip() else [],
        }
        # --skip-existing: kill a run after a third of the files, resume it
        m = min(n, 1000)
        out2 = Path(tmp) / "out2"
        sub = Path(tmp) / "in2"
        sub.mkdir()
        for p in sorted(src.iterdir())[:m]:
            os.link(p, sub / p.name)
        proc = _cli(["extract", str(sub), "-o", str(out2), "-q"])
        while proc.poll() is None and _count(out2) < m // 3:
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        proc.communicate()
        before = _count(out2)
        leftovers = [e.name for e in os.scandir(out2) if not e.name.endswith(".json")] if out2.exists() else []
        proc = _cli(["extract", str(sub), "-o", str(out2), "-q", "--skip-existing"])
        _, err2 = proc.communicate()
        bad = 0
        for e in os.scandir(out2):
            if e.name.endswith(".json"):
                try:
                    json.loads(Path(e.path).read_text(encoding="utf-8"))
                except ValueError:
                    bad += 1
        result["resume"] = {
            "files": m, "written_before_kill": before, "temp_files_left_by_kill": leftovers,
            "exit": proc.returncode, "summary": err2.strip().splitlines()[-1:] if err2.strip() else [],
            "json_files_after_resume": _count(out2), "unparseable": bad,
            "ok": _count(out2) == m and bad == 0 and f"{before} skipped" in err2,
        }
        return result


# --- report -----------------------------------------------------------------


def untokenized(t: dict[str, Any]) -> float:
    """KB/s of the pipeline less its ``tokens`` stage (no later stage reads ``Document.tokens``)."""
    rest = sum(v for k, v in t["stages_cpu_s"].items() if k != "tokens")
    return t["bytes"] / rest / 1000 if rest else float("nan")


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("ok" if ok else "**missed**")


def report(res: dict[str, Any]) -> str:
    lines = [f"gov_extract speed — {res['machine']}", ""]
    lines += ["| input | size | docs | CPU s | wall s | KB/s | docs/s | KB/s without tokens stage | jieba.lcut KB/s "
              "| jionlp time KB/s |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in res["throughput"]:
        jio = f"{t['jionlp_kb_per_s']:.0f}" if t.get("jionlp_kb_per_s") else "—"
        lines.append(f"| {t['input']} | {t['bytes'] / MB:.2f} MB | {t['documents']} | {t['cpu_s']:.1f} | "
                     f"{t['wall_s']:.1f} | {t['kb_per_s']:.0f} | {t['docs_per_s']:.1f} | {untokenized(t):.0f} | "
                     f"{t['jieba_kb_per_s']:.0f} | {jio} |")
    lines += ["", "| stage | " + " | ".join(t["input"] for t in res["throughput"]) + " |",
              "|---|" + "---:|" * len(res["throughput"])]
    for stage in res["throughput"][0]["stages_cpu_s"]:
        cells = [f"{t['stages_cpu_s'][stage]:.2f} s ({t['stages_kb_per_s'][stage] or 0:.0f} KB/s)"
                 for t in res["throughput"]]
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines += ["", "| check | target | measured | verdict |", "|---|---|---|---|"]
    for name, target, measured, ok in res["checks"]:
        lines.append(f"| {name} | {target} | {measured} | {verdict(ok)} |")
    sc = res["scaling"]["rows"]
    lines += ["", "| scaling (one document) | " + " | ".join(f"{r['factor']}x" for r in sc) + " |",
              "|---|" + "---:|" * len(sc),
              "| CPU s | " + " | ".join(f"{r['cpu_s']:.2f}" for r in sc) + " |",
              "| ratio | " + " | ".join(f"{r['ratio']:.2f}" for r in sc) + " |"]
    for stage in sc[0].get("stages_cpu_s", {}):
        lines.append(f"| {stage} | " + " | ".join(f"{r['stages_cpu_s'][stage]:.2f}" for r in sc) + " |")
    if res.get("cli"):
        c = res["cli"]
        lines += ["", f"CLI: {c['files']} files ({c['bytes'] / MB:.1f} MB) in {c['wall_s']:.0f} s wall, "
                  f"exit {c['exit']}, {c['written']} written; RSS MB by progress "
                  + ", ".join(f"{k}: {v:.0f}" if v else f"{k}: —" for k, v in c["rss_mb_at_progress"].items())
                  + f"; resume: {c['resume']}"]
    return "\n".join(lines)


def checks(res: dict[str, Any]) -> list[tuple[str, str, str, bool | None]]:
    out = []
    for t in res["throughput"]:
        if t.get("jionlp_ratio") is not None:
            out.append((f"vs jionlp extract_time ({t['input']})", ">= 1.0x", f"{t['jionlp_ratio']:.2f}x",
                        t["jionlp_ratio"] >= 1.0))
        out.append((f"vs jieba.lcut alone ({t['input']})", ">= 0.3x", f"{t['jieba_ratio']:.2f}x",
                    t["jieba_ratio"] >= 0.3))
    out.append(("peak RSS", "<= 300 MB", f"{res['rss']['peak_mb']:.0f} MB "
                f"(after load {res['rss']['after_load_mb']:.0f} MB)", res["rss"]["peak_mb"] <= 300))
    cs = res["cold_start"]
    out.append(("cold start (import + first extract)", "<= 2 s",
                f"{cs['cpu_s']:.2f} s CPU, {cs['wall_s']:.2f} s wall, {cs['process_wall_s']:.2f} s process",
                cs["cpu_s"] <= 2.0))
    last = res["scaling"]["rows"][-1]
    out.append((f"scaling {last['factor']}x input", f"<= {last['factor'] + 1}x time", f"{last['ratio']:.2f}x",
                last["ratio"] <= last["factor"] + 1))
    p = res["parallel"]
    share = p.get("machine_share_used_by_others")
    others = f"{100 * share:.0f}% of the CPUs" if share is not None else "—"
    out.append(("pipe(n_process=2) vs serial", ">= 1.7x, identical",
                f"{p['speedup_wall']:.2f}x wall (median of {len(p['rounds'])} alternating rounds: "
                + ", ".join(f"{r['speedup_wall']:.2f}x" for r in p["rounds"])
                + (f"; ratio of the medians {p['speedup_wall_of_medians']:.2f}x" if "speedup_wall_of_medians" in p else "")
                + f"), identical={p['identical']}; workers' CPU {p['workers_cpu_vs_serial']:.2f}x the serial run's, "
                f"parent {100 * p['parent_cpu_share']:.0f}%; others used {others}",
                p["identical"] and p["speedup_wall"] >= 1.7))
    if res.get("cli"):
        c = res["cli"]
        growth = c["rss_growth_mb_after_10pct"]
        out.append((f"CLI RSS over {c['files']} files", "flat (< 20 MB growth after 10%)",
                    f"{growth:.1f} MB" if growth is not None else "—", growth is not None and growth < 20))
        out.append(("CLI --skip-existing resumes a killed run", "all files, none twice",
                    f"{c['resume']['summary']}", c["resume"]["ok"]))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="smaller inputs (a smoke run, not a measurement)")
    ap.add_argument("--cli-files", type=int, default=0, metavar="N", help="also run the CLI over N small files")
    ap.add_argument("--json", default=str(HERE / "results" / "speed.json"), help="where to write the results")
    ap.add_argument("--render", metavar="JSON", help="print the tables of a saved result file and stop")
    args = ap.parse_args(argv)
    if args.render:
        saved = json.loads(Path(args.render).read_text(encoding="utf-8"))
        saved["checks"] = checks(saved)
        print(report(saved))
        return 0

    target = 200_000 if args.quick else 2 * MB
    inputs: list[tuple[str, list[str]]] = [("corpus x ~2 MB" if not args.quick else "corpus x ~0.2 MB",
                                            corpus_texts(target))]
    if REPORTS.exists():
        reports = report_texts()
        inputs.append(("work reports", reports[:8] if args.quick else reports))
    load = clock()
    nlp = default_pipeline()
    nlp(SAMPLE)
    _, load_cpu = since(load)
    res: dict[str, Any] = {
        "machine": f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
                   f"load average {os.getloadavg()[0]:.1f} at start",
        "pipeline": list(nlp.names), "load_in_process_cpu_s": load_cpu, "throughput": [],
    }
    for name, texts in inputs:
        res["throughput"].append(throughput(nlp, name, texts))
    # before the peers are loaded: their heaps would slow every garbage collection here
    res["scaling"] = scaling(nlp, inputs[-1][1], 16_000 if args.quick else 128_000, (1, 2, 4, 8))
    res["parallel"] = parallel(nlp, inputs[0][1])
    for (name, texts), row in zip(inputs, res["throughput"]):
        jieba_cpu = peer_jieba(texts)
        row["jieba_kb_per_s"] = row["bytes"] / jieba_cpu / 1000
        row["jieba_ratio"] = jieba_cpu / row["cpu_s"]
        jio = peer_jionlp(texts)
        row["jionlp_kb_per_s"] = row["bytes"] / jio / 1000 if jio else None
        row["jionlp_ratio"] = jio / row["cpu_s"] if jio else None
        print(f"{name}: {row['kb_per_s']:.0f} KB/s, jieba {row['jieba_kb_per_s']:.0f} KB/s, jionlp "
              f"{row['jionlp_kb_per_s'] or 0:.0f} KB/s", file=sys.stderr)
    res["cold_start"] = cold_start(1 if args.quick else 3)
    res["rss"] = peak_rss(target)
    if args.cli_files:
        res["cli"] = cli_files(args.cli_files)
    res["machine"] += f", {os.getloadavg()[0]:.1f} at end"
    res["checks"] = checks(res)
    text = report(res)
    print(text)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
