"""Train the statistical tagger offline on our own corpus.

Training data are characters of the clean view with BIO tags over the five
entity labels, from two sources:

- gold: ``corpus/gold/<id>.json`` over ``corpus/raw/<id>.txt``;
- silver: the rule pipeline's output (``gov_extract.extract``) over any other
  texts (``read_texts`` reads ``.txt`` files and ``.jsonl`` records).

A nested mention (a title inside a title) keeps only the outer span: BIO tags
do not nest. The model is HanLP's character BiLSTM-CRF
(:class:`gov_extract.statistical.CharNER`) with a randomly initialised
embedding; nothing is downloaded. Training is seeded and silent (HanLP's
output goes to ``train.log`` in the model directory), and the global random
generators it reseeds are restored afterwards. The best epoch on a held-out
part of the gold sentences is kept.

The model directory holds HanLP's ``config.json``, ``vocabs.json`` and
``model.pt`` plus ``manifest.json``: labels, data used, hyperparameters,
versions and held-out scores by label.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import io
import json
import logging
import os
import random
import re
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from .corpus import load_record, read_raw
from .errors import GovExtractError
from .files import read_text
from .model import Document
from .statistical import (
    LABELS,
    MAX_CHUNK,
    Span,
    char_tokens,
    chunk_spans,
    predict_spans,
    require_hanlp,
)

__all__ = [
    "Sentence",
    "TrainConfig",
    "add_train_parser",
    "annotate_silver",
    "bio_sentences",
    "evaluate_model",
    "fit_sentences",
    "gold_documents",
    "read_texts",
    "run_train_command",
    "span_scores",
    "train_tagger",
]

UNK = "<unk>"  # HanLP's unknown token: rare characters are trained as unknown
_BEST_EPOCH = re.compile(r"Max score of dev is .* at epoch (\d+)")  # from HanLP's training log


@dataclass(frozen=True, slots=True)
class Sentence:
    """One training chunk: model tokens, BIO tags, and where it came from."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    source: str
    gold: bool


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Hyperparameters of :func:`train_tagger` (all recorded in the manifest)."""

    epochs: int = 12
    seed: int = 1
    embed: int = 64
    hidden: int = 64
    dropout: float = 0.3
    lr: float = 0.003
    batch_size: int = 32
    patience: int = 4
    max_len: int = MAX_CHUNK
    min_char_count: int = 2
    dev_share: float = 0.15
    max_silver_chars: int = 80_000
    silver_empty_share: float = 0.15
    threads: int | None = 1


def _clean_spans(doc: Document, labels: Sequence[str]) -> list[Span]:
    """Non-overlapping clean spans of ``doc``'s entities (outer span wins)."""
    view = doc.view
    spans = []
    for e in doc.entities:
        if e.label not in labels:
            continue
        a, b = view.clean_offset(e.start), view.clean_offset(e.end)
        if a < b:
            spans.append(Span(a, b, e.label))
    spans.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for s in spans:
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
    return kept


def bio_sentences(
    doc: Document, *, labels: Sequence[str] = LABELS, gold: bool = True, max_len: int = MAX_CHUNK
) -> list[Sentence]:
    """Character BIO sentences of ``doc``'s clean view and entities."""
    text = doc.view.text
    spans = _clean_spans(doc, labels)
    tags = ["O"] * len(text)
    for s in spans:
        tags[s.start] = f"B-{s.label}"
        for i in range(s.start + 1, s.end):
            tags[i] = f"I-{s.label}"
    out = []
    for a, b in chunk_spans(text, max_len=max_len, keep=[(s.start, s.end) for s in spans]):
        chunk_tags = tags[a:b]
        if chunk_tags and chunk_tags[0].startswith("I-"):  # a span cut by a hard split
            chunk_tags[0] = "B-" + chunk_tags[0][2:]
        out.append(Sentence(tuple(char_tokens(text[a:b])), tuple(chunk_tags), doc.id or "", gold))
    return out


def _corpus_root(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    if (path / "gold").is_dir():
        return path
    if path.name == "gold" and (path.parent / "raw").is_dir():
        return path.parent
    raise FileNotFoundError(f"{path} is not a corpus folder: give the folder holding gold/ and raw/ (or gold/ itself)")


def gold_documents(corpus: str | os.PathLike[str], *, exclude: Iterable[str] = ()) -> list[Document]:
    """The gold documents of ``corpus`` (folder with ``gold/`` and ``raw/``), minus ``exclude`` ids."""
    root = _corpus_root(corpus)
    skip = set(exclude)
    docs = []
    for path in sorted((root / "gold").glob("*.json")):
        if path.stem in skip:
            continue
        record = load_record(path)
        docs.append(Document.from_dict(record, read_raw(root / "raw" / f"{path.stem}.txt")))
    return docs


def read_texts(paths: Iterable[str | os.PathLike[str]], *, field: str = "content",
               where: Callable[[Mapping[str, Any]], bool] | None = None) -> list[str]:
    """Texts for silver data: ``.txt`` files, folders of them, and ``.jsonl`` records' ``field``.

    ``where`` filters ``.jsonl`` records (e.g. ``lambda r: int(r.get("year") or 0) >= 2000``).
    """
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(read_text(sub) for sub in sorted(path.rglob("*.txt")))
        elif path.suffix == ".jsonl":
            with open(path, encoding="utf-8") as fh:
                for line_no, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"{path}:{line_no}: invalid JSON: {exc.msg}") from exc
                    if isinstance(record.get(field), str) and (where is None or where(record)):
                        out.append(record[field])
        else:
            out.append(read_text(path))
    return out


def annotate_silver(texts: Iterable[str], *, pipeline: Callable[..., Document] | None = None) -> list[Document]:
    """The rule pipeline's documents of ``texts`` (default: ``gov_extract.extract``)."""
    if pipeline is None:
        from .pipeline import extract

        pipeline = extract
    return [pipeline(text, doc_id=f"silver{i}") for i, text in enumerate(texts)]


def _keep_silver(sentence: Sentence, key: str, empty_share: float) -> bool:
    """Every silver sentence with an entity; those without, a seeded ``empty_share`` of them."""
    if any(t != "O" for t in sentence.tags):
        return True
    return hashlib.sha256(key.encode()).digest()[0] < empty_share * 256


def _dev_split(sentences: Sequence[Sentence], share: float, seed: int) -> tuple[list[Sentence], list[Sentence]]:
    """Sentences with an entity go to dev by a seeded hash (gold at ``share``, silver at a third of it).

    A dev sentence with a tag no training sentence has goes back to training
    (the model cannot score a tag it never saw).
    """
    train: list[Sentence] = []
    dev: list[Sentence] = []
    for i, s in enumerate(sentences):
        key = hashlib.sha256(f"{seed}:{s.source}:{i}".encode()).digest()
        rate = share if s.gold else share / 3
        pick = rate > 0 and any(t != "O" for t in s.tags) and key[0] < rate * 256
        (dev if pick else train).append(s)
    seen = {t for s in train for t in s.tags}
    train += [s for s in dev if not seen.issuperset(s.tags)]
    dev = [s for s in dev if seen.issuperset(s.tags)]
    if not dev:  # tiny data: score on the training sentences rather than on nothing
        dev = [s for s in train if any(t != "O" for t in s.tags)] or list(train)
    return train, dev


def _samples(sentences: Iterable[Sentence], known: set[str] | None) -> list[dict[str, list[str]]]:
    return [
        {"token": [t if known is None or t in known else UNK for t in s.tokens], "tag": list(s.tags)}
        for s in sentences
    ]


def _spans_of(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """``(start, end, label)`` of BIO tags; a stray ``I-`` opens a span."""
    out: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and start >= 0 and tag[2:] == label:
            continue
        if start >= 0:
            out.add((start, i, label))
            start = -1
        if tag != "O":
            start, label = i, tag[2:]
    return out


def span_scores(gold: Sequence[Sequence[str]], pred: Sequence[Iterable[tuple[int, int, str]]]) -> dict[str, Any]:
    """Strict span precision, recall and F1 by label and micro, from BIO tags and predicted spans."""
    counts: dict[str, Counter[str]] = {}
    for tags, spans in zip(gold, pred):
        g, p = _spans_of(tags), set(spans)
        for label in {x[2] for x in g | p}:
            c = counts.setdefault(label, Counter())
            gl, pl = {x for x in g if x[2] == label}, {x for x in p if x[2] == label}
            c["tp"] += len(gl & pl)
            c["fp"] += len(pl - gl)
            c["fn"] += len(gl - pl)
    counts["micro"] = sum(counts.values(), Counter())

    def prf(c: Counter[str]) -> dict[str, Any]:
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        return {
            "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None,
            "recall": tp / (tp + fn) if tp + fn else None,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None,
        }

    return {label: prf(c) for label, c in sorted(counts.items())}


@contextlib.contextmanager
def _isolated_rng() -> Any:
    """Restore Python's, NumPy's and torch's global random state afterwards (HanLP reseeds them)."""
    import numpy as np
    import torch

    py, npy, th = random.getstate(), np.random.get_state(), torch.get_rng_state()
    try:
        yield
    finally:
        random.setstate(py)
        np.random.set_state(npy)
        torch.set_rng_state(th)


@contextlib.contextmanager
def _torch_threads(threads: int | None) -> Any:
    """Run with ``threads`` torch threads (``None``: unchanged), restored afterwards."""
    import torch

    before = torch.get_num_threads()
    if threads:
        torch.set_num_threads(threads)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {}
    for name in ("hanlp", "torch", "gov_extract"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def train_tagger(
    corpus: str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    *,
    silver_texts: Iterable[str] = (),
    exclude: Iterable[str] = (),
    documents: Iterable[Document] = (),
    silver: Iterable[Document] = (),
    labels: Sequence[str] = LABELS,
    config: TrainConfig = TrainConfig(),
    pipeline: Callable[..., Document] | None = None,
    silver_source: str | None = None,
) -> dict[str, Any]:
    """Train a tagger and write it with its ``manifest.json`` to ``out_dir``; return the manifest.

    Args:
        corpus: the corpus folder (holding ``gold/`` and ``raw/``), or ``None``.
        out_dir: the model directory to write (created; existing model files are replaced).
        silver_texts: texts the rule pipeline annotates as extra (silver) data.
        exclude: gold ids left out (leave-one-out evaluation).
        documents: further annotated documents, used as gold.
        silver: documents already annotated by the rules (as :func:`annotate_silver` returns).
        labels: the entity labels to learn.
        config: hyperparameters.
        pipeline: the rule pipeline for silver data (default ``gov_extract.extract``).
        silver_source: where the silver texts came from, for the manifest.
    """
    require_hanlp()
    labels = tuple(labels)
    if not labels or not set(labels) <= set(LABELS):
        raise ValueError(f"labels {labels!r} must be some of {LABELS}")
    gold_docs = [*(gold_documents(corpus, exclude=exclude) if corpus is not None else []), *documents]
    silver_docs = [*silver, *annotate_silver(list(silver_texts), pipeline=pipeline)]
    sentences = [s for d in gold_docs for s in bio_sentences(d, labels=labels, gold=True, max_len=config.max_len)]
    silver_sents, silver_chars = [], 0
    for i, d in enumerate(silver_docs):
        for j, s in enumerate(bio_sentences(d, labels=labels, gold=False, max_len=config.max_len)):
            if not _keep_silver(s, f"{config.seed}:{i}:{j}", config.silver_empty_share):
                continue
            if silver_chars + len(s.tokens) > config.max_silver_chars:
                break
            silver_sents.append(s)
            silver_chars += len(s.tokens)
    data = {
        "gold": sorted({d.id or "" for d in gold_docs}),
        "excluded": sorted(set(exclude)),
        "silver_source": silver_source,
        "silver_documents": len(silver_docs),
        "silver_sentences": len(silver_sents),
        "silver_chars": silver_chars,
    }
    return fit_sentences([*sentences, *silver_sents], out_dir, labels=labels, config=config, data=data)


@contextlib.contextmanager
def _quiet(log: io.StringIO) -> Any:
    """Send HanLP's prints, progress lines and warnings to ``log``.

    HanLP's progress printers hold the ``sys.stdout``/``sys.stderr`` of import
    time, so they are pointed at ``log`` too, and restored afterwards.
    """
    from hanlp.utils import log_util, time_util

    printer = log_util._printer
    timer_init = time_util.CountdownTimer.__init__
    before = printer.out, timer_init.__defaults__
    printer.out = log
    timer_init.__defaults__ = (log,)
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        printer.out, timer_init.__defaults__ = before


def fit_sentences(
    sentences: Sequence[Sentence],
    out_dir: str | os.PathLike[str],
    *,
    labels: Sequence[str] = LABELS,
    config: TrainConfig = TrainConfig(),
    data: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Train on BIO ``sentences``, write the model and ``manifest.json`` to ``out_dir``; return the manifest.

    ``data`` describes where the sentences came from, for the manifest.
    """
    require_hanlp()
    from .statistical import _char_ner_class

    if not sentences:
        raise ValueError("no training data: give a corpus with gold files, documents or silver texts")
    train, dev = _dev_split(sentences, config.dev_share, config.seed)
    counts = Counter(t for s in train for t in s.tokens)
    known = {t for t, n in counts.items() if n >= config.min_char_count}

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    log = io.StringIO()
    logger = logging.getLogger(f"{__name__}.hanlp")
    logger.propagate = False
    logger.handlers[:] = [logging.StreamHandler(log)]
    logger.setLevel(logging.INFO)
    tagger = _char_ner_class()()
    try:
        with _isolated_rng(), _torch_threads(config.threads), _quiet(log):
            tagger.fit(
                _samples(train, known), _samples(dev, known), str(out),
                batch_size=config.batch_size, epochs=config.epochs, embed=config.embed, rnn_hidden=config.hidden,
                drop=config.dropout, lr=config.lr, patience=config.patience, crf=True, tagging_scheme="BIO",
                anneal_factor=0.5, anneal_patience=3, devices=-1, logger=logger, seed=config.seed,
            )
            predicted = tagger.predict([list(s.tokens) for s in dev], batch_size=config.batch_size)
    finally:
        logger.handlers.clear()
        (out / "train.log").write_text(log.getvalue(), encoding="utf-8")
    best = _BEST_EPOCH.search(log.getvalue())
    dev_scores = span_scores([s.tags for s in dev], [{(b, e, lab) for _, lab, b, e in p} for p in predicted])
    manifest = {
        "format": 1,
        "model": "gov_extract.statistical.CharNER (HanLP RNNNamedEntityRecognizer, BiLSTM-CRF over characters)",
        "labels": list(labels),
        "tagging_scheme": "BIO",
        "data": {
            **(data or {}),
            "train_sentences": len(train),
            "train_chars": sum(len(s.tokens) for s in train),
            "dev_sentences": len(dev),
            "vocabulary": len(known),
            "entities": dict(sorted(Counter(t[2:] for s in train for t in s.tags if t.startswith("B-")).items())),
        },
        "training": {name: getattr(config, name) for name in TrainConfig.__dataclass_fields__},
        "scores": {"dev": dev_scores, "best_epoch": int(best.group(1)) if best else None},
        "versions": _versions(),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return manifest


def evaluate_model(model: Any, docs: Sequence[Document], *, labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """Strict span scores of a loaded model on annotated documents' clean views."""
    texts = [d.view.text for d in docs]
    preds = predict_spans(model, texts)
    gold_tags, pred_spans = [], []
    for d, spans in zip(docs, preds):
        tags = ["O"] * len(d.view.text)
        for s in _clean_spans(d, labels):
            tags[s.start] = f"B-{s.label}"
            for i in range(s.start + 1, s.end):
                tags[i] = f"I-{s.label}"
        gold_tags.append(tags)
        pred_spans.append({(s.start, s.end, s.label) for s in spans if s.label in labels})
    return span_scores(gold_tags, pred_spans)


def add_train_parser(sub: Any) -> argparse.ArgumentParser:
    """Add the ``train-tagger`` subcommand to the ``gov-extract`` subparsers ``sub``."""
    tr = sub.add_parser(
        "train-tagger", help="train the optional statistical NER tagger (needs gov_extract[hanlp])",
        description="Train the HanLP character tagger on the gold corpus (plus silver data: the rules' output "
        "over other texts) and write a model directory with manifest.json. Offline, seeded, CPU.",
    )
    tr.add_argument("out_dir", metavar="OUT_DIR", help="model directory to write")
    tr.add_argument("--corpus", default="corpus", help="corpus folder holding gold/ and raw/ (default: corpus)")
    tr.add_argument("--silver", action="append", default=[], metavar="PATH",
                    help="texts for silver data: .txt file, folder of .txt, or .jsonl (field 'content'); repeatable")
    tr.add_argument("--min-year", type=int, default=None,
                    help="only .jsonl records whose 'year' is at least this (e.g. 2000 for simplified-script reports)")
    tr.add_argument("--exclude", action="append", default=[], metavar="ID", help="leave this gold id out; repeatable")
    tr.add_argument("--labels", default=",".join(LABELS), help=f"labels to learn (default: {','.join(LABELS)})")
    defaults = TrainConfig()
    tr.add_argument("--epochs", type=int, default=defaults.epochs)
    tr.add_argument("--seed", type=int, default=defaults.seed)
    tr.add_argument("--max-silver-chars", type=int, default=defaults.max_silver_chars)
    return tr


def run_train_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``gov-extract train-tagger``; returns the exit code."""
    try:
        require_hanlp()
    except ImportError as exc:
        err.write(f"gov-extract: {exc}\n")
        return 2
    labels = tuple(x.strip() for x in args.labels.split(",") if x.strip())
    where = None
    if args.min_year is not None:
        min_year = args.min_year

        def where(record: Mapping[str, Any]) -> bool:
            year = str(record.get("year") or "")
            return year.isdigit() and int(year) >= min_year
    try:
        texts = read_texts(args.silver, where=where)
        config = dataclasses.replace(TrainConfig(), epochs=args.epochs, seed=args.seed,
                                     max_silver_chars=args.max_silver_chars)
        source = ", ".join(args.silver) + (f" (year >= {args.min_year})" if args.min_year is not None else "")
        manifest = train_tagger(args.corpus, args.out_dir, silver_texts=texts, exclude=args.exclude,
                                labels=labels, config=config, silver_source=source or None)
    except (GovExtractError, OSError, ValueError) as exc:
        err.write(f"gov-extract: {exc}\n")
        return 2
    micro = manifest["scores"]["dev"].get("micro", {})
    f1 = micro.get("f1")
    out.write(
        f"wrote {args.out_dir}: {manifest['data']['train_sentences']} training sentences "
        f"({len(manifest['data']['gold'])} gold documents, {manifest['data']['silver_sentences']} silver sentences); "
        f"dev F1 {'—' if f1 is None else f'{f1:.3f}'} at epoch {manifest['scores']['best_epoch']}\n"
    )
    return 0
