"""Tests of gov_extract.lexicon: shipped data integrity, validation errors, user files, home context."""

from __future__ import annotations

import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_extract.errors import LexiconError
from gov_extract.lexicon import (
    DIVISION_LEVELS,
    INITIATIVE_KINDS,
    ORG_KINDS,
    ORG_LEVELS,
    Home,
    Lexicon,
    fold,
)

DATA = resources.files("gov_extract") / "data"
LEXICON_FILES = (
    "orgs.tsv", "dept_names.tsv", "divisions.tsv", "initiatives.tsv", "places.tsv", "org_suffixes.tsv", "loc_suffixes.tsv",
    "initiative_cues.tsv", "context_words.tsv", "generic_refs.tsv", "name_expansions.tsv", "person_titles.txt",
    "surnames.txt", "doc_types.txt",
)


def _rows(name: str) -> list[list[str]]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").split("\n") if line.strip()]
    return [line.split("\t") for line in lines[1:]]


def _unique(rows):
    assert len(rows) == len({r[0] for r in rows}), "duplicate test ids"
    return [pytest.param(*r[1:], id=r[0]) for r in rows]


# --------------------------------------------------------------------------- shipped data


def test_default_loads_and_is_cached():
    lex = Lexicon.default()
    assert lex is Lexicon.default()
    assert len(lex.orgs) > 500 and len(lex.divisions) > 500
    assert "省发展改革委" in lex.orgs and "绵阳" in lex.divisions


@pytest.mark.parametrize("name", LEXICON_FILES)
def test_shipped_files_are_nfkc_clean(name):
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").split("\n"), 1):
        assert unicodedata.normalize("NFKC", line) == line, f"{name}:{number} is not NFKC"
        for cell in line.split("\t"):
            assert cell == cell.strip(), f"{name}:{number} has padded cell {cell!r}"


def test_org_surfaces_unique_and_parents_resolve():
    rows = _rows("orgs.tsv")
    surfaces = Counter(s for r in rows for s in [r[0], *r[4].split("|")] if s)
    assert [s for s, n in surfaces.items() if n > 1] == []
    # list forms are unique in a province (公安 of 北京市公安局 and of 重庆市公安局 are two provinces')
    lex = Lexicon.default()
    forms = Counter((lex.orgs[r[0]].province, s) for r in rows for s in r[5].split("|") if s)
    assert [s for s, n in forms.items() if n > 1] == []
    norms = {r[0] for r in rows}
    assert {r[3] for r in rows if r[3]} - norms == set()
    assert {r[1] for r in rows} <= set(ORG_KINDS)
    assert {r[2] for r in rows} <= set(ORG_LEVELS)


def test_division_surfaces_unique_and_parents_resolve():
    rows = _rows("divisions.tsv")
    surfaces = Counter(s for r in rows for s in [r[0], *r[3].split("|")] if s)
    assert [s for s, n in surfaces.items() if n > 1] == []
    assert {r[2] for r in rows if r[2]} - {r[0] for r in rows} == set()
    assert {r[1] for r in rows} <= set(DIVISION_LEVELS)


def test_initiative_surfaces_unique():
    rows = _rows("initiatives.tsv")
    surfaces = Counter(s for r in rows for s in [r[0], *r[2].split("|")] if s)
    assert [s for s, n in surfaces.items() if n > 1] == []
    assert {r[1] for r in rows} <= set(INITIATIVE_KINDS)


def test_dept_names_unique_and_valid():
    rows = _rows("dept_names.tsv")
    shorts = Counter(r[0] for r in rows)
    assert [s for s, n in shorts.items() if n > 1] == []
    assert {r[2] for r in rows} <= set(ORG_KINDS)
    assert all(r[1].count("{}") <= 1 and r[1].replace("{}", "") != r[0] for r in rows)
    # a party organ's template names the party committee of the division
    assert all(r[1].startswith("中共{}") for r in rows if r[2] == "party")


def test_every_org_province_is_a_division():
    lex = Lexicon.default()
    for entry in set(lex.orgs.values()):
        assert entry.province is None or lex.divisions[entry.province].level == "province"


# --------------------------------------------------------------------------- validation errors

ORG_HEADER = "norm\tkind\tlevel\tparent\taliases\tlist_forms\n"
DIV_HEADER = "full\tlevel\tparent\taliases\n"

ERROR_CASES = [
    ("bad_header", "orgs.tsv", "name\tkind\n甲\tgovernment\n", ["line 1", "'header'"]),
    ("empty_file", "orgs.tsv", "", ["line 1", "'header'"]),
    ("column_count", "orgs.tsv", ORG_HEADER + "测试局\tgovernment\tcity\n", ["line 2", "'columns'", "3 columns"]),
    ("unknown_kind", "orgs.tsv", ORG_HEADER + "测试局\tcompany\tcity\t\t\t\n", ["line 2", "'kind'", "company"]),
    ("unknown_level", "orgs.tsv", ORG_HEADER + "测试局\tgovernment\ttown\t\t\t\n", ["line 2", "'level'", "town"]),
    ("duplicate_surface", "orgs.tsv", ORG_HEADER + "测试局\tgovernment\tcity\t\t测局\t\n试验局\tgovernment\tcity\t\t测局\t\n",
     ["line 3", "'aliases'", "测局"]),
    ("unresolved_parent", "orgs.tsv", ORG_HEADER + "测试局\tgovernment\tcity\t没有这个机关\t\t\n",
     ["line 2", "'parent'", "没有这个机关"]),
    ("not_nfkc", "orgs.tsv", ORG_HEADER + "测试局（筹）\tgovernment\tcity\t\t\t\n", ["line 2", "'norm'", "NFKC"]),
    ("padded", "orgs.tsv", ORG_HEADER + "测试局\tgovernment\tcity\t\t 测局\t\n", ["line 2", "'aliases'"]),
    ("empty_norm", "orgs.tsv", ORG_HEADER + "\tgovernment\tcity\t\t\t\n", ["line 2", "'norm'"]),
    ("division_parent", "divisions.tsv", DIV_HEADER + "火星省测试市\tcity\t火星省\t测试市\n", ["line 2", "'parent'"]),
    ("division_level", "divisions.tsv", DIV_HEADER + "四川省测试市\tplanet\t四川省\t测试市\n", ["line 2", "'level'"]),
    ("suffix_int", "org_suffixes.tsv", "suffix\tkind\tanchor\tmin_body\n署\tgovernment\tdivision\ttwo\n",
     ["line 2", "'min_body'"]),
    ("suffix_anchor", "org_suffixes.tsv", "suffix\tkind\tanchor\tmin_body\n署\tgovernment\tnowhere\t2\n",
     ["line 2", "'anchor'"]),
    ("cue_place", "initiative_cues.tsv", "cue\twhere\tweight\n活动\tinside\t2\n", ["line 2", "'where'"]),
    ("word_role", "context_words.tsv", "word\trole\n在\tverb\n", ["line 2", "'role'"]),
    ("text_duplicate", "my_surnames.txt", "# comment\n王\n\n王\n", ["line 4", "'value'"]),
    ("text_tab", "person_titles.txt", "厅长\t局长\n", ["line 1", "'value'"]),
    ("text_unknown", "notes.txt", "厅长\n", ["notes.txt", "name must end"]),
    ("dept_two_places", "dept_names.tsv", "short\tfull\tkind\n税务局\t{}国家税务总局{}税务局\tgovernment\n",
     ["line 2", "'full'", "more than one"]),
    ("dept_to_itself", "dept_names.tsv", "short\tfull\tkind\n公安局\t公安局\tgovernment\n", ["line 2", "'full'", "itself"]),
    ("dept_kind", "dept_names.tsv", "short\tfull\tkind\n人社局\t人力资源和社会保障局\tbureau\n", ["line 2", "'kind'"]),
    ("expansion_scope", "name_expansions.tsv", "written\tofficial\tscope\n管委会\t管理委员会\teverywhere\n",
     ["line 2", "'scope'"]),
    ("expansion_to_itself", "name_expansions.tsv", "written\tofficial\tscope\n委\t委\tsuffix\n", ["line 2", "'official'", "itself"]),
    ("expansion_duplicate", "name_expansions.tsv",
     "written\tofficial\tscope\n经开区\t经济技术开发区\tzone\n经开区\t经济开发区\tzone\n", ["line 3", "'written'", "经开区"]),
    ("township_county", "townships.tsv", "township\tcounty\n玉山镇\t陕西省西安市火星县\n", ["line 2", "'county'", "火星县"]),
    ("township_not_county", "townships.tsv", "township\tcounty\n玉山镇\t陕西省西安市\n", ["line 2", "'county'"]),
    ("township_duplicate", "townships.tsv",
     "township\tcounty\n玉山镇\t陕西省西安市蓝田县\n玉山镇\t陕西省西安市蓝田县\n", ["line 3", "'township'", "玉山镇"]),
    ("branch_city", "branches.tsv", "city\tbody\tunit\n火星市\t公安局\t{short}分局\n", ["line 2", "'city'", "火星市"]),
    ("branch_template", "branches.tsv", "city\tbody\tunit\n深圳市\t公安局\t分局\n", ["line 2", "'unit'", "{short}"]),
    ("branch_duplicate", "branches.tsv",
     "city\tbody\tunit\n成都市\t公安局\t{short}分局\n成都市\t公安局\t{short}支局\n", ["line 3", "'body'", "公安局"]),
    ("dept_duplicate", "dept_names.tsv",
     "short\tfull\tkind\n人社局\t人力资源和社会保障局\tgovernment\n人社局\t人力社保局\tgovernment\n",
     ["line 3", "'short'", "人社局"]),
]


@pytest.mark.parametrize(("name", "content", "expected"), _unique(ERROR_CASES))
def test_lexicon_errors_name_file_line_field(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        Lexicon.from_files(path)
    message = str(info.value)
    assert name in message
    for part in expected:
        assert part in message


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(LexiconError, match="no such lexicon file"):
        Lexicon.from_files(tmp_path / "orgs.tsv")
    bad = tmp_path / "orgs.tsv"
    bad.write_bytes("norm\tkind".encode("gb18030") + b"\xff\xfe\xfa")
    with pytest.raises(LexiconError, match="not UTF-8"):
        Lexicon.from_files(bad)


def test_bad_argument_types():
    with pytest.raises(TypeError):
        Lexicon.from_files(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Lexicon.from_files(base="lexicon")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- user files


@pytest.fixture
def huzhou_files(tmp_path) -> list[Path]:
    divisions = tmp_path / "zj_divisions.tsv"
    divisions.write_text(
        DIV_HEADER + "浙江省湖州市\tcity\t浙江省\t湖州市|湖州|湖城\n浙江省湖州市安吉县\tcounty\t浙江省湖州市\t安吉县|安吉\n"
        "浙江省湖州市南太湖新区\tcounty\t浙江省湖州市\t南太湖新区\n",
        encoding="utf-8",
    )
    orgs = tmp_path / "hz_orgs.tsv"
    orgs.write_text(
        ORG_HEADER + "湖州市数据局\tgovernment\tcity\t\t市数据局\t数据\n"
        "浙江省大数据发展管理局\tgovernment\tprovincial\t\t省大数据局\t\n"
        "浙江省政务服务中心\tinstitution\tprovincial\t\t省政务服务中心\t\n",
        encoding="utf-8",
    )
    return [divisions, orgs]


def test_from_files_returns_a_new_lexicon(huzhou_files):
    base = Lexicon.default()
    user = Lexicon.from_files(*huzhou_files)
    assert user is not base
    assert "市数据局" in user.orgs and "市数据局" not in base.orgs
    # a user row replaces the shipped one (湖城: the user's alias) and adds a functional zone
    assert "湖城" in user.divisions and "湖城" not in base.divisions
    assert user.divisions["湖州"].aliases == ("湖州市", "湖州", "湖城")
    assert user.divisions["南太湖新区"].parent == "浙江省湖州市" and "南太湖新区" not in base.divisions
    assert user.sources[-2:] == tuple(str(p) for p in huzhou_files)
    # a user surface shadows the shipped one; the shipped lexicon is unchanged
    assert user.orgs["省政务服务中心"].norm == "浙江省政务服务中心"
    assert base.orgs["省政务服务中心"].norm == "四川省政府政务服务和公共资源交易服务中心"


def test_from_files_stacks_on_a_given_base(huzhou_files, tmp_path):
    first = Lexicon.from_files(huzhou_files[0])
    second = Lexicon.from_files(huzhou_files[1], base=first)
    assert "湖城" in second.divisions and "市数据局" in second.orgs
    # the same surface again in a later layer overrides, it is not a duplicate
    again = tmp_path / "again_orgs.tsv"
    again.write_text(ORG_HEADER + "湖州市数据管理局\tgovernment\tcity\t\t市数据局\t\n", encoding="utf-8")
    assert Lexicon.from_files(again, base=second).orgs["市数据局"].norm == "湖州市数据管理局"


HOME_CASES = [
    ("sichuan_centre", "四川省政府政务服务和公共资源交易服务中心", "四川省", None),
    ("sichuan_party", "中共四川省委网络安全和信息化委员会办公室", "四川省", None),
    ("chengdu", "成都市政务服务管理和网络理政办公室", "四川省", "四川省成都市"),
    ("aba", "阿坝州政务服务和公共资源交易服务中心", "四川省", "四川省阿坝藏族羌族自治州"),
    ("chongqing", "重庆市人民政府办公厅", "重庆市", None),
    ("zhejiang", "浙江省大数据发展管理局", "浙江省", None),
    ("huzhou", "湖州市政务服务中心", "浙江省", "浙江省湖州市"),
    ("suzhou", "苏州市行政审批局", "江苏省", "江苏省苏州市"),
    ("shenzhen", "深圳市政务服务和数据管理局", "广东省", "广东省深圳市"),
    ("hefei", "合肥市数据资源局", "安徽省", "安徽省合肥市"),
    ("qiandongnan", "黔东南州政务服务中心", "贵州省", "贵州省黔东南苗族侗族自治州"),
    ("beijing", "北京市政务服务和数据管理局", "北京市", None),
    ("none", None, "四川省", None),
    ("unknown", "某某研究会", "四川省", None),
]


@pytest.mark.parametrize(("publisher", "province", "city"), _unique(HOME_CASES))
def test_home_from_publisher(publisher, province, city):
    home = Lexicon.default().home(publisher)
    assert home.province.full == province
    assert (home.city.full if home.city else None) == city


def test_home_of_a_user_city(huzhou_files):
    home = Lexicon.from_files(*huzhou_files).home("湖州市大数据发展管理局")
    assert (home.province.full, home.city.full, home.city.local) == ("浙江省", "浙江省湖州市", "湖州市")
    assert home.local("市") == "湖州市" and home.local("省") == "浙江省" and home.local("县") is None


NORM_CASES = [
    ("relative_in_home", "公安厅", "四川省", "四川省公安厅"),
    ("relative_elsewhere", "公安厅", "浙江省", "浙江省公安厅"),
    ("tax_bureau", "省税务局", "浙江省", "国家税务总局浙江省税务局"),
    ("party_office", "省委金融办", "贵州省", "中共贵州省委金融委员会办公室"),
    ("named_province_kept", "四川省税务局", "浙江省", "国家税务总局四川省税务局"),
    ("named_city_kept", "成都海关", "浙江省", "中华人民共和国成都海关"),
    ("central_kept", "国家发展改革委", "浙江省", "国家发展和改革委员会"),
]


@pytest.mark.parametrize(("surface", "province", "norm"), _unique(NORM_CASES))
def test_org_norm_follows_home_province(surface, province, norm):
    lex = Lexicon.default()
    home = Home(province=lex.divisions[province])
    assert lex.org_norm(surface, lex.orgs[surface], home) == norm


LIST_FORM_CASES = [
    ("list_form_in_home", "公安", "四川省", "四川省公安厅"),
    ("list_form_elsewhere", "民政", "河南省", "河南省民政厅"),
    ("list_form_party", "网信", "湖南省", "中共湖南省委网络安全和信息化委员会办公室"),
]


@pytest.mark.parametrize(("form", "province", "norm"), _unique(LIST_FORM_CASES))
def test_list_form_norm_follows_home_province(form, province, norm):
    lex = Lexicon.default()
    home = Home(province=lex.divisions[province])
    assert lex.org_norm(form, lex.list_forms[form], home) == norm


LIST_ENTRY_CASES = [
    # a municipality's own body by its list form; elsewhere the default province's as a template
    ("municipal_own", "公安", "北京市", "北京市公安局"),
    ("municipal_committee", "住建", "重庆市", "重庆市住房和城乡建设委员会"),
    ("template_elsewhere", "公安", "河南省", "河南省公安厅"),
    # a municipality's body not in the lexicon: a 局, not a 厅
    ("municipal_bureau", "审计", "天津市", "天津市审计局"),
]


@pytest.mark.parametrize(("form", "province", "norm"), _unique(LIST_ENTRY_CASES))
def test_list_entry_of_home_province(form, province, norm):
    lex = Lexicon.default()
    home = Home(province=lex.divisions[province])
    entry = lex.list_entry(form, home)
    assert entry is not None and lex.org_norm(form, entry, home) == norm


def test_list_forms_of_another_province_stay_there():
    lex = Lexicon.default()
    assert lex.list_forms["公安"].norm == "四川省公安厅"
    assert lex.list_entry("规划", Home(province=lex.divisions["四川省"])) is None
    assert lex.list_entry("规划", Home(province=lex.divisions["重庆市"])).norm == "重庆市规划和自然资源局"


EXPAND_CASES = [
    ("body_parts", "规划自然资源局", ("body",), "规划和自然资源局"),
    ("body_and_suffix", "规划自然资源委", ("body", "suffix"), "规划和自然资源委员会"),
    ("suffix_after_words", "城市管理委", ("body", "suffix"), "城市管理委员会"),
    ("short_form_kept", "教委", ("body", "suffix"), "教委"),
    ("body_row_first", "住房城乡建委", ("body", "suffix"), "住房和城乡建设委员会"),
    ("already_full", "发展和改革委员会", ("body", "suffix"), "发展和改革委员会"),
    ("zone_words", "德阳经开区", ("zone",), "德阳经济技术开发区"),
    ("zone_words_not_body", "德阳高新区政务服务中心", ("body",), "德阳高新区政务服务中心"),
]


@pytest.mark.parametrize(("name", "scopes", "expected"), _unique(EXPAND_CASES))
def test_expand(name, scopes, expected):
    assert Lexicon.default().expand(name, *scopes) == expected


def test_municipality_of_home():
    lex = Lexicon.default()
    assert Home(province=lex.divisions["北京市"]).municipality == lex.divisions["北京市"]
    assert Home(province=lex.divisions["四川省"]).municipality is None
    assert Home(province=lex.divisions["北京市"]).city_level == lex.divisions["北京市"]
    assert lex.municipal("北京市人民政府办公厅", Home(province=lex.divisions["北京市"])) == "北京市人民政府办公厅"


def test_cue_and_word_roles_of_new_places():
    lex = Lexicon.default()
    assert {"机制", "改革", "模式"} <= set(lex.cues_at("names"))
    assert "经" in lex.words_of("name_before")


DEPT_CASES = [
    ("appended", "人社局", "泸州市", "泸州市人力资源和社会保障局"),
    ("county", "医保局", "宣汉县", "宣汉县医疗保障局"),
    ("tax_template", "税务局", "达州市通川区", "国家税务总局达州市通川区税务局"),
    ("party_template", "网信办", "南充市", "中共南充市委网络安全和信息化委员会办公室"),
    ("cppcc_template", "政协", "乐山市", "中国人民政治协商会议乐山市委员会"),
    ("federation", "工商联", "绵阳市", "绵阳市工商业联合会"),
    # customs and maritime bodies are national: 中华人民共和国 + the city's name without 市
    ("customs_short", "海关", "杭州市", "中华人民共和国杭州海关"),
    ("maritime_short", "海事局", "舟山市", "中华人民共和国舟山海事局"),
    ("resources_planning", "资源规划局", "西安市", "西安市自然资源和规划局"),
    ("housing_construction", "住房建设局", "深圳市南山区", "深圳市南山区住房和建设局"),
    ("data_bureau_short", "政务服务数据管理局", "深圳市", "深圳市政务服务和数据管理局"),
]


@pytest.mark.parametrize(("short", "prefix", "name"), _unique(DEPT_CASES))
def test_dept_name_expansion(short, prefix, name):
    assert Lexicon.default().dept_names[short].name(prefix) == name


PREFIX_CASES = [
    ("city", "泸州", "泸州市"),
    ("county", "合江县", "合江县"),
    ("county_level_city", "江油", "江油市"),
    ("district_keeps_city", "通川区", "达州市通川区"),
    ("district_named_after_city", "乐山市市中区", "乐山市市中区"),
    ("chongqing_district", "渝中区", "重庆市渝中区"),
    ("huzhou_district", "吴兴区", "湖州市吴兴区"),
    ("huzhou_county", "德清县", "德清县"),
    ("suzhou_county_level_city", "昆山市", "昆山市"),
    ("beijing_district", "北京朝阳区", "北京市朝阳区"),
    ("shared_name_qualified", "南京市鼓楼区", "南京市鼓楼区"),
    ("province", "四川", "四川省"),
]


@pytest.mark.parametrize(("surface", "prefix"), _unique(PREFIX_CASES))
def test_org_prefix_of_a_division(surface, prefix):
    lex = Lexicon.default()
    assert lex.org_prefix(lex.divisions[surface]) == prefix


COUNTY_HOME_CASES = [
    ("county", "合江县人民政府", "四川省泸州市合江县", {"市": "泸州市", "县": "合江县"}),
    ("district", "达州市通川区政务服务中心", "四川省达州市通川区", {"市": "达州市", "区": "达州市通川区"}),
    ("county_level_city", "江油市政务服务中心", "四川省绵阳市江油市", {"市": "江油市", "省": "四川省"}),
    ("city_only", "南充市人民政府", None, {"市": "南充市", "县": None, "区": None}),
    ("huzhou_district", "湖州市吴兴区政务服务中心", "浙江省湖州市吴兴区", {"市": "湖州市", "区": "湖州市吴兴区", "省": "浙江省"}),
    ("huzhou_county", "德清县行政服务中心", "浙江省湖州市德清县", {"市": "湖州市", "县": "德清县", "省": "浙江省"}),
    ("municipality", "北京市政务服务和数据管理局", None, {"市": "北京市", "省": "北京市", "区": None}),
    ("municipality_district", "重庆市渝中区人民政府", "重庆市渝中区", {"市": "重庆市", "区": "重庆市渝中区"}),
    ("province_direct_city", "仙桃市政务服务中心", "湖北省仙桃市", {"市": "仙桃市", "省": "湖北省"}),
]


@pytest.mark.parametrize(("publisher", "county", "prefixes"), _unique(COUNTY_HOME_CASES))
def test_home_county_and_bare_prefixes(publisher, county, prefixes):
    home = Lexicon.default().home(publisher)
    assert (home.county.full if home.county else None) == county
    assert {p: home.local(p) for p in prefixes} == prefixes


def test_division_local_name():
    lex = Lexicon.default()
    assert lex.divisions["江油"].local == "江油市"
    assert lex.divisions["四川省"].local == "四川省"
    assert lex.province_of(lex.divisions["江油"]).full == "四川省"


# --------------------------------------------------------------------------- divisions of China

LEVEL_COUNTS = [("province", 34, 34), ("city", 330, 350), ("county", 2800, 2900)]


@pytest.mark.parametrize(("level", "low", "high"), [pytest.param(*r, id=r[0]) for r in LEVEL_COUNTS])
def test_every_division_of_china(level, low, high):
    fulls = {d.full for d in Lexicon.default().divisions.values() if d.level == level}
    assert low <= len(fulls) <= high


def test_every_division_has_its_parent_chain():
    lex = Lexicon.default()
    for div in set(lex.divisions.values()):
        province = lex.province_of(div)
        assert province is not None and div.full.startswith(province.full), div
        assert div.parent is None or lex.divisions[div.parent].full == div.parent


def test_every_local_name_resolves_in_its_region():
    """A county's own name is a surface, or (shared by several: 鼓楼区) known in its city."""
    lex = Lexicon.default()
    for div in set(lex.divisions.values()):
        if div.parent is None or div.local in lex.divisions:
            continue
        assert lex.regional[div.parent].get(div.local) == div or lex.divisions[div.parent].level == "province", div


SHARED_CASES = [
    ("nanjing", "南京市政务服务管理办公室", "鼓楼区", "江苏省南京市鼓楼区"),
    ("fuzhou", "福州市行政服务中心管理委员会", "鼓楼区", "福建省福州市鼓楼区"),
    ("beijing", "北京市政务服务和数据管理局", "朝阳区", "北京市朝阳区"),
    ("changchun", "长春市政务服务和数字化建设管理局", "朝阳区", "吉林省长春市朝阳区"),
    ("xining", "西宁市政务服务监督管理局", "城东区", "青海省西宁市城东区"),
    ("jiangsu_province", "江苏省政务服务管理办公室", "通州区", "江苏省南通市通州区"),
    ("jiangsu_twice", "江苏省政务服务管理办公室", "鼓楼区", None),
    ("elsewhere", "四川省政府政务服务和公共资源交易服务中心", "鼓楼区", None),
]


@pytest.mark.parametrize(("publisher", "name", "full"), _unique(SHARED_CASES))
def test_shared_names_resolve_in_the_home_region(publisher, name, full):
    lex = Lexicon.default()
    assert name not in lex.divisions
    div = lex.local_divisions(lex.home(publisher)).get(name)
    assert (div.full if div else None) == full


# short forms that are ordinary words or shared by several divisions are no surfaces
NOT_SURFACES = ["城区", "郊区", "矿区", "东区", "市中区", "新区", "鼓楼", "朝阳", "和平", "中山", "城东", "江北",
                "长安", "西湖", "南山", "平原", "商城", "资源", "合作", "大同", "日照", "新市", "津市", "长宁", "东兴"]


@pytest.mark.parametrize("surface", NOT_SURFACES)
def test_no_ordinary_word_names_a_division(surface):
    assert surface not in Lexicon.default().divisions


@pytest.mark.parametrize(("surface", "full"), [
    ("湖州", "浙江省湖州市"), ("吴兴区", "浙江省湖州市吴兴区"), ("南浔", "浙江省湖州市南浔区"), ("姑苏区", "江苏省苏州市姑苏区"),
    ("黔东南州", "贵州省黔东南苗族侗族自治州"), ("恩施", "湖北省恩施土家族苗族自治州"), ("浦东", "上海市浦东新区"),
    ("管城", "河南省郑州市管城回族区"), ("南京鼓楼区", "江苏省南京市鼓楼区"), ("重庆江北区", "重庆市江北区"),
])
def test_division_surfaces_of_other_provinces(surface, full):
    assert Lexicon.default().divisions[surface].full == full


@given(st.text(max_size=200))
def test_fold_keeps_length(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


# --------------------------------------------------------------------------- townships and branches

TOWNSHIP_CASES = [
    ("shared_name", "玉山镇", "陕西省西安市蓝田县", True),
    ("other_county", "楼观镇", "陕西省西安市周至县", True),
    ("street", "粤海街道", "广东省深圳市南山区", True),
    ("not_there", "楼观镇", "陕西省西安市蓝田县", False),
]


@pytest.mark.parametrize(("name", "county", "held"), _unique(TOWNSHIP_CASES))
def test_townships_name_their_counties(name, county, held):
    assert (county in {d.full for d in Lexicon.default().townships[name]}) is held


def test_branches_of_a_city():
    lex = Lexicon.default()
    assert lex.branches[("广东省深圳市", "市场监督管理局")] == "{short}监管局"
    assert ("四川省成都市", "市场监督管理局") not in lex.branches


def test_home_county_short_form_is_local():
    lex = Lexicon.default()
    home = lex.home("深圳市南山区政务服务和数据管理局")
    assert lex.local_divisions(home)["南山"].full == "广东省深圳市南山区"
    assert "南山" not in lex.local_divisions(lex.home("深圳市政务服务和数据管理局"))
