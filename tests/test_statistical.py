"""Tests of gov_extract.statistical (HanLP tagger + ensemble) and gov_extract.training.

The ensemble policy, chunking and data building are pure Python and always
run; training and loading a model need HanLP and PyTorch (``pip install -e
'.[hanlp]'``) and are skipped, with that reason, when they are missing.
Sockets are disabled wherever a model is trained or loaded: nothing may be
downloaded.
"""

from __future__ import annotations

import importlib.util
import json
import random
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.model import Argument, Entity, Event, Trigger
from gov_extract.statistical import (
    INSTALL_HINT,
    LABELS,
    MODEL_FILES,
    EnsemblePolicy,
    HanLPTagger,
    ModelError,
    Span,
    char_tokens,
    chunk_spans,
    default_model_dir,
    merge_entities,
    read_manifest,
    require_hanlp,
)
from gov_extract.structure import read
from gov_extract.training import (
    Sentence,
    TrainConfig,
    bio_sentences,
    gold_documents,
    span_scores,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HAVE_HANLP = all(importlib.util.find_spec(m) is not None for m in ("hanlp", "torch"))
needs_hanlp = pytest.mark.skipif(
    not HAVE_HANLP, reason=f"HanLP/PyTorch not installed: the statistical tagger is optional ({INSTALL_HINT})"
)
_MARK = regex.compile(r"\[(ORG|PERSON|LOC|POLICY|INITIATIVE) ([^\]]+)\]")


def _unique(rows: list[tuple]) -> list[tuple]:
    """Duplicate guard of the tables below."""
    keys = [repr(row) for row in rows]
    assert len(keys) == len(set(keys)), "duplicate test rows"
    return rows


def marked(text: str):
    """A Document from ``[LABEL name]`` markup (entities as rules would give them) and the clean text."""
    raw, ents, pos = "", [], 0
    for m in _MARK.finditer(text):
        raw += text[pos:m.start()]
        start = len(raw)
        raw += m.group(2)
        ents.append(Entity(f"e{len(ents) + 1}", m.group(1), start, len(raw), m.group(2), m.group(2)))
        pos = m.end()
    raw += text[pos:]
    doc = read(raw)
    return doc.replace(entities=tuple(ents))


def span_of(doc, name: str, label: str, nth: int = 0) -> Span:
    text = doc.view.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Span(start, start + len(name), label)


# --------------------------------------------------------------------------- tokens and chunks

@pytest.mark.parametrize("text, expected", _unique([
    ("2025年", ["0", "0", "0", "0", "年"]),
    ("浙里办APP", ["浙", "里", "办", "a", "p", "p"]),
    ("天府通办 App", ["天", "府", "通", "办", "␣", "a", "p", "p"]),
    ("第9期", ["第", "0", "期"]),
    ("", []),
]))
def test_char_tokens(text: str, expected: list[str]) -> None:
    assert char_tokens(text) == expected


@pytest.mark.parametrize("text, max_len, expected", _unique([
    ("杭州市数据局召开会议。", 20, ["杭州市数据局召开会议。"]),
    ("一、总体情况\n本周受理5件。办结3件。", 40, ["一、总体情况", "本周受理5件。", "办结3件。"]),
    # a long sentence is packed from its clauses
    ("湖州市数据局会同市市场监管局，赴德清县开展调研，听取意见建议。", 16,
     ["湖州市数据局会同市市场监管局，", "赴德清县开展调研，听取意见建议。"]),
    # nothing splits inside a title
    ("印发《关于推进政务服务，提升效能的通知》，请遵照执行。", 24, ["印发《关于推进政务服务，提升效能的通知》，", "请遵照执行。"]),
]))
def test_chunk_spans(text: str, max_len: int, expected: list[str]) -> None:
    assert [text[a:b] for a, b in chunk_spans(text, max_len=max_len)] == expected


def test_chunk_spans_keeps_entities_whole_on_hard_cuts() -> None:
    text = "甲" * 10 + "宁波市行政审批服务局" + "乙" * 10
    keep = [(10, 20)]
    chunks = chunk_spans(text, max_len=15, keep=keep)
    assert all(not (a < 10 < b < 20) and not (10 < a < 20) for a, b in chunks)
    assert chunks[0] == (0, 10)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="政务服务局市县，。；、“”《》\n 0123abc", max_size=400), st.integers(8, 60))
def test_chunk_spans_invariants(text: str, max_len: int) -> None:
    chunks = chunk_spans(text, max_len=max_len)
    covered = set()
    prev_end = 0
    for a, b in chunks:
        assert prev_end <= a < b <= len(text)
        assert b - a <= max_len
        covered.update(range(a, b))
        prev_end = b
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


# --------------------------------------------------------------------------- ensemble policy

ALL = EnsemblePolicy(labels=frozenset(LABELS))

POLICY_ROWS = _unique([
    # text, name, label, expected: other provinces, cities, departments
    ("3月2日，浙江省湖州市吴兴区行政审批局召开推进会。", "吴兴区行政审批局", "ORG", True),
    ("宁波市北仑区人民政府印发通知。", "宁波市北仑区人民政府", "ORG", True),
    ("联合广元市利州区文化馆开展活动。", "广元市利州区文化馆", "ORG", True),
    ("江苏恒瑞医药股份有限公司到场。", "江苏恒瑞医药股份有限公司", "ORG", True),
    ("湖州市吴兴区召开推进会。", "湖州市吴兴", "ORG", False),          # no organisation suffix
    ("各县区人民政府要抓好落实。", "各县区人民政府", "ORG", False),      # generic reference
    ("赴杭州市数据局调研。", "赴杭州市数据局", "ORG", False),            # starts with a boundary verb
    ("市场监管局、税务局联合开展。", "市场监管局、税务局", "ORG", False),  # a list, not a name
    ("听取厅局意见。", "厅", "ORG", False),                              # too short
    ("到罗龙街道开展服务。", "罗龙街道", "LOC", True),
    ("赴德清县开展调研。", "德清县", "LOC", True),
    ("在温州经济技术开发区举办。", "温州经济技术开发区", "LOC", True),
    ("在长江经济带沿线。", "长江经济带", "LOC", True),
    ("召开专题会议研究。", "专题会议", "LOC", False),
    ("全省各地积极推进。", "全省", "LOC", False),
    ("副市长陈静出席。", "陈静", "PERSON", True),
    ("局长欧阳明辉讲话。", "欧阳明辉", "PERSON", True),
    ("召开会议部署。", "会议", "PERSON", False),
    ("书记王小明同志讲话。", "王小明同志", "PERSON", False),             # longer than a name
    ("印发《浙江省数字经济促进条例》。", "浙江省数字经济促进条例", "POLICY", True),
    ("印发《浙江省数字经济促进条例》。", "浙江省数字经济", "POLICY", False),  # not the whole title
    ("推进“浙里办”迭代升级。", "浙里办", "INITIATIVE", True),
    ("推进浙里办迭代升级。", "浙里办", "INITIATIVE", False),             # unquoted
    ("推进“浙里办”迭代升级。", "浙里", "INITIATIVE", False),
])


@pytest.mark.parametrize("text, name, label, expected", POLICY_ROWS)
def test_policy_shape(text: str, name: str, label: str, expected: bool) -> None:
    start = text.index(name)
    assert ALL.accepts(text, Span(start, start + len(name), label)) is expected


@pytest.mark.parametrize("labels, label, expected", _unique([
    (frozenset({"ORG", "LOC"}), "ORG", True),
    (frozenset({"ORG", "LOC"}), "PERSON", False),
    (frozenset(), "ORG", False),
]))
def test_policy_labels(labels: frozenset[str], label: str, expected: bool) -> None:
    text = "副市长陈静到湖州市数据局调研。"
    name = "湖州市数据局" if label == "ORG" else "陈静"
    start = text.index(name)
    assert EnsemblePolicy(labels=labels).accepts(text, Span(start, start + len(name), label)) is expected


def test_policy_rejects_unknown_label() -> None:
    with pytest.raises(ValueError, match="not entity labels"):
        EnsemblePolicy(labels=frozenset({"ORG", "MISC"}))


@pytest.mark.parametrize("blocked, expected", _unique([
    ((), True),
    (((0, 2),), True),      # touching is not overlapping
    (((3, 6),), False),
    (((5, 12),), False),
]))
def test_policy_blocked_spans(blocked: tuple[tuple[int, int], ...], expected: bool) -> None:
    text = "会同湖州市数据局开展调研。"
    span = Span(2, 8, "ORG")
    assert ALL.accepts(text, span, sorted(blocked)) is expected


# --------------------------------------------------------------------------- merging

def test_merge_adds_a_free_span_and_rejects_an_overlapping_one() -> None:
    doc = marked("5月6日，[ORG 湖州市数据局]会同湖州市市场监管局赴德清县开展调研。")
    spans = [
        span_of(doc, "湖州市市场监管局", "ORG"),     # the rules lack it: added
        span_of(doc, "湖州市数据", "ORG"),           # overlaps the rules' ORG: rejected
        span_of(doc, "德清县", "LOC"),               # a label the policy does not allow
    ]
    out = merge_entities(doc, spans, EnsemblePolicy(labels=frozenset({"ORG"})))
    assert [(e.id, e.label, e.text) for e in out.entities] == [
        ("e1", "ORG", "湖州市数据局"), ("e2", "ORG", "湖州市市场监管局"),
    ]
    assert out.entities[1].kind == "government"


def test_merge_maps_spans_back_over_pdf_breaks() -> None:
    doc = marked("本周，[ORG 省政务服务中心]联合绵阳市游仙区行政审\n 批局开展培训。")
    out = merge_entities(doc, [span_of(doc, "绵阳市游仙区行政审批局", "ORG")], ALL)
    added = out.entities[1]
    assert added.text == "绵阳市游仙区行政审\n 批局"
    assert out.raw[added.start:added.end] == added.text
    assert added.norm == "绵阳市游仙区行政审批局"


def test_merge_renumbers_and_follows_references() -> None:
    doc = marked("11月3日，省商务厅召开会议，[ORG 省发展改革委]副主任[PERSON 李明]出席，学习《条例》。")
    doc = doc.replace(
        entities=(doc.entities[0], Entity("e2", "PERSON", doc.entities[1].start, doc.entities[1].end,
                                          "李明", "李明", title="副主任", org="e1")),
        events=(Event("v1", "meeting", Trigger(doc.raw.index("召开"), doc.raw.index("召开") + 2, "召开"), None,
                      (Argument("agent", "e1"), Argument("participant", "e2"))),),
    )
    out = merge_entities(doc, [span_of(doc, "省商务厅", "ORG")], ALL)
    assert [e.text for e in out.entities] == ["省商务厅", "省发展改革委", "李明"]
    assert [e.id for e in out.entities] == ["e1", "e2", "e3"]
    assert out.entities[2].org == "e2"
    assert out.events[0].args == (Argument("agent", "e2"), Argument("participant", "e3"))
    assert out.entities[0].norm == "四川省商务厅"  # lexicon entry, home province


def test_merge_without_accepted_spans_returns_the_document() -> None:
    doc = marked("[ORG 湖州市数据局]召开会议。")
    assert merge_entities(doc, [Span(0, 3, "ORG")], ALL) is doc


# --------------------------------------------------------------------------- training data

def test_bio_sentences_from_gold() -> None:
    docs = gold_documents(CORPUS)
    assert docs, "the corpus has gold files"
    for doc in docs:
        sentences = bio_sentences(doc)
        text_chars = sum(1 for ch in doc.view.text if not ch.isspace())
        assert sum(len(s.tokens) for s in sentences) >= text_chars * 0.95
        for s in sentences:
            assert len(s.tokens) == len(s.tags)
            assert all(t == "O" or t[:2] in ("B-", "I-") and t[2:] in LABELS for t in s.tags)
            assert not s.tags or not s.tags[0].startswith("I-")
        n_spans = sum(t.startswith("B-") for s in sentences for t in s.tags)
        outer = {(e.start, e.end) for e in doc.entities}
        assert 0 < n_spans <= len(outer)


def test_bio_sentences_tag_a_marked_document() -> None:
    doc = marked("赴[LOC 德清县]调研，[ORG 湖州市数据局]参加。")
    (sentence,) = bio_sentences(doc)
    assert "".join(sentence.tokens) == "赴德清县调研，湖州市数据局参加。"
    assert sentence.tags[:5] == ("O", "B-LOC", "I-LOC", "I-LOC", "O")
    assert sentence.tags[7:13] == ("B-ORG",) + ("I-ORG",) * 5


def test_span_scores() -> None:
    gold = [("B-ORG", "I-ORG", "O", "B-LOC")]
    pred = [{(0, 2, "ORG"), (3, 4, "ORG")}]
    scores = span_scores(gold, pred)
    assert scores["ORG"]["tp"] == 1 and scores["ORG"]["fp"] == 1
    assert scores["LOC"]["fn"] == 1 and scores["LOC"]["precision"] is None
    assert scores["micro"]["f1"] == pytest.approx(0.5)


# --------------------------------------------------------------------------- without HanLP

def test_missing_hanlp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hanlp", None)
    with pytest.raises(ImportError, match=regex.escape(INSTALL_HINT)):
        require_hanlp()


def test_modules_import_without_hanlp() -> None:
    code = ("import sys; sys.modules['hanlp'] = None; sys.modules['torch'] = None\n"
            "import gov_extract.statistical, gov_extract.training\n"
            "try:\n    gov_extract.statistical.HanLPTagger('nowhere')\n"
            "except Exception as exc:\n    print(type(exc).__name__, exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert "ModelError" in done.stdout or "ImportError" in done.stdout


def _train_args(*argv: str):
    import argparse

    from gov_extract.training import add_train_parser

    parser = argparse.ArgumentParser(prog="gov-extract")
    add_train_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["train-tagger", *argv])


def test_train_command_without_hanlp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import io

    from gov_extract.training import run_train_command

    monkeypatch.setitem(sys.modules, "hanlp", None)
    out, err = io.StringIO(), io.StringIO()
    assert run_train_command(_train_args(str(tmp_path / "m")), out, err) == 2
    assert INSTALL_HINT in err.getvalue() and out.getvalue() == ""


def test_model_dir_must_be_complete(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError, match="missing"):
        read_manifest(tmp_path)
    with pytest.raises(ModelError):
        HanLPTagger(tmp_path)


# --------------------------------------------------------------------------- with HanLP

TINY = TrainConfig(epochs=30, seed=3, embed=32, hidden=32, batch_size=8, patience=40, lr=0.01,
                   min_char_count=1, dev_share=0.0, max_len=60)
NO_NETWORK = textwrap.dedent("""
    import socket
    class _NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            raise OSError("network disabled in this test")
    def _refuse(*args, **kwargs):
        raise OSError("network disabled in this test")
    socket.socket = _NoSocket
    socket.create_connection = _refuse
""")


class _NoSocket(socket.socket):
    """A socket that cannot be made: any network access fails."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network disabled in this test")


def tiny_sentences() -> list[Sentence]:
    """A few gold sentences with entities (a tiny model overfits them in seconds)."""
    out = []
    for doc in gold_documents(CORPUS):
        out.extend(s for s in bio_sentences(doc, max_len=60) if sum(t.startswith("B-") for t in s.tags) >= 1)
    return out[:16]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, list[Sentence]]:
    if not HAVE_HANLP:
        pytest.skip(f"HanLP/PyTorch not installed ({INSTALL_HINT})")
    from gov_extract.training import fit_sentences

    out = tmp_path_factory.mktemp("tiny_model")
    sentences = tiny_sentences()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "socket", _NoSocket)
        mp.setattr(socket, "create_connection", _refuse)
        state = random.getstate()
        manifest = fit_sentences(sentences, out, config=TINY, data={"gold": ["tiny"]})
        assert random.getstate() == state, "training must restore the global random state"
    return out, manifest, sentences


@needs_hanlp
def test_training_writes_a_small_model_dir(tiny_model, capfd: pytest.CaptureFixture[str]) -> None:
    out, manifest, sentences = tiny_model
    assert all((out / name).is_file() for name in MODEL_FILES)
    assert (out / "model.pt").stat().st_size < 2_000_000
    saved = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert saved == manifest
    assert saved["labels"] == list(LABELS)
    assert saved["data"]["train_sentences"] == len(sentences)
    assert saved["training"]["seed"] == TINY.seed
    assert saved["scores"]["dev"]["micro"]["f1"] > 0.5, "a tiny model overfits its training sentences"
    assert json.loads((out / "config.json").read_text())["classpath"] == "gov_extract.statistical.CharNER"


@needs_hanlp
def test_training_is_silent(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    from gov_extract.training import fit_sentences

    fit_sentences(tiny_sentences()[:4], tmp_path, config=TrainConfig(epochs=1, embed=8, hidden=8, max_len=60))
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""
    assert (tmp_path / "train.log").read_text(encoding="utf-8")


@needs_hanlp
def test_train_command(tmp_path: Path) -> None:
    import io

    from gov_extract.training import run_train_command

    args = _train_args(str(tmp_path / "m"), "--corpus", str(CORPUS), "--epochs", "1", "--labels", "ORG,LOC")
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "socket", _NoSocket)
        assert run_train_command(args, out, err) == 0, err.getvalue()
    assert out.getvalue().startswith(f"wrote {tmp_path / 'm'}:")
    manifest = read_manifest(tmp_path / "m")
    assert manifest["labels"] == ["ORG", "LOC"]
    assert manifest["data"]["gold"] == sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))


@needs_hanlp
def test_training_is_deterministic(tmp_path: Path) -> None:
    import torch

    from gov_extract.training import fit_sentences

    config = TrainConfig(epochs=2, embed=8, hidden=8, max_len=60, seed=7)
    weights = []
    for name in ("a", "b"):
        fit_sentences(tiny_sentences()[:6], tmp_path / name, config=config)
        weights.append(torch.load(tmp_path / name / "model.pt", weights_only=True))
    assert weights[0].keys() == weights[1].keys()
    assert all(torch.equal(weights[0][k], weights[1][k]) for k in weights[0])


@needs_hanlp
def test_model_loads_and_predicts_in_a_fresh_process_offline(tiny_model) -> None:
    out, _, sentences = tiny_model
    text = "".join(sentences[0].tokens)
    code = NO_NETWORK + textwrap.dedent(f"""
        import json
        from gov_extract.statistical import HanLPTagger, EnsemblePolicy, LABELS
        from gov_extract.structure import read
        tagger = HanLPTagger({str(out)!r}, policy=EnsemblePolicy(labels=frozenset(LABELS)))
        doc = tagger(read({text!r}))
        print(json.dumps({{"spans": [[s.start, s.end, s.label] for s in tagger.spans({text!r})],
                           "entities": [e.to_dict() for e in doc.entities]}}, ensure_ascii=False))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    gold = {(a, b, label) for a, b, label in _bio_spans(sentences[0].tags)}
    assert {tuple(s) for s in result["spans"]} & gold, "the overfitted model finds a training span"
    for e in result["entities"]:
        assert text[e["start"]:e["end"]] == e["text"]


@needs_hanlp
def test_component_adds_only_what_the_rules_lack(tiny_model) -> None:
    out, _, sentences = tiny_model
    text = "".join(sentences[0].tokens)
    tagger = HanLPTagger(out, policy=EnsemblePolicy(labels=frozenset(LABELS)))
    predicted = tagger.spans(text)
    assert predicted
    first = predicted[0]
    base = read(text)
    # the rules already hold a mention overlapping the model's first span
    rule = Entity("e1", first.label, first.start, first.end, text[first.start:first.end], "x")
    doc = tagger(base.replace(entities=(rule,)))
    assert sum(1 for e in doc.entities if e.start < first.end and first.start < e.end) == 1
    assert doc.entities[0].norm == "x"
    assert tagger.name == "statistical" and tagger.requires == ("entities",)


@needs_hanlp
@pytest.mark.skipif(default_model_dir() is None, reason="no model shipped in gov_extract/models/ner")
@pytest.mark.parametrize("text", _unique([
    "2024年3月5日，湖州市数据局会同市市场监管局赴德清县开展“浙里办”专题调研。",
    "本周，宜宾市叙州区行政审批局副局长陈静带队到南溪区政务服务中心蹲点指导。",
    "5月 1 2日，绵阳市游仙区人民政府印发《游仙区优化营商环境若干措施》。",
]))
def test_shipped_model_offline(text: str) -> None:
    import gov_extract

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "socket", _NoSocket)
        tagger = HanLPTagger()
        rules = gov_extract.extract(text)
        doc = tagger(rules)
    assert tagger.manifest["labels"] == list(LABELS)
    rule_spans = {(e.start, e.end, e.label) for e in rules.entities}
    added = [e for e in doc.entities if (e.start, e.end, e.label) not in rule_spans]
    assert len(doc.entities) == len(rules.entities) + len(added)
    for e in doc.entities:
        assert doc.raw[e.start:e.end] == e.text
    assert all(e.label in tagger.policy.labels for e in added)
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]


def _bio_spans(tags: tuple[str, ...]) -> list[tuple[int, int, str]]:
    out, start = [], None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not tag.startswith("I-"):
            out.append((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return out
