"""Round-7 categories (held-out set 7: Pudong, Hunan, Fucheng, Xiamen): the home district's short
form in any context (not in an issuer's code: 武侯府办发〔…〕); listed townships whose name ends like
a division (工业区街道) after any break word; a 村 turned community (新村社区); venues by suffix
(会议展览中心 as a place, not a body; 步行街, 码头), 台商投资区; zones whose official names hold
brackets (printed full-width); department short names (建交委, 绿化市容局, 台港澳办,
文化体育旅游局); a branch bureau (X局 + Y分局) before 推行; a bare prefix after 协调."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

WUHOU = "成都市武侯区行政审批局"
MINHANG = "上海市闵行区行政服务中心"
FUZHOU = "福州市行政审批服务局"
XIAMEN = "厦门市行政审批管理局"

LOC_CASES = [
    ("home_district_alone", WUHOU, "武侯要加快建设数字政府。", [("武侯", "四川省成都市武侯区")]),
    ("home_district_modifier", WUHOU, "“天府通办”武侯分站上线新事项。", [("武侯", "四川省成都市武侯区")]),
    ("home_district_issuer_code", WUHOU, "印发《实施方案》（武侯府办发〔2025〕3号）。", []),
    ("listed_township_like_division", "丰镇市政务服务中心", "走访工业区街道企业。",
     [("工业区街道", "内蒙古自治区乌兰察布市丰镇市工业区街道")]),
    ("village_community", MINHANG, "区医保局在莘庄新村社区开展活动。", [("莘庄新村社区", "上海市闵行区莘庄新村社区")]),
    ("community_before_pilot", MINHANG, "中心在莘庄新村社区试点延伸服务。", [("莘庄新村社区", "上海市闵行区莘庄新村社区")]),
    ("expo_centre_is_a_place", FUZHOU, "在福州海峡国际会议展览中心举办招聘会。",
     [("福州海峡国际会议展览中心", "福州海峡国际会议展览中心")]),
    ("pedestrian_street", FUZHOU, "在三坊七巷步行街开展政策宣传。", [("三坊七巷步行街", "三坊七巷步行街")]),
    ("pier", FUZHOU, "在马尾客运码头开通服务点。", [("马尾客运码头", "马尾客运码头")]),
    ("taiwan_investment_zone", XIAMEN, "集美台商投资区设立服务站。", [("集美台商投资区", "集美台商投资区")]),
    ("bracketed_official_zone", XIAMEN, "厦门自贸片区新设企业 120家。",
     [("厦门自贸片区", "中国（福建）自由贸易试验区厦门片区")]),
    ("named_region", "长沙市数据资源管理局", "推进湘赣边区域合作示范区建设。", [("湘赣边", "湘赣边")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(LOC_CASES))
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


ORG_CASES = [
    ("construction_transport_commission", MINHANG, "区建交委开展检查。", [("区建交委", "上海市闵行区建设和交通委员会")]),
    ("greening_bureau", MINHANG, "区绿化市容局开展检查。", [("区绿化市容局", "上海市闵行区绿化和市容管理局")]),
    ("culture_sports_tourism", MINHANG, "区文化体育旅游局开展检查。",
     [("区文化体育旅游局", "上海市闵行区文化体育和旅游局")]),
    ("taiwan_affairs_office", FUZHOU, "会同市台港澳办开展服务。", [("市台港澳办", "福州市人民政府台港澳事务办公室")]),
    ("zone_committee_bracketed", "上海市浦东新区行政服务中心", "临港新片区管委会召开会议。",
     [("临港新片区管委会", "中国（上海）自由贸易试验区临港新片区管理委员会")]),
    ("bare_prefix_after_coordinate", WUHOU, "区行政审批局将协调市发展改革委开展工作。",
     [("区行政审批局", "成都市武侯区行政审批局"), ("市发展改革委", "成都市发展和改革委员会")]),
    ("unit_inside_body_name", "四川省政务服务和公共资源交易服务中心", "省司法厅行政执法协调监督处参加。",
     [("省司法厅行政执法协调监督处", "四川省司法厅")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


def test_branch_bureau_before_verb():
    doc = tag("市规划和自然资源局青羊分局推行“多测合一”。", WUHOU)
    orgs = [(e.text, e.norm, e.unit) for e in doc.entities if e.label == "ORG"]
    assert orgs == [("市规划和自然资源局青羊分局", "成都市规划和自然资源局", "青羊分局")]


@pytest.mark.parametrize(("text", "name"), [
    ("市政务服务中心主任李华陪同调研。", "李华"),
    ("副市长王强陪同考察。", "王强"),
    ("副局长张小明陪同。", "张小明"),
    ("区长李红同志出席。", "李红"),
])
def test_person_before_a_word_after_names(text, name):
    # 陪同 after a two-character name is not the name's third character plus 同
    assert [e.text for e in tag(text, XIAMEN).entities if e.label == "PERSON"] == [name]
