"""Tests of gov_extract.segment: sentences, clauses and news items."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.model import TimeExpr
from gov_extract.segment import heading_title, segment, sentences, split_clauses, split_sentences
from gov_extract.structure import read

# --------------------------------------------------------------------------- sentences

SENTENCE_CASES = [
    ("省数据局召开会议。会议要求落实。", ["省数据局召开会议。", "会议要求落实。"]),
    ("真的吗？是的！好。", ["真的吗？", "是的！", "好。"]),
    # 。 inside a quotation that goes on is not an end
    ("他说“好。再见”然后走了。", ["他说“好。再见”然后走了。"]),
    # a quotation ending in 。” ends the sentence after its quote mark
    ("他强调：“一定要抓住机遇。”会议要求落实。", ["他强调：“一定要抓住机遇。”", "会议要求落实。"]),
    # nothing splits inside a title or brackets
    ("印发《关于做好A。B工作的通知》。下一步继续推进。", ["印发《关于做好A。B工作的通知》。", "下一步继续推进。"]),
    ("（附件：清单。）已印发。", ["（附件：清单。）已印发。"]),
    # a semicolon is no end without a time after it
    ("甲局召开会议；乙局印发通知。", ["甲局召开会议；乙局印发通知。"]),
    # spaces around sentences are dropped
    ("  第一句。  第二句。 ", ["第一句。", "第二句。"]),
    ("没有句号的文本", ["没有句号的文本"]),
    ("", []),
]


def test_sentence_cases_unique() -> None:
    inputs = [text for text, _ in SENTENCE_CASES]
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_semicolon_before_a_time() -> None:
    text = "5月6日，甲局召开会议；5月7日，乙局印发通知。"
    at = text.index("5月7日")
    assert [text[a:b] for a, b in split_sentences(text, semicolon_before={at})] == [
        "5月6日，甲局召开会议；", "5月7日，乙局印发通知。"
    ]


def test_split_sentences_in_a_window() -> None:
    text = "前文。甲局召开会议。乙局印发通知。后文。"
    a, b = text.index("甲"), text.index("后")
    assert [text[x:y] for x, y in split_sentences(text, a, b)] == ["甲局召开会议。", "乙局印发通知。"]


CLAUSE_CASES = [
    ("甲局召开会议，学习文件；研究工作：部署任务。", ["甲局召开会议，", "学习文件；", "研究工作：", "部署任务。"]),
    ("开展“一次办、马上办，网上办”活动，效果好。", ["开展“一次办、马上办，网上办”活动，", "效果好。"]),
    ("印发《关于A，B的通知》", ["印发《关于A，B的通知》"]),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSE_CASES)
def test_split_clauses(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_clauses(text)] == expected


# --------------------------------------------------------------------------- items


def items_of(raw: str, times: tuple[str, ...] = ()) -> list[tuple[str | None, list[str]]]:
    doc = read(raw)
    if times:
        found = []
        for n, word in enumerate(times, 1):
            start = raw.index(word)
            found.append(TimeExpr(f"t{n}", start, start + len(word), word, None, None, "day"))
        doc = doc.replace(times=tuple(found))
    return [(item.marker, [s.text for s in item.sentences]) for item in segment(doc)]


def test_numbered_items_without_markers() -> None:
    raw = "一、工作动态\n（一）11月5日，省林草局施行新机制。\n（二）11月6日，省数据局召开会议。\n"
    assert items_of(raw) == [
        ("（一）", ["11月5日，省林草局施行新机制。"]),
        ("（二）", ["11月6日，省数据局召开会议。"]),
    ]


def test_arabic_marker_before_a_date() -> None:
    raw = "三、窗口动态\n1.5 月 4 日，省市场监管局召开座谈会。\n2.5月11日，水利厅赴绵阳调研。\n"
    assert items_of(raw) == [("1.", ["5月4日，省市场监管局召开座谈会。"]), ("2.", ["5月11日，水利厅赴绵阳调研。"])]


def test_header_headings_and_distribution_are_not_items() -> None:
    raw = "政务窗口周报\n第 3 期\n一、工作动态\n11月5日，省林草局施行新机制。\n报：省政务管理办公室。\n"
    assert items_of(raw) == [(None, ["11月5日，省林草局施行新机制。"])]


def test_title_item_then_paragraphs() -> None:
    raw = "一、办件情况\n（一）省本级综窗办件情况\n本周，共计咨询100人次。\n今年以来，累计咨询900人次。\n"
    assert items_of(raw) == [
        ("（一）", ["省本级综窗办件情况"]),
        (None, ["本周，共计咨询100人次。"]),
        (None, ["今年以来，累计咨询900人次。"]),
    ]


def test_marker_joined_onto_a_heading_line() -> None:
    # the clean view joins a heading without punctuation to the next line; its marker still opens an item
    raw = "一、动态\n（二）区县动态\n\n1.4月21日，甲区政务服务中心启用新专区。\n"
    assert items_of(raw, times=("4月21日",)) == [
        ("（二）", ["区县动态"]),
        ("1.", ["4月21日，甲区政务服务中心启用新专区。"]),
    ]


@pytest.mark.parametrize("line", [
    "某市政务服务管理办公室综合处          二〇二五年九月五日印发",
    "某省数据局办公室 2025年9月5日印发",
    "2024年12月30日印发",
])
def test_print_line_is_not_an_item(line: str) -> None:
    raw = f"一、动态\n（一）11月5日，省林草局施行新机制。\n\n{line}\n"
    assert items_of(raw, times=("11月5日",)) == [("（一）", ["11月5日，省林草局施行新机制。"])]


def test_numbered_item_runs_on_unless_a_new_date() -> None:
    raw = "一、动态\n（一）11月5日，甲局召开会议。\n会议要求落实。\n11月6日，乙局印发通知。\n"
    assert items_of(raw, times=("11月5日", "11月6日")) == [
        ("（一）", ["11月5日，甲局召开会议。", "会议要求落实。"]),
        (None, ["11月6日，乙局印发通知。"]),
    ]


def test_semicolon_split_at_a_time_mention() -> None:
    raw = "一、动态\n5月6日，甲局召开会议；5月7日，乙局印发通知。\n"
    assert items_of(raw, times=("5月6日", "5月7日")) == [
        (None, ["5月6日，甲局召开会议；", "5月7日，乙局印发通知。"]),
    ]


def test_raw_offsets_cover_pdf_breaks() -> None:
    raw = "一、动态\n（一）11月5日，省林\n 草局施行“预审前置”机制。\n"
    doc = read(raw)
    (item,) = segment(doc)
    (sent,) = item.sentences
    assert sent.text == "11月5日，省林草局施行“预审前置”机制。"
    assert raw[sent.start:sent.end] == "11月5日，省林\n 草局施行“预审前置”机制。"
    assert raw[item.start:item.end] == raw[sent.start:sent.end]
    assert item.level == 2 and not item.title


def test_sentences_of_a_view() -> None:
    doc = read("甲局召开会议。乙局印发 5 个通知。")
    got = sentences(doc.view, 0, len(doc.view.text))
    assert [s.text for s in got] == ["甲局召开会议。", "乙局印发5个通知。"]
    assert [doc.raw[s.start:s.end] for s in got] == ["甲局召开会议。", "乙局印发 5 个通知。"]


# --------------------------------------------------------------------------- invariants

_ALPHABET = list("。！？；，：“”《》（）\n 甲乙局厅召开会议1２月日一、（一）1.报：")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=150))
def test_split_sentences_loses_only_spaces(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    kept = "".join(text[a:b] for a, b in spans)
    assert "".join(kept.split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=150))
def test_split_clauses_tile(text: str) -> None:
    spans = split_clauses(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(a < b for a, b in spans)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=200))
def test_segment_offsets_hold(raw: str) -> None:
    doc = read(raw)
    last = -1
    for item in segment(doc):
        assert item.clean_start <= item.clean_end
        for s in item.sentences:
            assert doc.view.raw_span(s.clean_start, s.clean_end) == (s.start, s.end)
            assert s.text == doc.view.text[s.clean_start:s.clean_end]
            assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
            assert s.clean_start >= last
            last = s.clean_end


def test_long_unbalanced_quotes_are_fast() -> None:
    text = "“《（" * 20000 + "。" * 1000
    assert len(split_sentences(text)) >= 1
    assert len(split_clauses(text)) >= 1


@pytest.mark.parametrize(("text", "start", "title"), [
    ("二、下一步工作安排\n（一）12月29日起实行预约。", 0, "二、下一步工作安排"),
    ("一、总体运行情况：本周共受理 120 件。", 0, "一、总体运行情况"),
    ("前言\n（二）省本级综窗办件情况，共 35 件", 3, "（二）省本级综窗办件情况"),
    ("（三）", 0, "（三）"),
])
def test_heading_title_ends_at_punctuation(text: str, start: int, title: str) -> None:
    a, b = heading_title(text, start)
    assert (a, text[a:b]) == (start, title)
