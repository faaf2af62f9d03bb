"""Robustness: wrong types, encodings, empty and foreign text, odd characters,
malformed data files, and batch runs of the CLI that must survive bad files.

Every bad input gets either a result whose offsets hold or a typed error that
names the value (and the file, line and field where there is one).
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import gov_extract
import gov_extract.cli
from gov_extract import Pipeline, extract
from gov_extract.errors import CorpusError, DecodeError, GovExtractError, LexiconError
from gov_extract.files import decode, read_text
from gov_extract.model import Document, Meta
from tests.conftest import CORPUS_IDS, raw_text
from tests.strategies import check_document

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

# A short bulletin of another province's centre, encodable in GBK (no corpus text).
GBK_BULLETIN = (
    "政务服务周报\r\n"
    "2024年第 9期（总第 212期）\r\n"
    "浙江省政务服务中心 2024年 3月 8日\r\n"
    "（3月 1日—3月 7日）\r\n"
    "一、总体运行情况\r\n"
    "本周，共计受理 3120件、办结 2987件，电话咨询 1.2 万人次。\r\n"
    "二、工作动态\r\n"
    "3月 5日，省市场监管局印发《关于优化个体工商户登记服务的通知》。\r\n"
)


def signature(doc: Document) -> dict[str, Any]:
    """What a document says, without offsets or surface text: for comparing variants."""
    return {
        "meta": doc.meta.to_dict(),
        "entities": [(e.label, e.norm) for e in doc.entities],
        "times": [(t.start_date, t.end_date, t.grain, t.approx) for t in doc.times],
        "quantities": [(q.value, q.unit, q.approx, q.metric, q.scope) for q in doc.quantities],
        "events": [(e.type, len(e.args)) for e in doc.events],
    }


# --- wrong types -------------------------------------------------------------------

NOT_STR = [
    (None, "NoneType"),
    (42, "int"),
    (3.5, "float"),
    (b"\xe7\x9c\x81\xe6\x9e\x97\xe8\x8d\x89\xe5\xb1\x80", "bytes"),
    (bytearray(b"abc"), "bytearray"),
    (Path("bulletin.txt"), "PosixPath" if os.name == "posix" else "WindowsPath"),
    (["省林草局印发通知"], "list"),
    (io.StringIO("省林草局印发通知"), "StringIO"),
]


@pytest.mark.parametrize(("value", "type_name"), NOT_STR, ids=[t for _, t in NOT_STR])
@pytest.mark.parametrize("entry", ["extract", "pipeline", "read"])
def test_not_a_str_is_a_type_error_naming_type_and_fix(value: object, type_name: str, entry: str) -> None:
    call = {"extract": extract, "pipeline": Pipeline([]), "read": gov_extract.read}[entry]
    with pytest.raises(TypeError) as exc:
        call(value)  # type: ignore[arg-type]
    message = str(exc.value)
    assert type_name in message, message
    assert "str" in message, message
    if isinstance(value, (bytes, bytearray)):
        assert "decode" in message or "read_text" in message, message


def test_str_subclass_is_accepted() -> None:
    class Text(str):
        pass

    doc = extract(Text("2025年3月5日，省林草局印发通知。"))
    check_document(doc)
    assert doc.times


# --- bytes and files ------------------------------------------------------------

ENCODINGS = [
    ("utf-8", GBK_BULLETIN.encode()),
    ("utf-8-bom", b"\xef\xbb\xbf" + GBK_BULLETIN.encode()),
    ("gb18030", GBK_BULLETIN.encode("gb18030")),
    ("gbk", GBK_BULLETIN.encode("gbk")),
    ("gb18030-astral", (GBK_BULLETIN + "𠀀𪚥\r\n").encode("gb18030")),
]


@pytest.mark.parametrize(("name", "data"), ENCODINGS, ids=[n for n, _ in ENCODINGS])
def test_files_in_common_encodings_decode_and_extract(
    name: str, data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = GBK_BULLETIN + ("𠀀𪚥\r\n" if name.endswith("astral") else "")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    assert decode(data, source=str(path)) == text
    assert read_text(path) == text
    assert gov_extract.cli.main(["extract", str(path), "-q"]) == 0
    record = json.loads(capsys.readouterr().out)
    expected = extract(text, doc_id=path.stem).to_dict()
    assert record == expected
    assert record["meta"]["published"] == "2024-03-08"


# A UTF-8 text truncated inside its last character, or in another encoding
# entirely, must never come back as GB18030 mojibake.
UNDECODABLE = [
    ("high-bytes", bytes(range(0x80, 0x100)) * 4 + b"\x00\x01\x02\x03" * 50),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
     + bytes((i * 97 + 13) % 256 for i in range(600)) + b"\nendstream\nendobj\n"),
    ("zip-docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes((i * 31) % 256 for i in range(400))),
    ("latin-1", "Café, résumé, naïve façade - Ærøskøbing".encode("latin-1")),
    ("utf-16-le-nobom", GBK_BULLETIN.encode("utf-16-le")),
]


@pytest.mark.parametrize(("name", "data"), UNDECODABLE, ids=[n for n, _ in UNDECODABLE])
def test_undecodable_file_is_a_decode_error_naming_it(name: str, data: bytes, tmp_path: Path) -> None:
    path = tmp_path / f"bulletin-{name}.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as exc:
        read_text(path)
    assert path.name in str(exc.value)
    assert isinstance(exc.value, GovExtractError)


MAYBE_DECODABLE = [
    # (name, bytes, the text they may decode to)
    ("utf-16-bom", GBK_BULLETIN.encode("utf-16"), GBK_BULLETIN),
    ("utf-32-bom", GBK_BULLETIN.encode("utf-32"), GBK_BULLETIN),
    ("utf-8-cut-short", "四川省林业和草原局".encode()[:-1], "四川省林业和草原"),
    ("utf-8-cut-title", "政务服务周报".encode()[:-2], "政务服务周"),
    ("utf-8-cut-line", "湖州市数据局印发通知".encode()[:-1], "湖州市数据局印发通"),
    ("utf-8-cut-bulletin", GBK_BULLETIN.rstrip().encode()[:-1], GBK_BULLETIN.rstrip()[:-1]),
]


@pytest.mark.parametrize(("name", "data", "text"), MAYBE_DECODABLE, ids=[n for n, _, _ in MAYBE_DECODABLE])
def test_other_encodings_decode_right_or_fail_clearly(name: str, data: bytes, text: str, tmp_path: Path) -> None:
    """Decoded to the right text (prefix, for a cut file) or a DecodeError naming the file; never mojibake."""
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    try:
        got = read_text(path)
    except DecodeError as exc:
        assert path.name in str(exc)
        return
    assert got.startswith(text) or text.startswith(got.rstrip("\ufffd")) and len(got) >= len(text) - 1, (
        f"{name} decoded to {got[:40]!r}, expected {text[:40]!r} or a DecodeError"
    )


def test_decode_rejects_non_bytes_with_a_type_error() -> None:
    for value in ("文本", None, 12, Path("x.txt")):
        with pytest.raises(TypeError, match=type(value).__name__):
            decode(value)  # type: ignore[arg-type]


def test_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-bulletin.txt"
    with pytest.raises(OSError, match="no-such-bulletin.txt"):
        read_text(missing)


# --- empty text ----------------------------------------------------------------

EMPTY = ["", " ", "\n", "\r\n\r\n", "\r", "\u3000\u3000", "\t \x0b\x0c", "\n\n\n   \n", "\xa0", "\ufeff", "\ufeff\r\n"]


@pytest.mark.parametrize("text", EMPTY, ids=[repr(t) for t in EMPTY])
def test_empty_or_whitespace_text_is_an_empty_document(text: str) -> None:
    doc = extract(text)
    assert doc.raw == text
    assert (doc.entities, doc.times, doc.quantities, doc.events) == ((), (), (), ())
    assert doc.meta == Meta()
    record = check_document(doc)
    assert record["entities"] == record["times"] == record["quantities"] == record["events"] == []


# --- text that is not a bulletin ---------------------------------------------------

NEWS = (
    "天府新区启用新的政务服务中心\n"
    "（记者 李娜）记者从天府新区获悉，位于兴隆湖畔的新政务服务中心日前正式对外开放。"
    "新中心面积约1.2万平方米，设置综合窗口68个，可办理事项1300余项。"
    "自2023年11月1日起施行的《四川省优化营商环境条例》对窗口服务提出了新要求。"
    "市民王女士说：“以前跑三个地方，现在一个窗口就办完了。”"
    "据介绍，下一步新区将推动“一网通办”向村（社区）延伸。\n"
)
NEWS_WITH_DATELINE = (
    "新华社杭州6月3日电 浙江省数据局3日发布消息，全省“浙里办”用户已超过1亿。\n"
    "据统计，今年前5个月，浙江省网上办件量达2.3亿件，同比增长15%。\n"
    "业内人士认为，数字政府建设将进一步提速。\n"
)
ENGLISH = (
    "Ministry of Finance Press Release\n"
    "Issue 11, 12 December 2025\n"
    "1. Overview\n"
    "In November the ministry processed 54,000 applications (up 5.4%) and answered 1,055 calls.\n"
    "The State Council issued the Opinions on Optimising the Business Environment on 27 November.\n"
)
TRADITIONAL = (
    "行政院新聞稿\n"
    "第 12 期\n"
    "中華民國114年3月5日\n"
    "一、院會通過《數位發展部組織法》修正草案\n"
    "行政院今日召開第3925次院會，會中通過數位發展部所擬之修正草案，預計投入新臺幣120億元，"
    "較去年增加百分之三十六點九。臺北市政府、新北市政府表示將配合辦理。\n"
)


def _report_1954() -> str:
    path = SHARED_DATA / "gov_work_reports.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared data folder is not beside the repo)")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if str(row.get("year")) == "1954":
                return row["content"]
    pytest.skip(f"no 1954 report in {path}")


NON_BULLETINS = {
    "news": lambda: NEWS,
    "news-dateline": lambda: NEWS_WITH_DATELINE,
    "english": lambda: ENGLISH,
    "traditional": lambda: TRADITIONAL,
    "report-1954": _report_1954,
}


@pytest.mark.parametrize("name", list(NON_BULLETINS))
def test_text_that_is_not_a_bulletin_runs_and_invents_no_meta(name: str) -> None:
    text = NON_BULLETINS[name]()
    doc = extract(text, doc_id=name)
    check_document(doc)
    meta = doc.meta
    # A bulletin's series fields: none of these texts has them.
    assert (meta.title, meta.kind, meta.issue_total, meta.period) == (None, None, None, None), meta
    if name != "traditional":  # the only one that prints 第 N 期
        assert meta.issue is None, meta
    assert meta.publisher is None, f"publisher invented from {name}: {meta.publisher!r}"
    if name in ("news", "report-1954"):
        # No publication line: a date in the body is not the publication date.
        assert meta.published is None, f"published invented from {name}: {meta.published}"
    if name == "english":
        assert meta.published in (None, date(2025, 12, 12)), meta.published  # its dateline


# --- line ends and odd characters ----------------------------------------------------

def _fullwidth_digits(text: str) -> str:
    return re.sub(r"[0-9]", lambda m: chr(ord(m.group()) + 0xFEE0), text)


# Variants that must not change what is extracted, only where.
SAME_CONTENT = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "bom": lambda t: "\ufeff" + t,
    "trailing-spaces": lambda t: t.replace("\n", " \t\n"),
    "fullwidth-digits": _fullwidth_digits,
}


@pytest.mark.parametrize("variant", list(SAME_CONTENT))
@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_line_end_and_width_variants_extract_the_same(doc_id: str, variant: str) -> None:
    raw = raw_text(doc_id)
    base = extract(raw, doc_id=doc_id)
    changed = extract(SAME_CONTENT[variant](raw), doc_id=doc_id)
    check_document(changed)
    assert signature(changed) == signature(base)


def _sprinkle(text: str, chars: str, every: int = 97) -> str:
    """``chars`` inserted every ``every`` characters (deterministic)."""
    return "".join(text[i:i + every] + chars for i in range(0, len(text), every))


# Variants whose content may change; offsets and JSON must hold.
ODD = {
    "nul": lambda t: _sprinkle(t, "\x00"),
    "controls": lambda t: _sprinkle(t, "\x01\x1b\x7f", 53),
    "form-feed-pages": lambda t: t.replace("\n\n\n", "\n\x0c\n"),
    "vertical-tab-lines": lambda t: t.replace("\n", "\x0b"),
    "unicode-line-seps": lambda t: t.replace("\n", "\u2028").replace("。", "。\u2029"),
    "nel": lambda t: t.replace("\n", "\x85"),
    "lone-surrogates": lambda t: _sprinkle(t, "\ud800", 71) + "\udfff",
    "emoji": lambda t: _sprinkle(t, "👍🏽", 31).replace("省", "省😀"),
    "zwj-emoji": lambda t: _sprinkle(t, "👨‍👩‍👧", 43),
    "combining": lambda t: _sprinkle(t, "\u0301\u0332", 29).replace("日", "日\u3099"),
    "zero-width": lambda t: t.replace("厅", "\u200b厅\u200d").replace("万", "\xad万"),
    "bidi": lambda t: _sprinkle(t, "\u202e", 61),
    "variation-selectors": lambda t: t.replace("局", "局\ufe0f").replace("中", "中\U000e0100"),
    "astral-han": lambda t: t.replace("省", "𠀀省").replace("月", "月𪚥"),
    "mixed-width-punct": lambda t: t.replace("（", "(").replace("）", ")").replace("，", ",").replace("：", ":"),
    "mixed-width-digits": lambda t: re.sub(r"[13579]", lambda m: chr(ord(m.group()) + 0xFEE0), t),
    "ideographic-spaces": lambda t: t.replace(" ", "\u3000").replace("\n", "\u3000\n"),
    "nbsp": lambda t: t.replace(" ", "\xa0"),
    "tabs": lambda t: t.replace(" ", "\t"),
}


@pytest.mark.parametrize("variant", list(ODD))
@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_odd_characters_keep_offsets_and_json(doc_id: str, variant: str) -> None:
    raw = ODD[variant](raw_text(doc_id))
    doc = extract(raw, doc_id=doc_id)
    record = check_document(doc)
    assert Document.from_dict(record, raw).to_dict() == record


def test_lone_surrogate_inside_a_mention_stays_valid_json() -> None:
    raw = "2025年3月5日，浙江省市场监管局\ud800印发《关于\udfff优化服务的通知》，受理\ud83d 120件。"
    doc = extract(raw, doc_id="surrogates")
    record = check_document(doc)
    text = json.dumps(record, ensure_ascii=True)
    assert text.isascii()
    assert json.loads(text) == record


# --- malformed lexicon files ------------------------------------------------------------

ORG_HEADER = "norm\tkind\tlevel\tparent\taliases\tlist_forms"
DIV_HEADER = "full\tlevel\tparent\taliases"
INIT_HEADER = "name\tkind\taliases"

# (file name, content, line named in the error, field named in the error or None)
GOOD_ORG = "湖南省数据局\tgovernment\tprovincial\t湖南省人民政府\t省数据局\t"
BAD_LEXICONS = [
    ("orgs.tsv", f"{ORG_HEADER}\n{GOOD_ORG}\n湖南省测试厅\tgovernment\n", 3, None),
    ("orgs.tsv", f"{ORG_HEADER}\n湖南省数据局\tministry\tprovincial\t湖南省人民政府\t省数据局\t\n", 2, "kind"),
    ("orgs.tsv", f"{ORG_HEADER}\n{GOOD_ORG}\n\tgovernment\tprovincial\t湖南省人民政府\t省测试局\t\n", 3, "norm"),
    ("orgs.tsv", f"{ORG_HEADER}\n湖南省数据局\tgovernment\tgalactic\t湖南省人民政府\t省数据局\t\n", 2, "level"),
    ("orgs.tsv", "name\tkind\n湖南省数据局\tgovernment\n", 1, None),
    ("orgs.tsv", f"{ORG_HEADER}\n{GOOD_ORG}\textra\tcolumns\n", 2, None),
    ("divisions.tsv", f"{DIV_HEADER}\n湖南省\tprovince\t\t湖南\n长沙市\tplanet\t湖南省\t长沙\n", 3, "level"),
    ("divisions.tsv", f"{DIV_HEADER}\n湖南省\tprovince\t\t湖南\n长沙市\n", 3, None),
    ("initiatives.tsv", f"{INIT_HEADER}\n湘易办\tplatform\t湘易办APP\n一件事\tslogan\t\n", 3, "kind"),
    ("initiatives.tsv", f"{INIT_HEADER}\n\tplatform\t湘易办APP\n", 2, "name"),
]


def _message_without_path(exc: BaseException, path: Path) -> str:
    return str(exc).replace(str(path), "<file>")


@pytest.mark.parametrize(("name", "content", "line", "field"), BAD_LEXICONS,
                         ids=[f"{n}:{l}:{f}" for n, _, l, f in BAD_LEXICONS])
def test_malformed_lexicon_is_a_lexicon_error_naming_file_line_field(
    name: str, content: str, line: int, field: str | None, tmp_path: Path
) -> None:
    from gov_extract.lexicon import Lexicon

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        Lexicon.from_files(path)
    message = str(exc.value)
    assert name in message, message
    rest = _message_without_path(exc.value, path)
    assert re.search(rf"(?<!\d){line}(?!\d)", rest), f"line {line} not named: {message}"
    if field is not None:
        assert field in rest, f"field {field!r} not named: {message}"


def test_lexicon_not_utf8_names_the_file(tmp_path: Path) -> None:
    from gov_extract.lexicon import Lexicon

    path = tmp_path / "orgs.tsv"
    path.write_bytes(f"{ORG_HEADER}\n{GOOD_ORG}\n".encode("gbk"))
    with pytest.raises(LexiconError, match=re.escape(path.name)):
        Lexicon.from_files(path)


def test_missing_lexicon_file_names_it(tmp_path: Path) -> None:
    from gov_extract.lexicon import Lexicon

    path = tmp_path / "orgs-hunan.tsv"
    with pytest.raises((LexiconError, OSError), match=re.escape(path.name)):
        Lexicon.from_files(path)


def test_cli_reports_a_bad_lexicon_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "orgs.tsv"
    lexicon.write_text(f"{ORG_HEADER}\n湖南省数据局\tministry\tprovincial\t湖南省人民政府\t省数据局\t\n", encoding="utf-8")
    bulletin = tmp_path / "b.txt"
    bulletin.write_text(GBK_BULLETIN, encoding="utf-8")
    assert gov_extract.cli.main(["extract", str(bulletin), "--lexicon", str(lexicon), "-q"]) == 2
    assert "orgs.tsv" in capsys.readouterr().err


# --- malformed gold files ---------------------------------------------------------------

# (file content, text the CorpusError must name besides the file)
BAD_GOLD_FILES = [
    ('{"id": "x",\n "meta": {},\n "entities": [,]\n}', ":3:"),
    ('{"id": "x", "meta": {}', ":1:"),
    ("", ":1:"),
    ("[1, 2, 3]", "list"),
    ('"just a string"', "str"),
    ("\ufeff{}", ":1:"),
    ("{'id': 'x'}", ":1:"),
    ('{"id": "x",\n\n\n  "entities": [{"id": "e1"}]  oops\n}', ":4:"),
]


@pytest.mark.parametrize(("content", "named"), BAD_GOLD_FILES, ids=[c[:20] for c, _ in BAD_GOLD_FILES])
def test_malformed_gold_file_is_a_corpus_error_naming_file_and_line(content: str, named: str, tmp_path: Path) -> None:
    from gov_extract.corpus import load_record

    path = tmp_path / "gold-hunan-001.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as exc:
        load_record(path)
    assert path.name in str(exc.value)
    assert named in _message_without_path(exc.value, path), str(exc.value)
    assert exc.value.problems, "problems list is empty"


def test_gold_file_not_utf8_names_the_file(tmp_path: Path) -> None:
    from gov_extract.corpus import load_record

    path = tmp_path / "gold-gbk.json"
    path.write_bytes('{"id": "省林草局"}'.encode("gbk"))
    with pytest.raises(CorpusError, match=re.escape(path.name)):
        load_record(path)


RAW = "2025年3月5日，省林草局印发《关于加强林长制的通知》，受理120件。"


def _good_record() -> dict[str, Any]:
    return extract(RAW, doc_id="good").to_dict()


def _with(path: str, value: Any) -> dict[str, Any]:
    """A copy of the good record with ``path`` (dotted; list index as number) set to ``value``."""
    record = json.loads(json.dumps(_good_record()))
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = record
    for key in keys[:-1]:
        target = target[key]
    if value is KeyError:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return record


# (dotted path to break, bad value or KeyError to delete it, field the problem must name)
BAD_RECORDS = [
    ("meta.published", "2025-13-45", "meta.published"),
    ("meta.kind", "daily", "kind"),
    ("meta.issue", -3, "meta.issue"),
    ("meta.period", {"start": "2025-03-09", "end": "2025-03-01"}, "meta.period"),
    ("meta.title", KeyError, "meta.title"),
    ("times.0.start", 999, "t1.start"),
    ("times.0.text", "2026年", "t1.text"),
    ("times.0.grain", "fortnight", "grain"),
    ("times.0.start_date", "5 March", "t1.start_date"),
    ("times.0.approx", "yes", "approx"),
    ("quantities.0.value", "120", "q1.value"),
    ("quantities.0.unit", "", "q1.unit"),
    ("quantities.0.end", 1.5, "q1.start"),
    ("quantities.0.period", {"start": "2025-03-01", "end": "2025-03-31"}, "q1.period"),
    ("entities.0.label", "PLACE", "e1.label"),
    ("entities.0.norm", None, "e1.norm"),
    ("entities.0.start", -1, "e1.start"),
    ("entities", {"e1": {}}, "entities"),
    ("id", "", "record.id"),
]


@pytest.mark.parametrize(("path", "value", "field"), BAD_RECORDS, ids=[f"{p}={v!r}"[:40] for p, v, _ in BAD_RECORDS])
def test_invalid_gold_record_problems_name_file_and_field(path: str, value: Any, field: str) -> None:
    from gov_extract.corpus import check_record, validate_record

    good = _good_record()
    assert good["times"] and good["quantities"] and good["entities"], "fixture sentence must have all layers"
    assert validate_record(good, RAW, source="gold/hunan.json") == []
    record = _with(path, value)
    problems = validate_record(record, RAW, source="gold/hunan.json")
    assert problems, f"{path}={value!r} not reported"
    assert all(p.startswith("gold/hunan.json: ") for p in problems), problems
    assert any(field in p for p in problems), problems
    with pytest.raises(CorpusError) as exc:
        check_record(record, RAW, source="gold/hunan.json")
    assert exc.value.problems == problems


BAD_FOR_FROM_DICT = [
    ("entities.0.label", KeyError),
    ("entities.0.start", "3"),
    ("entities.0.end", None),
    ("times.0.start_date", "March"),
    ("times.0.id", KeyError),
    ("quantities.0.value", "many"),
    ("quantities.0.value", None),
    ("meta.period", "2025-03"),
    ("meta", "monthly"),
    ("events", [{"id": "v1"}]),
    ("entities", [None]),
]


@pytest.mark.parametrize(("path", "value"), BAD_FOR_FROM_DICT, ids=[f"{p}={v!r}"[:40] for p, v in BAD_FOR_FROM_DICT])
def test_document_from_malformed_record_is_a_corpus_error(path: str, value: Any) -> None:
    record = _with(path, value)
    with pytest.raises(CorpusError):
        Document.from_dict(record, RAW)


# --- batch runs of the CLI ------------------------------------------------------------------

def _batch(folder: Path) -> dict[str, bytes]:
    """Bulletins of several shapes and encodings, one of them undecodable."""
    files = {f"{doc_id}.txt": (REPO / "corpus" / "raw" / f"{doc_id}.txt").read_bytes() for doc_id in CORPUS_IDS}
    files.update({
        "a-gbk.txt": GBK_BULLETIN.encode("gbk"),
        "b-bom.txt": b"\xef\xbb\xbf" + GBK_BULLETIN.encode(),
        "c-empty.txt": b"",
        "d-spaces.txt": b"  \r\n\t\n",
        "e-broken.txt": bytes(range(0x80, 0x100)) * 8,
        "f-news.txt": NEWS.encode(),
    })
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def test_batch_reports_the_bad_file_and_writes_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    files = _batch(src)
    assert gov_extract.cli.main(["extract", str(src), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err
    assert "e-broken.txt" in err
    assert "1 failed" in err
    expected = sorted(f"{Path(n).stem}.json" for n in files if n != "e-broken.txt")
    assert sorted(p.name for p in out.iterdir()) == expected, "temp files left or outputs missing"
    for name in expected:
        record = json.loads((out / name).read_text(encoding="utf-8"))
        assert record["id"] == Path(name).stem
        assert list(record) == ["id", "meta", "entities", "times", "quantities", "events"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_batch_to_stdout_stays_valid_json_around_a_bad_file(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    files = _batch(src)
    assert gov_extract.cli.main(["extract", str(src), "--format", fmt, "-q"]) == 1
    captured = capsys.readouterr()
    if fmt == "json":
        records = json.loads(captured.out)
    else:
        records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == sorted(Path(n).stem for n in files if n != "e-broken.txt")
    assert "e-broken.txt" in captured.err


def _previous_output(tmp_path: Path) -> tuple[Path, Path, str]:
    src = tmp_path / "in"
    src.mkdir()
    bulletin = src / "hunan.txt"
    bulletin.write_text(GBK_BULLETIN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "hunan.json"
    old = '{"id": "hunan", "previous": "run"}\n'
    target.write_text(old, encoding="utf-8")
    return bulletin, target, old


def _raise(*args: object, **kwargs: object) -> Any:
    raise OSError(28, "No space left on device (simulated)")


class _HalfWriter(io.TextIOWrapper):
    """A file that writes half of what it is given, then fails like a full disk."""

    def write(self, text: str) -> int:
        super().write(text[: len(text) // 2])
        self.flush()
        raise OSError(28, "No space left on device (simulated)")


def _half_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> io.TextIOWrapper:
    return _HalfWriter(open(fd, "wb", closefd=True), encoding=kwargs.get("encoding", "utf-8"))


FAILURES = {
    "json.dumps": lambda mp: mp.setattr(json, "dumps", _raise),
    "os.replace": lambda mp: mp.setattr(os, "replace", _raise),
    "half-written": lambda mp: mp.setattr(os, "fdopen", _half_fdopen),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_write_leaves_the_target_intact_and_no_temp_files(
    failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bulletin, target, old = _previous_output(tmp_path)
    extract(GBK_BULLETIN)  # build the pipeline before anything is broken
    FAILURES[failure](monkeypatch)
    try:
        code = gov_extract.cli.main(["extract", str(bulletin), "-o", str(target.parent), "-q"])
    except OSError:
        code = None
    monkeypatch.undo()
    assert code != 0, "a failed write must not report success"
    assert target.read_text(encoding="utf-8") == old, "the previous output was damaged"
    assert sorted(p.name for p in target.parent.iterdir()) == ["hunan.json"], "temp files left behind"


def test_a_failed_first_write_leaves_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bulletin, target, _ = _previous_output(tmp_path)
    target.unlink()
    extract(GBK_BULLETIN)
    monkeypatch.setattr(os, "fdopen", _half_fdopen)
    try:
        gov_extract.cli.main(["extract", str(bulletin), "-o", str(target.parent), "-q"])
    except OSError:
        pass
    monkeypatch.undo()
    assert list(target.parent.iterdir()) == [], "a partial file or a temp file was left"


def test_written_outputs_equal_the_library_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    paths = [str(REPO / "corpus" / "raw" / f"{doc_id}.txt") for doc_id in CORPUS_IDS]
    assert gov_extract.cli.main(["extract", *paths, "-o", str(out), "-q"]) == 0
    for doc_id in CORPUS_IDS:
        written = json.loads((out / f"{doc_id}.json").read_text(encoding="utf-8"))
        assert written == extract(raw_text(doc_id), doc_id=doc_id).to_dict()


def test_reference_date_types(tmp_path: Path) -> None:
    doc = extract("本周，省林草局印发通知。", reference_date=date(2025, 3, 7))
    check_document(doc)
    with pytest.raises(TypeError, match="int"):
        extract("本周", reference_date=20250307)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="someday"):
        extract("本周", reference_date="someday")
