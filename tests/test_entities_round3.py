"""Round-3 categories: publisher short forms with a cut head, autonomous prefectures,
zones named without their city, chains before a body, university schools, quoted reforms."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, tag

ORG_CASES = [
    # the publisher's short form keeps its body's characters in order and cuts its head to 办
    ("publisher_cut_head", "无锡市政务服务管理办公室", "6月3日，市政务办组织窗口人员培训。",
     [("市政务办", "无锡市政务服务管理办公室")]),
    ("publisher_cut_head_province", "安徽省政务管理办公室", "省政务办会同省公安厅召开会议。",
     [("省政务办", "安徽省政务管理办公室"), ("省公安厅", "安徽省公安厅")]),
    # the same body one level up: 省政务办 in a city office's bulletin
    ("publisher_other_level", "无锡市政务服务管理办公室", "市政务办向省政务办报送材料。",
     [("市政务办", "无锡市政务服务管理办公室"), ("省政务办", "江苏省政务服务管理办公室")]),
    # 政办 keeps too little of the body to stand for it
    ("publisher_too_short", "无锡市政务服务管理办公室", "市政办印发通知。", [("市政办", "无锡市政办")]),
    # a province's own institution under a short name is not carried to another province
    ("institution_other_province", "湖南省政务管理办公室", "省政务服务中心开展培训。",
     [("省政务服务中心", "湖南省政务服务中心")]),
    # a prefecture's short form and a bare 州 after it, in a province's bulletin
    ("prefecture_short_form", "贵州省政务服务中心", "黔东南州政务服务中心联合州人社局、州医保局开展活动。",
     [("黔东南州政务服务中心", "黔东南苗族侗族自治州政务服务中心"),
      ("州人社局", "黔东南苗族侗族自治州人力资源和社会保障局"),
      ("州医保局", "黔东南苗族侗族自治州医疗保障局")]),
    # a body of a county named with its province is named from the county
    ("chain_county_body", "苏州市政务服务管理办公室", "江苏省昆山市、浙江省桐乡市政府参加签约。",
     [("浙江省桐乡市政府", "桐乡市人民政府")]),
    # a school of a university is a unit
    ("university_school", "湖北省政务管理办公室", "邀请武汉理工大学管理学院专家授课。",
     [("武汉理工大学管理学院", "武汉理工大学")]),
    # a bare 区 goes on naming the one district of its item, past the sentence; not with two
    ("item_district", "青岛市行政审批服务局",
     "4.城阳区政府副区长到城阳区政务服务中心值守。区长要求，区行政审批服务局跟踪办理。\n5.区民政局参加。",
     [("城阳区政府", "青岛市城阳区人民政府"), ("城阳区政务服务中心", "青岛市城阳区政务服务中心"),
      ("区行政审批服务局", "青岛市城阳区行政审批服务局"), ("区民政局", "区民政局")]),
    ("item_two_districts", "青岛市行政审批服务局", "4.城阳区和黄岛区政务服务中心值守。区长要求，区行政审批服务局跟踪办理。",
     [("黄岛区政务服务中心", "青岛市黄岛区政务服务中心"), ("区行政审批服务局", "区行政审批服务局")]),
    # a bare prefix before a free suffix: the city's body, not the name as written
    ("bare_prefix_school", "无锡市政务服务管理办公室", "邀请市行政学院教师授课。", [("市行政学院", "无锡市行政学院")]),
    # every county's body after 各区县 is no body of the province
    ("every_county_body", "湖州市大数据发展管理局", "送：省数据局，各区县数据局。", [("省数据局", "浙江省数据局")]),
    # a city's or county's State Grid company by its official name (a county as written)
    ("grid_company", "洛阳市政务服务中心", "联合国网洛阳供电公司、国网长兴县供电公司开展。",
     [("国网洛阳供电公司", "国网河南省电力公司洛阳供电公司"), ("国网长兴县供电公司", "国网浙江省电力公司长兴县供电公司")]),
    # an association's short name after a city
    ("association_short", "苏州市政务服务管理办公室", "常熟市台协组织企业座谈。",
     [("常熟市台协", "常熟市台湾同胞投资企业协会")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ORG_CASES])
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


def test_university_school_unit():
    doc = tag("邀请武汉理工大学管理学院专家授课。", "湖北省政务管理办公室")
    (org,) = [e for e in doc.entities if e.label == "ORG"]
    assert org.unit == "管理学院"


LOC_CASES = [
    # a zone named after the home city is written without it in that city's bulletin
    ("home_zone_loc", "苏州市政务服务管理办公室", "，工业园区受理 2.1万件。", [("工业园区", "苏州工业园区")]),
    ("home_zone_other_city", "无锡市政务服务管理办公室", "，工业园区受理 2.1万件。", []),
    # a zone of the home city without its name, after a place cue, and again later
    ("bare_zone", "德阳市政务服务和大数据管理局", "市税务局在凯州新区开展活动。5.凯州新区完成申报。",
     [("凯州新区", "凯州新区"), ("凯州新区", "凯州新区")]),
    ("bare_zone_generic", "德阳市政务服务和大数据管理局", "市税务局在全市新区开展活动。", []),
    # a kind of zone is no name; a name said once with nothing after it is too little evidence
    ("bare_zone_kind", "德阳市政务服务和大数据管理局", "在重点产业园区设立专窗，在现代农业产业园区调研。", []),
    ("bare_zone_once", "德阳市政务服务和大数据管理局", "市税务局在凯州新区开展活动。", []),
    ("bare_zone_not_a_body", "德阳市政务服务和大数据管理局", "在城市新区布局网点。", []),
    ("historic_block", "成都市政务服务管理和网络理政办公室", "在宽窄巷子历史文化街区启用驿站。",
     [("宽窄巷子历史文化街区", "宽窄巷子历史文化街区")]),
    ("long_named_zone", "上海市青浦区政务服务中心", "深化长三角生态绿色一体化发展示范区合作。",
     [("长三角生态绿色一体化发展示范区", "长三角生态绿色一体化发展示范区")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in LOC_CASES])
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


ZONE_BODY_CASES = [
    ("home_zone_body", "苏州市政务服务管理办公室", "8月5日，工业园区行政审批局发放许可证。",
     ("工业园区行政审批局", "苏州工业园区行政审批局")),
    ("bare_zone_body", "德阳市政务服务和大数据管理局", "市税务局在凯州新区开展活动。凯州新区政务服务中心参加。",
     ("凯州新区政务服务中心", "德阳市凯州新区政务服务中心")),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in ZONE_BODY_CASES])
def test_zone_body(publisher, text, expected):
    assert expected in pick(tag(text, publisher), "ORG")


INITIATIVE_CASES = [
    ("at_once_long", "对重点项目实行“联合验收即发证”，时间缩短。", ["联合验收即发证"]),
    ("shaped_before_mode", "全面采用“不见面审批”方式办理。", ["不见面审批"]),
    ("listed_reform_mode", "推行“前台统一受理、后台并联审批”模式，效率提升。", ["前台统一受理、后台并联审批"]),
    ("slogan_without_name_word", "推行“上下联动、左右协同”，效率提升。", []),
    ("first_lesson", "为新办企业开展“创业第一课”培训。", ["创业第一课"]),
    ("guidance_after", "向新办纳税人开展“税费起步”涉税辅导。", ["税费起步"]),
    ("known_reform", "办理“带押过户”业务 30件。", ["带押过户"]),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(*r[1:], id=r[0]) for r in INITIATIVE_CASES])
def test_initiative(text, expected):
    assert [e.norm for e in tag(text).entities if e.label == "INITIATIVE"] == expected
