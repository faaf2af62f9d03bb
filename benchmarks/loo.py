"""Leave-one-document-out evaluation of the statistical tagger against the rules.

    python benchmarks/loo.py [--corpus corpus] [--silver ../shared/data/gov_work_reports.jsonl]
                             [--min-year 2000] [--epochs 12] [--json benchmarks/results/loo.json]

For every annotated bulletin D of the corpus, a model is trained on the other
gold bulletins plus silver data (the rule pipeline's output over the texts
given with ``--silver``, never over a corpus bulletin) and scored on D only:
no model is ever scored on a document it was trained on. Three systems are
scored per entity label with gov_extract.scoring, strict and overlap:

- ``rules``: ``gov_extract.extract`` (the rule pipeline);
- ``hanlp``: the model's spans alone;
- ``rules+hanlp``: the rules plus the model spans the ensemble policy accepts,
  with every label allowed, so each label's row shows what adding that label
  does (``gov_extract.statistical.EnsemblePolicy``).

The last table says, per label, whether rules+hanlp beats the rules (strict
F1): the labels to allow in ``EnsemblePolicy.labels``. Caveat: the rules were
written while reading the corpus bulletins, so the ``rules`` row is an upper
bound of what they do on unseen text, and the comparison favours them.
Needs ``pip install -e '.[hanlp]'``; takes minutes (one training per bulletin).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # benchmark the working tree, installed or not
    sys.path.insert(1, str(ROOT))

from gov_extract.corpus import iter_corpus
from gov_extract.model import Document, Entity
from gov_extract.scoring import PRF, CorpusScores, score_document
from gov_extract.statistical import (
    LABELS,
    EnsemblePolicy,
    Span,
    load_model,
    merge_entities,
    predict_spans,
)
from gov_extract.training import TrainConfig, annotate_silver, read_texts, train_tagger

SYSTEMS = ("rules", "hanlp", "rules+hanlp")
DASH = "—"


def model_only(doc: Document, spans: Sequence[Span]) -> dict[str, Any]:
    """The model's spans as a prediction record (entities only)."""
    view = doc.view
    ents = []
    for i, s in enumerate(sorted(spans, key=lambda s: (s.start, -s.end)), 1):
        rs, re_ = view.raw_span(s.start, s.end)
        ents.append(Entity(f"e{i}", s.label, rs, re_, doc.raw[rs:re_], doc.view.text[s.start:s.end]).to_dict())
    return {"id": doc.id, "entities": ents}


def fmt(value: float | None) -> str:
    return DASH if value is None else f"{value:.3f}"


def prf_cells(prf: PRF) -> list[str]:
    return [fmt(prf.precision), fmt(prf.recall), fmt(prf.f1)]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def label_scores(scores: CorpusScores, label: str) -> tuple[PRF, PRF]:
    layer = scores.layers.get("entities")
    spans = layer.labels.get(label) if layer is not None else None
    return (spans.strict, spans.overlap) if spans is not None else (PRF(), PRF())


def verdict(rules: PRF, both: PRF) -> str:
    if rules.f1 is None and both.f1 is None:
        return "no data"
    if (both.f1 or 0.0) > (rules.f1 or 0.0):
        return "helps"
    return "same" if (both.f1 or 0.0) == (rules.f1 or 0.0) else "hurts"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> dict[str, Any]:
    import gov_extract

    docs = [d for d in iter_corpus(args.corpus) if d.gold is not None]
    if len(docs) < 2:
        raise SystemExit("loo: need at least two annotated bulletins")
    texts = read_texts(args.silver, where=lambda r: int(r.get("year") or 0) >= args.min_year) if args.silver else []
    started = time.perf_counter()
    silver = annotate_silver(texts)
    err.write(f"loo: {len(silver)} silver documents annotated by the rules in {time.perf_counter() - started:.1f} s\n")
    config = TrainConfig(epochs=args.epochs, patience=args.patience, seed=args.seed,
                         max_silver_chars=args.max_silver_chars)
    policy = EnsemblePolicy(labels=frozenset(LABELS))
    totals = {name: CorpusScores() for name in SYSTEMS}
    folds = []
    for held in docs:
        with tempfile.TemporaryDirectory(prefix="loo-") as tmp:
            started = time.perf_counter()
            manifest = train_tagger(args.corpus, tmp, exclude=[held.id], silver=silver, config=config)
            seconds = time.perf_counter() - started
            model = load_model(tmp)
        rules_doc = gov_extract.extract(held.raw, doc_id=held.id)
        spans = predict_spans(model, [rules_doc.view.text])[0]
        preds = {
            "rules": rules_doc.to_dict(),
            "hanlp": model_only(rules_doc, spans),
            "rules+hanlp": merge_entities(rules_doc, spans, policy).to_dict(),
        }
        fold = {"held_out": held.id, "trained_on": manifest["data"]["gold"], "train_seconds": round(seconds, 1),
                "best_epoch": manifest["scores"]["best_epoch"], "dev": manifest["scores"]["dev"].get("micro")}
        for name, pred in preds.items():
            scores = score_document(held.gold, pred, layers=["entities"])
            totals[name] = totals[name] + scores
            fold[name] = {lab: label_scores(scores, lab)[0].to_dict() for lab in LABELS}
        rule_keys = {(e["start"], e["end"], e["label"]) for e in preds["rules"]["entities"]}
        gold_keys = {(e["start"], e["end"], e["label"]) for e in held.gold["entities"]}
        fold["added"] = [
            {"label": e["label"], "start": e["start"], "end": e["end"], "text": e["text"],
             "correct": (e["start"], e["end"], e["label"]) in gold_keys}
            for e in preds["rules+hanlp"]["entities"] if (e["start"], e["end"], e["label"]) not in rule_keys
        ]
        folds.append(fold)
        err.write(f"loo: {held.id}: trained on {len(manifest['data']['gold'])} gold + "
                  f"{manifest['data']['silver_sentences']} silver sentences in {seconds:.0f} s\n")

    rows, verdicts, result = [], [], {"documents": [d.id for d in docs], "folds": folds, "labels": {}}
    for label in LABELS:
        result["labels"][label] = {}
        for name in SYSTEMS:
            strict, overlap = label_scores(totals[name], label)
            rows.append([label, name, *prf_cells(strict), fmt(overlap.f1)])
            result["labels"][label][name] = {"strict": strict.to_dict(), "overlap": overlap.to_dict()}
        rules_s, rules_o = label_scores(totals["rules"], label)
        both_s, both_o = label_scores(totals["rules+hanlp"], label)
        verdicts.append([label, fmt(rules_s.f1), fmt(both_s.f1), verdict(rules_s, both_s),
                         fmt(rules_o.f1), fmt(both_o.f1), verdict(rules_o, both_o)])
        result["labels"][label]["verdict"] = {"strict": verdicts[-1][3], "overlap": verdicts[-1][6]}
    out.write(f"Leave-one-document-out over {len(docs)} bulletins (entities)\n\n")
    out.write(table(["label", "system", "strict P", "strict R", "strict F1", "overlap F1"], rows) + "\n\n")
    out.write(table(["label", "rules F1", "rules+hanlp F1", "strict", "rules ovl F1", "r+h ovl F1", "overlap"],
                    verdicts) + "\n")
    if args.added:
        out.write("\nspans the ensemble added to the rules (+ correct, - false hit):\n")
        out.writelines(f"  {'+' if a['correct'] else '-'} {fold['held_out']} {a['label']} {a['text']!r}\n"
                       for fold in folds for a in fold["added"])
    helps = [v[0] for v in verdicts if v[3] == "helps"]
    out.write(f"\nlabels where the model helps (strict): {', '.join(helps) or 'none'}\n")
    result["helps"] = helps
    result["config"] = {name: getattr(config, name) for name in TrainConfig.__dataclass_fields__}
    result["silver"] = {"sources": [str(p) for p in args.silver], "min_year": args.min_year, "documents": len(silver)}
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "corpus"), help="corpus folder (gold/, raw/, manifest.json)")
    parser.add_argument("--silver", nargs="*", default=[str(ROOT.parent / "shared" / "data" / "gov_work_reports.jsonl")],
                        help="texts for silver data: .txt files, folders, .jsonl (field content); none: gold only")
    parser.add_argument("--min-year", type=int, default=2000, help="only .jsonl records of this year or later")
    defaults = TrainConfig()  # the recipe of the shipped model
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--patience", type=int, default=defaults.patience)
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--max-silver-chars", type=int, default=defaults.max_silver_chars)
    parser.add_argument("--added", action="store_true", help="list every span the ensemble added, right or wrong")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "loo.json"), help="write scores here")
    args = parser.parse_args(argv)
    args.silver = [p for p in args.silver if Path(p).exists()] if args.silver else []
    result = run(args, sys.stdout, sys.stderr)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
