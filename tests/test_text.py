from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.text import clean

CASES = [
    # (raw, clean view)
    ("配合省发展和改革委、省财政厅审查，会同省发展和改\n 革委", "配合省发展和改革委、省财政厅审查，会同省发展和改革委"),
    ("5月 1 8日", "5月18日"),
    ("5.4 万件", "5.4万件"),
    ("第 11 期", "第11期"),
    ("１２３４５６ＡＢ", "123456AB"),
    ("送服务 促发展", "送服务 促发展"),
    ("天府通办 APP", "天府通办 APP"),
    ("本周，共计咨询 4844人次、流\n\n转 7229件；", "本周，共计咨询4844人次、流转7229件；"),
    ("工作。\n\n下一段", "工作。\n下一段"),
    ("推进信用体系建设，推动涉水高频\n\n\n\n—6—\n\n服务事项", "推进信用体系建设，推动涉水高频服务事项"),
    ("（二）授权情况\n\n窗 口 工 作 周 报\n\n\n\n—2—\n\n已进驻", "（二）授权情况\n已进驻"),
    ("一、2025 年 11 月总体运行情况\n\n11 月，省本级", "一、2025年11月总体运行情况\n11月，省本级"),
    ("政务窗口月报\n\n第 11 期", "政务窗口月报\n第11期"),
    ("说明如下\r\n1.第一项", "说明如下\n1.第一项"),
    ("某市数据局办公室 2024年3月9日\n本月办件", "某市数据局办公室2024年3月9日\n本月办件"),
    ("某市数据局办公室 二〇二四年三月二十九日\n本月办件", "某市数据局办公室 二〇二四年三月二十九日\n本月办件"),
    # an indented line going on with a range after a number: one paragraph, whatever the line before
    ("（三）新增集成办事项 15\n\n 至 20 个，全面推行", "（三）新增集成办事项15至20个，全面推行"),
    ("增长 5%\n －8%，", "增长5%－8%，"),
    # a line ending in a bare number is not whole, heading or not: its digits, decimals, percent
    # sign or measure word go on after the break (保持在 9 + 9.9%, 反映的 3 4 + 条诉求)
    ("（三）新增集成办事项 15\n至 20 个", "（三）新增集成办事项15至20个"),
    ("（三）新增集成办事项 15\n\n 个工作日", "（三）新增集成办事项15个工作日"),
    ("（六）力争好评率保持在 9 \n\n9.9%以上。", "（六）力争好评率保持在99.9%以上。"),
    ("（八）跟踪企业反映的 3 4\n\n条诉求办理进度", "（八）跟踪企业反映的34条诉求办理进度"),
    ("短行 12\n\n.5 公里", "短行12.5公里"),
    ("（三）占比 17.\n\n4%，同比", "（三）占比17.4%，同比"),
    # not inside a number: no number before, a number before a new item, or a number after a unit
    ("（三）新增集成办事项\n\n 至 20 个", "（三）新增集成办事项\n至20个"),
    ("（三）新增集成办事项 15\n\n（四）优化服务", "（三）新增集成办事项15\n（四）优化服务"),
    ("（三）新增集成办事项 15 个\n\n2 个工作日", "（三）新增集成办事项15个\n2个工作日"),
    # a heading listing its topics ends its line when short or ending in a title word; a long
    # wrapped item with 、 goes on
    ("（四）热线、企业诉求和“好差评”情况\n\n3月，市热线", "（四）热线、企业诉求和“好差评”情况\n3月，市热线"),
    ("（二）经营主体登记、工程建设项目和不动产登记情况\n\n本周，", "（二）经营主体登记、工程建设项目和不动产登记情况\n本周，"),
    ("（二）推动规划、住建、消防等部门深化工程建设项目联合\n\n验收，确保",
     "（二）推动规划、住建、消防等部门深化工程建设项目联合验收，确保"),
    # a short heading with a title or quote still open goes on
    ("（五）做好《某市政务服务“好差评\n\n”管理办法》宣传", "（五）做好《某市政务服务“好差评”管理办法》宣传"),
    ("（二）配合做好《某市数据条例\n\n》宣贯", "（二）配合做好《某市数据条例》宣贯"),
    # a long headline without punctuation before a sentence opening with a time stands alone; a
    # wrapped line of a paragraph goes on
    ("办结。\n\n“某市通办”适老化服务让老年群众办事更加省心放心\n\n今年以来，某局推行",
     "办结。\n“某市通办”适老化服务让老年群众办事更加省心放心\n今年以来，某局推行"),
    ("办结。\n\n企业服务专员全程帮办助力重点项目加快落地见效\n\n6月 3日，某区",
     "办结。\n企业服务专员全程帮办助力重点项目加快落地见效\n6月3日，某区"),
    ("办结。\n\n某区政务服务中心联合区税务局和区人社局在大厅设立\n\n专窗，今年以来，",
     "办结。\n某区政务服务中心联合区税务局和区人社局在大厅设立专窗，今年以来，"),
    # a long numbered item wrapped just before the end of its first clause goes on; a heading
    # followed by a new sentence stands alone
    ("（四）会同某州政务服务和公共资源交易服务中心推进某某地\n\n区“跨区域通办”事项落地，",
     "（四）会同某州政务服务和公共资源交易服务中心推进某某地区“跨区域通办”事项落地，"),
    ("（二）配合省政务服务中心做好第三季度全省政务服务效能评\n\n估，做好迎检",
     "（二）配合省政务服务中心做好第三季度全省政务服务效能评估，做好迎检"),
    ("（一）某某区：打造“某某花”双语帮办服务品牌\n\n某某区聚焦辖区群众", "（一）某某区：打造“某某花”双语帮办服务品牌\n某某区聚焦辖区群众"),
    ("   ", ""),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), CASES, ids=[c[0][:12] for c in CASES])
def test_clean_view(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


def test_cases_unique() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


def test_raw_span_covers_breaks() -> None:
    raw = "11月，配合省发展和改\n 革委审查"
    view = clean(raw)
    start = view.text.index("省发展和改革委")
    rs, re_ = view.raw_span(start, start + len("省发展和改革委"))
    assert raw[rs:re_] == "省发展和改\n 革委"


def test_raw_span_rejects_empty_span() -> None:
    with pytest.raises(IndexError):
        clean("abc").raw_span(1, 1)


def _check_map(raw: str) -> None:
    view = clean(raw)
    assert len(view.index) == len(view.text)
    assert list(view.index) == sorted(set(view.index)), "clean offsets map to increasing raw offsets"
    for i, ch in enumerate(view.text):
        src = raw[view.index[i]]
        if ch in " \n" and src.isspace():
            continue
        assert ch == src or ch == chr(ord(src) - 0xFEE0), (i, ch, src)
    for a, b in view.paragraphs():
        rs, re_ = view.raw_span(a, b)
        assert (rs, re_ - 1) == (view.index[a], view.index[b - 1])


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_offset_map_on_arbitrary_text(raw: str) -> None:
    _check_map(raw)


_BULLETIN_ALPHABET = st.sampled_from(list("省发展改革委政务服务中心年月日期件万人次、，。；（）《》“”—0123456789１２ \n\r\t"))


@given(st.lists(_BULLETIN_ALPHABET, max_size=400).map("".join))
@settings(max_examples=300, deadline=None)
def test_offset_map_on_bulletin_like_text(raw: str) -> None:
    _check_map(raw)


def test_corpus_offsets(corpus_doc: tuple[str, str, dict]) -> None:
    _, raw, _ = corpus_doc
    _check_map(raw)
