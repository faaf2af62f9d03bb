"""Round-5 categories (held-out set 5: Zhejiang, Xi'an, Leshan, Shenzhen Nanshan): venues and
areas by their suffix (景区, 商贸城, 总部基地, 口岸, 母港, 网谷, 港务区, 科技中心 ...), a division's
name inside a longer place (峨 + 眉山 + 景区), a zone's kind word alone in its city's bulletin
(高新区) and its bodies, the home district's short form as a modifier (南山专区), townships named
short in a list (粤海、蛇口等街道) or resolved to the county that holds them (townships.tsv); official
names (资源规划局, 住房建设局, 政务服务数据管理局, customs, a government's 督查室, the SAR governments,
a city's branches in its districts of branches.tsv, districts' hospitals); quoted names by shape
and cue (plus shapes, 一键, …制度, …地图) and slogans (加速度, 开门即能办, 不打烊, 足不出港)."""

from __future__ import annotations

import pytest

from tests.test_entities import pick, rows, tag

ZHEJIANG = "浙江省政务服务中心"
XIAN = "西安市行政审批服务局"
LESHAN = "乐山市政务服务和公共资源交易服务中心"
NANSHAN = "深圳市南山区政务服务和数据管理局"


LOC_CASES = [
    # a division's name inside a longer place: the longer place wins (峨 + 眉山 + 景区, 乐山 + 大佛景区)
    ("scenic_areas", LESHAN, "涉旅诉求主要集中在峨眉山景区、乐山大佛景区门票预约等方面。",
     [("峨眉山景区", "峨眉山景区"), ("乐山大佛景区", "乐山大佛景区")]),
    # found once after a place cue, a long name is found again anywhere
    ("scenic_area_again", LESHAN, "在峨眉山景区启用驿站。指导做好峨眉山景区值守。",
     [("峨眉山景区", "峨眉山景区"), ("峨眉山景区", "峨眉山景区")]),
    ("proper_name_with_da", LESHAN, "金口河区行政审批局深入大瓦山景区周边开展上门服务。",
     [("大瓦山景区", "大瓦山景区")]),
    ("kind_of_area", LESHAN, "在旅游景区设置服务点，在大型产业园开展活动。", []),
    ("trade_city", ZHEJIANG, "在义乌国际商贸城设立驿站，在中国轻纺城开展活动。",
     [("义乌国际商贸城", "义乌国际商贸城"), ("中国轻纺城", "中国轻纺城")]),
    ("headquarters_base", NANSHAN, "走访深圳湾超级总部基地重点企业，在留仙洞总部基地试点审批模式。",
     [("深圳湾超级总部基地", "深圳湾超级总部基地"), ("留仙洞总部基地", "留仙洞总部基地")]),
    ("port_old_town_valley", NANSHAN, "在深圳湾口岸举行仪式，在太子湾邮轮母港开展活动，在南头古城召开座谈会，在蛇口网谷召开早餐会。",
     [("深圳湾口岸", "深圳湾口岸"), ("太子湾邮轮母港", "太子湾邮轮母港"), ("南头古城", "南头古城"),
      ("蛇口网谷", "蛇口网谷")]),
    ("industrial_base", LESHAN, "走访五通桥新型工业基地 15家化工企业。", [("五通桥新型工业基地", "五通桥新型工业基地")]),
    ("port_zone", XIAN, "市发改委批复西安国际港务区项目，在泾河工业园为项目核发许可证。",
     [("西安国际港务区", "西安国际港务区"), ("泾河工业园", "泾河工业园")]),
    ("trading_hall", LESHAN, "实地查看市公共资源交易服务大厅。", [("市公共资源交易服务大厅", "市公共资源交易服务大厅")]),
    ("region_area", ZHEJIANG, "目前，长三角地区累计互认电子证照40类。", [("长三角地区", "长江三角洲地区")]),
    ("cooperation_zone", NANSHAN, "将于2026年上半年完成与前海合作区相关事项的跨区联办。",
     [("前海合作区", "前海深港现代服务业合作区")]),
    # a zone's kind word alone in its city's bulletin is the city's zone; a place inside it is its own
    ("home_zone", XIAN, "高新区、雁塔区新设数量位居前三。在高新区丝路软件城启用驿站。",
     [("高新区", "西安高新技术产业开发区"), ("雁塔区", "陕西省西安市雁塔区"), ("高新区", "西安高新技术产业开发区"),
      ("丝路软件城", "丝路软件城")]),
    ("named_zone_short", XIAN, "在高新区、西咸新区、曲江新区再布局3个驿站。",
     [("高新区", "西安高新技术产业开发区"), ("西咸新区", "陕西西咸新区"), ("曲江新区", "西安曲江新区")]),
    # the home district by its short form, as a modifier outside another entity
    ("home_district_modifier", NANSHAN, "“i深圳”南山专区新增注册用户3.6万人；广东政务服务网南山分站办件量1.2万件。",
     [("南山", "广东省深圳市南山区"), ("南山", "广东省深圳市南山区")]),
    ("home_district_short_elsewhere", "深圳市福田区政务服务数据管理局", "“i深圳”南山专区上线。", []),
    # townships named short in a list before their kind, named in full elsewhere
    ("listed_townships", NANSHAN, "在粤海街道开展活动，在蛇口街道开展宣传。总结推广粤海、蛇口等街道经验做法。",
     [("粤海街道", "广东省深圳市南山区粤海街道"), ("蛇口街道", "广东省深圳市南山区蛇口街道"),
      ("粤海", "广东省深圳市南山区粤海街道"), ("蛇口", "广东省深圳市南山区蛇口街道")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(LOC_CASES))
def test_loc(publisher, text, expected):
    assert pick(tag(text, publisher), "LOC") == expected


def test_venue_with_centre_is_no_org():
    doc = tag("区政务服务数据管理局在深圳湾创新科技中心联合举办研讨会。", NANSHAN)
    assert pick(doc, "LOC") == [("深圳湾创新科技中心", "深圳湾创新科技中心")]
    assert [t for t, _ in pick(doc, "ORG")] == ["区政务服务数据管理局"]


ORG_CASES = [
    ("customs_maritime", ZHEJIANG, "杭州海关联合舟山海事局推进。",
     [("杭州海关", "中华人民共和国杭州海关"), ("舟山海事局", "中华人民共和国舟山海事局")]),
    ("resources_planning", XIAN, "同日，市资源规划局核发许可证。", [("市资源规划局", "西安市自然资源和规划局")]),
    ("listed_department", XIAN, "会议听取了发改、资源规划、住建等8个部门的汇报。",
     [("发改", "西安市发展和改革委员会"), ("资源规划", "西安市自然资源和规划局"), ("住建", "西安市住房和城乡建设局")]),
    ("shenzhen_names", NANSHAN, "区住房建设局、市政务服务数据管理局、福田区政务服务数据管理局参加。",
     [("区住房建设局", "深圳市南山区住房和建设局"), ("市政务服务数据管理局", "深圳市政务服务和数据管理局"),
      ("福田区政务服务数据管理局", "深圳市福田区政务服务和数据管理局")]),
    ("government_inspection_office", LESHAN, "市政府督查室会同市政务服务中心督查。",
     [("市政府督查室", "乐山市人民政府督查室"), ("市政务服务中心", "乐山市政务服务和公共资源交易服务中心")]),
    ("sar_bureaus", NANSHAN, "香港特别行政区政府数字政策办公室代表团、澳门特别行政区政府行政公职局代表团到访。",
     [("香港特别行政区政府数字政策办公室", "香港特别行政区政府数字政策办公室"),
      ("澳门特别行政区政府行政公职局", "澳门特别行政区政府行政公职局")]),
    ("district_hospitals", NANSHAN, "目前，南山区人民医院、南山区妇幼保健院等4家医疗机构已设立联办点。",
     [("南山区人民医院", "深圳市南山区人民医院"), ("南山区妇幼保健院", "深圳市南山区妇幼保健院")]),
    ("zone_administration_short", NANSHAN, "与前海管理局、深圳海关等建立会商机制。",
     [("前海管理局", "深圳市前海深港现代服务业合作区管理局"), ("深圳海关", "中华人民共和国深圳海关")]),
    ("enterprise_as_registered", XIAN, "西安曲江文化旅游股份有限公司等15家企业参加。",
     [("西安曲江文化旅游股份有限公司", "西安曲江文化旅游股份有限公司")]),
    ("named_zone_admin", XIAN, "曲江新区管委会召开座谈会。", [("曲江新区管委会", "西安曲江新区管理委员会")]),
    ("home_zone_bodies", XIAN, "先后到高新区政务服务中心、高新区行政审批服务局调研。",
     [("高新区政务服务中心", "西安高新技术产业开发区政务服务中心"),
      ("高新区行政审批服务局", "西安高新技术产业开发区行政审批服务局")]),
    ("no_zone_word_body", XIAN, "在高新区、曲江新区再布局3个驿站。", []),
    ("no_quantified_township", LESHAN, "通报8月份各乡镇便民服务中心情况。", []),
    # townships resolved to the county of the sentence that holds them (townships.tsv)
    ("township_county", XIAN, "到蓝田县、周至县调研，实地查看玉山镇便民服务中心、楼观镇便民服务中心。",
     [("玉山镇便民服务中心", "蓝田县玉山镇便民服务中心"), ("楼观镇便民服务中心", "周至县楼观镇便民服务中心")]),
]


@pytest.mark.parametrize(("publisher", "text", "expected"), rows(ORG_CASES))
def test_org(publisher, text, expected):
    assert pick(tag(text, publisher), "ORG") == expected


UNIT_CASES = [
    # a city's body run as a branch in its districts (branches.tsv)
    ("district_branch", NANSHAN, "活动中，区市场监管局为12家企业现场办理。", "深圳市市场监督管理局", "南山监管局"),
    ("branch_written", NANSHAN, "深圳市市场监督管理局南山监管局联合走访。", "深圳市市场监督管理局", "南山监管局"),
    ("registry_office", NANSHAN, "深圳市不动产登记中心南山登记所办理业务1.86万件。", "深圳市不动产登记中心", "南山登记所"),
    ("unit_before_staff", LESHAN, "邀请省政务服务和公共资源交易服务中心交易服务处业务骨干授课。",
     "四川省政府政务服务和公共资源交易服务中心", "交易服务处"),
    ("office_no_unit", LESHAN, "市政府督查室会同开展督查。", "乐山市人民政府督查室", None),
]


@pytest.mark.parametrize(("publisher", "text", "norm", "unit"), rows(UNIT_CASES))
def test_org_unit(publisher, text, norm, unit):
    org = next(e for e in tag(text, publisher).entities if e.label == "ORG")
    assert (org.norm, org.unit) == (norm, unit)


def test_conjunction_is_no_surname():
    doc = tag("邀请20名人大代表、政协委员和企业代表走进大厅。", LESHAN)
    assert pick(doc, "PERSON") == []


INITIATIVE_CASES = [
    ("noun_di", "各地要落实“用地清单制”改革要求。", ["用地清单制"]),
    ("plus_partners", "签署“政务服务+金融”战略合作协议。", ["政务服务+金融"]),
    ("plus_mode", "对园区项目实行“预审+承诺”审批模式。", ["预审+承诺"]),
    ("plus_method", "培训采用“理论讲解+模拟实操”模式。", []),
    ("numeric_named_mechanism", "实行“一项目一专班”服务机制。", ["一项目一专班"]),
    ("system_cue", "南山街道办事处试点“社区帮办员”制度。", ["社区帮办员"]),
    ("one_click", "在“浙里办”开通“外贸主体一键登记”服务。", ["浙里办", "外贸主体一键登记"]),
    ("meeting_series", "蛇口街道办事处召开“政企早餐会”，邀请企业参加。", ["政企早餐会"]),
    ("map_product", "双方围绕“长三角政务地图”共建进行交流。", ["长三角政务地图"]),
    ("known_reform_short", "全区“秒批”事项办件量8954件。", ["秒批"]),
    ("known_reform_mode", "在沣西新城试点“无感审批”模式。", ["无感审批"]),
    ("slogan_metaphor", "把审批服务的“加速度”转化为项目建设的“硬支撑”。", []),
    ("slogan_modal", "确保站点“开门即能办”。", []),
    ("slogan_shape_alone", "实现24小时“不打烊”。", []),
    ("shape_with_words", "延续开展“周末不打烊”服务。", ["周末不打烊"]),
    ("slogan_idiom", "推动高频事项实现香港企业“足不出港”办理。", []),
    ("slogan_service", "为两地游客提供“异地受理、属地办理”服务。", []),
    ("unquoted_trading_site", "评价结果在乐山市公共资源交易网公开。", ["乐山市公共资源交易网"]),
    ("unquoted_system", "联合重庆市公共资源交易中心启用川渝远程异地评标协同系统。", ["川渝远程异地评标协同系统"]),
    ("programme_window", "体验“一窗综办”、帮办代办、川渝通办专窗等服务。", ["一窗综办", "川渝通办"]),
    ("national_platform", "围绕投资项目在线审批监管平台数据共享听取意见。", ["投资项目在线审批监管平台"]),
]


@pytest.mark.parametrize(("text", "expected"), rows([(r[0], r[1], r[2]) for r in INITIATIVE_CASES]))
def test_initiative(text, expected):
    assert [t for t, _ in pick(tag(text, LESHAN), "INITIATIVE")] == expected
