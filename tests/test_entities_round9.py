"""Round-9 categories (held-out set 9: Lanzhou, Ganzhou, Dazhou, Hohhot): Mongolian names without a
surname; 苏木 and 嘎查 as township units and listed township names longer than four characters or
holding a conjunction; a place + 籍 as a native place; a city's counties by their short form before
a platform's branch; named routes, scenic belts and stations; a bank named by its division; a
registered company's branch; desk names before or in 专窗/专席; slogans with a modifier; counts
inside unquoted platform names."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

HOHHOT = "呼和浩特市政务服务与数据管理局"
LANZHOU = "兰州市政务服务中心"
GANZHOU = "赣州市行政审批局"

PERSON_CASES = [
    ("mongolian_name_one_part", HOHHOT, "副局长其木格带队调研。", [("其木格", "其木格")]),
    ("mongolian_name_two_parts", HOHHOT, "盟行政审批局副局长额尔敦巴雅尔出席。", [("额尔敦巴雅尔", "额尔敦巴雅尔")]),
    ("mongolian_name_after_professor", HOHHOT, "某大学教授斯琴高娃现场授课。", [("斯琴高娃", "斯琴高娃")]),
    ("surname_reading_first", HOHHOT, "副局长孟和平到会。", [("孟和平", "孟和平")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(PERSON_CASES))
def test_person(publisher, text, expected):
    assert pick(tag(text, publisher), "PERSON") == expected


LOC_CASES = [
    ("sumu_township", HOHHOT, "在朝克乌拉苏木开展调研。", [("朝克乌拉苏木", "朝克乌拉苏木")]),
    ("listed_long_township", HOHHOT, "新城区在成吉思汗大街街道开展活动。",
     [("新城区", "内蒙古自治区呼和浩特市新城区"), ("成吉思汗大街街道", "内蒙古自治区呼和浩特市新城区成吉思汗大街街道")]),
    ("listed_township_with_conjunction", LANZHOU, "在和平镇设立驿站。", [("和平镇", "甘肃省兰州市榆中县和平镇")]),
    ("listed_township_like_generic", LANZHOU, "永登县在连城镇开展服务。",
     [("永登县", "甘肃省兰州市永登县"), ("连城镇", "甘肃省兰州市永登县连城镇")]),
    ("generic_small_town", LANZHOU, "在小城镇开展服务。", []),
    ("native_place", GANZHOU, "服务在外务工的吉安籍群众。", []),
    ("county_short_before_platform_branch", GANZHOU, "在“赣服通”兴国分厅开通服务。", [("兴国", "江西省赣州市兴国县")]),
    ("county_short_word_elsewhere", GANZHOU, "坚持科技兴国。", []),
    ("zone_before_verb", LANZHOU, "兰州新区作为国家级新区，持续深化改革。", [("兰州新区", "兰州新区")]),
    ("city_after_cover_verb", LANZHOU, "合作城市涵盖西安、银川。", [("西安", "陕西省西安市"), ("银川", "宁夏回族自治区银川市")]),
    ("scenic_belt", LANZHOU, "在黄河风情线开展宣传。", [("黄河风情线", "黄河风情线")]),
    ("station", LANZHOU, "在兰州西客站设立窗口。", [("兰州西客站", "兰州西客站")]),
    ("named_route", LANZHOU, "与丝绸之路沿线城市合作。", [("丝绸之路", "丝绸之路")]),
    ("bay_area_short", GANZHOU, "对接大湾区产业转移。", [("大湾区", "粤港澳大湾区")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(LOC_CASES))
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


ORG_CASES = [
    ("sumu_body", HOHHOT, "到锡林浩特市朝克乌拉苏木便民服务中心调研。",
     [("锡林浩特市朝克乌拉苏木便民服务中心", "锡林浩特市朝克乌拉苏木便民服务中心")]),
    ("township_body_with_conjunction", LANZHOU, "在和平镇便民服务中心设立驿站。",
     [("和平镇便民服务中心", "榆中县和平镇便民服务中心")]),
    ("division_bank", LANZHOU, "与甘肃银行签署协议。", [("甘肃银行", "甘肃银行股份有限公司")]),
    ("partner_bank_generic", LANZHOU, "活动中，合作银行现场介绍产品。", []),
    ("registered_company_branch", HOHHOT, "联合某某电力（集团）有限责任公司包头供电分公司走访企业。",
     [("某某电力（集团）有限责任公司包头供电分公司", "某某电力（集团）有限责任公司包头供电分公司")]),
    ("listed_bank_branch_unchanged", HOHHOT, "与中国银行包头分行合作。", [("中国银行包头分行", "中国银行股份有限公司包头分行")]),
    ("zone_administration", LANZHOU, "兰州新区管委会召开会议。", [("兰州新区管委会", "兰州新区管理委员会")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


INITIATIVE_CASES = [
    ("name_before_desk", HOHHOT, "区政务服务中心启用“双语通办”专窗 4 个。", [("双语通办", "双语通办")]),
    ("desk_in_quote", LANZHOU, "本周，热线“企业专席”受理诉求 12件。", [("企业专席", "企业专席")]),
    ("modifier_phrase_is_slogan", LANZHOU, "打造“园区身边的企业服务港”。", []),
    ("short_name_with_de_stays", LANZHOU, "推广“我的南京”应用。", [("我的南京", "我的南京")]),
    ("count_inside_platform_name", LANZHOU, "市数据局对全市 3 8个政务信息系统开展检查。", []),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(INITIATIVE_CASES))
def test_initiative(publisher, text, expected):
    assert pick(tag(text, publisher), "INITIATIVE") == expected


def test_university_school_with_conjunction_is_a_unit():
    ents = [e for e in tag("市数据局与兰州大学信息科学与工程学院签署协议。", LANZHOU).entities if e.label == "ORG"]
    assert [(e.norm, e.unit) for e in ents] == [("兰州市数据局", None), ("兰州大学", "信息科学与工程学院")]
