from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.errors import LexiconError
from gov_extract.model import Document, Entity, Period
from gov_extract.quantities import QuantityTagger, StatisticVocabulary, find_quantities, load_units
from gov_extract.scoring import score_corpus
from gov_extract.structure import read
from gov_extract.times import TimeTagger
from tests.conftest import CORPUS_IDS, gold, raw_text
from tests.test_numbers import to_chinese


def row(text, *expected, reason=None):
    """One table row: every quantity of ``text`` as (text, value, unit, approx[, value_max])."""
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    rows = [(t, Decimal(str(v)), u, a, Decimal(str(rest[0])) if rest else None) for t, v, u, a, *rest in expected]
    return pytest.param(text, rows, marks=marks, id=text[:30])


def _unique(rows: list) -> list:
    keys = [r.values[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate test row"
    return rows


QUANTITY_CASES = _unique([
    # Arabic numerals, multipliers, currency
    row("省本级办理政务服务事项5.4万件", ("5.4万件", 54000, "件", False)),
    row("综合窗口受理0.21万件", ("0.21万件", 2100, "件", False)),
    row("全市办理5.05万件", ("5.05万件", 50500, "件", False)),
    row("共计1,234件", ("1,234件", 1234, "件", False)),
    row("投资1.28亿元", ("1.28亿元", 128000000, "元", False)),
    row("国内生产总值达到134.9万亿元", ("134.9万亿元", 134900000000000, "元", False)),
    row("减税降费2600亿元", ("2600亿元", 260000000000, "元", False)),
    row("补贴300元", ("300元", 300, "元", False)),
    row("外汇储备3.2万亿美元", ("3.2万亿美元", 3200000000000, "美元", False)),
    row("城镇新增就业1256万人", ("1256万人", 12560000, "人", False)),
    row("服务群众3千多万人次", ("3千多万人次", 30000000, "人次", True)),
    # units and measure words
    row("电话咨询1055人/次", ("1055人/次", 1055, "人次", False)),
    row("咨询4844人次", ("4844人次", 4844, "人次", False)),
    row("接待群众215人（次）", ("215人（次）", 215, "人次", False)),
    row("咨询、受办共计34件（次）", ("34件（次）", 34, "件次", False)),
    row("受理12件次", ("12件次", 12, "件次", False)),
    row("共45个", ("45个", 45, "个", False)),
    row("梳理691项主项", ("691项", 691, "项", False)),
    row("包含4部分内容", ("4部分", 4, "部分", False)),
    row("教育、民政等6部门", ("6部门", 6, "部门", False)),
    row("会同8个省直部门", ("8个", 8, "个", False)),
    row("全文共8章32条", ("8章", 8, "章", False), ("32条", 32, "条", False)),
    row("开展涉企活动2场", ("2场", 2, "场", False)),
    row("拍摄视频5期", ("5期", 5, "期", False)),
    row("对14名工作人员开展培训8次", ("14名", 14, "名", False), ("8次", 8, "次", False)),
    row("（共印94份）", ("94份", 94, "份", False)),
    row("走访企业36家", ("36家", 36, "家", False)),
    row("新建基站1.2万座", ("1.2万座", 12000, "座", False)),
    row("粮食产量1.4万亿斤", ("1.4万亿斤", 1400000000000, "斤", False)),
    row("新增装机3.7亿千瓦", ("3.7亿千瓦", 370000000, "千瓦", False)),
    # percentages
    row("满意率100%", ("100%", 100, "%", False)),
    row("增长5.2%", ("5.2%", Decimal("5.2"), "%", False)),
    row("提高2.3个百分点", ("2.3个百分点", Decimal("2.3"), "个百分点", False)),
    row("增加百分之二十六", ("百分之二十六", 26, "%", False)),
    row("提高百分之三十六点九", ("百分之三十六点九", Decimal("36.9"), "%", False)),
    row("增产百分之十到二十", ("百分之十到二十", 10, "%", False, 20)),
    row("占比10%-20%", ("10%-20%", 10, "%", False, 20)),
    row("100%%", ("100%", 100, "%", False)),
    # time units
    row("压缩至15个工作日", ("15个工作日", 15, "工作日", False)),
    row("试运行3个月", ("3个月", 3, "月", False)),
    row("办理时限缩短至5天", ("5天", 5, "天", False)),
    row("延长至240小时", ("240小时", 240, "小时", False)),
    row("20日内作出决定", ("20日", 20, "日", False)),
    row("再延长30年", ("30年", 30, "年", False)),
    # Chinese numerals
    row("三十余个部门", ("三十余个", 30, "个", True)),
    row("两部门联合印发", ("两部门", 2, "部门", False)),
    row("一百零八项", ("一百零八项", 108, "项", False)),
    row("两千人", ("两千人", 2000, "人", False)),
    row("四十四万人", ("四十四万人", 440000, "人", False)),
    row("一亿一千四百多万吨", ("一亿一千四百多万吨", 114000000, "吨", True)),
    row("十余万人", ("十余万人", 100000, "人", True)),
    row("建设四十七项企业", ("四十七项", 47, "项", False)),
    row("一千六百五十亿元", ("一千六百五十亿元", 165000000000, "元", False)),
    # approximation and ranges
    row("温江高新区10多家企业", ("10多家", 10, "家", True)),
    row("近50件", ("近50件", 50, "件", True)),
    row("约3万人", ("约3万人", 30000, "人", True)),
    row("超过60%", ("超过60%", 60, "%", True)),
    row("逾百家企业", ("逾百家", 100, "家", True)),
    row("1000余人", ("1000余人", 1000, "人", True)),
    row("5%左右", ("5%左右", 5, "%", True)),
    row("组织3至5个工作组", ("3至5个", 3, "个", False, 5)),
    row("3-5个", ("3-5个", 3, "个", False, 5)),
    row("补助5至10万元", ("5至10万元", 50000, "元", False, 100000)),
    row("5万至10万元", ("5万至10万元", 50000, "元", False, 100000)),
    # a paragraph break ends a range (an indented range line is joined by the clean view: test_text)
    row("新增事项8\n至12个", ("12个", 12, "个", False)),
    row("考核得分92.5分，位列第二", ("92.5分", Decimal("92.5"), "分", False)),
    row("满分100分）", ("100分", 100, "分", False)),
    row("综合得分九十五分，位列第一", ("九十五分", 95, "分", False)),
    row("涵盖5大类36项", ("5大类", 5, "大类", False), ("36项", 36, "项", False)),
    # not quantities
    row("第11期"),
    row("总第437期"),
    row("一是加强管理，二是健全机制"),
    row("（二）推进情况"),
    row("3.梳理汇总"),
    row("拨打12345热线"),
    row("在21楼会议室"),
    row("6楼后台"),
    row("省、市两级"),
    row("省市区三级联动"),
    row("二级巡视员"),
    row("川渝两地"),
    row("一次性告知"),
    row("一体化政务服务平台"),
    row("一网通办"),
    row("高效办成一件事"),
    row("第三方评估"),
    row("统一受理"),
    row("千家万户"),
    row("二〇二五年"),
    row("编号GB/T 12345-2020"),
    row("建设“一平台 三品牌”"),
    row("人口十亿人口的大国"),
    row("进一步优化"),
    row("关键零部件进口"),
    row("开展百万千瓦级核电机组建设"),
    row("十四届全国人大三次会议"),
    row("出访了数十个国家"),
    row("再增加几百亿元"),
    row("保持两位数增长"),
    row("实施天然林保护二期工程"),
    row("非化石能源占一次能源消费比重"),
    row("这项工作十分重要"),
    row("占三分之一"),
    row("上午9时30分，召开会议"),
    # 分 after a Chinese numeral: the minutes of a clock time or the adverb 十分, not a score
    row("下午两点十分，召开会议"),
    row("十二点零五分，系统恢复"),
    row("工作做得十分，"),
    row("设立分中心"),
    # known gaps
    row("建设百个省级园区", ("百个", 100, "个", False), reason="a bare 百/千 numeral is refused (千家万户)"),
    row("近3年来", ("近3年", 3, "年", True)),
    row("数十个部门", ("数十个", 10, "个", True), reason="数十/几十 are not numerals"),
    row("三五个人", ("三五个", 3, "个", True, 5), reason="juxtaposed Chinese digits (三五) are refused"),
])


@pytest.mark.parametrize(("text", "expected"), QUANTITY_CASES)
def test_find_quantities(text: str, expected: list) -> None:
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit, q.approx, q.value_max) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


def _tag(raw: str, entities: tuple[Entity, ...] = (), reference_date: date | None = None) -> Document:
    doc = read(raw, reference_date=reference_date).replace(entities=entities)
    return QuantityTagger()(TimeTagger()(doc))


def _entity(raw: str, label: str, text: str, n: int = 1) -> Entity:
    start = raw.index(text)
    return Entity(f"e{n}", label, start, start + len(text), text, text)


@pytest.mark.parametrize(("raw", "label", "inside"), [
    ("省政府印发《四川省12345政务服务便民热线运行管理办法》。", "POLICY", "四川省12345政务服务便民热线运行管理办法"),
    ("对“18条”政策进行拆解，形成事项28个。", "INITIATIVE", "18条"),
    ("印发《三年行动方案》，明确5项任务。", "POLICY", "三年行动方案"),
])
def test_no_quantity_inside_titles_and_initiatives(raw: str, label: str, inside: str) -> None:
    doc = _tag(raw, (_entity(raw, label, inside),))
    assert all(not (q.start < e.end and e.start < q.end) for q in doc.quantities for e in doc.entities)


def test_no_quantity_inside_quotes_or_dates() -> None:
    raw = "实现“一个入口受理、一套流程协同”，5月4日至6日走访企业12家，2025年度完成。"
    doc = _tag(raw, reference_date=date(2025, 6, 1))
    assert [q.text for q in doc.quantities] == ["12家"]


def test_raw_spans_cover_pdf_breaks() -> None:
    raw = "各窗口受理政务服务事项 5.4 万件，两\n\n部门联合发文，走访企业 10 多家。"
    doc = _tag(raw)
    assert [(q.text, q.value, q.unit) for q in doc.quantities] == [
        ("5.4 万件", 54000, "件"), ("两\n\n部门", 2, "部门"), ("10 多家", 10, "家")]
    assert [q.id for q in doc.quantities] == ["q1", "q2", "q3"]


def test_range_across_an_indented_line_break() -> None:
    """The clean view joins a range wrapped onto an indented line; the raw span covers the break."""
    doc = _tag("（三）力争新增集成办事项 15\n\n 至 20 个，全面推行。")
    assert [(q.text, q.value, q.value_max, q.unit) for q in doc.quantities] == [("15\n\n 至 20 个", 15, 20, "个")]


# ---------------------------------------------------------------- statistics

MONTHLY = (
    "政务服务月报\n\n第 10 期\n\n湖州市政务服务中心 2025年 11月 10日\n\n一、2025年 10月运行情况\n\n"
    "全市政务服务中心共受理事项 12.5 万件，办结 12.3 万件；市本级受理 3.2 万件、办结 3.1 万件；"
    "12345 热线接听来电 2.6 万个。今年以来，全市累计受理 118 万件。\n\n"
    "二、工作动态\n\n（一）10 月 15 日，市数据局召开会议，部署 5 项重点任务，全市共 36 个部门参加。\n"
)

MONTHLY_EXPECTED = [
    ("12.5 万件", "受理事项", "全市政务服务中心", ("2025-10-01", "2025-10-31")),
    ("12.3 万件", "办结", "全市政务服务中心", ("2025-10-01", "2025-10-31")),
    ("3.2 万件", "受理", "市本级", ("2025-10-01", "2025-10-31")),
    ("3.1 万件", "办结", "市本级", ("2025-10-01", "2025-10-31")),
    ("2.6 万个", "接听来电", "12345热线", ("2025-10-01", "2025-10-31")),
    ("118 万件", "受理", "全市", ("2025-01-01", "2025-10-31")),
    ("5 项", None, None, None),
    ("36 个", None, None, None),
]


def _stats(doc: Document) -> list:
    return [
        (q.text, q.metric, q.scope, (q.period.start.isoformat(), q.period.end.isoformat()) if q.period else None)
        for q in doc.quantities
    ]


def test_statistics_of_a_monthly_report() -> None:
    assert _stats(_tag(MONTHLY)) == MONTHLY_EXPECTED


WEEKLY = (
    "政务服务周报\n\n第 12 期\n\n德阳市政务服务中心 2024年 3月 2 5日\n\n（3月 18日—3月 2 2日）\n\n"
    "一、工作动态\n\n本周，市民服务热线共接听来电 3250 个，转办工单 1200 件；今年以来，累计受理诉求 4.1 万件。\n\n"
    "本周，市商务局召开培训会，培训企业人员 120 人次。\n\n"
    "（二）3月 20日，市医保局简化备案流程。今年以来，全市累计办理异地就医备案 4.3 万人次。\n"
)


def test_statistics_led_by_relative_words() -> None:
    assert _stats(_tag(WEEKLY)) == [
        ("3250 个", "接听来电", "市民服务热线", ("2024-03-18", "2024-03-22")),
        ("1200 件", "转办工单", "市民服务热线", ("2024-03-18", "2024-03-22")),
        ("4.1 万件", "受理诉求", None, ("2024-01-01", "2024-03-22")),
        ("120 人次", None, None, None),  # training volume is not a service statistic
        # a running total with a running period of its own, even inside a dated news item
        # (CONVENTIONS.md, held-out sets 3 and 4)
        ("4.3 万人次", "办理异地就医备案", "全市", ("2024-01-01", "2024-03-22")),
    ]


STAT_CLAUSES = [
    # (sentence after a 办件情况 heading, expected (metric, scope) per quantity)
    ("本月，为企业群众提供现场咨询服务 512 人/次、电话咨询 300 人/次。",
     [("现场咨询服务", None), ("电话咨询", None)]),
    ("省企业综合服务中心咨询、受办共计 34 件（次）。", [("咨询、受办", "省企业综合服务中心")]),
    ("政务大厅现场邮寄量 0.1 万件；窗口出件量 0.4 万件。", [("现场邮寄量", "政务大厅"), ("窗口出件量", None)]),
    ("其中，综合窗口受理 800 件，窗口出件量 700 件。", [("受理", "综合窗口"), ("窗口出件量", "综合窗口")]),
    ("全省办理政务服务事项达 1.2 万件。", [("办理政务服务事项", "全省")]),
    ("1.市本级受理 600 件。", [("受理", "市本级")]),
    ("本月省级行政许可事项受理 3856件，办结 3791件。", [("行政许可事项受理", "省级"), ("办结", "省级")]),
    ("市政务服务中心各进驻部门窗口受理 3.92 万件。", [("受理", "市政务服务中心各进驻部门窗口")]),
    ("市本级完成交易项目 286 个，节约资金 1.2 亿元。", [("完成交易项目", "市本级"), ("节约资金", "市本级")]),
    ("市民中心受理 800 件，按时办结率 99.8%。", [("受理", "市民中心"), (None, None)]),
    ("其它 9类行权事项受理 14899件，累计办结 15119件。", [(None, None), ("其它9类行权事项受理", None), ("办结", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), STAT_CLAUSES)
def test_statistic_clauses(sentence: str, expected: list) -> None:
    raw = f"某县政务服务中心 2025年 6月 3日\n\n一、2025年 5月办件情况\n\n{sentence}\n"
    doc = _tag(raw)
    assert [(q.metric, q.scope) for q in doc.quantities] == expected
    for q in doc.quantities:
        if q.metric is not None:
            assert q.period == Period(date(2025, 5, 1), date(2025, 5, 31))


def test_period_carries_over_the_paragraph() -> None:
    raw = "某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月办件情况\n\n今年以来，全市受理 9.1 万件。其中，市本级受理 2.3 万件。\n"
    doc = _tag(raw)
    assert [(q.scope, q.period) for q in doc.quantities] == [
        ("全市", Period(date(2025, 1, 1), date(2025, 5, 31))), ("市本级", Period(date(2025, 1, 1), date(2025, 5, 31)))]


def test_scope_from_org_entity() -> None:
    raw = "某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月办件情况\n\n市公安局出入境管理支队受理护照申请 2300 件。\n"
    org = _entity(raw, "ORG", "市公安局出入境管理支队")
    doc = _tag(raw, (org,))
    assert [(q.metric, q.scope) for q in doc.quantities] == [("受理护照申请", "市公安局出入境管理支队")]


def test_stock_counts_are_not_statistics() -> None:
    raw = "某市政务服务中心 2025年 6月 3日\n\n一、事项纳入情况\n\n已进驻大厅的部门共 45 个，其中已授权 44 个。\n"
    assert [q.metric for q in _tag(raw).quantities] == [None, None]


QUARTERLY = (
    "政务服务简报\n\n某区行政审批局 二〇二四年七月十日\n\n一、2024年第二季度运行情况\n\n（一）办件情况\n\n"
    "第二季度，全区受理事项 5.2万件，办结 5.1万件；办理套餐事项 800件，平均减少材料 4份、减少跑动 2次。"
    "本季度，区热线受理诉求 900件，平均办理时长 1.5个工作日。\n\n"
    "（二）企业开办情况\n\n第二季度，全区登记新设企业 320户、个体工商户 510户；\n注销企业 40户。"
    "截至目前，累计梳理证明事项 96项。\n\n"
    "（三）“好差评”情况\n\n本季度，全区收到评价 1.2万条，好评 1.19万条；差评 6条。"
    "新增上线服务 3个，累计推出服务 25个。\n\n"
    "二、工作动态\n\n（一）6月 3日，区行政审批局走访企业 12家。\n"
)

Q2 = ("2024-04-01", "2024-06-30")


def test_statistics_of_a_quarterly_report() -> None:
    assert _stats(_tag(QUARTERLY)) == [
        ("5.2万件", "受理事项", "全区", Q2),
        ("5.1万件", "办结", "全区", Q2),
        ("800件", "办理套餐事项", None, Q2),
        ("4份", None, None, None),  # an average, and the figure joined to it by 、
        ("2次", None, None, None),
        ("900件", "受理诉求", "区热线", Q2),
        ("1.5个工作日", None, None, None),  # a duration, not a volume
        # a sub-section of a statistics heading: time-led sentences, across a line break after ；
        ("320户", "登记新设企业", "全区", Q2),
        ("510户", "个体工商户", "全区", Q2),
        ("40户", "注销企业", None, Q2),
        ("96项", None, None, None),  # 截至目前: a stock, not led by a period
        ("1.2万条", "收到评价", "全区", Q2),
        ("1.19万条", "好评", "全区", Q2),
        ("6条", "差评", None, Q2),
        ("3个", None, None, None),  # not a time-led sentence
        ("25个", None, None, None),
        ("12家", None, None, None),
    ]


def test_cumulative_figure_needs_its_own_time() -> None:
    raw = ("某市政务服务中心 2025年 6月 3日\n\n一、2025年 5月运行情况\n\n（一）改革推进情况\n\n"
           "5月，新增上线事项 3 个，全市累计推出事项 38 个；今年以来累计办理 1.2 万件。\n")
    assert [(q.text, q.metric) for q in _tag(raw).quantities] == [
        ("3 个", "新增上线事项"), ("38 个", None), ("1.2 万件", "办理")]


def test_corpus_quantities_match_gold() -> None:
    """Strict span F1, value/unit accuracy and statistics on the gold corpus (gold entities and times as input)."""
    pairs = []
    for doc_id in CORPUS_IDS:
        record, raw = gold(doc_id), raw_text(doc_id)
        gold_doc = Document.from_dict(record, raw)
        doc = QuantityTagger()(read(raw, doc_id=doc_id).replace(entities=gold_doc.entities, times=gold_doc.times))
        pairs.append((record, {"id": doc_id, "quantities": doc.to_dict()["quantities"]}))
    scores = score_corpus(pairs)
    layer = scores.layers["quantities"]
    fails = [f.to_dict() for name in ("quantities", "statistics") for f in scores.fails[name]]
    assert layer.strict.f1 >= 0.97, fails
    assert min(layer.values["value"].value, layer.values["unit"].value) >= 0.97, fails
    assert scores.statistics.found.value >= 0.97, fails
    assert min(acc.value for acc in scores.statistics.values.values()) >= 0.97, fails


# ---------------------------------------------------------------- data files


def test_bundled_data_is_valid() -> None:
    units = load_units()
    assert {u.surface for u in units} >= {"件", "人次", "人/次", "件(次)", "个工作日", "%", "元"}
    vocab = StatisticVocabulary.load()
    assert "共计" in vocab.connective and "办件情况" in vocab.heading
    words = [u.surface for u in units] + [u.unit for u in units] + [w for k in vocab.__slots__ for w in getattr(vocab, k)]
    assert all(unicodedata.normalize("NFKC", w) == w for w in words)
    files = resources.files("gov_extract.data")
    exclusions = [x for x in files.joinpath("unit_exclusions.txt").read_text("utf-8").splitlines() if x and x[0] != "#"]
    assert len(exclusions) == len(set(exclusions))
    assert all(unicodedata.normalize("NFKC", w) == w for w in exclusions)


@pytest.mark.parametrize("content", [
    "surface\tunit\tkind\n件\t件\tthing\n",
    "surface\tunit\tkind\n件\t件\tmeasure\n件\t件\tmeasure\n",
    "surface\tunit\tkind\n件\n",
])
def test_bad_unit_tables(tmp_path: Path, content: str) -> None:
    table = tmp_path / "bad.tsv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad.tsv:"):
        load_units(table)


def test_custom_units(tmp_path: Path) -> None:
    table = tmp_path / "units.tsv"
    table.write_text("surface\tunit\tkind\n棵\t棵\tmeasure\n", encoding="utf-8")
    doc = QuantityTagger(units=table)(TimeTagger()(read("植树300棵，走访企业5家。")))
    assert [q.text for q in doc.quantities] == ["300棵"]


# ---------------------------------------------------------------- property tests


def _spaced(text: str, cuts: list[int]) -> str:
    out = list(text)
    for pos in sorted(cuts, reverse=True):
        pos %= len(out) + 1
        if any(0 <= i < len(out) and (out[i].isdigit() or out[i] == ".") for i in (pos - 1, pos)):
            out.insert(pos, " ")
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10**11), st.lists(st.integers(0, 30), max_size=3))
def test_arabic_quantity_round_trip(n: int, cuts: list[int]) -> None:
    doc = _tag(f"本中心受理事项{_spaced(str(n), cuts)}件。")
    assert [(q.value, q.unit) for q in doc.quantities] == [(n, "件")]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99999), st.integers(0, 2), st.sampled_from(["万", "亿"]))
def test_scaled_quantity_round_trip(mantissa: int, decimals: int, word: str) -> None:
    written = str(Decimal(mantissa).scaleb(-decimals))
    doc = _tag(f"全年办理{written} {word}件。")
    factor = 10_000 if word == "万" else 100_000_000
    assert [q.value for q in doc.quantities] == [Decimal(written) * factor]


@settings(max_examples=200, deadline=None)
@given(st.integers(2, 10**9))
def test_chinese_quantity_round_trip(n: int) -> None:
    doc = _tag(f"本中心受理事项{to_chinese(n)}件。")
    assert [q.value for q in doc.quantities] == [n]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789.,%万亿千百十一二两三余多近约超至-个件人次（）/“”第楼级年月日 ，。\n", max_size=60))
def test_arbitrary_text_never_raises(text: str) -> None:
    doc = _tag(text, reference_date=date(2025, 12, 12))
    for q in doc.quantities:
        assert doc.raw[q.start:q.end] == q.text
        assert q.value_max is None or q.value_max > q.value
