"""The ``gov-extract`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .corpus import write_record
from .errors import GovExtractError
from .files import decode, read_text
from .interchange import FORMATS as INTERCHANGE_FORMATS
from .interchange import write as write_interchange
from .pipeline import Pipeline, default_pipeline, make_pipeline, parse_reference_date

__all__ = ["main"]

_EPILOG = """examples:
  gov-extract extract corpus/raw/000_2038efc021b4be03.txt
  gov-extract extract corpus/raw -o out/            one JSON file per bulletin
  gov-extract extract bulletins/ --format jsonl > all.jsonl
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
    sources = list(_iter_inputs(args.paths))
    if not sources:
        err.write("gov-extract: no input files (give files, folders with *.txt, or - for stdin)\n")
        return 2
    outdir = Path(args.output) if args.output else None
    from tqdm import tqdm

    bar = tqdm(sources, unit="doc", file=err, disable=args.quiet or len(sources) < 2, dynamic_ncols=True)
    failed = written = skipped = 0
    array_open = False
    for source in bar:
        target = outdir / f"{_doc_id(source)}.json" if outdir and args.format == "json" else None
        if target is not None and args.skip_existing and target.exists():
            skipped += 1
            continue
        try:
            doc = nlp(_read(source), doc_id=_doc_id(source), reference_date=reference_date)
        except (GovExtractError, OSError, UnicodeError, ValueError) as exc:
            failed += 1
            bar.write(f"gov-extract: skipped {source}: {exc}", file=err)
            continue
        record = doc.to_dict()
        if args.format in INTERCHANGE_FORMATS:
            write_interchange(record, doc.raw, args.format, outdir)
        elif target is not None:
            write_record(record, target)
        elif args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif len(sources) == 1:
            out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(("[\n" if not array_open else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
            array_open = True
        written += 1
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
