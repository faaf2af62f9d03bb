"""Tests of gov_extract.interchange: Label Studio, doccano and BRAT round trips."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract import interchange as ix
from gov_extract.corpus import ENTITY_FIELDS, validate_record
from gov_extract.errors import CorpusError
from gov_extract.model import Document

# --- a hand-made bulletin of another province (not the corpus) ---------------

RAW = (
    "湖州市政务服务周报\n第 5 期\n湖州市数\n据局\n2024 年 3 月 8 日\n"
    "本周，市政务服务中心共受理事项 1.2 万件。\n"
    "3 月 4 日，市数据局印发《关于落实〈浙江省公共数据条例〉的通知》。"
    "王建国赴长兴县调研“浙里办”运行情况。"
)


def _at(raw: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = raw.index(surface, start + 1)
    return start, start + len(surface)


def entity(raw: str, i: int, label: str, surface: str, nth: int = 0, **extra: Any) -> dict[str, Any]:
    start, end = _at(raw, surface, nth)
    item = {"id": f"e{i}", "label": label, "start": start, "end": end, "text": surface,
            "norm": extra.pop("norm", surface.replace("\n", ""))}
    item.update({f: extra.get(f) for f in ENTITY_FIELDS[label][6:]})
    return item


def sample_record(raw: str = RAW) -> dict[str, Any]:
    """A valid record over ``raw`` using every layer, nested titles and links."""
    period = {"start": "2024-03-02", "end": "2024-03-08"}
    entities = [
        entity(raw, 1, "ORG", "湖州市数\n据局", norm="湖州市数据局", kind="government"),
        entity(raw, 2, "ORG", "市政务服务中心", norm="湖州市政务服务中心", kind="institution"),
        entity(raw, 3, "ORG", "市数据局", nth=0, norm="湖州市数据局", kind="government"),
        entity(raw, 4, "POLICY", "关于落实〈浙江省公共数据条例〉的通知", doc_type="通知"),
        entity(raw, 5, "POLICY", "浙江省公共数据条例", doc_type="条例"),
        entity(raw, 6, "PERSON", "王建国", org="e3"),
        entity(raw, 7, "LOC", "长兴县", norm="浙江省湖州市长兴县"),
        entity(raw, 8, "INITIATIVE", "浙里办"),
    ]
    entities.sort(key=lambda e: e["start"])
    for n, e in enumerate(entities, 1):  # renumber in start order, keeping links
        e["_new"] = f"e{n}"
    ids = {e["id"]: e["_new"] for e in entities}
    for e in entities:
        e["id"] = e.pop("_new")
        if e.get("org"):
            e["org"] = ids[e["org"]]
    s1, e1 = _at(raw, "2024 年 3 月 8 日")
    s2, e2 = _at(raw, "本周")
    s3, e3 = _at(raw, "3 月 4 日")
    times = [
        {"id": "t1", "start": s1, "end": e1, "text": raw[s1:e1], "start_date": "2024-03-08",
         "end_date": "2024-03-08", "grain": "day", "approx": False},
        {"id": "t2", "start": s2, "end": e2, "text": "本周", "start_date": period["start"],
         "end_date": period["end"], "grain": "week", "approx": False},
        {"id": "t3", "start": s3, "end": e3, "text": raw[s3:e3], "start_date": "2024-03-04",
         "end_date": "2024-03-04", "grain": "day", "approx": False},
    ]
    qs, qe = _at(raw, "1.2 万件")
    quantities = [{"id": "q1", "start": qs, "end": qe, "text": "1.2 万件", "value": 12000, "unit": "件",
                   "approx": False, "metric": "受理事项", "scope": "市政务服务中心", "period": period}]
    by_text = {e["text"]: e["id"] for e in entities}
    ts, te = _at(raw, "印发")
    vs, ve = _at(raw, "调研")
    events = [
        {"id": "v1", "type": "issue", "trigger": {"start": ts, "end": te, "text": "印发"}, "time": "t3",
         "args": [{"role": "agent", "ref": by_text["市数据局"]},
                  {"role": "object", "ref": by_text["关于落实〈浙江省公共数据条例〉的通知"]},
                  {"role": "object", "ref": by_text["浙江省公共数据条例"]}]},
        {"id": "v2", "type": "visit", "trigger": {"start": vs, "end": ve, "text": "调研"}, "time": "t3",
         "args": [{"role": "agent", "ref": by_text["王建国"]}, {"role": "target", "ref": by_text["长兴县"]}],
         "summary": "王建国赴长兴县调研"},
    ]
    meta = {"title": "湖州市政务服务周报", "kind": "weekly", "issue": 5, "issue_total": None,
            "publisher": "湖州市数据局", "published": "2024-03-08", "period": period}
    return {"id": "huzhou_005", "meta": meta, "entities": entities, "times": times, "quantities": quantities,
            "events": events}


def _roundtrip(fmt: str, record: dict[str, Any], raw: str, **kw: Any) -> dict[str, Any]:
    """Export, pass through JSON/text as a file would, import."""
    if fmt == "label-studio":
        task = json.loads(json.dumps(ix.to_label_studio(record, raw, **kw)))
        return ix.from_label_studio(task, validate=False)
    if fmt == "doccano":
        return ix.from_doccano(json.loads(json.dumps(ix.to_doccano(record, raw))), validate=False)
    txt, ann = ix.to_brat(record, raw)
    return ix.from_brat(ann, txt, validate=False)


FORMATS = ["label-studio", "doccano", "brat"]


def test_sample_record_is_valid() -> None:
    assert validate_record(sample_record(), RAW, source="sample") == []


# --- round trips -------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_corpus_gold_round_trip(fmt: str, corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, gold = corpus_doc
    back = _roundtrip(fmt, copy.deepcopy(gold), raw)
    assert back == gold
    assert json.dumps(back, ensure_ascii=False) == json.dumps(gold, ensure_ascii=False)  # key order too
    assert validate_record(back, raw, source=fmt) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_document_round_trip(fmt: str) -> None:
    doc = Document.from_dict(sample_record(), RAW)
    back = _roundtrip(fmt, doc.to_dict(), RAW)
    assert Document.from_dict(back, RAW) == doc


@pytest.mark.parametrize("fmt", FORMATS)
def test_importers_validate(fmt: str) -> None:
    record = sample_record()
    record["events"][0]["args"].append({"role": "object", "ref": "t1"})  # a time is no object
    if fmt == "label-studio":
        with pytest.raises(CorpusError, match="role 'object'"):
            ix.from_label_studio(ix.to_label_studio(record, RAW))
    elif fmt == "doccano":
        with pytest.raises(CorpusError, match="role 'object'"):
            ix.from_doccano(ix.to_doccano(record, RAW))
    else:
        txt, ann = ix.to_brat(record, RAW)
        with pytest.raises(CorpusError, match="role 'object'"):
            ix.from_brat(ann, txt)


# --- Label Studio offsets: astral characters ----------------------------------

ASTRAL_CASES = [
    # (prefix before the bulletin text, UTF-16 shift of the mentions)
    ("", 0),
    ("😀", 1),                 # emoji: a surrogate pair
    ("𠀀𠀁", 2),                # CJK Extension B characters
    ("😀\n𪚥 ", 2),
    ("é中", 0),                # BMP only: no shift
]


@pytest.mark.parametrize(("prefix", "shift"), ASTRAL_CASES)
def test_label_studio_utf16_offsets(prefix: str, shift: int) -> None:
    raw = prefix + RAW
    record = ix.from_label_studio(ix.to_label_studio(sample_record(raw), raw), validate=True)
    codepoint = ix.to_label_studio(record, raw)
    utf16 = ix.to_label_studio(record, raw, offsets="utf16")
    for a, b in zip(codepoint["predictions"][0]["result"], utf16["predictions"][0]["result"], strict=True):
        if a["type"] == "labels":
            assert b["value"]["start"] == a["value"]["start"] + shift
            js = raw.encode("utf-16-le")  # what a browser indexes
            start, end = b["value"]["start"], b["value"]["end"]
            assert js[2 * start:2 * end].decode("utf-16-le") == a["value"]["text"]
    for task in (codepoint, utf16):
        assert ix.from_label_studio(json.loads(json.dumps(task))) == record
    assert ix.from_label_studio(utf16, offsets="utf16") == record


def test_label_studio_auto_offsets_on_repeated_text_follow_the_task() -> None:
    raw = "😀湖湖湖湖"
    record = {"id": "x", "meta": {}, "entities": [{"id": "e1", "label": "LOC", "start": 2, "end": 4,
                                                    "text": "湖湖", "norm": "湖湖"}],
              "times": [], "quantities": [], "events": []}
    task = ix.to_label_studio(record, raw, offsets="utf16")
    assert task["data"]["doc_offsets"] == "utf16"
    assert ix.from_label_studio(task, validate=False) == record
    del task["data"]["doc_offsets"]  # a task of old Label Studio itself: both countings read alike
    assert ix.from_label_studio(task, validate=False)["entities"][0]["start"] == 3
    assert ix.from_label_studio(task, offsets="utf16", validate=False) == record


def test_label_studio_offsets_that_fit_nothing() -> None:
    raw = "😀" + RAW
    task = ix.to_label_studio(sample_record(raw), raw)
    task["predictions"][0]["result"][0]["value"]["start"] += 1
    with pytest.raises(CorpusError, match="neither at code point nor at UTF-16"):
        ix.from_label_studio(task)


@given(st.text(alphabet="a中😀𠀀\n", max_size=30), st.data())
def test_utf16_offset_maps_invert(text: str, data: st.DataObject) -> None:
    conv = ix._Utf16(text)
    i = data.draw(st.integers(0, len(text)))
    units = conv.to_units(i)
    assert units == len(text[:i].encode("utf-16-le")) // 2
    assert conv.to_points(units) == i


# --- Label Studio: reading what annotators did ---------------------------------


def test_label_studio_reads_annotator_edits() -> None:
    record = sample_record()
    task = ix.to_label_studio(record, RAW)
    result = task["predictions"][0]["result"]
    # The annotator adds an ORG (no payload), deletes the second object of v1 and answers as an annotation.
    start, end = _at(RAW, "市政务服务中心")
    loose = [r for r in result if not (r["type"] == "relation" and r["from_id"] == "v1" and r["labels"] == ["object"]
                                       and r["to_id"] == record["events"][0]["args"][2]["ref"])]
    s, e = _at(RAW, "湖州市政务服务周报")
    loose.append({"id": "Xy12", "from_name": "label", "to_name": "text", "type": "labels",
                  "value": {"start": s, "end": e, "text": RAW[s:e], "labels": ["INITIATIVE"]}})
    task = {"data": task["data"], "predictions": task["predictions"],
            "annotations": [{"result": [], "was_cancelled": True}, {"result": loose}]}
    back = ix.from_label_studio(task)
    added = next(x for x in back["entities"] if x["start"] == s)
    assert added == {"id": "e9", "label": "INITIATIVE", "start": s, "end": e, "text": "湖州市政务服务周报",
                     "norm": "湖州市政务服务周报"}
    assert len(back["events"][0]["args"]) == 2
    assert (start, end) in {(x["start"], x["end"]) for x in back["entities"]}


def test_label_studio_left_relation_and_bad_payload() -> None:
    record = sample_record()
    task = ix.to_label_studio(record, RAW)
    result = task["predictions"][0]["result"]
    rel = next(r for r in result if r["type"] == "relation")
    rel["from_id"], rel["to_id"], rel["direction"] = rel["to_id"], rel["from_id"], "left"
    assert ix.from_label_studio(task) == record
    next(r for r in result if r["type"] == "textarea")["value"]["text"] = ["{not json"]
    with pytest.raises(CorpusError, match="not JSON"):
        ix.from_label_studio(task)


def test_label_studio_config_and_annotations() -> None:
    config = ix.label_studio_config()
    for name in ("ORG", "TIME", "QUANTITY", "issue", "approve", "agent", "time", "alias_of"):
        assert f'value="{name}"' in config
    task = ix.to_label_studio(sample_record(), RAW, as_annotations=True)
    assert "predictions" not in task and ix.from_label_studio(task) == sample_record()


def test_unknown_label_is_named() -> None:
    task = ix.to_label_studio(sample_record(), RAW)
    task["predictions"][0]["result"][0]["value"]["labels"] = ["MONEY"]
    with pytest.raises(CorpusError, match="unknown label 'MONEY'"):
        ix.from_label_studio(task)


# --- doccano -----------------------------------------------------------------


def test_doccano_survives_renumbering() -> None:
    line = ix.to_doccano(sample_record(), RAW)
    renumber = {e["id"]: 1000 + 7 * e["id"] for e in line["entities"]}
    for e in line["entities"]:
        e["id"] = renumber[e["id"]]
    for r in line["relations"]:
        r["from_id"], r["to_id"] = renumber[r["from_id"]], renumber[r["to_id"]]
    line["entities"].reverse()  # doccano may list them in any order
    exported = {"id": 17, **line, "Comments": []}
    assert ix.from_doccano(exported) == sample_record()


def test_doccano_sequence_labelling_format() -> None:
    s, e = _at(RAW, "长兴县")
    back = ix.from_doccano({"text": RAW, "label": [[s, e, "LOC"]]}, validate=False)
    assert back["entities"] == [{"id": "e1", "label": "LOC", "start": s, "end": e, "text": "长兴县", "norm": "长兴县"}]
    assert back["meta"]["published"] == "2024-03-08"  # no metadata: the reader's meta


# --- BRAT --------------------------------------------------------------------


def test_brat_lines() -> None:
    txt, ann = ix.to_brat(sample_record(), RAW)
    assert txt == RAW
    lines = ann.splitlines()
    assert all("\n" not in line for line in lines)
    t_org = next(x for x in lines if x.startswith("T") and "\tORG " in x and ";" in x)
    start, end = _at(RAW, "湖州市数\n据局")
    assert t_org.split("\t")[1] == f"ORG {start} {start + 4};{start + 5} {end}"
    event = next(x for x in lines if x.startswith("E1\t"))
    assert event.split("\t")[1].split()[0].startswith("issue:T")
    roles = [p.split(":")[0] for p in event.split("\t")[1].split()[1:]]
    assert roles == ["time", "agent", "object", "object2"]
    assert any(x.startswith("R") and "\torg Arg1:" in x for x in lines)
    assert any(x.startswith("A") and "\tkind T" in x for x in lines)
    assert any(x.startswith("N") and x.endswith("\t湖州市数据局") for x in lines)
    assert sum(x.startswith("#") for x in lines) == 8 + 3 + 1 + 2  # mentions and events
    assert "[events]" in ix.brat_config() and "object*:INITIATIVE|POLICY" in ix.brat_config()


def test_brat_hand_written_file() -> None:
    """A .ann written in BRAT by a person: no notes, so values come from A and N lines."""
    s, e = _at(RAW, "市数据局")
    ts, te = _at(RAW, "印发")
    ps, pe = _at(RAW, "关于落实〈浙江省公共数据条例〉的通知")
    ann = (f"T1\tORG {s} {e}\t市数据局\nT2\tissue {ts} {te}\t印发\nT3\tPOLICY {ps} {pe}\tx\n"
           "E1\tissue:T2 agent:T1 object:T3\nA1\tkind T1 government\n"
           "N1\tReference T1 wiki:1\t湖州市数据局\n")
    back = ix.from_brat(ann, RAW, doc_id="hz", validate=False)
    assert back["id"] == "hz"
    org = back["entities"][0]
    assert (org["norm"], org["kind"], org["unit"]) == ("湖州市数据局", "government", None)
    assert back["events"] == [{"id": "v1", "type": "issue", "trigger": {"start": ts, "end": te, "text": "印发"},
                               "time": None, "args": [{"role": "agent", "ref": "e1"},
                                                      {"role": "object", "ref": "e2"}]}]


@pytest.mark.parametrize(("line", "message"), [
    ("T1\tORG 3\tx", "malformed T line"),
    ("E1\tissue", "malformed E line"),
    ("#1\tAnnotatorNotes T1\t{oops", "not JSON"),
    ("R1\torg Arg1:T1", "malformed R line"),
])
def test_brat_malformed_lines(line: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as info:
        ix.from_brat(f"T9\tLOC 0 1\t湖\n{line}\n", RAW, source="x.ann")
    assert "x.ann:2" in str(info.value)


def test_brat_refuses_a_span_of_line_breaks() -> None:
    raw = "甲\n\n乙"
    record = {"id": "x", "meta": {}, "entities": [{"id": "e1", "label": "LOC", "start": 1, "end": 3,
                                                    "text": "\n\n", "norm": "x"}],
              "times": [], "quantities": [], "events": []}
    with pytest.raises(ValueError, match="only line breaks"):
        ix.to_brat(record, raw)


def test_brat_span_ending_on_a_break_is_kept() -> None:
    raw = "甲乙\n丙"
    record = {"id": "x", "meta": {}, "entities": [{"id": "e1", "label": "LOC", "start": 0, "end": 3,
                                                    "text": "甲乙\n", "norm": "甲乙"}],
              "times": [], "quantities": [], "events": []}
    txt, ann = ix.to_brat(record, raw)
    assert ann.startswith("T1\tLOC 0 2\t")
    assert ix.from_brat(ann, txt, validate=False) == record


# --- property: any record over any text survives every format ----------------

_TEXT = st.text(alphabet=st.sampled_from("湖州市局省厅a1 \n😀𠀀《》“”\t"), min_size=1, max_size=40)


@st.composite
def _records(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    raw = draw(_TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(raw) - 1))
        end = draw(st.integers(start + 1, len(raw)))
        if raw[start:end].strip("\n"):
            spans.append((start, end))
    spans.sort()
    entities, times, quantities = [], [], []
    for start, end in spans:
        kind = draw(st.sampled_from(["ORG", "PERSON", "LOC", "POLICY", "INITIATIVE", "TIME", "QUANTITY"]))
        base = {"start": start, "end": end, "text": raw[start:end]}
        if kind == "TIME":
            times.append({"id": f"t{len(times) + 1}", **base, "start_date": None, "end_date": "2024-01-31",
                          "grain": draw(st.sampled_from(["day", "vague"])), "approx": draw(st.booleans())})
        elif kind == "QUANTITY":
            quantities.append({"id": f"q{len(quantities) + 1}", **base,
                               "value": draw(st.sampled_from([1, 2.5, 126000000000000])), "unit": "件",
                               "approx": draw(st.booleans()), "metric": None, "scope": None, "period": None})
        else:
            item = {"id": f"e{len(entities) + 1}", "label": kind, **base,
                    "norm": draw(st.sampled_from(["湖州市\u2028局", "n\tx", "省厅"]))}
            item.update({f: None for f in ENTITY_FIELDS[kind][6:]})
            entities.append(item)
    refs = [e["id"] for e in entities] + [q["id"] for q in quantities]
    events = []
    if spans and refs:
        start, end = spans[0]
        events.append({"id": "v1", "type": "meeting", "trigger": {"start": start, "end": end, "text": raw[start:end]},
                       "time": times[0]["id"] if times else None,
                       "args": [{"role": draw(st.sampled_from(["agent", "participant"])), "ref": r}
                                for r in draw(st.lists(st.sampled_from(refs), max_size=3))]})
    record = {"id": "h", "meta": {"title": None}, "entities": entities, "times": times,
              "quantities": quantities, "events": events}
    return record, raw


@settings(max_examples=150, deadline=None)
@given(_records(), st.sampled_from(FORMATS))
def test_any_record_round_trips(case: tuple[dict[str, Any], str], fmt: str) -> None:
    record, raw = case
    if fmt == "brat" and not (record["entities"] or record["times"] or record["quantities"]):
        return  # BRAT keeps the bulletin's id and meta in a mention's note: see the test below
    assert _roundtrip(fmt, copy.deepcopy(record), raw) == record
    if fmt == "label-studio":
        assert _roundtrip(fmt, copy.deepcopy(record), raw, offsets="utf16") == record


def test_brat_without_mentions_takes_id_and_meta_from_elsewhere() -> None:
    record = {"id": "hz", "meta": {"title": "x"}, "entities": [], "times": [], "quantities": [], "events": []}
    txt, ann = ix.to_brat(record, RAW)
    assert ann == ""
    back = ix.from_brat(ann, txt, doc_id="hz_file")
    assert back["id"] == "hz_file" and back["meta"]["published"] == "2024-03-08"  # the file stem, the reader


# --- files and the CLI's write() --------------------------------------------------


@pytest.mark.parametrize(("fmt", "names"), [
    ("csv", ["huzhou_005.entities.csv", "huzhou_005.times.csv", "huzhou_005.quantities.csv",
             "huzhou_005.events.csv"]),
    ("brat", ["huzhou_005.txt", "huzhou_005.ann", "annotation.conf"]),
    ("label-studio", ["huzhou_005.label-studio.json"]),
    ("doccano", ["huzhou_005.jsonl"]),
])
def test_write_and_load(fmt: str, names: list[str], tmp_path: Path) -> None:
    doc = Document.from_dict(sample_record(), RAW)
    paths = ix.write(doc, None, fmt, tmp_path / "out")
    assert [p.name for p in paths] == names and all(p.is_file() for p in paths)
    if fmt == "csv":
        header = paths[0].read_text(encoding="utf-8-sig").splitlines()[0]
        assert header.startswith("doc_id,id,label,start,end,text,norm")
        assert "市政务服务中心" in paths[2].read_text(encoding="utf-8-sig")
        return
    [(record, raw)] = ix.load(paths[1] if fmt == "brat" else paths[0])
    assert raw == RAW and record == sample_record()


def test_write_record_dict_and_errors(tmp_path: Path) -> None:
    record = sample_record()
    record["id"] = "a/b c"
    [path] = ix.write(record, RAW, "doccano", tmp_path)
    assert path.name == "a_b_c.jsonl"
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        ix.write(record, RAW, "xml", tmp_path)
    with pytest.raises(TypeError, match="raw text"):
        ix.write(record, None, "brat", tmp_path)
    with pytest.raises(ValueError, match="cannot tell the format"):
        ix.load(tmp_path / "x.xml")


def test_load_several_tasks(tmp_path: Path) -> None:
    tasks = [ix.to_label_studio(sample_record(), RAW), ix.to_label_studio(sample_record("😀" + RAW), "😀" + RAW)]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    loaded = ix.load(path)
    assert [raw for _, raw in loaded] == [RAW, "😀" + RAW]
