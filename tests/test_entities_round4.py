"""Round-4 categories (held-out set 4: Beijing, Guizhou, Deyang, a Chongqing district):
townships named again and nested, parks and areas, rivers and mountains, venues; official
names from short forms (name_expansions.tsv), a zone's administration, a municipality's
bodies, another province's bodies, units inside a bureau; names that are verbs, titles or
document numbers; hotlines, platforms and quoted names."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

BEIJING = "北京市政务服务和数据管理局"
GUIZHOU = "贵州省政务服务中心"
DEYANG = "德阳市政务服务和公共资源交易服务中心"
YUBEI = "重庆市渝北区政务服务管理办公室"


LOC_CASES = [
    # a township named in a place's context is named again anywhere
    ("township_again", YUBEI, "龙溪街道便民服务中心开展活动。截至目前，龙溪街道22个社区已配齐终端。下一步，龙溪街道将增设驿站。",
     [("龙溪街道", "重庆市渝北区龙溪街道"), ("龙溪街道", "重庆市渝北区龙溪街道")]),
    # a community right after its street, a village right after its town: one LOC each
    ("nested_township", YUBEI, "街道办事处在宝圣湖街道金港社区开展活动，在统景镇印盒村开展宣传。",
     [("宝圣湖街道", "重庆市渝北区宝圣湖街道"), ("金港社区", "重庆市渝北区宝圣湖街道金港社区"),
      ("统景镇", "重庆市渝北区统景镇"), ("印盒村", "重庆市渝北区统景镇印盒村")]),
    # 村级, 镇级: a level, no village
    ("village_level", GUIZHOU, "推行“村级帮办代办”机制，首批选聘村级帮办员360名。", []),
    # a city's short name right after a county it does not lie in starts a township's name
    ("county_then_township", GUIZHOU, "贵阳市政务服务中心在贵阳市观山湖区金华园街道启用示范点。",
     [("贵阳市", "贵州省贵阳市"), ("观山湖区", "贵州省贵阳市观山湖区"), ("金华园街道", "贵州省贵阳市观山湖区金华园街道")]),
    ("after_wei", "河南省行政审批和政务信息管理局", "为首阳山街道3个小区颁发证书。", [("首阳山街道", "首阳山街道")]),
    # parks, business districts, science cities, data valleys
    ("science_city", BEIJING, "市经济和信息化局在中关村科学城召开座谈会，昌平区在未来科学城启用驿站。",
     [("中关村科学城", "中关村科学城"), ("昌平区", "北京市昌平区"), ("未来科学城", "未来科学城")]),
    ("business_district", BEIJING, "丰台区市场监管局走访丽泽金融商务区18家企业。",
     [("丽泽金融商务区", "丽泽金融商务区")]),
    ("cbd_not_org", BEIJING, "朝阳区政务服务和数据管理局在北京商务中心区开通专窗。",
     [("北京商务中心区", "北京商务中心区")]),
    ("sub_centre", BEIJING, "通州区政务服务和数据管理局在北京城市副中心召开会议，围绕城市副中心重大项目建设组建专班。",
     [("北京城市副中心", "北京城市副中心"), ("城市副中心", "北京城市副中心")]),
    ("airport_zone", BEIJING, "大兴区在北京大兴国际机场临空经济区开通服务。",
     [("大兴区", "北京市大兴区"), ("北京大兴国际机场临空经济区", "北京大兴国际机场临空经济区")]),
    ("data_valley", YUBEI, "仙桃街道办事处在仙桃国际大数据谷启用服务站。", [("仙桃国际大数据谷", "仙桃国际大数据谷")]),
    ("data_valley_short", DEYANG, "旌阳区政务服务中心在德阳天府数谷开通驿站。",
     [("德阳天府数谷", "德阳天府数谷")]),
    # a zone of a district's bulletin named without its city, named twice
    ("district_bare_zone", YUBEI, "区住房城乡建委在临空经济示范区试点审批模式。推动临空经济示范区企业开办。",
     [("临空经济示范区", "临空经济示范区"), ("临空经济示范区", "临空经济示范区")]),
    # an area named after a river or a mountain range
    ("river_basin", GUIZHOU, "两地就赤水河流域企业登记事项开展协作，在武陵山区召开联席会议。",
     [("赤水河流域", "赤水河流域"), ("武陵山区", "武陵山区")]),
    ("river", GUIZHOU, "沿乌江布局产业。", [("乌江", "乌江")]),
    # venues; a generic venue word is no name
    ("museum", DEYANG, "广汉市政务服务中心在三星堆博物馆新馆启用驿站。",
     [("三星堆博物馆新馆", "三星堆博物馆新馆")]),
    ("generic_venue", DEYANG, "在图书馆举办讲座。", []),
    ("civic_centre", DEYANG, "全市工作会议在市行政中心召开。", [("市行政中心", "市行政中心")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(LOC_CASES))
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


def test_civic_centre_is_no_org():
    assert pick(tag("全市工作会议在市行政中心召开。", DEYANG), "ORG") == []


ORG_CASES = [
    # short parts of a name in full (name_expansions.tsv); 教委 is a short form of its own
    ("expand_beijing", BEIJING, "市规划自然资源委、市城市管理委、市住房城乡建设委联合发布通知。",
     [("市规划自然资源委", "北京市规划和自然资源委员会"), ("市城市管理委", "北京市城市管理委员会"),
      ("市住房城乡建设委", "北京市住房和城乡建设委员会")]),
    ("expand_district", YUBEI, "区规划自然资源局会同区住房城乡建委开展验收。",
     [("区规划自然资源局", "重庆市渝北区规划和自然资源局"), ("区住房城乡建委", "重庆市渝北区住房和城乡建设委员会")]),
    ("short_form_kept", "宜宾市人民政府", "市教委参加。", [("市教委", "宜宾市教委")]),
    # a zone's administration by the zone's official name; its other bodies as written
    ("zone_admin", DEYANG, "送：德阳高新区管委会、德阳经开区管委会，德阳高新区政务服务中心。",
     [("德阳高新区管委会", "德阳高新技术产业开发区管理委员会"), ("德阳经开区管委会", "德阳经济技术开发区管理委员会"),
      ("德阳高新区政务服务中心", "德阳高新区政务服务中心")]),
    ("named_zone_admin", GUIZHOU, "贵安新区管委会批复方案，贵安新区政务服务中心参加。",
     [("贵安新区管委会", "贵州贵安新区管理委员会"), ("贵安新区政务服务中心", "贵安新区政务服务中心")]),
    ("science_city_admin", BEIJING, "怀柔区政务服务中心联合怀柔科学城管委会开展服务。",
     [("怀柔区政务服务中心", "北京市怀柔区政务服务中心"), ("怀柔科学城管委会", "怀柔科学城管理委员会")]),
    # the zone's kind word alone names it again in its paragraph
    ("zone_named_again", GUIZHOU, "贵安新区围绕数据中心集群建设，组建由新区政务服务中心牵头的专班。",
     [("新区政务服务中心", "贵安新区政务服务中心")]),
    # a municipality's bodies: 局 or 委员会, never 厅; a district mirrors them
    ("municipal_list", BEIJING, "推动公安、民政、人社等部门数据回流。",
     [("公安", "北京市公安局"), ("民政", "北京市民政局"), ("人社", "北京市人力资源和社会保障局")]),
    ("district_list", YUBEI, "推动规划、住建、消防等部门联合验收。",
     [("规划", "重庆市渝北区规划和自然资源局"), ("住建", "重庆市渝北区住房和城乡建设委员会"),
      ("消防", "重庆市渝北区消防救援支队")]),
    ("county_fire_brigade", "长宁县人民政府", "结合公安、消防等部门意见。",
     [("公安", "长宁县公安局"), ("消防", "长宁县消防救援大队")]),
    ("big_data_bureau", GUIZHOU, "省大数据局会同省发展改革委召开会议。",
     [("省大数据局", "贵州省大数据发展管理局"), ("省发展改革委", "贵州省发展和改革委员会")]),
    ("district_mirrors_city", YUBEI, "市大数据发展局到区大数据发展局调研。",
     [("市大数据发展局", "重庆市大数据应用发展管理局"), ("区大数据发展局", "重庆市渝北区大数据应用发展管理局")]),
    # another province's body keeps its written prefix; a people's government is named from its division
    ("other_province_prefix", GUIZHOU, "铜仁市政务服务中心与湖南省怀化市政务服务中心、重庆市秀山土家族苗族自治县政务服务中心召开会议。",
     [("铜仁市政务服务中心", "铜仁市政务服务中心"), ("湖南省怀化市政务服务中心", "湖南省怀化市政务服务中心"),
      ("重庆市秀山土家族苗族自治县政务服务中心", "重庆市秀山土家族苗族自治县政务服务中心")]),
    # a bare 市 in a province's bulletin: the city named last in its sentence
    ("city_before", GUIZHOU, "遵义市坚持综合受理，将市政务服务中心原有专窗整合。", [("市政务服务中心", "遵义市政务服务中心")]),
    ("city_unknown", GUIZHOU, "市政务服务中心参加。", [("市政务服务中心", "市政务服务中心")]),
    # the publisher's long short form ends a name before any word
    ("publisher_before_word", DEYANG, "并报市政务服务中心备案。", [("市政务服务中心", DEYANG)]),
    # enterprises: a bracketed word inside, an exchange, a bank by its official name
    ("bracketed_group", GUIZHOU, "走访贵州磷化（集团）有限责任公司。",
     [("贵州磷化（集团）有限责任公司", "贵州磷化（集团）有限责任公司")]),
    ("exchange", BEIJING, "在北京国际大数据交易所召开发布会。", [("北京国际大数据交易所", "北京国际大数据交易所")]),
    ("bank", BEIJING, "会上，北京银行与机构签约。", [("北京银行", "北京银行股份有限公司")]),
    ("bank_branch_province", GUIZHOU, "联合中国建设银行贵州省分行启用驿站。",
     [("中国建设银行贵州省分行", "中国建设银行股份有限公司贵州省分行")]),
    ("county_grid_company", DEYANG, "联合国网绵竹市供电公司开展活动。",
     [("国网绵竹市供电公司", "国网四川省电力公司绵竹市供电公司")]),
    ("enterprise_after_wei", DEYANG, "现场为四川旌晟重型装备有限公司颁发证书。",
     [("四川旌晟重型装备有限公司", "四川旌晟重型装备有限公司")]),
    # a party office by its short name
    ("party_office", YUBEI, "联合区委督查办开展暗访。", [("区委督查办", "中共重庆市渝北区委督查办公室")]),
    # two bodies in a list, not one name
    ("listed_bodies", DEYANG, "什邡市和市住建局作交流发言。", [("市住建局", "德阳市住房和城乡建设局")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


UNIT_CASES = [
    ("bureau_in_department", GUIZHOU, "省公安厅出入境管理局调整签注流程。", ("省公安厅出入境管理局", "贵州省公安厅", "出入境管理局")),
    ("brigade_in_bureau", DEYANG, "市公安局交警支队在大厅开通业务。", ("市公安局交警支队", "德阳市公安局", "交警支队")),
    ("office_before_youguan", DEYANG, "邀请省发展改革委法规处有关负责同志授课。",
     ("省发展改革委法规处", "四川省发展和改革委员会", "法规处")),
    ("bureau_in_bureau", None, "成都市公安局交通管理局开展整治。", ("成都市公安局交通管理局", "成都市公安局", "交通管理局")),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(UNIT_CASES))
def test_unit(publisher, text, expected):
    assert [(e.text, e.norm, e.unit) for e in tag(text, publisher).entities if e.label == "ORG"] == [expected]


NOT_ORG_CASES = [
    ("title", GUIZHOU, "省委常委、副省长吴立宏到省政务服务中心调研。", ["省政务服务中心"]),
    ("consultation", GUIZHOU, "召开川黔视频会商会。", []),
    ("patients_hospital", GUIZHOU, "参保群众在就诊医院即可完成认定。", []),
    ("zone_verb", GUIZHOU, "贵安新区打造数据中心项目全周期服务链。", []),
    ("online_handling", BEIJING, "北京市政务服务网全程网办148.3万件。", []),
    ("verb_ban_forms", DEYANG, "邻水县群众办事更方便，德阳直接办理，德阳高新区办件362件。", []),
    ("document_number", YUBEI, "印发《工作方案》（渝北府办发〔2025〕57号）。", []),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(NOT_ORG_CASES))
def test_not_org(publisher, text, expected):
    assert [e.text for e in tag(text, publisher).entities if e.label == "ORG"] == expected


INITIATIVE_CASES = [
    # a hotline by its number; a leading 市/区 stays outside
    ("hotline", BEIJING, "10月，12345市民服务热线共受理诉求186.2万件。", ["12345市民服务热线"]),
    ("hotline_prefixed", YUBEI, "区12345政务服务便民热线受理诉求，12345热线回访群众。", ["12345政务服务便民热线", "12345热线"]),
    # unquoted platforms
    ("online_hall", YUBEI, "区大数据发展局在重庆市网上办事大厅开通专区。", ["重庆市网上办事大厅"]),
    ("trading_site", DEYANG, "投标人可通过四川省公共资源交易信息网远程签到。", ["四川省公共资源交易信息网"]),
    ("online_site", BEIJING, "北京市政务服务网全程网办148.3万件。", ["北京市政务服务网"]),
    # 全省/全市 + a platform is every platform there; a named system stays a name
    ("every_platform", DEYANG, "全市公共资源交易平台完成交易163宗。", []),
    ("sector", GUIZHOU, "举办全省市场监管系统业务培训班。", []),
    ("named_system", GUIZHOU, "依托全省工程建设项目审批管理系统办理。", ["全省工程建设项目审批管理系统"]),
    # quoted names
    ("app_quoted", BEIJING, "“京通”“京办”运行平稳。", ["京通", "京办"]),
    ("short_name_unquoted", BEIJING, "在北京通州办理业务。", []),
    ("linked_mechanism", YUBEI, "建立“异地收件、属地办理”协作机制。", ["异地收件、属地办理"]),
    ("built_on_known", DEYANG, "探索“帮办代办进村组”模式。", ["帮办代办进村组"]),
    ("service_port", BEIJING, "在“亦企服务港”开展活动。", ["亦企服务港"]),
    ("manner", DEYANG, "建立数据共享需求“清单式”管理机制。", []),
    ("theme", YUBEI, "开展“优化营商环境”专题视察。", []),
    ("programme", BEIJING, "召开“每月一题”专题调度会，推动“接诉即办”向“未诉先办”延伸。", ["每月一题", "接诉即办", "未诉先办"]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(INITIATIVE_CASES))
def test_initiative(publisher, text, expected):
    assert [e.text for e in tag(text, publisher).entities if e.label == "INITIATIVE"] == expected


@pytest.mark.parametrize(
    ("text", "publisher", "org"),
    [
        ("3月5日，市农业农村局开展政策宣讲。", DEYANG, "德阳市农业农村局"),
        ("3月5日，毕节市农业农村局联合省政务服务中心开展培训。", GUIZHOU, "毕节市农业农村局"),
        ("3月5日，密云区农业农村局开展服务。", BEIJING, "北京市密云区农业农村局"),
        ("3月5日，区住房城乡建委开展服务。", YUBEI, "重庆市渝北区住房和城乡建设委员会"),
    ],
)
def test_rural_and_urban_words_end_no_township_but_stay_inside_bodies(text: str, publisher: str, org: str) -> None:
    doc = tag(text, publisher)
    assert org in [norm for _, norm in pick(doc, "ORG")]
    assert not any(t.endswith(("农村", "城乡")) for t, _ in pick(doc, "LOC"))
