"""Inputs shared by the robustness, security, concurrency and fuzz tests.

* hypothesis strategies that build bulletin-like text the way PDF extraction
  delivers it (headings, dates, numbers with 万/亿 and units, 《…》 titles,
  “…” names, org names, distribution lines, random spaces and line breaks),
  and arbitrary Unicode with the characters that break text code;
* ``HOSTILE``: builders of pathological inputs of a given size;
* ``check_document``: the invariants every extracted Document must meet.

Vocabulary here is written for the tests (other provinces, cities and
departments than the corpus) so that a rule fitted to the corpus shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

__all__ = [
    "HOSTILE",
    "TRICKY_CHARS",
    "arbitrary_text",
    "bulletin_text",
    "check_document",
    "dates",
    "mixed_text",
    "numbers",
    "org_names",
    "pdf_broken",
    "policy_titles",
    "sentences",
]

# --- vocabulary -----------------------------------------------------------

_PROVINCES = ("四川省", "浙江省", "广东省", "湖南省", "贵州省", "云南省", "江苏省", "甘肃省")
_CITIES = ("成都市", "绵阳市", "湖州市", "杭州市", "长沙市", "遵义市", "德阳市", "宜宾市", "甘孜州")
_LEVEL_PREFIXES = ("省", "市", "县", "区", "")
_DEPARTMENTS = (
    "发展和改革委员会", "发展改革委", "教育厅", "公安厅", "财政厅", "自然资源厅", "生态环境厅",
    "住房和城乡建设厅", "交通运输厅", "水利厅", "农业农村厅", "商务厅", "卫生健康委",
    "市场监督管理局", "市场监管局", "林业和草原局", "林草局", "数据局", "大数据中心",
    "政务服务中心", "政务服务和大数据管理局", "人力资源和社会保障局", "人社局", "税务局",
    "医疗保障局", "消防救援支队", "行政审批局", "政府办公室", "人民政府办公厅",
)
_SUB_UNITS = ("", "", "", "行政审批处", "办公室", "政策法规处", "窗口")
_SHORT_NAMES = ("网信", "经信", "公安", "财政", "密码", "人社", "自然资源", "住建", "交通", "商务")
_PEOPLE = ("王建国", "李红梅", "张伟", "刘晓燕", "陈志强", "杨帆")
_TITLES_OF_PEOPLE = ("副厅长", "党组书记、局长", "主任", "副市长", "二级巡视员")
_VERBS = (
    "印发", "召开", "举办", "开展", "启动", "上线", "调研", "赴", "到", "出台", "发布", "组织",
    "会同", "联合", "审查", "指导", "推进", "部署", "培训", "走访", "值守",
)
_OBJECTS = ("工作推进会", "专题培训班", "政策宣讲活动", "上门服务", "座谈会", "现场观摩会")
_GENRES = (
    "通知", "意见", "实施意见", "办法", "方案", "规范", "指南", "指引", "条例", "细则", "规定",
    "规程", "清单", "目录", "手册", "制度", "函", "报告", "法", "工作要点", "",
)
_TITLE_WORDS = (
    "关于", "进一步", "优化", "营商环境", "政务服务", "高效办成一件事", "数据共享", "实施",
    "加强", "推进", "全面", "深化", "改革", "标准化", "便民", "惠企政策", "2025年", "（试行）",
)
_QUOTED = (
    "高效办成一件事", "一网通办", "最多跑一次", "浙里办", "粤省事", "湘易办", "天府通办",
    "跨省通办", "免申即享", "一件事一次办", "不见面审批", "12345", "18条", "V", "",
)
_UNITS = (
    "件", "件次", "件（次）", "人次", "人/次", "人（次）", "个", "项", "家", "%", "％", "元", "万元",
    "亿元", "个工作日", "个月", "天", "户", "条", "部分", "个百分点", "部门", "平方米", "吨",
)
_APPROX_BEFORE = ("", "", "", "近", "约", "超", "超过", "逾")
_APPROX_AFTER = ("", "", "", "余", "多", "左右")
_CN_DIGITS = "〇一二三四五六七八九"
_CN_NUMERALS = ("三十", "十二", "一百零八", "两千", "四十五", "三", "二十余", "一千二百三十四")
_RELATIVE = (
    "本周", "上周", "本月", "上月", "今年", "今年以来", "年初以来", "近日", "近期", "日前", "目前",
    "同日", "当天", "次日", "年内", "一季度", "上半年", "前三季度", "下半年",
)
_DASHES = ("至", "—", "-", "～", "–", "到")
_CONNECTIVES = ("共", "共计", "累计", "计", "为", "达", "")
_METRICS = ("受理", "办结", "咨询", "办理政务服务事项", "受理政务服务事项", "现场邮寄", "电话咨询", "流转")
_SCOPES = ("省本级", "市本级", "综合窗口", "政务大厅", "各进驻部门（单位）窗口", "县级政务服务中心")

#: Characters that break naive text code: line ends of every kind, controls,
#: BOM, zero-width and bidi marks, lone surrogates, astral emoji, combining
#: marks, full-width and ideographic forms, variation selectors.
TRICKY_CHARS = (
    "\r", "\n", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029",
    "\x00", "\x01", "\x1b", "\x7f", "\ufeff", "\u200b", "\u200c", "\u200d", "\u200e", "\u202e",
    "\xad", "\ud800", "\udfff", "\udc80", "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "\U00020000", "\U0002a6d6",
    "e\u0301", "\u0301", "\u0332", "\u3099", "\ufe0f", "\ufe00", "\u3000", "\xa0", "\t",
    "０", "９", "１２", "．", "％", "Ａ", "ｚ", "（", "）", "【", "】", "「", "」", "〈", "〉",
    "《", "》", "“", "”", "‘", "’", "、", "，", "。", "：", "；", "—", "－", "～", "·", "•",
    "Ⅲ", "①", "⑩", "㈠", "㊀", "〇", "亿", "万", "兆", "\U0001d7d8", "ﬁ", "Å", "İ", "ß",
)


# --- strategies -------------------------------------------------------------


@st.composite
def pdf_broken(draw: st.DrawFn, text: str) -> str:
    """``text`` with PDF damage: spaces and line breaks at a few random places."""
    if not text:
        return text
    cuts = draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True))
    out, last = [], 0
    for cut in sorted(cuts):
        out.append(text[last:cut])
        out.append(draw(st.sampled_from((" ", "  ", "\n", "\n ", "\n\n", " \n", "\u3000", "\r\n"))))
        last = cut
    out.append(text[last:])
    return "".join(out)


def _ascii_or_fullwidth(digits: str, fullwidth: bool) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in digits) if fullwidth else digits


@st.composite
def dates(draw: st.DrawFn) -> str:
    """A date, span, month, quarter or relative word in one of many printed forms.

    Values are drawn freely (``2月30日``, ``13月`` included): the library must
    not crash on dates that do not exist.
    """
    y = draw(st.integers(1990, 2035))
    m = draw(st.integers(1, 13))
    d = draw(st.integers(1, 32))
    d2 = draw(st.integers(1, 31))
    fw = draw(st.booleans())
    cn_year = "".join(_CN_DIGITS[int(c)] for c in str(y))
    forms = [
        f"{y}年{m}月{d}日", f"{y} 年 {m} 月 {d} 日", f"{m}月{d}日", f"{m} 月 {d} 日",
        f"{cn_year}年{m}月{d}日", f"{y}年{m}月", f"{y} 年 {m} 月", f"{m}月", f"{y}年", f"{y}年度",
        f"{m}月{d}日{draw(st.sampled_from(_DASHES))}{d2}日",
        f"{m}月{d}日{draw(st.sampled_from(_DASHES))}{m}月{d2}日",
        f"（{m}月 {d}日—{m}月 {d2}日）", f"{y}-{m:02d}-{d:02d}", f"{y}.{m}.{d}", f"{y}/{m}/{d}",
        f"今年{m}-{min(m + 2, 12)}月", f"{y}年第{draw(st.integers(1, 4))}季度",
        draw(st.sampled_from(_RELATIVE)),
    ]
    return _ascii_or_fullwidth(draw(st.sampled_from(forms)), fw)


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number with its unit: Arabic, full-width or Chinese, 万/亿, approx words, ranges."""
    whole = draw(st.integers(0, 10**9))
    frac = draw(st.sampled_from(("", "", ".5", ".05", ".21", ".0", ".123")))
    scale = draw(st.sampled_from(("", "", "万", "亿", "万亿")))
    unit = draw(st.sampled_from(_UNITS))
    arabic = _ascii_or_fullwidth(f"{whole}{frac}", draw(st.booleans()))
    figure = draw(st.sampled_from((arabic, arabic, draw(st.sampled_from(_CN_NUMERALS)))))
    kind = draw(st.sampled_from(("plain", "plain", "range", "approx")))
    if kind == "range":
        upper = whole + draw(st.integers(0, 100))
        return f"{whole}{draw(st.sampled_from(_DASHES))}{upper}{scale}{unit}"
    if kind == "approx":
        return f"{draw(st.sampled_from(_APPROX_BEFORE))}{figure}{scale}{draw(st.sampled_from(_APPROX_AFTER))}{unit}"
    return f"{figure}{scale}{unit}"


@st.composite
def org_names(draw: st.DrawFn) -> str:
    """An organisation name at any level, full or short, maybe with a sub-unit."""
    place = draw(st.sampled_from(_PROVINCES + _CITIES + _LEVEL_PREFIXES))
    return place + draw(st.sampled_from(_DEPARTMENTS)) + draw(st.sampled_from(_SUB_UNITS))


@st.composite
def policy_titles(draw: st.DrawFn) -> str:
    """A ``《…》`` title, sometimes with a nested ``〈…〉`` title or a draft mark."""
    words = draw(st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=5))
    title = "".join(words) + draw(st.sampled_from(_GENRES))
    if draw(st.booleans()):
        inner = "".join(draw(st.lists(st.sampled_from(_TITLE_WORDS), min_size=1, max_size=3)))
        title = f"关于贯彻落实〈{inner}{draw(st.sampled_from(_GENRES))}〉的通知"
    if draw(st.integers(0, 5)) == 0:
        title += "（送审稿）"
    alias = draw(st.sampled_from(("", "", "（以下简称《实施意见》）")))
    return f"《{title}》{alias}"


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One bulletin sentence: dated action, statistic, list of departments, person."""
    shape = draw(st.integers(0, 5))
    time = draw(dates())
    org = draw(org_names())
    if shape == 0:
        obj = draw(st.one_of(policy_titles(), st.sampled_from(_OBJECTS),
                             st.sampled_from(_QUOTED).map(lambda q: f"“{q}”")))
        return f"{time}，{org}{draw(st.sampled_from(_VERBS))}{obj}。"
    if shape == 1:
        parts = [
            f"{draw(st.sampled_from(_CONNECTIVES))}{draw(st.sampled_from(_METRICS))}{draw(numbers())}"
            for _ in range(draw(st.integers(1, 4)))
        ]
        return f"{time}，{draw(st.sampled_from(_SCOPES))}{'、'.join(parts)}。"
    if shape == 2:
        names = draw(st.lists(st.sampled_from(_SHORT_NAMES), min_size=2, max_size=5, unique=True))
        return f"结合{'、'.join(names)}等{draw(numbers())}，{org}{draw(st.sampled_from(_VERBS))}“{draw(st.sampled_from(_QUOTED))}”。"
    if shape == 3:
        person = draw(st.sampled_from(_PEOPLE))
        return f"{time}，{org}{draw(st.sampled_from(_TITLES_OF_PEOPLE))}{person}带队{draw(st.sampled_from(_VERBS))}{draw(st.sampled_from(_CITIES))}。"
    if shape == 4:
        return f"{org}{draw(st.sampled_from(_VERBS))}{draw(policy_titles())}，涉及{draw(numbers())}、{draw(numbers())}。"
    return f"{time}{draw(st.sampled_from(('以来', '，', '')))}{draw(st.sampled_from(_SCOPES))}{draw(numbers())}。"


@st.composite
def _header(draw: st.DrawFn) -> list[str]:
    lines = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(("政务服务周报", "政务窗口月报", "窗口工作周报", "营商环境简报", "窗 口 工 作 周 报"))))
    if draw(st.booleans()):
        lines.append(f"{draw(st.integers(2000, 2030))}年第 {draw(st.integers(1, 60))}期（总第 {draw(st.integers(1, 999))}期）")
    elif draw(st.booleans()):
        lines.append(f"第 {draw(st.integers(1, 60))} 期")
    if draw(st.booleans()):
        lines.append(f"{draw(org_names())} {draw(dates())}")
    if draw(st.booleans()):
        lines.append(draw(dates()))
    return lines


@st.composite
def bulletin_text(draw: st.DrawFn) -> str:
    """A whole bulletin: header, headings ``一、`` ``（一）`` ``1.`` with sentences,
    page furniture, distribution lines; PDF breaks; CRLF or LF line ends."""
    lines = draw(_header())
    for h in range(draw(st.integers(0, 3))):
        lines.append(f"{'一二三四五六'[h]}、{draw(st.sampled_from(('总体运行情况', '政务工作动态', '重点工作推进情况')))}")
        for i in range(draw(st.integers(0, 3))):
            marker = draw(st.sampled_from((f"（{'一二三四'[i]}）", f"{i + 1}.", f"{i + 1}．", "")))
            body = "".join(draw(st.lists(sentences(), min_size=1, max_size=3)))
            lines.append(marker + draw(pdf_broken(body)))
            if draw(st.integers(0, 4)) == 0:
                lines.append(draw(st.sampled_from(("—2—", "- 3 -", "窗 口 工 作 周 报", "－4－"))))
    if draw(st.booleans()):
        lines.append(f"报：{draw(org_names())}。")
        lines.append(f"送：{draw(org_names())}、{draw(org_names())}。")
        lines.append(f"（共印{draw(st.integers(1, 200))}份）")
    sep = draw(st.sampled_from(("\n", "\n\n", "\r\n", "\r\n\r\n", "\r")))
    return sep.join(lines)


def arbitrary_text(max_size: int = 400) -> st.SearchStrategy[str]:
    """Any Unicode at all, lone surrogates and controls included."""
    return st.text(st.characters(codec=None, exclude_categories=()), max_size=max_size)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    """Bulletin fragments spliced with tricky characters at random places."""
    pieces = draw(st.lists(
        st.one_of(sentences(), st.sampled_from(TRICKY_CHARS), dates(), numbers(), org_names(),
                  arbitrary_text(20)),
        max_size=12,
    ))
    return "".join(pieces)


# --- hostile inputs -----------------------------------------------------------

_PARAGRAPH = (
    "11 月 27 日，省政府办公厅印发《关于健全“高效办成一件事”重点事项常态化推进机制的实施意见》，"
    "浙江省市场监管局、湖州市数据局会同成都市中小企业服务中心开展“送服务 促发展”活动，"
    "共受理政务服务事项 5.4 万件、办结 0.21 万件，电话咨询 1055 人/次，超过 60%。"
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


#: Pathological inputs by family: ``HOSTILE[name](size)`` is about ``size`` characters.
HOSTILE: dict[str, Callable[[int], str]] = {
    "digit_run": lambda n: "共办理" + "1234567890" * (n // 10) + "件。",
    "spaced_digits": lambda n: "共办理 " + _repeat("1 ", n) + "万件。",
    "unclosed_titles": lambda n: "印发" + "《" * n,
    "unclosed_title_words": lambda n: _repeat("《关于印发", n),
    "quote_flood": lambda n: "“" * n,
    "dotted_numbers": lambda n: _repeat("1.", n),
    "wan_run": lambda n: "5" + "万" * n + "件",
    "yi_wan_words": lambda n: _repeat("一万亿", n) + "元",
    "deep_parens": lambda n: "（" * (n // 2) + "一" + "）" * (n // 2),
    "heading_flood": lambda n: _repeat("一、\n（一）\n1.\n", n),
    "date_flood": lambda n: _repeat("2025年12月12日至", n),
    "list_flood": lambda n: _repeat("网信、", n) + "等部门",
    "tiny_lines": lambda n: _repeat("省\n", n),
    "one_long_line": lambda n: _repeat(_PARAGRAPH, n),
}


# --- invariants -----------------------------------------------------------------


def check_document(doc: Any) -> dict[str, Any]:
    """Assert the invariants of an extracted Document; return its record.

    Offsets hold for every mention, section, token and trigger; ids are unique
    and numbered in start order; the record is valid JSON (``ensure_ascii=True``
    always encodes; lone surrogates survive as ``\\udXXX`` escapes) and
    round-trips through ``json.loads``.
    """
    raw = doc.raw
    layers = {"entities": doc.entities, "times": doc.times, "quantities": doc.quantities}
    for mention in (*doc.entities, *doc.times, *doc.quantities, *doc.sections, *doc.tokens,
                    *(e.trigger for e in doc.events)):
        assert 0 <= mention.start < mention.end <= len(raw), mention
        assert raw[mention.start:mention.end] == mention.text, mention
    for name, layer in layers.items():
        starts = [m.start for m in layer]
        assert starts == sorted(starts), f"{name} not sorted by start"
    triggers = [e.trigger.start for e in doc.events]
    assert triggers == sorted(triggers), "events not sorted by trigger start"
    for prefix, layer in (("e", doc.entities), ("t", doc.times), ("q", doc.quantities), ("v", doc.events)):
        assert [m.id for m in layer] == [f"{prefix}{i}" for i in range(1, len(layer) + 1)], prefix
    record = doc.to_dict()
    encoded = json.dumps(record, ensure_ascii=True)
    assert json.loads(encoded) == record
    unicode_json = json.dumps(record, ensure_ascii=False)
    assert json.loads(unicode_json) == record
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in raw):
        unicode_json.encode("utf-8")  # writable as a UTF-8 file
    return record
