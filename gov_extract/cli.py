"""The ``gov-extract`` command."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any, TextIO, TypeVar

from . import __version__
from .corpus import write_record
from .errors import GovExtractError
from .files import decode, read_text
from .interchange import FORMATS as INTERCHANGE_FORMATS
from .interchange import write as write_interchange
from .pipeline import Pipeline, default_pipeline, make_pipeline, parse_reference_date

__all__ = ["main"]

T = TypeVar("T")
# Bulletins per task with --jobs: enough to amortise the round trip, few enough to balance the tail.
_JOB_BATCH = 8

_EPILOG = """examples:
  gov-extract extract corpus/raw/000_2038efc021b4be03.txt
  gov-extract extract corpus/raw -o out/            one JSON file per bulletin
  gov-extract extract bulletins/ --format jsonl > all.jsonl
  gov-extract extract bulletins/ -o out/ --jobs -1  one worker process per CPU
  cat bulletin.txt | gov-extract extract -
  gov-extract validate corpus/                       check the gold files
  gov-extract train-tagger models/ner --silver ../shared/data/gov_work_reports.jsonl --min-year 2000
"""


def _iter_inputs(paths: Sequence[str]) -> Iterator[str]:
    """Files named, and ``*.txt`` under folders (recursively, sorted); ``-`` is stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for sub in sorted(path.rglob("*.txt")):
                if sub.is_file():
                    yield str(sub)
        else:
            yield str(path)


def _doc_id(source: str) -> str:
    return "stdin" if source == "-" else Path(source).stem


def _read(source: str) -> str:
    if source == "-":
        return decode(sys.stdin.buffer.read(), source="<stdin>")
    return read_text(source)


Outcome = tuple[str, dict[str, Any] | None, str, str | None]  # source, record, raw text, error


def _extract_batch(nlp: Pipeline, items: list[tuple[str, date | None]]) -> list[Outcome]:
    """``(source, record, raw, error)`` per ``(source, reference_date)``; runs in a worker with ``--jobs``."""
    out: list[Outcome] = []
    for source, reference_date in items:
        try:
            raw = _read(source)
            record = nlp(raw, doc_id=_doc_id(source), reference_date=reference_date).to_dict()
        except (GovExtractError, OSError, UnicodeError, ValueError) as exc:
            out.append((source, None, "", str(exc)))
        else:
            out.append((source, record, raw, None))
    return out


def _outcomes(nlp: Pipeline, sources: list[str], reference_date: date | None, jobs: int) -> Iterator[Outcome]:
    # with few files, smaller tasks so that every worker gets some
    size = max(1, min(_JOB_BATCH, len(sources) // (4 * jobs)))
    batches = _chunks(((s, reference_date) for s in sources), size)
    if jobs == 1:
        results: Iterable[list[Outcome]] = (_extract_batch(nlp, b) for b in batches)
    else:
        from .parallel import map_batches

        results = map_batches(nlp, _extract_batch, batches, n_process=jobs)
    for batch in results:
        yield from batch


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        reference_date = parse_reference_date(args.reference_date)
        nlp: Pipeline = make_pipeline(lexicon_files=args.lexicon) if args.lexicon else default_pipeline()
    except (GovExtractError, ValueError, OSError) as exc:
        err.write(f"gov-extract: {exc}\n")
        return 2
    if args.output and args.format == "jsonl":
        err.write("gov-extract: --format jsonl writes to stdout; redirect it, or use --format json with -o DIR\n")
        return 2
    if args.format in INTERCHANGE_FORMATS and not args.output:
        err.write(f"gov-extract: --format {args.format} writes files: give -o DIR\n")
        return 2
    if args.jobs == 0 or args.jobs < -1:
        err.write(f"gov-extract: --jobs must be a positive number of processes or -1 (one per CPU), not {args.jobs}\n")
        return 2
    sources = list(_iter_inputs(args.paths))
    if not sources:
        err.write("gov-extract: no input files (give files, folders with *.txt, or - for stdin)\n")
        return 2
    outdir = Path(args.output) if args.output else None

    def target(source: str) -> Path | None:
        return outdir / f"{_doc_id(source)}.json" if outdir and args.format == "json" else None

    todo = [s for s in sources if not (args.skip_existing and (t := target(s)) is not None and t.exists())]
    skipped = len(sources) - len(todo)
    jobs = 1 if "-" in todo else min(args.jobs if args.jobs > 0 else os.cpu_count() or 1, max(1, len(todo)))
    from tqdm import tqdm

    bar = tqdm(total=len(todo), unit="doc", file=err, disable=args.quiet or len(sources) < 2, dynamic_ncols=True)
    failed = written = 0
    array_open = False
    for source, record, raw, error in _outcomes(nlp, todo, reference_date, jobs):
        bar.update()
        if record is None:
            failed += 1
            bar.write(f"gov-extract: skipped {source}: {error}", file=err)
            continue
        path = target(source)
        if args.format in INTERCHANGE_FORMATS:
            write_interchange(record, raw, args.format, outdir)
        elif path is not None:
            write_record(record, path)
        elif args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif len(sources) == 1:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(("[\n" if not array_open else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
            array_open = True
        written += 1
    bar.close()
    if array_open:
        out.write("\n]\n")
    if len(sources) > 1 or failed:
        err.write(f"gov-extract: {written} written, {skipped} skipped as existing, {failed} failed\n")
    return 1 if failed else 0


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .corpus import validate_corpus

    root = Path(args.corpus)
    if not root.is_dir():
        err.write(f"gov-extract: {root} is not a folder; give the corpus folder that holds gold/ and raw/\n")
        return 2
    problems = validate_corpus(root)
    total = sum(len(v) for v in problems.values())
    for name, items in problems.items():
        for problem in items:
            out.write(f"{problem}\n")
    out.write(f"{len(problems)} gold files checked, {total} problems\n")
    return 1 if total else 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-extract",
        description="Extract entities, times, quantities and events from Chinese government bulletins "
        "into the JSON format of ANNOTATION_GUIDE.md.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gov-extract {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract from bulletin files", description="Extract from bulletin files "
                        "(UTF-8 or GB18030). A file that cannot be read is reported and skipped; the exit code is 1 "
                        "if any file failed.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="bulletin files, folders (*.txt, recursive) or - for stdin")
    ex.add_argument("-o", "--output", metavar="DIR", help="write one <id>.json per bulletin into DIR "
                    "(default: print to stdout)")
    ex.add_argument("--format", choices=["json", "jsonl", *INTERCHANGE_FORMATS], default="json",
                    help="json: one object per bulletin; jsonl: one line per bulletin on stdout; csv, brat, "
                    "label-studio, doccano: files for spreadsheets and annotation tools, with -o DIR (default: json)")
    ex.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                    help="an extra lexicon file (orgs/divisions/initiatives TSV) for another province or city; "
                    "repeatable")
    ex.add_argument("--reference-date", metavar="DATE",
                    help="anchor for relative times instead of each bulletin's publication date, e.g. 2025-12-12")
    ex.add_argument("--skip-existing", action="store_true", help="with -o, skip bulletins whose output exists")
    ex.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                    help="worker processes (default 1; -1: one per CPU); output order is unchanged")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    va = sub.add_parser("validate", help="check gold annotation files",
                        description="Check every corpus/gold/<id>.json against corpus/raw/<id>.txt and the guide.")
    va.add_argument("corpus", metavar="CORPUS", help="the corpus folder (holding gold/ and raw/)")

    from .training import add_train_parser  # the train-tagger command (needs the hanlp extra to run)

    add_train_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return _extract(args, sys.stdout, sys.stderr)
    if args.command == "train-tagger":
        from .training import run_train_command

        return run_train_command(args, sys.stdout, sys.stderr)
    return _validate(args, sys.stdout, sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
