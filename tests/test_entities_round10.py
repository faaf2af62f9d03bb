"""Round-10 categories (held-out set 10: Taiyuan, Yinchuan, Tianfu New Area, Lhasa): Tibetan names
without a surname and Hui surnames; a zone's kind word alone naming the zone in the zone's own
bulletin and, in its paragraph, a zone named by its division; a city's short zone word before its
administration; a firm served by a body (``X为Y有限公司``)."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

LHASA = "拉萨市政务服务和数据管理局"
YINCHUAN = "银川市审批服务管理局"
GUIAN = "贵州贵安新区管委会政务服务局"
XIAN = "西安市行政审批服务局"

PERSON_CASES = [
    ("tibetan_name_two_parts", LHASA, "县人民政府副县长扎西平措出席会议。", [("扎西平措", "扎西平措")]),
    ("tibetan_name_one_part", LHASA, "局党组成员、副局长卓嘎带队检查。", [("卓嘎", "卓嘎")]),
    ("tibetan_name_again", LHASA, "副市长索朗次仁出席。索朗次仁强调，要抓好落实。",
     [("索朗次仁", "索朗次仁"), ("索朗次仁", "索朗次仁")]),
    ("hui_surname", YINCHUAN, "自治区审批服务局处长锁建军授课。", [("锁建军", "锁建军")]),
    ("hui_surname_again", YINCHUAN, "副市长纳国强出席会议。纳国强指出，要抓好落实。",
     [("纳国强", "纳国强"), ("纳国强", "纳国强")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(PERSON_CASES))
def test_person(publisher, text, expected):
    assert pick(tag(text, publisher), "PERSON") == expected


ORG_CASES = [
    # the zone's own bulletin: its kind word alone is the zone anywhere (syn_804: the body's own name)
    ("home_zone_kind_word", GUIAN, "本周，新区税务局联合新区市场监管局开展培训。",
     [("新区税务局", "国家税务总局贵州贵安新区税务局"), ("新区市场监管局", "贵州贵安新区市场监督管理局")]),
    ("home_zone_kind_word_centre", GUIAN, "群众可到新区政务服务中心办理。",
     [("新区政务服务中心", "贵州贵安新区政务服务中心")]),
    # a zone named by its division, then its kind word alone in the paragraph
    ("division_zone_back_reference", XIAN, "西安经济技术开发区政务服务中心组建专班，开发区政务服务中心派员跟进。",
     [("西安经济技术开发区政务服务中心", "西安经济技术开发区政务服务中心"),
      ("开发区政务服务中心", "西安经济技术开发区政务服务中心")]),
    ("city_short_zone_admin", LHASA, "会上，经开区管委会通报了进展。", [("经开区管委会", "拉萨经济技术开发区管理委员会")]),
    ("listed_zone_short_admin", YINCHUAN, "抄送：宁东基地管委会。", [("宁东基地管委会", "宁东能源化工基地管理委员会")]),
    # a verb of transfer before a bare prefix: the name starts after it
    ("prefix_after_connect_verb", LHASA, "平台首批接入市公安局数据。", [("市公安局", "拉萨市公安局")]),
    ("prefix_after_to", LHASA, "相关事项划转至市住房和城乡建设局集中行使。",
     [("市住房和城乡建设局", "拉萨市住房和城乡建设局")]),
    # a province's bank branch takes the province's full name
    ("province_bank_branch", YINCHUAN, "与中国建设银行宁夏分行签约。",
     [("中国建设银行宁夏分行", "中国建设银行股份有限公司宁夏回族自治区分行")]),
    # a body serving a firm: the firm's name starts at its division after 为
    ("firm_served_by_body", LHASA, "经开区政务服务中心为西藏某某建材有限公司办理证照。",
     [("经开区政务服务中心", "拉萨经济技术开发区政务服务中心"), ("西藏某某建材有限公司", "西藏某某建材有限公司")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


def test_zone_admin_bureau_is_a_unit():
    doc = tag("宁东基地管委会审批服务局开展帮办服务。", YINCHUAN)
    assert [(e.text, e.norm, e.unit) for e in doc.entities if e.label == "ORG"] == [
        ("宁东基地管委会审批服务局", "宁东能源化工基地管理委员会", "审批服务局")]


def test_zone_city_administration_bureau_is_a_unit():
    doc = tag("天府新区成都管委会政务服务局、新区税务局联合开展培训。", "四川天府新区成都管委会政务服务局")
    assert [(e.text, e.norm, e.unit) for e in doc.entities if e.label == "ORG"] == [
        ("天府新区成都管委会政务服务局", "四川天府新区成都管理委员会", "政务服务局"),
        ("新区税务局", "国家税务总局四川天府新区税务局", None)]


def test_zone_short_name_is_a_loc():
    assert pick(tag("持续跟踪宁东基地项目进展。", YINCHUAN), "LOC") == [("宁东基地", "宁东能源化工基地")]


def test_city_hall_venue():
    assert pick(tag("本周在兰州市民大厅开展宣传。", YINCHUAN), "LOC") == [("兰州市民大厅", "兰州市民大厅")]


def test_kind_word_without_home_zone_is_no_body():
    assert pick(tag("推动新区政务服务中心建设。", YINCHUAN), "ORG") == []
