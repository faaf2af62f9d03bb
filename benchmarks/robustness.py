"""Hostile input: time per MB of each stage on adversarial text families, 1x / 4x / 16x.

    python benchmarks/robustness.py [--base 64000] [--families a,b] [--big-mb 10] [--timeout 300]
                                    [--profile FAMILY] [--json benchmarks/results/robustness.json]

Each family builds a text of a given size (UTF-8 bytes): long digit runs,
unclosed ``《``, ``“`` floods, ``1.1.1.1…``, ``万万万…``, ``（（（…`` nesting,
random CJK and punctuation soup, and more. Every measurement runs the default
pipeline in a forked child (which inherits the loaded pipeline) under a
timeout, so a catastrophic case is reported instead of hanging the run; it
times each stage (reader, then every component) in CPU seconds and checks
that extraction did not raise. A family is flagged **superlinear** when its
time per MB at 16x is more than twice that at 1x (the stage that grew most is
named). ``--big-mb`` adds one single-line document of that many MB.
``--profile FAMILY`` prints a cProfile of the 16x text of one family.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import multiprocessing
import os
import pstats
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gov_extract.pipeline import Pipeline, default_pipeline, parse_reference_date  # noqa: E402
from gov_extract.structure import read  # noqa: E402

MB = 1_000_000
FACTORS = (1, 4, 16)
SUPERLINEAR = 2.0  # time per MB at 16x over 1x beyond which a family is flagged


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to at least ``size`` UTF-8 bytes."""
    n = max(1, -(-size // len(unit.encode("utf-8"))))
    return unit * n


def _soup(size: int, seed: int = 9) -> str:
    rng = random.Random(seed)
    han = [chr(c) for c in range(0x4E00, 0x9FA6)]
    punct = list("，。、；：？！“”‘’（）《》【】〔〕—…·%％.,:;()[]0123456789１２３万亿元年月日第期\n ")
    out, got = [], 0
    while got < size:
        ch = rng.choice(han) if rng.random() < 0.6 else rng.choice(punct)
        out.append(ch)
        got += len(ch.encode("utf-8"))
    return "".join(out)


def _corpus_line(size: int) -> str:
    base = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt")))
    return _repeat(base.replace("\r", "").replace("\n", ""), size)


# Family name -> (description, text of about ``size`` bytes).
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits": ("one run of digits", lambda n: _repeat("1234567890", n)),
    "digits_spaced": ("digits with PDF spaces", lambda n: _repeat("1 2 3 4 5 6 7 8 9 0 ", n)),
    "dotted": ("1.1.1.1…", lambda n: _repeat("1.", n)),
    "wan": ("万万万…", lambda n: _repeat("万", n)),
    "numerals": ("Chinese numerals 一百零八亿…", lambda n: _repeat("一百零八亿三千万", n)),
    "book_open": ("《《《… never closed", lambda n: _repeat("《", n)),
    "book_words": ("《关于印发 … never closed", lambda n: _repeat("《关于印发四川省", n)),
    "quotes": ("“ flood", lambda n: _repeat("“", n)),
    "quotes_words": ("“一件事 … never closed", lambda n: _repeat("“高效办成一件事", n)),
    "paren_nesting": ("（（（… deep nesting", lambda n: _repeat("（", n)),
    "org_suffixes": ("厅局委办中心 … suffix chain", lambda n: _repeat("省厅局委办中心", n)),
    "dates": ("dates run together", lambda n: _repeat("2025年12月12日至", n)),
    "headings": ("一、 (一) 1. markers, one per line", lambda n: _repeat("一、\n（一）\n1.\n", n)),
    "newlines": ("blank lines", lambda n: _repeat("\n", n)),
    "soup": ("random CJK + punctuation", _soup),
    "single_line": ("corpus bulletins as one line", _corpus_line),
}


def stage_times(nlp: Pipeline, text: str) -> dict[str, float]:
    """CPU seconds of the reader and of each component on ``text``."""
    times: dict[str, float] = {}
    t0 = time.process_time()
    doc = read(text, doc_id=None, reference_date=parse_reference_date(None))
    t1 = time.process_time()
    times["reader"] = t1 - t0
    for comp in nlp.components:
        doc = comp(doc)
        t2 = time.process_time()
        times[comp.name] = t2 - t1
        t1 = t2
    return times


def _high_water_mb() -> float | None:
    """Peak RSS of this process (Linux ``VmHWM``; a forked child counts the pages it shares)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            hwm = [int(line.split()[1]) for line in fh if line.startswith("VmHWM:")]
    except OSError:  # no /proc: not Linux
        return None
    return hwm[0] / 1024 if hwm else None


def _child(conn: Any, nlp: Pipeline, family: str, size: int) -> None:
    text = FAMILIES[family][1](size)
    try:
        result: dict[str, Any] = {"stages": stage_times(nlp, text), "error": None}
    except Exception as exc:  # noqa: BLE001 - reported as a finding, not raised
        result = {"stages": {}, "error": f"{type(exc).__name__}: {exc}"[:300]}
    result["bytes"] = len(text.encode("utf-8"))
    result["peak_rss_mb"] = _high_water_mb()
    conn.send(result)
    conn.close()


def measure(nlp: Pipeline, family: str, size: int, timeout: float) -> dict[str, Any]:
    """Stage times of one family at one size, in a forked child killed after ``timeout`` s."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, nlp, family, size))
    start = time.perf_counter()
    proc.start()
    child.close()
    result: dict[str, Any] | None = None
    if parent.poll(timeout):
        try:
            result = parent.recv()
        except EOFError:  # the child died (e.g. out of memory)
            result = None
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    wall = time.perf_counter() - start
    if result is None:
        return {"bytes": size, "stages": {}, "error": f"no result within {timeout:.0f} s (exit {proc.exitcode})",
                "timeout": True, "wall_s": wall}
    result["total_s"] = sum(result["stages"].values())
    result["wall_s"] = wall
    return result


def per_mb(row: dict[str, Any], key: str | None = None) -> float | None:
    if row.get("error") and not row["stages"]:
        return None
    value = row["total_s"] if key is None else row["stages"].get(key, 0.0)
    return value / (row["bytes"] / MB)


def judge(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Growth of time per MB from the first to the last size, and the stage that grew most."""
    first, last = rows[0], rows[-1]
    if any(r.get("timeout") for r in rows):
        return {"growth": None, "superlinear": True, "worst_stage": "timeout"}
    a, b = per_mb(first), per_mb(last)
    if not a or b is None:
        return {"growth": None, "superlinear": False, "worst_stage": None}
    growth = b / a
    worst, worst_growth = None, 0.0
    for stage in last["stages"]:
        sa, sb = per_mb(first, stage), per_mb(last, stage)
        # a stage that is a small share of the total cannot make the family superlinear
        if sa and sb and last["stages"][stage] > 0.1 * last["total_s"] and sb / sa > worst_growth:
            worst, worst_growth = stage, sb / sa
    return {"growth": growth, "superlinear": growth > SUPERLINEAR, "worst_stage": worst,
            "worst_stage_growth": worst_growth}


def profile(nlp: Pipeline, family: str, size: int, top: int = 25) -> str:
    text = FAMILIES[family][1](size)
    prof = cProfile.Profile()
    prof.enable()
    stage_times(nlp, text)
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def table(results: dict[str, Any], base: int) -> str:
    sizes = " | ".join(f"s/MB at {f}x ({base * f // 1000} KB)" for f in FACTORS)
    lines = [f"| family | {sizes} | growth 16x/1x | slowest stage at 16x | verdict |",
             "|---|" + "---:|" * len(FACTORS) + "---:|---|---|"]
    for family, res in results["families"].items():
        cells = []
        for row in res["rows"]:
            if row.get("timeout"):
                cells.append("timeout")
            elif row.get("error") and not row["stages"]:
                cells.append("error")
            else:
                cells.append(f"{per_mb(row):.2f}" + (" (error)" if row.get("error") else ""))
        last = res["rows"][-1]
        slow = max(last["stages"], key=last["stages"].get) if last["stages"] else "—"
        if last["stages"]:
            slow += f" {100 * last['stages'][slow] / max(last['total_s'], 1e-9):.0f}%"
        j = res["judge"]
        growth = f"{j['growth']:.2f}" if j["growth"] is not None else "—"
        errors = [r["error"] for r in res["rows"] if r.get("error")]
        if j["superlinear"]:
            verdict = f"**superlinear** ({j['worst_stage']})"
        else:
            verdict = "**error**" if errors else "linear"
        lines.append(f"| {family} | " + " | ".join(cells) + f" | {growth} | {slow} | {verdict} |")
    if results.get("big"):
        big = results["big"]
        cell = "timeout" if big.get("timeout") else f"{per_mb(big):.2f} s/MB" if big["stages"] else "error"
        rss = f", peak RSS {big['peak_rss_mb']:.0f} MB" if big.get("peak_rss_mb") else ""
        lines.append(f"\nsingle line of {big['bytes'] / MB:.1f} MB: {cell}, {big.get('total_s', 0):.1f} s CPU{rss}, "
                     f"stages " + ", ".join(f"{k} {v:.1f}" for k, v in big["stages"].items())
                     + (f"; error {big['error']}" if big.get("error") else ""))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=int, default=64_000, help="bytes at 1x (default 64000)")
    ap.add_argument("--families", default="", help="comma-separated subset of: " + ", ".join(FAMILIES))
    ap.add_argument("--big-mb", type=float, default=10.0, help="size of the single-line document (0: skip)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per measurement before it is killed")
    ap.add_argument("--profile", metavar="FAMILY", help="print a cProfile of FAMILY at 16x and stop")
    ap.add_argument("--json", default=str(HERE / "results" / "robustness.json"))
    args = ap.parse_args(argv)
    if "fork" not in multiprocessing.get_all_start_methods():
        ap.error("needs the 'fork' start method (Linux, macOS)")
    names = [f for f in args.families.split(",") if f] or list(FAMILIES)
    unknown = [f for f in names if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown families {unknown}; choose from {', '.join(FAMILIES)}")
    nlp = default_pipeline()
    nlp("2025年12月12日四川省商务厅召开会议，办件1.2万件。")  # load everything before forking
    if args.profile:
        print(profile(nlp, args.profile, args.base * FACTORS[-1]))
        return 0
    results: dict[str, Any] = {"base_bytes": args.base, "factors": FACTORS, "families": {},
                               "load_average": os.getloadavg()[0]}
    for family in names:
        rows = []
        for f in FACTORS:
            rows.append(measure(nlp, family, args.base * f, args.timeout))
            if rows[-1].get("timeout"):
                break
        results["families"][family] = {"description": FAMILIES[family][0], "rows": rows, "judge": judge(rows)}
        print(f"{family}: " + ", ".join(f"{r.get('total_s', float('nan')):.2f}s" for r in rows), file=sys.stderr)
    if args.big_mb:
        results["big"] = measure(nlp, "single_line", int(args.big_mb * MB), args.timeout * 2)
    text = table(results, args.base)
    print(text)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
