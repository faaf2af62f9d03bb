"""Accuracy of gov_extract and peer systems on the gold corpus.

    python benchmarks/accuracy.py [--corpus corpus] [--json out.json] [--fails [SYSTEM]]

Runs ``gov_extract.extract(raw, doc_id=id)`` and every installed peer
(benchmarks/peers/) on each annotated bulletin listed in corpus/manifest.json,
scores them with gov_extract.scoring (ANNOTATION_GUIDE section 8), and prints
one markdown table per layer, real and synthetic bulletins separately. The
scores go to benchmarks/results/accuracy.json (kept in the repository to track
progress). ``--fails`` prints every miss, false hit, boundary error and wrong
value of gov_extract (or of the named system).

A peer whose package is missing is skipped with one line on stderr; install
them with ``pip install -e '.[bench]'``. ``—`` in a table means there is
nothing to score (no gold and no prediction, or a layer the system does not
predict).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (HERE, ROOT):  # the peers package, and the working tree's gov_extract
    if str(folder) not in sys.path:
        sys.path.insert(0 if folder == HERE else 1, str(folder))

from peers import PEER_MODULES, System, version_of  # noqa: E402

from gov_extract.corpus import CorpusDocument, iter_corpus, validate_record, write_record  # noqa: E402
from gov_extract.errors import CorpusError  # noqa: E402
from gov_extract.scoring import (  # noqa: E402
    PRF,
    SCORED_LAYERS,
    Accuracy,
    CorpusScores,
    score_document,
)

MAIN = "gov_extract"
SUBSETS = (("real", "Real bulletins"), ("synthetic", "Synthetic bulletins"))
DASH = "—"


def load_main(err: TextIO) -> System | None:
    """gov_extract itself, or ``None`` (one stderr line) if it does not import."""
    try:
        import gov_extract

        extract = gov_extract.extract
    except Exception as exc:  # a half-written package must not stop the peers' run
        err.write(f"accuracy: skipping {MAIN}: cannot import extract ({type(exc).__name__}: {exc})\n")
        return None

    def predict(raw: str, gold: Mapping[str, Any]) -> dict[str, Any]:
        return extract(raw, doc_id=gold["id"]).to_dict()

    return System(
        name=MAIN,
        predict=predict,
        layers=SCORED_LAYERS,
        version=getattr(gov_extract, "__version__", None) or version_of("gov_extract"),
        note="the library",
    )


def load_peers(err: TextIO) -> list[System]:
    """Every peer whose package is installed; one stderr line per skipped peer."""
    systems = []
    for name in PEER_MODULES:
        try:
            module = importlib.import_module(f"peers.{name}")
            systems.append(module.load())
        except ImportError as exc:
            err.write(f"accuracy: skipping peer {name}: {exc} (pip install -e '.[bench]')\n")
        except Exception as exc:  # a peer that cannot start is skipped, not fatal
            err.write(f"accuracy: skipping peer {name}: failed to load ({type(exc).__name__}: {exc})\n")
    return systems


@dataclass
class Run:
    """Predictions, scores and problems of one system on one subset (built up in main)."""

    system: System
    scores: CorpusScores = field(default_factory=CorpusScores)
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run_system(system: System, documents: Sequence[CorpusDocument], err: TextIO) -> Run:
    """Predict and score every document; a crash or malformed output scores as empty."""
    run = Run(system)
    for doc in documents:
        assert doc.gold is not None
        empty = {"id": doc.id, **{layer: [] for layer in system.layers}}
        try:
            pred = system.predict(doc.raw, doc.gold)
        except Exception as exc:  # reported, scored as an empty prediction
            message = f"{system.name} failed on {doc.id}: {type(exc).__name__}: {exc}"
            err.write(f"accuracy: {message}\n")
            run.errors.append(message)
            pred = empty
        else:
            if system.name == MAIN:  # peers give partial records by design
                run.problems.extend(validate_record(pred, doc.raw, source=f"{MAIN}:{doc.id}"))
        try:
            scores = score_document(doc.gold, pred, layers=system.layers, labels=system.labels)
        except CorpusError as exc:
            message = f"{system.name} output for {doc.id} cannot be scored: {exc}"
            err.write(f"accuracy: {message}\n")
            run.errors.append(message)
            scores = score_document(doc.gold, empty, layers=system.layers, labels=system.labels)
        run.scores = run.scores + scores
    if run.problems:
        err.write(f"accuracy: {system.name} output breaks the annotation format in "
                  f"{len(run.problems)} place(s); first: {run.problems[0]}\n")
    return run


# --- tables -----------------------------------------------------------------

def fmt(value: float | None) -> str:
    """A ratio as ``0.823``, or a dash when there is nothing to score."""
    return DASH if value is None else f"{value:.3f}"


def fmt_acc(acc: Accuracy | None) -> str:
    """An accuracy with its counts, ``0.750 (3/4)``."""
    if acc is None or acc.value is None:
        return DASH
    return f"{acc.value:.3f} ({acc.correct}/{acc.total})"


def prf_cells(prf: PRF | None) -> list[str]:
    """P, R and F1 cells."""
    if prf is None:
        return [DASH] * 3
    return [fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)]


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


SPAN_HEADER = ["strict P", "strict R", "strict F1", "overlap P", "overlap R", "overlap F1"]


def span_cells(run: Run, layer: str, strict: PRF, overlap: PRF) -> list[str]:
    if layer in run.system.gold_spans:
        return ["gold spans"] + [""] * 5
    return prf_cells(strict) + prf_cells(overlap)


def entity_rows(runs: Sequence[Run]) -> list[list[str]]:
    rows = []
    for run in runs:
        layer = run.scores.layers.get("entities")
        if layer is None:
            continue
        norm = layer.values.get("norm")
        rows.append([run.system.name, "all"] + span_cells(run, "entities", layer.strict, layer.overlap)
                    + [fmt_acc(norm)])
        for label, spans in layer.labels.items():
            rows.append([run.system.name, label] + span_cells(run, "entities", spans.strict, spans.overlap)
                        + [fmt_acc(norm) if label == "ORG" else ""])
    return rows


def layer_rows(runs: Sequence[Run], layer_name: str, fields: Sequence[str]) -> list[list[str]]:
    rows = []
    for run in runs:
        layer = run.scores.layers.get(layer_name)
        if layer is not None:
            rows.append([run.system.name] + span_cells(run, layer_name, layer.strict, layer.overlap)
                        + [fmt_acc(layer.values.get(name)) for name in fields])
    return rows


def statistic_rows(runs: Sequence[Run]) -> list[list[str]]:
    rows = []
    for run in runs:
        stats = run.scores.statistics
        if stats is None:
            continue
        found = "gold spans" if "quantities" in run.system.gold_spans else fmt_acc(stats.found)
        rows.append([run.system.name, found] + [fmt_acc(stats.values.get(name)) for name in
                                                ("metric", "scope", "period")] + [str(stats.spurious)])
    return rows


def event_rows(runs: Sequence[Run]) -> list[list[str]]:
    return [
        [run.system.name] + prf_cells(run.scores.events.events) + prf_cells(run.scores.events.args)
        for run in runs
        if run.scores.events is not None
    ]


def report(title: str, runs: Sequence[Run], documents: int) -> str:
    """The markdown tables of one subset."""
    sections: list[tuple[str, list[str], Callable[[], list[list[str]]]]] = [
        ("Entities", ["system", "label"] + SPAN_HEADER + ["ORG norm"], lambda: entity_rows(runs)),
        ("Times", ["system"] + SPAN_HEADER + ["interval"], lambda: layer_rows(runs, "times", ["interval"])),
        ("Quantities", ["system"] + SPAN_HEADER + ["value", "unit"],
         lambda: layer_rows(runs, "quantities", ["value", "unit"])),
        ("Statistics (gold quantities with a metric)",
         ["system", "found", "metric", "scope", "period", "spurious"], lambda: statistic_rows(runs)),
        ("Events", ["system", "event P", "event R", "event F1", "arg P", "arg R", "arg F1"],
         lambda: event_rows(runs)),
    ]
    out = [f"## {title} ({documents} document{'' if documents == 1 else 's'})"]
    for name, header, rows in sections:
        body = rows()
        out.append(f"### {name}\n\n" + (table(header, body) if body else "(no system predicts this layer)"))
    return "\n\n".join(out) + "\n"


def shown(path: Path) -> str:
    """``path`` relative to the repository when inside it, so results files compare across machines."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def print_fails(run: Run, subset: str, out: TextIO) -> None:
    out.write(f"\n## Fails of {run.system.name} ({subset})\n")
    for message in run.errors:
        out.write(f"- crash: {message}\n")
    for message in run.problems:
        out.write(f"- format: {message}\n")
    for layer, fails in run.scores.fails.items():
        if fails:
            out.write(f"\n### {layer} ({len(fails)})\n\n")
            for fail in fails:
                out.write(f"- {fail}\n")


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run the benchmark; 0 on success, 1 if a system crashed, 2 on a corpus error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="the corpus folder")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "accuracy.json",
                        help="where to write the scores (default: benchmarks/results/accuracy.json)")
    parser.add_argument("--fails", nargs="?", const=MAIN, metavar="SYSTEM",
                        help="print every error of SYSTEM (default gov_extract); the JSON then lists them too")
    parser.add_argument("--no-peers", action="store_true", help="score gov_extract alone (faster)")
    args = parser.parse_args(argv)

    try:
        documents = list(iter_corpus(args.corpus))
    except (CorpusError, OSError) as exc:
        err.write(f"accuracy: {exc}\n")
        for problem in getattr(exc, "problems", [])[1:]:
            err.write(f"  {problem}\n")
        return 2
    for doc in documents:
        if doc.gold is None:
            err.write(f"accuracy: skipping {doc.id}: not annotated yet (no gold/{doc.id}.json)\n")
    annotated = [doc for doc in documents if doc.gold is not None]

    systems = [s for s in [load_main(err)] if s is not None] + ([] if args.no_peers else load_peers(err))
    results: dict[str, Any] = {}
    crashed = False
    for subset, title in SUBSETS:
        subset_docs = [doc for doc in annotated if doc.synthetic == (subset == "synthetic")]
        if not subset_docs:
            continue
        runs = [run_system(system, subset_docs, err) for system in systems]
        crashed = crashed or any(run.errors for run in runs)
        out.write(report(title, runs, len(subset_docs)) + "\n")
        if args.fails:
            for run in runs:
                if run.system.name == args.fails:
                    print_fails(run, subset, out)
        results[subset] = {
            "documents": [doc.id for doc in subset_docs],
            "systems": {
                run.system.name: {
                    **run.scores.to_dict(fails=run.system.name == args.fails),
                    "format_problems": run.problems,
                    "errors": run.errors,
                }
                for run in runs
            },
        }
    record = {
        "corpus": shown(args.corpus),
        "systems": {
            s.name: {"version": s.version, "layers": list(s.layers),
                     "labels": None if s.labels is None else list(s.labels),
                     "gold_spans": list(s.gold_spans), "note": s.note}
            for s in systems
        },
        "results": results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    write_record(record, args.json)
    err.write(f"accuracy: scores written to {shown(args.json)}\n")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
