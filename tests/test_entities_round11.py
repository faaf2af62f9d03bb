"""Round-11 categories (held-out set 11: Hefei, Urumqi, Panzhihua, Shenyang): a name after a
space that follows its title; transcribed names with a middle dot (Uyghur, Kazakh); a quoted
app's name; official names of zones, regions and cross-area programmes."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

KASHGAR = "喀什地区政务服务和公共资源交易中心"
DALIAN = "大连市行政审批局"

PERSON_CASES = [
    ("space_after_title", DALIAN, "副市长 张晓东出席会议并讲话。", [("张晓东", "张晓东")]),
    ("spaces_after_titles", DALIAN, "局长 王强、副局长 陈丽陪同。", [("王强", "王强"), ("陈丽", "陈丽")]),
    ("dotted_name", KASHGAR, "中心主任阿不力克木·吐尔洪主持会议。", [("阿不力克木·吐尔洪", "阿不力克木·吐尔洪")]),
    # a single-character word after names inside the last part (来): a two-character word ends it
    ("dotted_name_before_group", KASHGAR, "副主任 努尔古丽·阿布来提一行到疏附县调研。",
     [("努尔古丽·阿布来提", "努尔古丽·阿布来提")]),
    ("dotted_name_katakana_dot", KASHGAR, "副县长买合木提・肉孜带领工作组检查。", [("买合木提・肉孜", "买合木提・肉孜")]),
    # the last part ends before a place found first
    ("dotted_name_before_place", KASHGAR, "副主任艾力·吾买尔到疏附县调研。艾力·吾买尔指出，要抓好落实。",
     [("艾力·吾买尔", "艾力·吾买尔"), ("艾力·吾买尔", "艾力·吾买尔")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(PERSON_CASES))
def test_person(publisher, text, expected):
    assert pick(tag(text, publisher), "PERSON") == expected


INITIATIVE_CASES = [
    ("quoted_app", KASHGAR, "群众可通过“新疆政务服务”APP查询进度。", [("新疆政务服务", "新疆政务服务")]),
    ("quoted_app_mixed_case", DALIAN, "下载“辽宁政务服务”App即可办理。", [("辽宁政务服务", "辽宁政务服务")]),
    ("cross_area_programmes", KASHGAR, "推动“兵地通办”“跨市通办”扩面。", [("兵地通办", "兵地通办"), ("跨市通办", "跨市通办")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(INITIATIVE_CASES))
def test_initiative(publisher, text, expected):
    assert pick(tag(text, publisher), "INITIATIVE") == expected


def test_zone_short_name_and_admin():
    doc = tag("沈抚示范区管委会在沈抚示范区召开推进会。", DALIAN)
    assert pick(doc, "ORG") == [("沈抚示范区管委会", "沈抚改革创新示范区管理委员会")]
    assert pick(doc, "LOC") == [("沈抚示范区", "沈抚改革创新示范区")]


def test_region_name():
    assert pick(tag("深化攀西地区政务服务协作。", "攀枝花市政务服务和公共资源交易服务中心"), "LOC") == [
        ("攀西地区", "攀西地区")]
