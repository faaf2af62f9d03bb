"""Round-6 categories (held-out set 6: Tianjin, Nanjing, Kunming, Nanchong): foreign countries and
cities (places.tsv kinds ``country`` and ``foreign_city``), never as a language or nationality
(老挝语, 越南籍); international routes (中老铁路); zones named with a non-division prefix
(中新天津生态城) and their bodies; areas and venues by suffix (商圈, 大学城, 风景区, 都市圈,
国际机场, 南站); a city's 民族宗教委."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

KUNMING = "昆明市政务服务管理局"
TIANJIN = "天津市政务服务办公室"
NANJING = "南京市政务服务管理办公室"

LOC_CASES = [
    ("countries", KUNMING, "推动与老挝、越南、泰国、缅甸等周边国家开展合作。",
     [("老挝", "老挝"), ("越南", "越南"), ("泰国", "泰国"), ("缅甸", "缅甸")]),
    ("other_countries", NANJING, "组织企业赴德国、新加坡开展招商活动。", [("德国", "德国"), ("新加坡", "新加坡")]),
    ("language_is_no_place", KUNMING, "开设英语、老挝语、越南语、泰语窗口服务。", []),
    ("nationality_is_no_place", KUNMING, "为越南籍务工人员办理业务。", []),
    ("foreign_city", KUNMING, "开通昆明至万象的跨境服务专线。", [("昆明", "云南省昆明市"), ("万象", "万象")]),
    ("route", KUNMING, "服务中老铁路沿线企业。", [("中老铁路", "中老铁路")]),
    ("prefixed_zone", TIANJIN, "在中新天津生态城开展活动。", [("中新天津生态城", "中新天津生态城")]),
    ("business_area", KUNMING, "在南屏街商圈开展政务服务进商圈活动。", [("南屏街商圈", "南屏街商圈")]),
    ("scenic_area", KUNMING, "驿站设在石林风景区。", [("石林风景区", "石林风景区")]),
    ("metropolitan_area", NANJING, "推进南京都市圈政务服务通办。", [("南京都市圈", "南京都市圈")]),
    ("airport_station", KUNMING, "驿站设在昆明长水国际机场、昆明南站。",
     [("昆明长水国际机场", "昆明长水国际机场"), ("昆明南站", "昆明南站")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(LOC_CASES))
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


ORG_CASES = [
    ("prefixed_zone_centre", TIANJIN, "中新天津生态城政务服务中心开展培训。",
     [("中新天津生态城政务服务中心", "中新天津生态城政务服务中心")]),
    ("prefixed_zone_committee", TIANJIN, "中新天津生态城管委会召开会议。",
     [("中新天津生态城管委会", "中新天津生态城管理委员会")]),
    ("ethnic_religious_commission", KUNMING, "会同市民族宗教委开展服务。",
     [("市民族宗教委", "昆明市民族宗教事务委员会")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


NANCHONG = "南充市政务服务和公共资源交易服务中心"

TOWNSHIP_AND_REGION_CASES = [
    ("known_township_before_verb", NANCHONG, "顺庆区行政审批局在舞凤街道试点帮办代办服务模式。",
     [("舞凤街道", "四川省南充市顺庆区舞凤街道")]),
    ("known_townships_after_preposition", NANCHONG, "蓬安县政务服务中心对相如街道、锦屏镇等8个乡镇开展督导。",
     [("相如街道", "四川省南充市蓬安县相如街道"), ("锦屏镇", "四川省南充市蓬安县锦屏镇")]),
    ("quoted_city_group", TIANJIN, "在武清区召开“通武廊”政务服务一体化座谈会。",
     [("武清区", "天津市武清区"), ("通武廊", "通武廊")]),
    ("unquoted_city_group", NANJING, "宁镇扬各地政务服务中心将按月轮值。", [("宁镇扬", "宁镇扬")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(TOWNSHIP_AND_REGION_CASES))
def test_township_and_region(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected
