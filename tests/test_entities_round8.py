"""Round-8 categories (held-out set 8: Guangxi, Harbin, Liangshan, Wuhan Donghu): an autonomous
region's bare prefix (自治区公安厅) and its party committee (中共…自治区委员会); a zone's bulletin,
where a bare 区 is the zone and the city's townships lie in it; a zone's 党工委; Yi clan names;
titles and names broken by a PDF line break; a registered name its chain repeats; 互办 as a verb;
a school of a college; a bureau of a zone's 管委会 as its unit."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

REGION = "内蒙古自治区政务服务与数据管理局"
SUZHOU_ZONE = "苏州工业园区行政审批局"
WUHAN_ZONE = "武汉东湖新技术开发区政务服务局"
LIANGSHAN = "凉山彝族自治州政务服务和公共资源交易服务中心"
SICHUAN = "四川省政府政务服务和公共资源交易服务中心"
HARBIN = "哈尔滨市营商环境建设监督局"

ORG_CASES = [
    ("region_departments", REGION, "自治区公安厅、自治区市场监管局联合开展检查。",
     [("自治区公安厅", "内蒙古自治区公安厅"), ("自治区市场监管局", "内蒙古自治区市场监督管理局")]),
    ("region_government_office", REGION, "自治区人民政府办公厅印发通知。",
     [("自治区人民政府办公厅", "内蒙古自治区人民政府办公厅")]),
    ("region_tax", REGION, "会同自治区税务局开展辅导。", [("自治区税务局", "国家税务总局内蒙古自治区税务局")]),
    ("region_party_committee", REGION, "自治区党委办公厅、自治区党委改革办参加会议。",
     [("自治区党委办公厅", "中共内蒙古自治区委员会办公厅"),
      ("自治区党委改革办", "中共内蒙古自治区委员会全面深化改革委员会办公室")]),
    ("region_prefix_elsewhere_as_written", SICHUAN, "自治区公安厅派员参加。", [("自治区公安厅", "自治区公安厅")]),
    ("province_party_committee_unchanged", SICHUAN, "省委改革办牵头推进。",
     [("省委改革办", "中共四川省委全面深化改革委员会办公室")]),
    ("zone_bare_prefix", SUZHOU_ZONE, "区市场监管局会同区税务局开展培训。",
     [("区市场监管局", "苏州工业园区市场监督管理局"), ("区税务局", "国家税务总局苏州工业园区税务局")]),
    ("zone_party_working_committee", WUHAN_ZONE, "东湖高新区党工委召开专题会议。",
     [("东湖高新区党工委", "中共武汉东湖新技术开发区工作委员会")]),
    ("named_zone_party_working_committee", "重庆市政务服务管理办公室", "两江新区党工委、两江新区管委会召开会议。",
     [("两江新区党工委", "中共重庆两江新区工作委员会"), ("两江新区管委会", "重庆两江新区管理委员会")]),
    ("zone_township_body", WUHAN_ZONE, "在花山街道便民服务中心设立专窗。",
     [("花山街道便民服务中心", "武汉东湖新技术开发区花山街道便民服务中心")]),
    ("county_named_township_body", WUHAN_ZONE, "洪山区花山街道办事处派员参加。",
     [("洪山区花山街道办事处", "武汉市洪山区花山街道办事处")]),
    ("province_office_known", WUHAN_ZONE, "省政务办到区调研。", [("省政务办", "湖北省政务管理办公室")]),
    ("registered_name_chained_once", LIANGSHAN, "邀请中国农业银行股份有限公司越西县支行参加。",
     [("中国农业银行股份有限公司越西县支行", "中国农业银行股份有限公司越西县支行")]),
    ("body_broken_by_line", HARBIN, "会同市市场监管局对道里区政务\n服务中心开展检查。",
     [("市市场监管局", "哈尔滨市市场监督管理局"), ("道里区政务\n服务中心", "哈尔滨市道里区政务服务中心")]),
    ("mutual_handling_is_a_verb", REGION, "与广东省互办事项1.2万件。", []),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


def test_region_loc_beside_mutual_handling():
    assert pick(tag("与云南省贵州省互办事项0.4万件。", REGION), "LOC") == [("云南省", "云南省"), ("贵州省", "贵州省")]


def test_college_school_is_a_unit():
    ents = [e for e in tag("邀请西昌学院彝语言文化学院专家授课。", LIANGSHAN).entities if e.label == "ORG"]
    assert [(e.norm, e.unit) for e in ents] == [("西昌学院", "彝语言文化学院")]


def test_bureau_of_zone_administration_is_a_unit():
    ents = [e for e in tag("西海岸新区管委会企业服务局开展服务。", "青岛市行政审批服务局").entities if e.label == "ORG"]
    assert [(e.norm, e.unit) for e in ents] == [("青岛西海岸新区管理委员会", "企业服务局")]


def test_zone_township_loc():
    assert pick(tag("在花山街道开展服务。", WUHAN_ZONE), "LOC") == [("花山街道", "湖北省武汉市东湖新技术开发区花山街道")]


PERSON_CASES = [
    ("yi_name_after_title", LIANGSHAN, "州人民政府副州长沙马拉则出席会议并讲话。", [("沙马拉则", "沙马拉则")]),
    ("yi_names_and_mention", LIANGSHAN, "副县长曲比阿果到现场调研，主任勒格尔古陪同。曲比阿果强调，要抓好落实。",
     [("曲比阿果", "曲比阿果"), ("勒格尔古", "勒格尔古"), ("曲比阿果", "曲比阿果")]),
    ("han_name_unchanged", LIANGSHAN, "副州长马海涛出席会议。", [("马海涛", "马海涛")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(PERSON_CASES))
def test_person(publisher, text, expected):
    assert pick(tag(text, publisher), "PERSON") == expected


POLICY_CASES = [
    ("title_broken_by_line", HARBIN, "印发《某市涉企行政检查“白\n名单”管理办法（试行）》。",
     [("某市涉企行政检查“白\n名单”管理办法（试行）", "某市涉企行政检查“白名单”管理办法（试行）")]),
    ("alias_broken_before_bracket", HARBIN, "印发《某市服务保障方案》（以下简称《保障方案\n》）。",
     [("某市服务保障方案", "某市服务保障方案"), ("保障方案", "保障方案")]),
    ("sentence_end_closes_no_title", HARBIN, "文中有《未闭合标题。另起一句话》。", []),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(POLICY_CASES))
def test_policy(publisher, text, expected):
    assert pick(tag(text, publisher), "POLICY") == expected
