"""Tests of gov_extract.display.render: escaping, nesting, tooltips, the event table."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.display import COLORS, render
from gov_extract.model import Document
from gov_extract.structure import read

_VOID = {"meta", "br"}


class _Tree(HTMLParser):
    """Checks that every element closes in order; collects mark titles and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.titles: list[str] = []
        self.text_parts: list[str] = []
        self._in_text = 0
        self._in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        self.stack.append(tag)
        cls = dict(attrs).get("class") or ""
        if tag == "div" and "gx-text" in cls:
            self._in_text = len(self.stack)
        if tag == "span" and "gx-lab" in cls:
            self._in_label = len(self.stack)
        if tag == "mark":
            self.titles.append(dict(attrs).get("title") or "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        if self._in_label == len(self.stack):
            self._in_label = 0
        if self._in_text == len(self.stack):
            self._in_text = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._in_label:
            self.text_parts.append(data)


def parse(markup: str) -> _Tree:
    tree = _Tree()
    tree.feed(markup)
    tree.close()
    assert tree.stack == [], f"unclosed: {tree.stack}"
    return tree


RAW = ("广东省深圳市政务服务数据管理局\n2024年6月3日\n"
       "6月1日，市政数局发布《深圳市关于印发〈数据\n 条例〉的通知》，涉及 3 个区。")


def mention(raw: str, surface: str, **fields: Any) -> dict[str, Any]:
    start = raw.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface, **fields}


def record(raw: str = RAW) -> dict[str, Any]:
    outer = "深圳市关于印发〈数据\n 条例〉的通知"
    inner = "数据\n 条例"
    trig = mention(raw, "发布")
    return {
        "id": "sz_1",
        "meta": {"title": "深圳政务周报", "kind": "weekly", "issue": None, "issue_total": None,
                 "publisher": "深圳市政务服务数据管理局", "published": "2024-06-03",
                 "period": {"start": "2024-05-27", "end": "2024-06-02"}},
        "entities": [
            {"id": "e1", "label": "ORG", **mention(raw, "广东省深圳市政务服务数据管理局"),
             "norm": "深圳市政务服务和数据管理局", "unit": None, "kind": "government"},
            {"id": "e2", "label": "ORG", **mention(raw, "市政数局"), "norm": "深圳市政务服务和数据管理局",
             "unit": None, "kind": "government"},
            {"id": "e3", "label": "POLICY", **mention(raw, outer), "norm": outer.replace("\n ", ""),
             "doc_type": "通知", "alias_of": None},
            {"id": "e4", "label": "POLICY", **mention(raw, inner), "norm": "数据条例", "doc_type": "条例",
             "alias_of": None},
        ],
        "times": [
            {"id": "t1", **mention(raw, "2024年6月3日"), "start_date": "2024-06-03", "end_date": "2024-06-03",
             "grain": "day", "approx": False},
            {"id": "t2", **mention(raw, "6月1日"), "start_date": "2024-06-01", "end_date": "2024-06-01",
             "grain": "day", "approx": False},
        ],
        "quantities": [
            {"id": "q1", **mention(raw, "3 个"), "value": 3, "unit": "个", "approx": False, "metric": None,
             "scope": None, "period": None},
        ],
        "events": [
            {"id": "v1", "type": "issue", "trigger": {"start": trig["start"], "end": trig["end"], "text": "发布"},
             "time": "t2", "args": [{"role": "agent", "ref": "e2"}, {"role": "object", "ref": "e3"}]},
        ],
    }


def test_record_and_document_render_alike() -> None:
    doc = Document.from_dict(record(), RAW)
    assert render(record(), raw=RAW) == render(doc) == doc._repr_html_()


def test_text_survives_with_its_line_breaks() -> None:
    tree = parse(render(record(), raw=RAW))
    assert "".join(tree.text_parts) == RAW


def test_nested_policy_is_a_nested_mark() -> None:
    markup = render(record(), raw=RAW)
    outer = markup.index('data-id="e3"')
    inner = markup.index('data-id="e4"')
    close_outer = markup.index("POLICY</span></mark>", outer)
    assert outer < inner < close_outer


@pytest.mark.parametrize(("needle", "why"), [
    ("norm: 深圳市政务服务和数据管理局", "ORG norm in the tooltip"),
    ("kind: government", "ORG kind"),
    ("2024-06-01 .. 2024-06-01", "resolved dates"),
    ("grain: day", "time grain"),
    ("3 个", "quantity value and unit"),
    ("EVENT v1 issue", "event trigger tooltip"),
    ("agent: 市政数局", "event argument in the tooltip"),
])
def test_tooltips(needle: str, why: str) -> None:
    titles = parse(render(record(), raw=RAW)).titles
    assert any(needle in t for t in titles), why


@pytest.mark.parametrize(("needle", "why"), [
    ("<th>type</th>", "event table header"),
    ("<td>issue</td>", "event type"),
    ("6月1日 (2024-06-01 .. 2024-06-01)", "time text and dates"),
    ("agent: 市政数局 | object: 深圳市关于印发〈数据条例〉的通知", "args as role: text"),
    ("ORG 2</span>", "legend count"),
    ("2024-05-27 .. 2024-06-02", "meta period"),
    (f"background:{COLORS['POLICY']}", "label colour"),
])
def test_page_parts(needle: str, why: str) -> None:
    assert needle in html.unescape(render(record(), raw=RAW)), why


def test_everything_is_escaped() -> None:
    raw = '<script>alert("x")</script>&《<b>办法</b>》'
    start = raw.index("<b>")
    rec = {"id": "<i>id</i>", "meta": {"title": "<img src=x>"}, "entities": [
        {"id": "e1", "label": "POLICY", "start": start, "end": start + 12, "text": raw[start:start + 12],
         "norm": '"><script>', "doc_type": None, "alias_of": None}],
        "times": [], "quantities": [], "events": []}
    markup = render(rec, raw=raw)
    assert "<script>" not in markup and "<b>" not in markup and "<img" not in markup and "<i>" not in markup
    tree = parse(markup)
    assert "".join(tree.text_parts) == raw
    assert any('"><script>' in t for t in tree.titles)


def test_crossing_spans_stay_well_formed() -> None:
    raw = "成都市双流区政务服务中心"
    rec = {"id": "x", "meta": {}, "entities": [
        {"id": "e1", "label": "LOC", "start": 0, "end": 6, "text": raw[:6], "norm": "成都市双流区"},
        {"id": "e2", "label": "ORG", "start": 3, "end": 12, "text": raw[3:], "norm": "x", "unit": None,
         "kind": None}], "times": [], "quantities": [], "events": []}
    markup = render(rec, raw=raw)
    tree = parse(markup)
    assert "".join(tree.text_parts) == raw
    assert markup.count('data-id="e2"') == 2 and "gx-cont" in markup  # closed at e1's end, continued


def test_page_and_empty_document() -> None:
    page = render(read(""), page=True)
    assert page.startswith("<!DOCTYPE html>") and "No events." in page and "no mentions" in page
    parse(page.split("\n", 1)[1])


@pytest.mark.parametrize(("args", "error"), [
    (({"entities": []},), TypeError),      # a dict without raw
    (("text",), TypeError),                # not a document
])
def test_bad_arguments(args: tuple[Any, ...], error: type[Exception]) -> None:
    with pytest.raises(error):
        render(*args)


def test_offsets_are_checked() -> None:
    rec = record()
    rec["entities"][0]["start"] += 1
    with pytest.raises(ValueError, match="e1"):
        render(rec, raw=RAW)


def test_corpus_gold_renders(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, gold = corpus_doc
    markup = render(gold, raw=raw)
    tree = parse(markup)
    assert "".join(tree.text_parts) == raw
    for layer in ("entities", "times", "quantities", "events"):
        for m in gold[layer]:
            assert f'data-id="{m["id"]}"' in markup


@st.composite
def _spans(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    raw = draw(st.text(alphabet="省市局<>&\"'\n 1😀", min_size=1, max_size=30))
    entities = []
    for n in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(raw) - 1))
        end = draw(st.integers(start + 1, len(raw)))
        entities.append({"id": f"e{n + 1}", "label": draw(st.sampled_from(["ORG", "LOC", "POLICY"])),
                         "start": start, "end": end, "text": raw[start:end], "norm": raw[start:end]})
    return raw, {"id": "h", "meta": {}, "entities": entities, "times": [], "quantities": [], "events": []}


@settings(max_examples=200, deadline=None)
@given(_spans())
def test_any_spans_render_well_formed(case: tuple[str, dict[str, Any]]) -> None:
    raw, rec = case
    markup = render(rec, raw=raw)
    tree = parse(markup)
    assert "".join(tree.text_parts) == raw
    assert len(re.findall(r'class="gx-lab"', markup)) == len(rec["entities"])  # one label per mention
