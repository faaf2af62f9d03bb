"""Tests of gov_extract.corpus: file I/O, the validator, and the real gold corpus."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gov_extract.corpus import (
    CorpusDocument,
    iter_corpus,
    load_manifest,
    load_record,
    read_raw,
    validate_corpus,
    validate_record,
    write_record,
)
from gov_extract.errors import CorpusError

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCE = "gold/mini.json"

RAW = "11月27日，公安厅副厅长何绍明在绵阳印发《四川省林草办法》，共受理 5 件。\r\n"


def span(text: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = RAW.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def valid_record() -> dict[str, Any]:
    """A small record that breaks no rule (checked by test_valid_record)."""
    return {
        "id": "mini",
        "meta": {
            "title": None, "kind": "monthly", "issue": 11, "issue_total": None,
            "publisher": "四川省政府政务服务和公共资源交易服务中心", "published": "2025-12-12",
            "period": {"start": "2025-11-01", "end": "2025-11-30"},
        },
        "entities": [
            {"id": "e1", "label": "ORG", **span("公安厅"), "norm": "四川省公安厅", "unit": None,
             "kind": "government"},
            {"id": "e2", "label": "PERSON", **span("何绍明"), "norm": "何绍明", "title": "副厅长",
             "org": "e1"},
            {"id": "e3", "label": "LOC", **span("绵阳"), "norm": "四川省绵阳市"},
            {"id": "e4", "label": "POLICY", **span("四川省林草办法"), "norm": "四川省林草办法",
             "doc_type": "办法", "alias_of": None},
        ],
        "times": [
            {"id": "t1", **span("11月27日"), "start_date": "2025-11-27", "end_date": "2025-11-27",
             "grain": "day", "approx": False},
        ],
        "quantities": [
            {"id": "q1", **span("5 件"), "value": 5, "unit": "件", "approx": False, "metric": "受理",
             "scope": None, "period": {"start": "2025-11-01", "end": "2025-11-30"}},
        ],
        "events": [
            {"id": "v1", "type": "issue", "trigger": span("印发"), "time": "t1",
             "args": [{"role": "agent", "ref": "e2"}, {"role": "object", "ref": "e4"},
                      {"role": "location", "ref": "e3"}, {"role": "quantity", "ref": "q1"}]},
        ],
    }


def test_valid_record() -> None:
    assert validate_record(valid_record(), RAW, source=SOURCE) == []


Mutation = Callable[[dict[str, Any]], None]


def setter(path: str, value: Any) -> Mutation:
    """A mutation setting ``a.b.0.c`` (list indices as numbers) to ``value``."""
    *parents, last = path.split(".")

    def mutate(record: dict[str, Any]) -> None:
        node: Any = record
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return mutate


def deleter(path: str) -> Mutation:
    *parents, last = path.split(".")

    def mutate(record: dict[str, Any]) -> None:
        node: Any = record
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[last]
    return mutate


def swap_entities(record: dict[str, Any]) -> None:
    record["entities"][0], record["entities"][2] = record["entities"][2], record["entities"][0]


# (case name, mutation, "where" the problem must name, a word of the message)
INVALID: list[tuple[str, Mutation, str, str]] = [
    ("missing top key", deleter("events"), "record.events", "missing"),
    ("extra top key", setter("notes", []), "record.notes", "unexpected"),
    ("id not a string", setter("id", 7), "record.id", "string"),
    ("meta kind", setter("meta.kind", "daily"), "meta.kind", "weekly"),
    ("meta date format", setter("meta.published", "2025/12/12"), "meta.published", "ISO"),
    ("meta impossible date", setter("meta.published", "2025-02-30"), "meta.published", "ISO"),
    ("meta issue type", setter("meta.issue", "11"), "meta.issue", "integer"),
    ("meta period order", setter("meta.period", {"start": "2025-12-01", "end": "2025-11-30"}),
     "meta.period", "after"),
    ("meta period keys", setter("meta.period", {"start": "2025-11-01"}), "meta.period.end", "missing"),
    ("meta missing field", deleter("meta.title"), "meta.title", "missing"),
    ("entity missing norm", deleter("entities.0.norm"), "e1.norm", "missing"),
    ("entity empty norm", setter("entities.0.norm", ""), "e1.norm", "non-empty"),
    ("ORG extra field", setter("entities.0.title", None), "e1.title", "unexpected"),
    ("LOC with ORG field", setter("entities.2.unit", None), "e3.unit", "unexpected"),
    ("ORG kind", setter("entities.0.kind", "ministry"), "e1.kind", "government"),
    ("label", setter("entities.0.label", "PER"), "e1.label", "ORG"),
    ("start not before end", setter("entities.0.end", span("公安厅")["start"]), "e1.start", "offsets"),
    ("end beyond raw", setter("entities.0.end", len(RAW) + 1), "e1.start", "offsets"),
    ("negative start", setter("entities.0.start", -1), "e1.start", "offsets"),
    ("offset type", setter("entities.0.start", "6"), "e1.start", "integers"),
    ("text mismatch", setter("entities.0.text", "公安局"), "e1.text", "raw["),
    ("duplicate id", setter("entities.1.id", "e1"), "e1.id", "duplicate"),
    ("duplicate id across layers", setter("times.0.id", "e3"), "e3.id", "duplicate"),
    ("unsorted", swap_entities, "e1.start", "sorted"),
    ("PERSON org not ORG", setter("entities.1.org", "e3"), "e2.org", "ORG"),
    ("PERSON org unknown", setter("entities.1.org", "e99"), "e2.org", "ORG"),
    ("POLICY alias not POLICY", setter("entities.3.alias_of", "e1"), "e4.alias_of", "POLICY"),
    ("POLICY alias itself", setter("entities.3.alias_of", "e4"), "e4.alias_of", "POLICY"),
    ("POLICY doc_type", setter("entities.3.doc_type", "决议"), "e4.doc_type", "通知"),
    ("time order", setter("times.0.start_date", "2025-11-28"), "t1.start_date", "after"),
    ("time date format", setter("times.0.end_date", "11-27"), "t1.end_date", "ISO"),
    ("time grain", setter("times.0.grain", "hour"), "t1.grain", "day"),
    ("time approx", setter("times.0.approx", "no"), "t1.approx", "true"),
    ("time text", setter("times.0.text", "11月28日"), "t1.text", "raw["),
    ("time missing field", deleter("times.0.grain"), "t1.grain", "missing"),
    ("quantity value str", setter("quantities.0.value", "5"), "q1.value", "number"),
    ("quantity value bool", setter("quantities.0.value", True), "q1.value", "number"),
    ("quantity unit empty", setter("quantities.0.unit", ""), "q1.unit", "non-empty"),
    ("quantity unit null", setter("quantities.0.unit", None), "q1.unit", "non-empty"),
    ("quantity value_max below", setter("quantities.0.value_max", 3), "q1.value_max", "below"),
    ("quantity value_max type", setter("quantities.0.value_max", "9"), "q1.value_max", "number"),
    ("quantity extra field", setter("quantities.0.summary", "x"), "q1.summary", "unexpected"),
    ("scope without metric", lambda r: r["quantities"][0].update(metric=None, scope="省本级", period=None),
     "q1.scope", "metric"),
    ("period without metric",
     lambda r: r["quantities"][0].update(metric=None, scope=None), "q1.period", "metric"),
    ("event type", setter("events.0.type", "announce"), "v1.type", "issue"),
    ("event time unknown", setter("events.0.time", "t9"), "v1.time", "time"),
    ("event time not a time", setter("events.0.time", "e1"), "v1.time", "time"),
    ("event time null", setter("events.0.time", None), "v1.time", "time"),
    ("trigger text", setter("events.0.trigger.text", "发布"), "v1.trigger.text", "raw["),
    ("trigger offsets", setter("events.0.trigger.end", 999), "v1.trigger.start", "offsets"),
    ("trigger extra key", setter("events.0.trigger.type", "v"), "v1.trigger.type", "unexpected"),
    ("event extra field", setter("events.0.note", ""), "v1.note", "unexpected"),
    ("event summary type", setter("events.0.summary", 3), "v1.summary", "string"),
    ("arg role", setter("events.0.args.0.role", "actor"), "v1.args[0].role", "agent"),
    ("arg ref unknown", setter("events.0.args.1.ref", "e9"), "v1.args[1].ref", "id"),
    ("arg ref kind", setter("events.0.args.0.ref", "e4"), "v1.args[0].ref", "POLICY"),
    ("arg quantity ref", setter("events.0.args.3.ref", "t1"), "v1.args[3].ref", "TIME"),
    ("arg missing ref", deleter("events.0.args.0.ref"), "v1.args[0].ref", "missing"),
    ("layer not a list", setter("times", {}), "times", "list"),
    ("item not an object", setter("quantities.0", 5), "quantities[0]", "object"),
    ("item without id", deleter("entities.2.id"), "entities[2].id", "string"),
]
_names = [case[0] for case in INVALID]
assert len(_names) == len(set(_names)), "duplicate case names in INVALID"


@pytest.mark.parametrize(("name", "mutate", "where", "word"), INVALID, ids=_names)
def test_validator_catches(name: str, mutate: Mutation, where: str, word: str) -> None:
    record = valid_record()
    mutate(record)
    problems = validate_record(record, RAW, source=SOURCE)
    prefix = f"{SOURCE}: {where}: "
    named = [p for p in problems if p.startswith(prefix)]
    assert named, f"no problem names {prefix!r}: {problems}"
    assert any(word in p for p in named), f"{word!r} not in {named}"


VALID_VARIANTS: list[tuple[str, Mutation]] = [
    ("range quantity", setter("quantities.0.value_max", 8)),
    ("float value", setter("quantities.0.value", 5.5)),
    ("event summary", setter("events.0.summary", "公安厅印发办法")),
    ("null meta fields", lambda r: r["meta"].update(kind=None, issue=None, published=None, period=None)),
    ("vague time", lambda r: r["times"][0].update(start_date=None, grain="vague", approx=True)),
    ("plain quantity", lambda r: r["quantities"][0].update(metric=None, scope=None, period=None)),
    ("null person org", setter("entities.1.org", None)),
    ("no args", setter("events.0.args", [])),
]


@pytest.mark.parametrize(("name", "mutate"), VALID_VARIANTS, ids=[v[0] for v in VALID_VARIANTS])
def test_validator_accepts(name: str, mutate: Mutation) -> None:
    record = valid_record()
    mutate(record)
    assert validate_record(record, RAW, source=SOURCE) == []


def test_validator_reports_every_problem() -> None:
    record = valid_record()
    record["meta"]["kind"] = "daily"
    record["times"][0]["grain"] = "hour"
    record["events"][0]["type"] = "announce"
    assert len(validate_record(record, RAW, source=SOURCE)) == 3


def test_validator_on_non_object() -> None:
    assert validate_record([], RAW, source=SOURCE) == [f"{SOURCE}: record: list is not a JSON object"]  # type: ignore[arg-type]


def test_offsets_count_crlf() -> None:
    # the \r of the final CRLF is one code point; a span ending on it is valid
    record = valid_record()
    record["entities"].append({"id": "e5", "label": "LOC", "start": len(RAW) - 2, "end": len(RAW),
                               "text": "\r\n", "norm": "x"})
    assert validate_record(record, RAW, source=SOURCE) == []
    assert validate_record(record, RAW.replace("\r\n", "\n"), source=SOURCE)


# --- files -----------------------------------------------------------------------

def test_read_raw_keeps_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff 第一行\r\n第二行\r\n".encode())
    assert read_raw(path) == "\ufeff 第一行\r\n第二行\r\n"


def test_write_then_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    record = valid_record()
    write_record(record, path)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and "公安厅" in text  # ensure_ascii=False, trailing newline
    assert text.startswith('{\n  "id": "mini",')  # indent 2, key order kept
    assert load_record(path) == record
    assert [p.name for p in tmp_path.iterdir()] == ["mini.json"]  # no temp file left


def test_write_record_file_mode(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_text("{}", encoding="utf-8")  # the mode any new file gets here
    written = tmp_path / "written.json"
    write_record({}, written)
    assert written.stat().st_mode == plain.stat().st_mode
    written.chmod(0o640)
    write_record({"a": 1}, written)  # replacing keeps the file's mode
    assert written.stat().st_mode & 0o777 == 0o640


def test_write_record_replaces_atomically_and_cleans_up(tmp_path: Path) -> None:
    path = tmp_path / "mini.json"
    path.write_text('{"old": true}\n', encoding="utf-8")
    with pytest.raises(TypeError):
        write_record({"bad": {1, 2}}, path)  # a set is not JSON: nothing is written
    assert load_record(path) == {"old": True}
    assert [p.name for p in tmp_path.iterdir()] == ["mini.json"]


@pytest.mark.parametrize(
    ("content", "word"),
    [('{"id": "x",\n  "meta": }', ":2:"), ("[1, 2]", "JSON object"), ("", ":1:")],
    ids=["syntax", "not an object", "empty"],
)
def test_load_record_names_file(tmp_path: Path, content: str, word: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        load_record(path)
    assert str(path) in str(info.value) and word in str(info.value)
    assert info.value.problems and str(path) in info.value.problems[0]


def test_load_record_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.json"
    path.write_bytes('{"id": "公安厅"}'.encode("gb18030"))
    with pytest.raises(CorpusError, match="UTF-8"):
        load_record(path)


def make_corpus(root: Path, documents: list[dict[str, Any]] | None = None) -> Path:
    (root / "raw").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "raw" / "mini.txt").write_bytes(RAW.encode("utf-8"))
    write_record(valid_record(), root / "gold" / "mini.json")
    (root / "raw" / "syn.txt").write_text("合成文本", encoding="utf-8")  # not annotated yet
    if documents is None:
        documents = [{"id": "mini", "synthetic": False, "source": "test"},
                     {"id": "syn", "synthetic": True, "source": "generated"}]
    write_record({"documents": documents}, root / "manifest.json")
    return root


def test_validate_corpus(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    write_record(valid_record() | {"id": "other"}, root / "gold" / "orphan.json")  # no raw, wrong id
    (root / "raw" / "orphan2.txt").write_text(RAW, encoding="utf-8")
    write_record(valid_record(), root / "gold" / "orphan2.json")  # raw present, id != stem
    (root / "gold" / "broken.json").write_text("{", encoding="utf-8")
    results = validate_corpus(root)
    assert results["mini.json"] == []
    assert results["orphan.json"] == ["gold/orphan.json: record: no raw text raw/orphan.txt"]
    assert results["orphan2.json"] == ["gold/orphan2.json: record.id: 'mini' is not the file stem 'orphan2'"]
    assert "invalid JSON" in results["broken.json"][0]


def test_iter_corpus(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    docs = list(iter_corpus(root))
    assert docs == [
        CorpusDocument("mini", RAW, valid_record(), False),
        CorpusDocument("syn", "合成文本", None, True),
    ]
    assert docs[0].raw.endswith("\r\n")


def test_iter_corpus_rejects_invalid_gold(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    record = valid_record()
    record["times"][0]["grain"] = "hour"
    write_record(record, root / "gold" / "mini.json")
    with pytest.raises(CorpusError) as info:
        list(iter_corpus(root))
    assert info.value.problems == ["gold/mini.json: t1.grain: 'hour' is not one of day, week, month, "
                                   "quarter, year, vague"]
    assert len(list(iter_corpus(root, validate=False))) == 2


@pytest.mark.parametrize(
    ("documents", "word"),
    [
        ([{"id": "mini", "synthetic": "no", "source": "t"}], "synthetic"),
        ([{"id": "mini", "synthetic": False}], "source"),
        ([{"id": "gone", "synthetic": False, "source": "t"}], "raw/gone.txt"),
        ([{"id": "mini", "synthetic": False, "source": "t"}] * 2, "duplicate"),
        ([{"synthetic": False, "source": "t"}], "id"),
    ],
    ids=["synthetic type", "no source", "no raw", "duplicate", "no id"],
)
def test_manifest_problems(tmp_path: Path, documents: list[dict[str, Any]], word: str) -> None:
    root = make_corpus(tmp_path / "corpus", documents)
    with pytest.raises(CorpusError) as info:
        load_manifest(root)
    assert any(word in p and "manifest.json" in p for p in info.value.problems)


# --- the real corpus ------------------------------------------------------------

GOLD_FILES = sorted((CORPUS / "gold").glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_gold_file_is_valid(path: Path) -> None:
    problems = validate_corpus(CORPUS)[path.name]
    assert problems == [], "\n".join(problems)


def test_every_real_bulletin_is_annotated() -> None:
    entries = load_manifest(CORPUS)
    real = [e["id"] for e in entries if not e["synthetic"]]
    assert len(real) >= 3
    missing = [doc_id for doc_id in real if not (CORPUS / "gold" / f"{doc_id}.json").is_file()]
    assert missing == []
    raw_stems = {p.stem for p in (CORPUS / "raw").glob("*.txt")}
    assert raw_stems <= {e["id"] for e in entries}, "a raw bulletin is not listed in manifest.json"


def test_manifest_file_format() -> None:
    manifest = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest) == {"documents"}
    for entry in manifest["documents"]:
        assert set(entry) == {"id", "synthetic", "source"}


def test_unresolved_time_is_valid() -> None:
    """Without an anchor a time stays unresolved: both dates null is allowed (guide: unknown is null)."""
    from gov_extract.structure import read
    from gov_extract.times import TimeTagger

    raw = "11月27日，省政府办公厅印发通知。"
    doc = TimeTagger()(read(raw, doc_id="unanchored"))
    record = doc.to_dict()
    assert record["times"][0]["start_date"] is None
    assert validate_record(record, raw, source="unanchored") == []


HELDOUT = sorted(p for p in (Path(__file__).resolve().parents[1] / "heldout").glob("set*") if p.is_dir())


@pytest.mark.parametrize("folder", HELDOUT, ids=[p.name for p in HELDOUT])
def test_heldout_sets_are_valid_gold(folder: Path) -> None:
    problems = validate_corpus(folder)
    assert sum(len(v) for v in problems.values()) == 0, problems
    assert len(problems) == len(list((folder / "raw").glob("*.txt")))
