"""EntityTagger: ORG, PERSON, LOC, POLICY and INITIATIVE mentions (guide section 4).

Recognition runs on the clean view (``doc.view.text``) and maps every span back
to raw offsets. Candidates come from several sources, each a pass of regex or
a multi-pattern (Aho-Corasick) match:

- POLICY: every ``《…》`` title, nested ``〈…〉``/``《…》`` titles, short names
  introduced by ``（以下简称《X》）`` and their later mentions (``alias_of``).
- INITIATIVE: quoted ``“…”`` names scored by lexicon, suffix, shape and
  context cues (``initiative_cues.tsv``; a verb cue also counts before the kind
  of thing it names: ``上线智能客服“…”``); unquoted platform names from the
  lexicon and by pattern (``四川省…服务平台``, ``…一件事``, ``12345市民服务热线``;
  after ``全省``/``全市`` only a named system: ``全市公共资源交易平台`` is every platform);
  a lexicon name of two characters only in quotes (``“京办”``, not 北京办理).
- ORG: lexicon surfaces (longest match), names anchored on a division, a
  bracketed place (``中国（绵阳）…中心``), a township or a bare
  ``省``/``市``/``县`` prefix and ending in a suffix of ``org_suffixes.tsv`` or
  in a short department name of ``dept_names.tsv`` (``市工商联``),
  enterprises and associations found back from their suffix to a boundary
  word, attached sub-units (``水利厅行政审批处``), short names listed before
  ``等(N个)部门/单位``; a bare prefix starts a name after a determiner too (``我省``,
  ``本市``, ``该县``), never after a quantifier (``全省``, ``各市``). A name never ends
  at the verb ``办`` (``可就近办理``, ``政务办件``; ``全程网办``, ``群众办`` by ``generic_refs.tsv``),
  nor at an ORG suffix inside a place word (``北京商务中心区``, ``市行政中心``), nor is it a
  title (``省委常委``) or a document number (``渝北府办发〔2025〕``). Norms: a bare prefix means the home
  division (after ``该``: the division of its kind named last before; a bare
  ``县``/``区`` in a city bulletin: the county named last in the sentence), a
  district keeps its city (``宜宾市南溪区…``), short department names expand
  (``市人社局`` -> ``宜宾市人力资源和社会保障局``), and the publisher's short
  forms (``市中心``, ``市政务服务中心``, ``市政务办`` with its head cut) mean the
  publisher; a cut-head short form at the other home level names the same body
  there (``省政务办`` -> ``江苏省政务服务管理办公室``). A prefecture's short form
  and a bare ``州`` after it in a province's bulletin take its official name
  (``恩施州``, ``州人社局`` -> ``恩施土家族苗族自治州…``); a chain before a body
  names a people's government from its last division (``浙江省嘉善县政府`` -> ``嘉善县人民政府``),
  another province's other bodies as written (``湖南省怀化市政务服务中心``); a bare ``市``
  in a province's bulletin is the city named last in the sentence. Short parts of a
  name are written in full (``name_expansions.tsv``: ``市规划自然资源委`` ->
  ``北京市规划和自然资源委员会``); a zone's administration takes the zone's official
  name (``德阳经开区管委会`` -> ``德阳经济技术开发区管理委员会``, ``贵安新区管委会`` ->
  ``贵州贵安新区管理委员会``; ``党工委`` -> ``中共…工作委员会``), and the zone's kind word alone names it again in its
  paragraph (``新区政务服务中心``). In a municipality a provincial body is a 局 or the
  municipality's own 委员会 (``公安`` -> ``北京市公安局``), and a district's body mirrors
  the municipality's (``区大数据发展局`` -> ``重庆市渝北区大数据应用发展管理局``); a fire
  brigade is a 支队 of a city or district, a 大队 of a county. An autonomous region's bare
  prefix is ``自治区`` (``自治区公安厅`` -> ``广西壮族自治区公安厅``; its committee keeps 委员会:
  ``中共广西壮族自治区委员会办公厅``); in a zone's bulletin a bare ``区`` is the zone and the city's
  townships named without a county lie in it. A school of a university or college is a
  unit (``华中科技大学`` + ``公共管理学院``), and so is a bureau or brigade inside a
  department or a zone's administration (``省公安厅`` + ``出入境管理局``, ``市公安局`` + ``交警支队``,
  ``江北新区管委会`` + ``政务服务局``).
- LOC: divisions with or without suffix (a chain split into its divisions:
  ``南京鼓楼区`` -> 南京 + 鼓楼区), named places, zones (``长兴经济技术开发区``,
  ``泸州港``; a long zone suffix also after a place cue: ``赴常熟经济技术开发区``),
  venues and townships (``罗龙街道``, ``江油市太白镇``; after any break when a
  body's name follows: ``、簇桥街道办事处`` -> 成都市武侯区簇桥街道办事处). A
  zone named after the home city is found without it (``工业园区`` = 苏州工业园区
  in a Suzhou bulletin), and a zone of the home city named bare after a place cue
  (``在科技城新区``) when named again or starting a body's name, which is then the
  city's (``绵阳市科技城新区政务服务中心``). A township named once in a place's context
  is named again anywhere (``龙溪街道坚持…``), a village or community right after its
  township is one of its own (``统景镇`` + ``印盒村``), and ``村级`` is a level. An area is
  named after a river, lake or mountain range (``赤水河流域``, ``武陵山区``).

Divisions come from the lexicon and, for names several divisions of China
share (``鼓楼区``), from the home city or province. A short form that is also
part of ordinary words (``资中`` in 投资中心, ``范县`` in 示范县) names a
division only where a word starts (:meth:`_Run.bounded_divisions`); a county
right after a division it does not lie in is a zone's name (``绍兴滨海新区``).
- PERSON: a name after office titles (``副厅长何绍明``), linked to the ORG
  right before the titles; 2 or 3 characters by the word that follows; found
  again where it stands alone later (``何绍明强调``).

Overlapping candidates are resolved by tier (POLICY > quoted INITIATIVE >
ORG and unquoted INITIATIVE > LOC), then length, then lexicon before pattern.
Nothing is annotated inside an INITIATIVE span, nor inside a POLICY span but a
nested title. Extra candidate sources (a statistical tagger, say) plug in
through ``EntityTagger(sources=[...])``: any callable ``doc -> Iterable[Candidate]``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from .lexicon import (
    REGION,
    Division,
    Home,
    Lexicon,
    OrgEntry,
    Place,
    alternation,
    fold,
    party_committee,
)
from .model import Document, Entity
from .text import is_han

__all__ = [
    "Candidate", "CandidateSource", "EntityTagger",
    "TIER_POLICY", "TIER_QUOTED", "TIER_NAME", "TIER_PERSON", "TIER_LOC",
]

#: Resolution tiers: a higher tier wins an overlap whatever the lengths.
TIER_POLICY = 5
TIER_QUOTED = 4
TIER_NAME = 3
TIER_PERSON = 2
TIER_LOC = 1
#: Tie-break inside a tier (lower wins): lexicon, pattern, other sources.
RANK_LEXICON, RANK_PATTERN, RANK_OTHER = 0, 1, 2

#: INITIATIVE kinds that are names even unquoted (others need quotes).
_UNQUOTED_KINDS = ("platform", "project")
_MAX_QUOTE = 40
_APP = regex.compile(r" ?(?:APP|App|app)(?![A-Za-z])")
_MAX_TITLE = 150
_NAME_CHARS = r"[\p{Han}A-Za-z0-9·]"
# A trailing bracketed mark of a title or name: （送审稿）, (试行), （四川境）.
_TRAILING_MARKS = regex.compile(r"(?:[（(][^（）()\n]{1,16}[）)])+$")
# Title brackets, and the sentence ends no title holds (a PDF line break may: 《…检\n查的意见》).
_BRACKETS = regex.compile(r"[《》〈〉。！？]")
# A quoted name; one PDF line break may survive inside it (a short line before the closing quote).
_QUOTE = regex.compile(rf"“([^“”\n]{{0,{_MAX_QUOTE}}}+\n?[^“”\n]{{0,{_MAX_QUOTE}}}+)”")
_ALIAS_INTRO = regex.compile(r"[（(](?:以下|下文)?(?:简称|称)[“《〈]([^“”《》〈〉\n]{1,30})\n?[”》〉][）)]")
# A bare prefix, with its party committee: 市委; an autonomous region's is 自治区(党委).
_BARE_PREFIX = regex.compile(rf"{REGION}(?:党委)?|[省市州县区]委?")
_CENTRAL_PREFIX = regex.compile(r"中华人民共和国|国家|中国")
# A national name with its place in brackets: 中国（绵阳）知识产权保护中心, 中国（四川）自由贸易试验区.
_PAREN_PLACE = regex.compile(r"(?:中华人民共和国|中国)[（(](?P<place>\p{Han}{2,12})[）)]")
# Where a sentence (and the reach of a bare 县/区 back to a named county) ends.
_LAST_BREAK = regex.compile(r"(?r)[。！？；!?;\n]")
#: Division levels from the top: a division right after one of its level or below, not inside it,
#: starts a name (观山湖区 + 金华园街道), no chain.
#: Places of ``places.tsv`` an area is named after (``loc_suffixes.tsv`` anchor ``place``).
_NATURAL_PLACES = ("river", "lake", "mountain")
#: Suffixes that name a zone's administration, the official one last.
_ZONE_ADMIN = ("管委会", "管理委员会")
#: A zone's party working committee: 东湖高新区党工委 -> 中共武汉东湖新技术开发区工作委员会.
_ZONE_PARTY = "党工委"
#: ORG suffixes of a people's government: named from its own division, also in another province.
_GOVERNMENTS = ("人民政府", "政府")
#: A document number after an issuer's short name: 渝北府办 + 发〔2025〕57号.
_DOC_NUMBER = regex.compile(r"[发函字]?[〔［\[][0-9]{4}")
_DOC_NUMBER_AFTER = regex.compile(r"\p{Han}{0,6}[发函字][〔［\[][0-9]{4}")  # 渝北 + 府办发〔2025〕: an issuer's code
_CONJ_PREFIX = regex.compile(r"[和及与、][省市州县区]")
#: Characters of a publisher's short form (with its whole head) that end a name before any word.
_LONG_SHORT_FORM = 6
#: A bureau or brigade inside a department or a zone's administration: its unit (省公安厅 + 出入境管理局,
#: 市公安局 + 交警支队, 江北新区管委会 + 政务服务局).
_UNIT_HOSTS = ("厅", "局", "委", "委员会", "管委会")
_INNER_UNIT = regex.compile(r"(?P<body>(?![省市州县区])\p{Han}{2,6}?)(?:局|支队|大队)")
#: A bracketed word inside an enterprise's name: 贵州磷化（集团）有限责任公司.
_BRACKET_WORD = regex.compile(r"[（(]\p{Han}{1,4}[）)]$")
#: Kinds of ``places.tsv`` abroad: a country or city, whose name + 语/籍/文 is a language or nationality.
_FOREIGN_PLACES = frozenset({"country", "foreign_city"})
_LANGUAGE_MARK = regex.compile(r"\s*[语籍文]")
#: A quoted platform's branch named by a county's stem: “赣服通”兴国分厅, “甘快办”城\n关分站.
_LOCAL_BRANCH = regex.compile(r"(?<=”\s*)(?P<stem>\p{Han}\s*\p{Han})(?=\s*(?:分厅|分站|频道|站点))")
#: Any division + 籍 is a native place (赣州籍群众), not the place.
_ORIGIN_MARK = regex.compile(r"\s*籍")
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "township": 3}
#: A township's name body: 2-4 characters, longer only when listed (成吉思汗大街街道).
_MAX_TOWNSHIP_BODY = 4
_MAX_LISTED_TOWNSHIP = 6
#: Short township names in a list before their kind: 粤海、蛇口等街道.
_TOWNSHIP_LIST_END = regex.compile(r"等(?:[0-9一二三四五六七八九十两]{1,2}个)?(?P<suf>街道|镇|乡)")
_TOWNSHIP_ITEMS = regex.compile(r"\p{Han}{2,8}(?:[、和及与]\p{Han}{2,4}){1,8}$")
_MAX_TOWNSHIP_LIST = 60  # characters looked back from 等街道 for the list
#: Quantifiers no township's name holds (8月份各乡镇便民服务中心: every township's centre).
_QUANTIFIERS = regex.compile(r"[各每全诸]")
_MAX_SENTENCE = 200  # how far back a bare 县/区 or a township looks for its county
_PLATFORM_PREFIXES = ("全省", "全市", "全州", "全县", "全区", "全国")
_PLATFORM_PREFIX = regex.compile("|".join(_PLATFORM_PREFIXES))
#: After 全省/全市, a named system (全省用地用林用草联动审批系统) has a body of this many characters at least.
_MIN_SYSTEM_BODY = 3
#: Programme names this long are INITIATIVEs unquoted before their window (川渝通办 + 专窗).
_MIN_DESK_NAME = 4
#: Lexicon names this short are INITIATIVEs only in quotes (京通, 京办).
_MIN_UNQUOTED = 2
#: Evidence for a quoted name that starts with a known initiative's name (帮办代办 + 进村组).
_KNOWN_LEAD = 3
#: A service hotline by its number: 12345市民服务热线, 12345热线 (a leading 市/区 stays outside).
_HOTLINE = regex.compile(r"(?<![0-9])123[0-9]{2}\p{Han}{0,8}?热线")
_NUMERIC_ABBREV = regex.compile(
    r"^(?:[一二三四五六七八九十两双多百千万]\p{Han}{1,2}[ 、]?){1,4}$|^[二三四五六七八九十两双百千万]\p{Han}{1,5}$"
)
# “办得快”, “马上地办”: a manner phrase; 地 after a noun part is the noun (用地, 属地, 异地, 基地)
_DE_PHRASE = regex.compile(r"^\p{Han}{1,3}(?:得|(?<![用土基属异本两各落外当产耕林湿绿供拿宅场])地)\p{Han}{1,3}$")
#: A noun phrase with a modifier (“黄河岸边的企业服务港”, “家门口的银行就是政务服务站”): a slogan, not
#: a name (the short “我的南京” stays one).
_DE_MODIFIER = regex.compile(r"^\p{Han}{2,}的\p{Han}{3,}")
#: A count inside an unquoted platform's name (全市 38个政务信息系统): a count of systems, no name.
_COUNTED = regex.compile(r"[0-9]\s*个")
_CLAUSE_SPLIT = regex.compile(r"[、，,；; ]+")
_LATIN_SPACE = regex.compile(r"(?<=[A-Za-z0-9]) +(?=[A-Za-z0-9])")
# “互联网+政务服务”, “AI+医疗”: a technology plus a field names a programme.
# “政务服务+金融”, “预审+承诺”: two named parts joined by a plus sign name a mode or programme.
_PLUS_SHAPE = regex.compile(
    r"^(?:互联网|人工智能|AI|数字|数据|智慧|智能|5G)\+\p{Han}{2,6}$|\+.{0,6}(?:政务|服务|监管|督查)$"
    r"|^[\p{Han}A-Za-z0-9]{2,8}\+[\p{Han}A-Za-z0-9]{2,8}$")
# “拿地即开工”, “交地即交证”: one step at once with another names a reform.
# (not a modal after 即: “开门即能办”, “来了即可办” are slogans)
_AT_ONCE_SHAPE = regex.compile(r"^\p{Han}{1,4}即(?![能可])\p{Han}{1,3}$")
_SENTENCE_PUNCT = regex.compile(r"[。？！?!]")
_PACKAGE = regex.compile(r"^\d{1,3}条$")
_COUNTER = regex.compile(r"[0-9一二三四五六七八九十两]{1,3}个?")
_WS = regex.compile(r"\s+")
#: the middle dots between the parts of a transcribed name
_NAME_DOT = "[·・•‧]"
_LAST_NAME_DOT = regex.compile(rf"(?r){_NAME_DOT}")
# A city's State Grid company named short: 国网郑州供电公司.
_GRID_COMPANY = regex.compile(r"^国网(?P<city>\p{Han}{2,8}?)供电公司$")
#: A bank named by its province or city (兰州银行, 成都农村商业银行): a joint-stock company.
_DIVISION_BANK = regex.compile(r"^(?P<place>\p{Han}{2,7}?)(?:农村商业|农商)?银行$")
# The start of a numbered item: 4.12月17日, （二）, 三、
_ITEM_START = regex.compile(r"(?m)^[ \t]*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)")
# Words that make a zone suffix a kind of zone, not a name: 重点产业园区, 这些新区, 城市新区.
_ZONE_MODIFIER = regex.compile(
    r"^(?:[这那该各全本我其每此某诸多两几数首新老大小省市县区级]|相关|有关|重点|主要|现代|特色|城市|国家|"
    r"高新技术|农业|传统|优势|新兴|周边|部分|若干|其他|其它|一批|一些)")
# The same after a place cue, where a proper name may start with 大, 小, 新, 老 (在大瓦山景区; not 在大型…).
_FREE_ZONE_MODIFIER = regex.compile(
    r"^(?:[这那该各全本我其每此某诸多两几数省市县区级]|[大小新老首][型批类些个]|相关|有关|重点|主要|现代|特色|城市|"
    r"国家|高新技术|农业|传统|优势|新兴|周边|部分|若干|其他|其它|一批|一些|旅游|热门)")
# A school or institute of a university or college: 华中科技大学 + 公共管理学院, 西昌学院 + 彝语言文化学院.
_UNIVERSITY_UNIT = regex.compile(
    r"^(?P<body>\p{Han}{2,12}(?:大学|学院))(?P<unit>\p{Han}{2,10}(?:学院|研究院|研究所|研究中心))$")
_HAN_RUN = regex.compile(r"\p{Han}{1,20}")
# A name's run of Han characters; one PDF line break may survive inside it (道里区政务\n服务中心).
_NAME_RUN = regex.compile(r"\p{Han}{1,20}(?:\n\p{Han}{1,20})?")
_DIGITS = regex.compile(r"[0-9]")
_MAX_ZONE_BODY = 10  # characters between a division and a zone suffix: 德阳市 + 高新 + 区
#: A zone or venue name this long found once after a place cue is found again anywhere (峨眉山景区).
_ANYWHERE_NAME = 4
# words between a quote and a names cue of weight 1 (“…”等制度, “…”工作机制, “…”协作机制)
_NAMES_LINK = r"等|\p{Han}{1,2}"
_MAX_APPOSITION = 4  # characters of the kind between a verb cue and a quoted name: 上线 + 智能客服 + “…”
#: A Special Administrative Region's government (not a people's government): its bureaus are bodies of their own.
_SAR_GOVERNMENTS = ("特别行政区政府", "特区政府")
# The general office of a government, a people's congress standing committee or a CPPCC
# committee is a body of its own, not a sub-unit (区政协 + 办公室).
_OFFICE_HOLDERS = ("政府", "常委会", "政协")
# Chain suffixes (org_suffixes.tsv anchor ``chain``) that also end a name right after a bare party
# prefix: 市委 + 办公厅 is 中共X市委办公厅, a body of its own, not a chained unit of a body.
_PARTY_OFFICES = frozenset({"办公厅"})
# Characters of a sub-unit's name before its suffix when it is named alone: 行政许可改革 + 处.
_MAX_UNIT_BODY = 6
# Characters of a zone's name before a zone suffix without a division: 常熟经济技术 + 开发区.
_MIN_ZONE_NAME, _MAX_ZONE_NAME = 2, 6
# Context read around a quote: a verb cue and an apposed kind before it (上线 + 智能客服),
# a cue within the first words after it (反映 + 窗口, 服务 + 活动).
_QUOTE_BEFORE = 10
_QUOTE_AFTER = 12
# 办 ends no name where it is the verb: before 理/事/结/件 (居民可就近办 + 理, 政务办件), also across
# a line break, or after a modal and at most a two-character adverb (可办, 能够办, 可就近办); 可 and
# 能 inside words are no modals (许可, 认可, 节能, 智能, 效能, 职能, 功能, 性能, 能源: 节能办 is an office),
# or after an adverb of manner (互办, 代办, 帮办).
_BAN_VERB_AFTER = regex.compile(r"\s*[理事结件]")
_MODAL_BAN = regex.compile(r"(?:(?:可以|能够|(?<![许认节智效职功性])[可能](?!源))\p{Han}{0,2}|[互代帮])办$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity, in CLEAN offsets of ``doc.view.text``.

    ``alias_of`` (POLICY) and ``org`` (PERSON) point at another candidate by
    its clean ``(start, end)``. ``nested`` marks a title inside another title.
    """

    label: str
    start: int
    end: int
    norm: str
    tier: int
    rank: int = RANK_OTHER
    unit: str | None = None
    kind: str | None = None
    title: str | None = None
    doc_type: str | None = None
    alias_of: tuple[int, int] | None = None
    org: tuple[int, int] | None = None
    nested: bool = False


#: An extra candidate source: ``doc -> candidates`` in clean offsets.
CandidateSource = Callable[[Document], Iterable[Candidate]]


def _squeeze(text: str) -> str:
    return _WS.sub("", text)


class _Grammar:
    """Patterns compiled once from a lexicon's word lists."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        sufs = lex.org_suffixes
        self.org_suffix = sufs
        named = [s for s, v in sufs.items() if v.anchor in ("adjacent", "division", "free") or s in _PARTY_OFFICES]
        self.named_suffix = regex.compile(alternation(named))
        self.free_org = regex.compile(alternation(s for s, v in sufs.items() if v.anchor == "free"))
        self.free_end = regex.compile(rf"(?:{self.free_org.pattern})$")
        self.chain = regex.compile(alternation(s for s, v in sufs.items() if v.anchor in ("chain", "free")))
        # offices of a government that are bodies of their own, not units: 人民政府 + 办公室, + 督查室
        self.office = regex.compile("办公厅|办公室|督查室")
        branches = [s for s, v in sufs.items() if v.anchor == "chain" and s.startswith(("分", "支"))]
        self.branch = regex.compile(alternation(branches))
        # a branch after its division, perhaps by its line of business: 四川省 + 分行, 呼和浩特 + 供电分公司
        self.division_branch = regex.compile(rf"\p{{Han}}{{0,4}}?(?:{alternation(branches)})")
        # a bureau's branch named after its area: 武侯分局, 高新区分局
        self.gov_branch = regex.compile(
            rf"(?P<place>\p{{Han}}{{2,5}}?)(?:{alternation(b for b in branches if sufs[b].kind == 'government')})")
        units = [s for s, v in sufs.items() if v.anchor == "subunit"]
        self.units = frozenset(units)
        self.subunit = regex.compile(rf"(?P<body>\p{{Han}}{{1,8}}?)(?P<suf>{alternation(units)})")
        boundary = lex.words_of("boundary")
        conj = lex.words_of("conjunction")
        self.boundary = regex.compile(alternation(boundary))
        self.left_cut = regex.compile(alternation(boundary | conj))
        breaks = boundary | conj | lex.words_of("name_before")
        self.ends_with_break = regex.compile(rf"(?:{alternation(breaks)})$")
        self.name_before = regex.compile(alternation(lex.words_of("name_before")))
        self.break_reach = max(map(len, breaks), default=1)  # how far back a break word may start
        self.starts_with_break = regex.compile(alternation(boundary | conj | lex.words_of("person_after")))
        self.unit_suffix = regex.compile(alternation(units))
        # body suffixes that end like a unit: 办公室 is not a unit named 办公 + 室
        self.unit_lookalikes = tuple(s for s, v in sufs.items() if v.anchor != "subunit" and len(s) > 1
                                     and s.endswith(tuple(units)))
        # before a bare prefix: a quantifier or word part makes it no prefix (全省, 各市, 超市);
        # a determiner points at a division, whose body's name starts at the prefix (我省, 本市, 该县)
        self.blockers = lex.words_of("prefix_blocker")
        self.home_determiners = lex.words_of("prefix_home")
        self.back_determiners = lex.words_of("prefix_back")
        self.determiners = self.home_determiners | self.back_determiners
        self.prefix_word = regex.compile(alternation(lex.words_of("prefix_word")))
        # a department's name after a bare prefix that makes a word with it: 市 + 民政局, not 市民
        stems = {sf[:-1] for sf in lex.relative if sf.endswith(("厅", "局")) and len(sf) >= 3
                 and not sf.startswith(("省", "市", "县", "区", "州"))}
        self.dept_after_prefix = regex.compile(
            rf"(?:{alternation(stems)})[厅局]|{alternation(lex.dept_names)}")
        self.generic_exact = frozenset(f for f, m in lex.generic_refs.items() if m == "exact")
        self.generic_prefix = regex.compile(
            alternation(f for f, m in lex.generic_refs.items() if m == "prefix")
        )
        self.generic_suffix = regex.compile(
            rf"(?:{alternation(f for f, m in lex.generic_refs.items() if m == 'suffix')})$"
        )
        # words no township's name ends in, though an ORG's may hold them (农业农村局)
        self.not_township = regex.compile(
            rf"(?:{alternation(f for f, m in lex.generic_refs.items() if m == 'place')})$"
        )
        heads = lex.words_of("list_head")
        self.list_end = regex.compile(rf"等(?:{_COUNTER.pattern})?(?P<head>{alternation(heads)})")
        self.list_item = regex.compile(r"[\p{Han}]{1,16}(?:[、和及与][\p{Han}]{1,16}){0,20}$")
        titles = lex.person_titles
        surnames = lex.surnames
        # titles, then maybe one space before the name (副市长 王志远)
        lead = (rf"(?P<titles>(?:{alternation(titles)})(?:[、和及]?(?:{alternation(titles)})){{0,4}})"
                r"[ \u3000]?")
        self.person = regex.compile(rf"{lead}(?P<name>(?:{alternation(surnames)})\p{{Han}}{{1,2}})")
        # a name without a surname (Mongolian 其木格, 额尔敦巴雅尔): one to three name parts
        self.person_parts = regex.compile(rf"{lead}(?P<name>(?:{alternation(lex.words_of('name_part'))}){{1,3}})")
        # a transcribed name with a middle dot (Uyghur 艾尔肯·吐尔逊): its last part ends where a name may
        self.person_dotted = regex.compile(rf"{lead}(?P<name>\p{{Han}}{{1,8}}(?:{_NAME_DOT}\p{{Han}}{{1,8}})+)")
        self.person_after = regex.compile(alternation(lex.words_of("person_after")))
        self.title = regex.compile(alternation(titles))
        self.dept_short = regex.compile(alternation(lex.dept_names))
        self.org_head = regex.compile(
            rf"(?:{alternation(s for s, v in sufs.items() if v.anchor != 'subunit')})$"
        )
        locs = lex.loc_suffixes
        zones = alternation(s for s, v in locs.items() if v.anchor in ("division", "free"))
        self.zone_suffix = regex.compile(zones)
        self.zone_right = regex.compile(rf"\p{{Han}}{{0,2}}?(?:{zones})")
        self.division_zone = regex.compile(alternation(
            s for s, v in locs.items() if v.anchor == "division" and v.kind == "zone" and len(s) >= 2))
        self.free_zone = regex.compile(alternation(s for s, v in locs.items() if v.anchor == "free"))
        self.zone_name = regex.compile(rf"\p{{Han}}{{1,16}}?(?:{alternation(s for s, v in locs.items() if v.kind == 'zone' and v.anchor in ('division', 'free'))})")
        self.zone_tail = regex.compile(rf"(?:{alternation(s for s, v in locs.items() if v.kind == 'zone' and v.anchor in ('division', 'free'))})$")
        self.place_area = regex.compile(alternation(s for s, v in locs.items() if v.anchor == "place"))
        # place words that hold an ORG suffix: 商务中心区, 城市副中心, 行政中心, 会展中心 name places, not bodies
        self.place_word = regex.compile(alternation(
            s for s, v in locs.items()
            if v.kind == "zone" or v.anchor in ("prefix", "free") or (v.anchor == "cue" and s.endswith("中心"))))
        self.list_conj = frozenset(w for w in conj if len(w) == 1)
        # the last characters of place names: zone, venue and township suffixes, division suffixes
        self.place_end = frozenset(s[-1] for s in locs) | frozenset("省市州县区旗")
        # 湖南路, 香港中路, 北京东街: a place's short name, maybe a direction, a street word
        self.street = regex.compile(rf"[东西南北中]?(?:{alternation(lex.words_of('street'))})")
        self.venue_prefix = regex.compile(
            rf"(?P<body>\p{{Han}}{{0,4}}?)(?P<suf>{alternation(s for s, v in locs.items() if v.anchor == 'prefix')})"
        )
        self.venue_cue = regex.compile(alternation(s for s, v in locs.items() if v.anchor == "cue"))
        township = [s for s, v in locs.items() if v.anchor == "township"]
        # a 新村 named as a community is one name: 塘桥新村 + 社区
        self.township = regex.compile(
            rf"(?P<body>\p{{Han}}{{2,{_MAX_LISTED_TOWNSHIP}}}?)(?P<suf>{alternation(township)})(?!(?<=村)社区)")
        self.township_suffix = regex.compile(alternation(township))
        self.township_chars = frozenset("".join(township)) | frozenset("省市县区州")
        self.venue_after = regex.compile(alternation(lex.words_of("venue_after")))
        self.loc_before = regex.compile(rf"(?:{alternation(lex.words_of('loc_before'))})$")
        self.loc_cue = regex.compile(alternation(lex.words_of("loc_before")))
        self.cue_before = lex.cues_at("before")
        self.cue_after = lex.cues_at("after")
        self.cue_suffix = lex.cues_at("suffix")
        self.cue_shape = regex.compile(alternation(lex.cues_at("shape")))
        self.shape_weight = max(lex.cues_at("shape").values(), default=0)
        self.before_re = regex.compile(rf"(?:{alternation(self.cue_before)})$")
        # 上线智能客服“穗智答”, 推出小程序“X”: a verb cue, the kind of thing, then its name
        self.apposition_re = regex.compile(
            rf"(?P<cue>{alternation(c for c, w in self.cue_before.items() if w > 0)})"
            rf"(?P<kind>\p{{Han}}{{2,{_MAX_APPOSITION}}})$")
        self.after_re = regex.compile(alternation(self.cue_after))
        # words after a quote past which no after cue names it: 为, 的, 把 (“加速度”转化为项目…)
        self.after_stop = regex.compile(alternation(boundary | lex.words_of("name_before")))
        self.names_re = regex.compile(alternation(lex.cues_at("names")))
        self.known_lead = regex.compile(alternation(n for n in lex.initiatives if len(n) >= 4))
        # “首问负责、限时办结”等制度, “…”工作机制: names of weight 1 name it also after 等 or 工作
        linked = alternation(c for c, w in lex.cues_at("names").items() if w >= 1)
        self.names_linked_re = regex.compile(rf"(?:{_NAMES_LINK})(?:{linked})")
        self.suffix_re = regex.compile(rf"(?:{alternation(self.cue_suffix)})$")
        self.trailing = regex.compile(
            rf"^(?P<core>.+?(?:{alternation(set(lex.cues_at('platform')) | set(lex.cues_at('named')) | {'专区', '平台', '系统'})}))"
            rf"(?:{alternation(lex.cues_at('trailing'))})$"
        )
        self.platform = regex.compile(
            rf"(?P<body>[\p{{Han}}A-Za-z0-9]{{0,14}}?)(?P<suf>{alternation(lex.cues_at('platform'))})"
        )
        self.named = regex.compile(alternation(lex.cues_at("named")))
        self.named_min = lex.cues_at("named")  # weight: the fewest characters of the name before the suffix
        self.desk = regex.compile(alternation(lex.cues_at("desk")))
        self.doc_type = regex.compile(rf"(?:{alternation(lex.doc_types)})$")
        self.left_run = regex.compile(rf"{_NAME_CHARS}{{1,20}}$")


@dataclass(frozen=True, slots=True)
class _Publisher:
    """The bulletin's publisher as division + body, to read its short forms.

    ``宜宾市政务服务和公共资源交易服务中心``: division 宜宾市, ``prefix`` 市,
    ``body`` 政务服务和公共资源交易服务中心, ``head`` (its final ORG suffix) 中心.
    """

    name: str
    prefix: str
    division: Division
    body: str
    head: str
    kind: str

    @classmethod
    def of(cls, g: _Grammar, publisher: str | None) -> _Publisher | None:
        """The publisher's parts, or ``None`` when it names no division or no ORG suffix."""
        if not publisher:
            return None
        lex = g.lex
        name = _squeeze(publisher)
        longest: dict[int, tuple[int, str]] = {}
        for end, values in lex.matcher.iter(fold(name)):
            for kind, surface in values:
                start = end + 1 - len(surface)
                if kind == "div" and end + 1 > longest.get(start, (0, ""))[0]:
                    longest[start] = (end + 1, surface)
        pos, div = 0, None
        while pos in longest:  # 四川省 + 宜宾市: the chain ends at its most local division
            end, surface = longest[pos]
            nxt = lex.divisions[surface]
            if div is not None and nxt.parent != div.full:
                break
            div, pos = nxt, end
        if div is None:
            return None
        body = name[pos:]
        head = g.org_head.search(body)
        local = lex.org_prefix(div)
        prefix = REGION if local.endswith(REGION) else local[-1]
        if head is None or len(body) <= len(head.group()) or prefix not in ("省", "市", "州", "县", "区", REGION):
            return None
        entry = lex.orgs.get(name)
        kind = entry.kind if entry is not None else g.org_suffix[head.group()].kind
        return cls(name, prefix, div, body, head.group(), kind)

    def is_short(self, rest: str) -> bool:
        """True when ``rest`` (a name after the prefix) abbreviates the body.

        The body itself, its head (``市中心``), or an abbreviation keeping its
        first character and head with the other characters in order
        (``政务服务中心``, ``政务中心``); the head may be cut to its first
        character after two of the body's (``政务办`` of ``政务服务管理办公室``,
        but ``政办`` is no such short form).
        """
        if rest in (self.body, self.head):
            return True
        if len(rest) >= len(self.body) or rest[0] != self.body[0]:
            return False
        if not (rest.endswith(self.head) or (len(self.head) > 1 and len(rest) >= 3 and rest[-1] == self.head[0])):
            return False
        chars = iter(self.body)
        return all(ch in chars for ch in rest)

    def cut_head(self, rest: str) -> bool:
        """True when ``rest`` ends in the head cut to its first character (``政务办`` of ``…办公室``)."""
        return len(self.head) > 1 and not rest.endswith(self.head) and rest[-1:] == self.head[0]

    def heads(self) -> tuple[str, ...]:
        """How a short form of the body may end: its head, or the head's first character."""
        return (self.head, self.head[0]) if len(self.head) > 1 else (self.head,)


@dataclass(frozen=True, slots=True)
class _Anchor:
    """Where a name may start: a division chain or a bare prefix (``省``, ``市委``)."""

    start: int
    end: int
    division: Division | None = None
    bare: str | None = None
    township: bool = False
    #: a named zone whose name is the body (两江新区 + 管委会): no shortest body applies
    zone: bool = False
    #: a township's official name prefix with its county (成都市武侯区簇桥街道), when known
    base: str | None = None
    #: a zone of the home city named without it (科技城新区): its body's name must end a word
    bare_zone: bool = False
    #: the official name of the named zone of ``places.tsv`` the anchor is (贵州贵安新区)
    place: str | None = None

    @property
    def prefix(self) -> str | None:
        """The bare prefix without its party committee: ``市`` of ``市委``, ``自治区`` of ``自治区党委``."""
        if self.bare is None:
            return None
        return REGION if self.bare.startswith(REGION) else self.bare[0]


class _Run:
    """The state of one tagging run over one document."""

    def __init__(self, g: _Grammar, doc: Document) -> None:
        self.g = g
        self.lex = g.lex
        self.doc = doc
        self.text = doc.view.text
        self.home: Home = g.lex.home(doc.meta.publisher)
        n = len(self.text)
        self.div_mask = bytearray(n)
        self.div_start = bytearray(n)
        self.org_hits: list[tuple[int, int, str]] = []
        self.div_hits: list[tuple[int, int, str]] = []
        self.ini_hits: list[tuple[int, int, str]] = []
        self.place_hits: list[tuple[int, int, str]] = []
        lists = {"org": self.org_hits, "div": self.div_hits, "ini": self.ini_hits, "place": self.place_hits}
        folded = fold(self.text)
        if n and len(self.lex.matcher):
            for end, values in self.lex.matcher.iter(folded):
                for kind, surface in values:
                    start = end + 1 - len(surface)
                    lists[kind].append((start, end + 1, surface))
        # names the home's divisions share with others elsewhere in China: 鼓楼区 in a Nanjing bulletin
        local = self.lex.local_divisions(self.home)
        self.divisions: Mapping[str, Division] = (
            ChainMap(dict(local), self.lex.divisions) if local else self.lex.divisions)  # type: ignore[arg-type]
        for name in local:
            pos = folded.find(name)
            while pos >= 0:
                self.div_hits.append((pos, pos + len(name), name))
                pos = folded.find(name, pos + 1)
        self.div_hits = self.bounded_divisions(self.div_hits)
        #: zones named after the home city without its name there: 工业园区 = 苏州工业园区 in a Suzhou bulletin
        self.places: Mapping[str, Place] = self.lex.places
        self.zone_base: dict[str, str] = {}  # surface -> how its bodies' names start (苏州)
        local_zones = self.home_zones()
        if local_zones:
            self.places = ChainMap(local_zones, dict(self.lex.places))  # type: ignore[arg-type]
        self.div_end_at: dict[int, int] = {}  # start -> end of the longest division there
        for s, e, _ in self.div_hits:
            self.div_mask[s:e] = b"\x01" * (e - s)
            self.div_start[s] = 1
            self.div_end_at[s] = max(e, self.div_end_at.get(s, e))
        for name in local_zones:
            pos = folded.find(name)
            while pos >= 0:
                if self.breaks_before(pos) and not self.div_mask[pos]:
                    self.place_hits.append((pos, pos + len(name), name))
                pos = folded.find(name, pos + 1)
        self.policy_mask = bytearray(n)
        self._bare_zones: list[tuple[int, int]] | None = None
        self._home_zones: list[tuple[int, int, str]] | None = None
        self.anchor_cache: dict[tuple[bool, bool, bool], list[_Anchor]] = {}
        # county-level divisions named in the text, by end: a bare 县/区 may point back at one
        self.county_hits = sorted(((e, s, self.divisions[surface]) for s, e, surface in self.div_hits
                                   if self.divisions[surface].level == "county"), key=lambda h: (h[0], h[1]))
        self.county_ends = [h[0] for h in self.county_hits]
        self.publisher = _Publisher.of(g, doc.meta.publisher)
        self._townships: list[tuple[int, int, str]] | None = None
        #: (start, end) of a township -> how its bodies' official names start (成都市武侯区簇桥街道)
        self.township_base: dict[tuple[int, int], str] = {}

    # -- helpers ------------------------------------------------------------

    def home_zones(self) -> dict[str, Place]:
        """Zones of ``places.tsv`` named after the home city (苏州工业园区), by their name without it
        (工业园区): a city's own bulletin leaves its name out (a municipality's too: 城市副中心)."""
        city = self.home.city_level
        if city is None:
            return {}
        out: dict[str, Place] = {}
        stems = {city.local, *(a for a in city.aliases if len(a) >= 2)}
        for place in self.lex.places.values():
            if place.kind != "zone":
                continue
            for stem in stems:
                rest = place.name[len(stem):]
                if place.name.startswith(stem) and len(rest) >= 3 and rest not in self.lex.places:
                    out[rest] = place
                    self.zone_base[rest] = stem
        return out

    def bounded_divisions(self, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Division hits that start a word where their form needs it.

        A short form of a county (``长兴``, ``资中``), of a city outside the home
        province, or a one-character name with its suffix (``范县``, ``和县``) is
        also part of ordinary words (示范县, 投资中心, 市和县): it names a
        division only after a break, a boundary word or place cue, another
        division (``湖州南浔``), or right before a zone suffix (``长兴经济技术开发区``).
        """
        text, g = self.text, self.g
        kept: list[tuple[int, int, str]] = []
        ends: set[int] = set()
        province_of: dict[str, str | None] = {}
        home = self.home.province.full if self.home.province else None
        after: dict[int, Division] = {}  # end -> the division kept there
        for s, e, surface in sorted(hits, key=lambda h: (h[0], -h[1])):
            div = self.divisions[surface]
            prev = after.get(s)
            if prev is not None and not self.lies_in(div, prev) and (
                    div.level == "county" or _LEVEL_RANK[div.level] <= _LEVEL_RANK[prev.level]):
                continue  # 绍兴 + 滨海新区 (天津), 观山湖区 + 金华园街道: a name's start, not a division
            if surface != div.full and len(surface) < len(div.local) and g.street.match(text, e):
                continue  # 湖南路, 北京街: part of a street name
            if self.needs_word_start(surface, div, home, province_of) and not (
                    s in ends or self.breaks_before(s) or g.loc_before.search(text, max(0, s - 3), s)
                    or g.zone_right.match(text, e)):
                continue
            kept.append((s, e, surface))
            ends.add(e)
            after.setdefault(e, div)
        return kept

    def lies_in(self, div: Division, other: Division) -> bool:
        """True when ``div`` lies in ``other`` or shares its parent (绵阳 + 江油, 江油 + 北川)."""
        if div.parent == other.parent:
            return True
        parent, seen = div.parent, 0
        while parent is not None and seen < 4:
            if parent == other.full:
                return True
            up = self.divisions.get(parent)
            parent, seen = (up.parent if up else None), seen + 1
        return False

    def needs_word_start(self, surface: str, div: Division, home: str | None,
                         province_of: dict[str, str | None]) -> bool:
        """True when ``surface`` names ``div`` only where a word starts: a county's short
        form, a city's outside the ``home`` province, a one-character name with its suffix."""
        local = div.local
        if div == self.home.county and surface != local:
            return False  # the home county's short form: 广东政务服务网 + 南山 + 分站
        if len(surface) == 2 and surface == local:
            return True  # 范县, 和县
        if div.level == "province" or len(surface) >= len(local) or not local.startswith(surface):
            return False  # a province, a suffixed or a qualified name
        if div.level != "city":
            return True
        if div.full not in province_of:
            province = self.lex.province_of(div)
            province_of[div.full] = province.full if province else None
        return province_of[div.full] != home

    def is_generic(self, name: str) -> bool:
        g = self.g
        return (name in g.generic_exact or g.generic_prefix.match(name) is not None
                or g.generic_suffix.search(name) is not None)

    def specific_kind(self, rest: str) -> bool:
        """True when ``rest`` (a body after a division) ends in a generic category and kind
        (``行业`` + ``协会``) with a field of its own before it: ``物流行业协会`` (``行业协会``
        alone is generic; ``全资子公司``, a relation, stays generic)."""
        m = self.g.generic_suffix.search(rest)
        kind = self.g.free_end.search(m.group()) if m is not None else None
        if m is None or kind is None or kind.start() < 2:
            return False
        field = rest[:m.start()]
        return len(field) >= 2 and not self.is_generic(field) and not self.g.left_cut.search(field)

    def breaks_before(self, pos: int) -> bool:
        """True when a name may start at ``pos`` (start, non-name char or boundary word before)."""
        if pos == 0 or not is_han(self.text[pos - 1]):
            return True
        return self.g.ends_with_break.search(self.text, max(0, pos - self.g.break_reach), pos) is not None

    def verb_ban(self, end: int) -> bool:
        """True when a name would end at the verb 办 (``可就近办理``, ``政务办件``, ``可办``)."""
        text = self.text
        return text[end - 1:end] == "办" and (_BAN_VERB_AFTER.match(text, end) is not None
                                             or _MODAL_BAN.search(text, max(0, end - 6), end) is not None)

    def in_title(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` begins a person's title before a name (省委 of
        ``省委常委、副省长吴立宏``): no ORG of its own."""
        t = self.g.title.match(self.text, start)
        return t is not None and t.end() > end and self.g.person.match(self.text, start) is not None

    def lists_bodies(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` holds a conjunction and a bare prefix after it: two bodies
        in a list (什邡市 + 和市住建局), not one name (住房和城乡建设局, 商务和市场监管局)."""
        text = self.text
        for m in _CONJ_PREFIX.finditer(text, start, end):
            if not self.g.prefix_word.match(text, m.start() + 1):
                return True
        return False

    def breaks_after(self, pos: int) -> bool:
        """True when a name may end at ``pos``."""
        text = self.text
        if pos >= len(text) or not is_han(text[pos]):
            return True
        return (self.g.starts_with_break.match(text, pos) is not None or text.startswith("窗口", pos)
                or self.g.person.match(text, pos) is not None)

    def ends_name(self, pos: int) -> bool:
        """True before the end of the text, a non-Han character or a word of two or more
        characters after names (陪同, 一行): a name surely ends at ``pos``."""
        if pos >= len(self.text) or not is_han(self.text[pos]):
            return True
        m = self.g.person_after.match(self.text, pos)
        return m is not None and len(m.group()) >= 2

    def ends_clause(self, pos: int) -> bool:
        """True at a list or clause break: punctuation, a conjunction or a boundary word."""
        text = self.text
        if pos >= len(text) or not is_han(text[pos]):
            return True
        return self.g.left_cut.match(text, pos) is not None

    def body_ok(self, start: int, end: int, *, strict: bool = False, inner_divisions: bool = False) -> bool:
        """A name body: no boundary word (``strict``: nor conjunction), no new division inside
        (``inner_divisions``: none at its start), not generic."""
        if start >= end:
            return True
        body = self.text[start:end]
        words = self.g.left_cut if strict else self.g.boundary
        if words.search(body) or self.is_generic(body):
            return False
        if inner_divisions:  # 峨 + 眉山: a division one character in is part of a word
            return not any(self.div_start[start + 2:end]) and not self.div_start[start]
        return not any(self.div_start[start + 1:end]) and not self.div_start[start]

    def anchors(self, *, bare: bool = True, central: bool = False, relaxed_province: bool = False) -> list[_Anchor]:
        """Division chains (``四川省成都市``) and bare prefixes where a name may start."""
        key = (bare, central, relaxed_province)
        if key not in self.anchor_cache:
            self.anchor_cache[key] = self.find_anchors(bare, central, relaxed_province)
        return list(self.anchor_cache[key])

    def find_anchors(self, bare: bool, central: bool, relaxed_province: bool) -> list[_Anchor]:
        out: list[_Anchor] = []
        best: dict[int, tuple[int, str]] = {}
        for s, e, surface in self.div_hits:
            if s not in best or e > best[s][0]:
                best[s] = (e, surface)
        covered_until = -1
        for s in sorted(best):
            if s < covered_until:
                continue
            e, surface = best[s]
            # extend over adjacent divisions: 四川省 + 成都市 + 武侯区
            div = self.divisions[surface]
            while e in best:
                e, surface = best[e]
                div = self.divisions[surface]
            covered_until = e
            out.append(_Anchor(s, e, division=div))
        if bare:
            text = self.text
            for m in _BARE_PREFIX.finditer(text):
                pos = m.start()
                if self.div_mask[pos] or (self.g.prefix_word.match(text, pos)
                                          and not self.g.dept_after_prefix.match(text, m.end())):
                    continue  # inside a division name, or a word: 市场, 省级, 县域
                ch = text[pos]
                if pos and is_han(text[pos - 1]):
                    if text[pos - 1] in self.g.determiners:
                        pass  # 我省, 本市, 该县 + a body: the prefix starts its name
                    elif ch == "省" and (relaxed_province or text[pos - 1] not in self.g.blockers):
                        pass
                    elif not self.breaks_before(pos):
                        continue
                out.append(_Anchor(pos, m.end(), bare=m.group()))
        if central:
            for m in _CENTRAL_PREFIX.finditer(self.text):
                if self.breaks_before(m.start()):
                    out.append(_Anchor(m.start(), m.end()))
        for m in _PAREN_PLACE.finditer(self.text):  # 中国（绵阳）+ 知识产权保护中心
            if self.div_end_at.get(m.start("place")) == m.end("place"):  # specific enough after any word
                out.append(_Anchor(m.start(), m.end()))
        for s, e, surface in self.place_hits:  # a named zone starts a body's name: 两江新区 + 管委会
            place = self.places[surface]
            if place.kind == "zone" and self.breaks_before(s):
                out.append(_Anchor(s, e, township=True, zone=True, base=self.zone_base.get(surface, "") + surface,
                                   place=place.name))
        out += self.zone_back_anchors()
        for s, e, official in self.home_zone_words():  # 高新区 + 政务服务中心: the home city's zone's body
            admin = self.text.startswith((*_ZONE_ADMIN, _ZONE_PARTY), e)  # 经开区 + 管委会: the zone's own
            out.append(_Anchor(s, e, township=True, zone=admin, base=official, place=official))
        city = self.home.city_level
        base = self.lex.org_prefix(city) if city is not None else self.home.county_prefix
        for s, _ in self.bare_zones():  # 科技城新区 + 政务服务中心 in its city's bulletin
            out.append(_Anchor(s, s, township=True, bare_zone=True, base=base))
        chains = {a.end: a.start for a in out if a.division is not None}
        for s, e, _ in self.townships():  # 太白镇 + 人民政府, 罗龙街道 + 办事处, 龙泉驿区洛带镇 + 人民政府
            out.append(_Anchor(chains.get(s, s), e, township=True, base=self.township_base.get((s, e))))
        return out

    def in_home_province(self, div: Division) -> bool:
        """True when ``div`` lies in the home province."""
        home = self.home.province
        province = self.lex.province_of(div)
        return home is None or province is None or province.full == home.full

    def home_zone_words(self) -> list[tuple[int, int, str]]:
        """A zone's short kind word of ``name_expansions.tsv`` (高新区, 经开区) standing alone in a
        city's bulletin, where a name may start: the home city's zone, by its official name
        (西安 + 高新技术产业开发区). Returns (start, end, official name)."""
        if self._home_zones is not None:
            return self._home_zones
        out: list[tuple[int, int, str]] = []
        city = self.home.city_level
        words = self.lex.expansions["zone"]
        if city is not None and words:
            short = min((a for a in city.aliases if len(a) >= 2), key=len, default=city.local)
            text = self.text
            for m in regex.finditer(alternation(words), text):
                s, e = m.span()
                if self.div_mask[s] or not (self.breaks_before(s) or self.g.loc_before.search(text, max(0, s - 3), s)):
                    continue
                if self.policy_mask[s]:
                    continue
                out.append((s, e, short + words[m.group()]))
        self._home_zones = out
        return out

    def zone_back_anchors(self) -> list[_Anchor]:
        """A zone's kind word alone (新区) starting a body's name after the zone was named in
        its paragraph (贵安新区围绕…，组建由新区政务服务中心牵头), or anywhere in the zone's own
        bulletin (新区税务局 in one of 四川天府新区…政务服务局): the zone's body."""
        text, g = self.text, self.g
        out: list[_Anchor] = []
        named: list[tuple[int, int, str, Place]] = []  # end, start, written name, place
        covered = bytearray(len(text))
        for s, e, surface in self.place_hits:
            place = self.places[surface]
            if place.kind == "zone":
                named.append((e, s, self.zone_base.get(surface, "") + surface, place))
                covered[s:e] = b"\x01" * (e - s)
        home = self.places.get(self.home.zone) if self.home.zone else None
        if home is not None:
            named.append((0, 0, home.name, home))
        for s, e, _ in self.div_hits:  # 银川 + 经济技术开发区: a zone named by its division, as written
            m = g.zone_right.match(text, e)
            if m is not None and not covered[s]:
                written = _squeeze(text[s:m.end()])
                named.append((m.end(), s, written, Place(written, "zone", ())))
                covered[s:m.end()] = b"\x01" * (m.end() - s)
        for e, s, written, place in named:
            # the shortest kind word: 开发区 of 银川经济技术开发区
            kind = next(reversed(list(g.zone_tail.finditer(written, overlapped=True))), None)
            if kind is None or len(kind.group()) == len(written):
                continue
            stop = -1 if place is home else text.find("\n", e)
            for m in regex.finditer(regex.escape(kind.group()), text, pos=e, endpos=stop if stop >= 0 else len(text)):
                i = m.start()
                if covered[i] or self.div_mask[i] or not self.breaks_before(i):
                    continue
                if self.anchored_name(m.end(), zone=True) is not None or self.dept_at(m.end()) is not None:
                    out.append(_Anchor(i, m.end(), township=True, zone=True, base=written, place=place.name))
        return out

    def division_at(self, start: int) -> Division:
        """The longest division named at ``start`` (a key of ``div_end_at``)."""
        end = self.div_end_at[start]
        return self.divisions[fold(self.text[start:end])]

    def townships(self) -> list[tuple[int, int, str]]:
        """Units below the county (``loc_suffixes.tsv`` anchor ``township``): (start, end, norm).

        A Han name of 2-4 characters (up to 6 when listed locally) and its suffix, right after a division
        (``江油市太白镇``) or a place cue (``在罗龙街道``), or coordinated with
        such a unit (``罗龙街道、大观镇``), ending where a word may end. The
        norm is the full name under the division before it, or under the
        county named last in the sentence, else the name as written.
        """
        if self._townships is not None:
            return self._townships
        text, g = self.text, self.g
        starts: list[tuple[int, Division | None]] = [(m.end(), None) for m in g.loc_cue.finditer(text)]
        covered = -1
        for s in sorted(self.div_end_at):  # the longest division at each place: 顺庆区, not 顺庆 + 区
            if s >= covered:
                covered = self.div_end_at[s]
                starts.append((covered, self.division_at(s)))
        body_starts = self.township_body_starts()
        known = self.known_townships()
        starts += [(s, None) for s, _ in known]
        out: list[tuple[int, int, str]] = []
        seen: set[int] = set()
        for pos, div in sorted(starts + [(p, None) for p in body_starts], key=lambda p: (p[0], p[1] is None)):
            inside: tuple[str, str] | None = None  # the township a village or community lies in: (norm, base)
            while pos not in seen:
                seen.add(pos)
                m = g.township.match(text, pos)
                if m is None or (pos in body_starts and m.end() not in body_starts[pos]):
                    break
                body, end = m.group("body"), m.end()
                nested = self.township_at(end)  # 宝圣湖街道 + 金港社区, 统景镇 + 印盒村
                listed = (pos, end) in known  # 工区街道: a listed name may end like a division
                # a local township's listed name may be long (成吉思汗大街街道), hold a conjunction
                # (和平镇) or end like a generic word (连城镇, but not 小城镇)
                local = self.local_township(m.group())
                if ((self.ends_like_division(m) and not listed)
                        or (len(body) > _MAX_TOWNSHIP_BODY and not local)
                        or not (self.body_ok(pos, m.start("suf"), strict=True)
                                or self.county_short_at(pos, m.start("suf"))
                                or (local and self.body_ok(pos, m.start("suf"))))
                        or self.is_generic(m.group())
                        or (g.not_township.search(m.group()) and not local)
                        or text.startswith("级", end)
                        or not (nested or self.township_ends(end) or listed)):
                    break
                if inside is not None:
                    norm, base = inside[0] + m.group(), inside[1] + m.group()
                else:
                    county = div if div is not None else self.township_county(m.group(), pos)
                    norm = county.full + m.group() if county is not None else m.group()
                    base = self.lex.org_prefix(county) + m.group() if county is not None else None
                    if div is None and (zoned := self.zone_township(m.group(), pos, county)):
                        norm, base = zoned
                out.append((pos, end, norm))
                if base is not None:
                    self.township_base[(pos, end)] = base
                if nested:
                    inside, pos = (norm, base or m.group()), end
                    continue
                if text[end:end + 1] not in ("、", "和", "及", "与"):
                    break
                inside, pos = None, end + 1
        out += self.townships_again(out)
        out += self.townships_listed(out)
        self._townships = sorted(out)
        return self._townships

    def known_townships(self) -> set[tuple[int, int]]:
        """Spans of townships listed in ``townships.tsv`` under a county named in the bulletin or
        a county of the home city (蓬安县 ... 对相如街道、锦屏镇等; 在舞凤街道试点): these may start
        and end anywhere a Han word may."""
        text, g = self.text, self.g
        out: set[tuple[int, int]] = set()
        for m in g.township_suffix.finditer(text):
            for size in range(2, _MAX_LISTED_TOWNSHIP + 1):
                start = m.start() - size
                if start < 0 or not is_han(text[start]):
                    break
                if self.local_township(text[start:m.end()]):
                    lead = text[start - 1] if start else ""
                    if (not lead or not is_han(lead) or lead in "对在到赴于向从至与和及" or self.breaks_before(start)
                            or start in self.div_end_at.values()):
                        out.add((start, m.end()))
                    break
        return out

    def local_township(self, name: str) -> bool:
        """True when ``townships.tsv`` lists ``name`` under a county named in the bulletin or a
        county of the home city."""
        counties = {div.full for _, _, div in self.county_hits}
        city = self.home.city_level
        return any(d.full in counties or (city is not None and d.parent == city.full)
                   for d in self.lex.townships.get(name, ()))

    def townships_listed(self, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Townships named short in a list before their kind (粤海、蛇口等街道), each named in full
        elsewhere in the bulletin (粤海街道): that township."""
        text = self.text
        norms = {text[s:e]: n for s, e, n in found}
        spans = {(s, e) for s, e, _ in found}
        out: list[tuple[int, int, str]] = []
        for m in _TOWNSHIP_LIST_END.finditer(text):
            suffix = m.group("suf")
            items = _TOWNSHIP_ITEMS.search(text, max(0, m.start() - _MAX_TOWNSHIP_LIST), m.start())
            if items is None:
                continue
            pos = items.start()
            for item in regex.split(r"[、和及与]", items.group()):
                start, end = pos, pos + len(item)
                pos = end + 1
                for cut in range(len(item) - 1):  # the first item may follow a verb: its known tail
                    name = item[cut:]
                    if name + suffix in norms and (start + cut, end) not in spans:
                        out.append((start + cut, end, norms[name + suffix]))
                        break
        return out

    def zone_township(self, name: str, pos: int, county: Division | None) -> tuple[str, str] | None:
        """A zone's bulletin names the townships of its city the zone runs (norm, name prefix):
        湖北省武汉市 + 东湖新技术开发区 + 关东街道 when no county is named before it in its sentence."""
        zone, city = self.home.zone, self.home.city_level
        if zone is None or city is None or county is None or county.parent != city.full or self.county_before(pos):
            return None
        stem = next((s for s in sorted({city.local, *city.aliases}, key=len, reverse=True) if zone.startswith(s)), "")
        return city.full + zone[len(stem):] + name, zone + name

    def township_county(self, name: str, pos: int) -> Division | None:
        """The county a township named ``name`` at ``pos`` lies in: of the counties holding one so
        named (``townships.tsv``), the county named last before it in its sentence, another
        county named there (到蓝田县、周至县调研…查看玉山镇: 蓝田县), the home county, the only one
        in the home city; else the county named last or the home county."""
        fallback = self.county_before(pos) or self.home.county
        holders = {d.full: d for d in self.lex.townships.get(name, ())}
        if not holders or (fallback is not None and fallback.full in holders):
            return fallback
        floor = max(0, pos - _MAX_SENTENCE)
        brk = _LAST_BREAK.search(self.text, floor, pos)
        floor = brk.end() if brk else floor
        i = bisect_right(self.county_ends, pos)
        while i > 0 and self.county_hits[i - 1][0] > floor:  # the counties of the sentence, last first
            i -= 1
            end, start, div = self.county_hits[i]
            if start >= floor and div.full in holders:
                return div
        for region in (self.home.county, self.home.city_level):  # (a province holds too many to guess)
            if region is None:
                continue
            inside = [d for d in holders.values() if d.full == region.full or d.full.startswith(region.full)]
            if len(inside) == 1:
                return inside[0]
        return fallback

    def ends_like_division(self, m: regex.Match[str]) -> bool:
        """True when a township match's body ends like a division or township (武侯区 + 街道),
        not as a 村 turned community (塘桥新村 + 社区)."""
        body = m.group("body")
        return body[-1] in self.g.township_chars and not (body[-1] == "村" and m.group("suf") == "社区")

    def township_at(self, pos: int) -> bool:
        """True when a village or community's name starts at ``pos``, right after its township's:
        宝圣湖街道 + 金港社区 (a name of 2-4 characters, a suffix of its own, a word's end)."""
        m = self.g.township.match(self.text, pos)
        return (m is not None and not self.ends_like_division(m)
                and self.body_ok(pos, m.start("suf"), strict=True) and not self.is_generic(m.group())
                and not self.g.not_township.search(m.group())
                and not self.text.startswith("级", m.end()) and self.township_ends(m.end()))

    def townships_again(self, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """A township named once in a place's context named again anywhere else (龙溪街道坚持…,
        做好木耳镇…), where no other township's name goes on (…街道 + 社区) and no 级 follows."""
        text = self.text
        spans = {(s, e) for s, e, _ in found}
        out: list[tuple[int, int, str]] = []
        for name, norm in {text[s:e]: n for s, e, n in found}.items():
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                if (pos, end) not in spans and not self.div_mask[pos] and not text.startswith("级", end):
                    out.append((pos, end, norm))
                    s, e = next((s, e) for s, e, _ in found if text[s:e] == name)
                    if (s, e) in self.township_base:
                        self.township_base[(pos, end)] = self.township_base[(s, e)]
                pos = text.find(name, end)
        return out

    def township_body_starts(self) -> dict[int, set[int]]:
        """Starts of township names that begin a body's name after a break (``、簇桥街道办事处``,
        ``，火车南站街道便民服务中心``): start -> ends of the township names there."""
        text, g = self.text, self.g
        out: dict[int, set[int]] = {}
        for m in g.township_suffix.finditer(text):
            end = m.end()
            if self.anchored_name(end) is None and self.dept_at(end) is None:
                continue
            for size in range(2, 5):
                start = m.start() - size
                if start < 0 or not is_han(text[start]):
                    break
                if self.breaks_before(start):
                    if not _BARE_PREFIX.match(text, start) and not _QUANTIFIERS.search(text, start, m.start()):
                        # 市 + 住房城乡建设局 is a city's body; 月份各乡镇 no township's name
                        out.setdefault(start, set()).add(end)
                    break
        return out

    def county_short_at(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is exactly a county's short form (蓝田 of 蓝田街道 may name a town)."""
        surface = fold(self.text[start:end])
        div = self.divisions.get(surface) if self.div_end_at.get(start) == end else None
        return div is not None and div.level == "county" and len(surface) < len(div.local)

    def township_ends(self, pos: int) -> bool:
        """True when a township name may end at ``pos``: a break, an ORG suffix or a verb of places."""
        text, g = self.text, self.g
        return (self.breaks_after(pos) or g.venue_after.match(text, pos) is not None
                or g.named_suffix.match(text, pos) is not None or g.dept_short.match(text, pos) is not None
                or self.anchored_name(pos) is not None)  # 街道 + 便民服务中心

    def extend(self, end: int) -> tuple[int, str | None, str]:
        """Chain suffixes (``办公厅``, ``分公司``) then a sub-unit after a name ending at ``end``.

        Returns (new end, unit or None, chained text).
        """
        text, g = self.text, self.g
        chained = ""
        if text.endswith(_SAR_GOVERNMENTS, 0, end):  # 香港特别行政区政府 + 数字政策办公室: a bureau's own name
            found = self.anchored_name(end)
            if found is not None and self.breaks_after(found[1]):
                return found[1], None, _squeeze(text[end:found[1]])
        for _ in range(3):
            m = g.chain.match(text, end)
            if m is None and text.endswith(_OFFICE_HOLDERS, 0, end):
                m = g.office.match(text, end)  # 人民政府办公室 is a body, not a unit
            if m is None and text.endswith("局", 0, end):  # 市规划和自然资源局 + 武侯分局: a unit
                b = g.gov_branch.match(text, end)
                if b is not None and not g.left_cut.search(b.group("place")) and self.breaks_after(b.end()):
                    return b.end(), _squeeze(b.group()), chained
            if m is None and end in self.div_end_at:  # 中国建设银行 + 四川省 + 分行
                m = g.division_branch.match(text, self.div_end_at[end])
                if m is not None:  # a province's branch by its full name: 宁夏 -> 宁夏回族自治区
                    div = self.division_at(end)
                    written = text[end:self.div_end_at[end]]
                    chained += (div.full if div.level == "province" else written) + text[self.div_end_at[end]:m.start()]
            if m is None:
                break
            chained += m.group()
            end = m.end()
        unit = None
        m = g.subunit.match(text, end)
        if m:
            body, suf = m.group("body"), m.group("suf")
            rule = g.org_suffix[suf]
            name = body + suf
            if (len(body) >= rule.min_body and not g.boundary.search(body) and not g.generic_prefix.search(body)
                    and not self.is_generic(name) and self.breaks_after(m.end())):
                unit, end = name, m.end()
        if unit is None and text.endswith(_UNIT_HOSTS, 0, end):  # 省公安厅 + 出入境管理局, 市公安局 + 交警支队
            m = _INNER_UNIT.match(text, end)
            if (m is not None and not g.left_cut.search(m.group("body")) and self.unit_may_start(end)
                    and not self.is_generic(m.group()) and self.breaks_after(m.end())):
                unit, end = m.group(), m.end()
        return end, unit, chained

    def chain_onto(self, norm: str, chained: str) -> str:
        """``norm`` with the chained text of :meth:`extend` after it, once: a registered name may
        hold the chain's head already (中国农业银行 + 股份有限公司越西县支行)."""
        head = self.g.chain.match(chained)
        return norm + (chained[head.end():] if head and norm.endswith(head.group()) else chained)

    def branch_of(self, a: _Anchor, norm: str) -> tuple[str, str] | None:
        """A district's body its city runs as a branch (``branches.tsv``): (the city's body,
        the branch as unit), or ``None`` (深圳市南山区市场监督管理局 -> 深圳市市场监督管理局, 南山监管局)."""
        div = a.division
        if div is None and a.prefix in ("区", "县"):
            div = self.home.county
        if div is None or div.level != "county" or div.parent is None or not self.lex.branches:
            return None
        prefix = self.lex.org_prefix(div)
        city = self.divisions.get(div.parent)
        unit = self.lex.branches.get((div.parent, norm[len(prefix):])) if norm.startswith(prefix) else None
        if unit is None or city is None:
            return None
        short = div.local[:-1] if len(div.local) > 2 and div.local.endswith(("区", "县")) else div.local
        return city.local + norm[len(prefix):], unit.replace("{short}", short)

    def district_named(self, start: int, name: str) -> str:
        """``name`` of an institution starting at ``start`` with a district's name, with the
        district's city first (``南山区人民医院`` -> ``深圳市南山区人民医院``), as a district's bodies."""
        if not self.div_start[start]:
            return name
        div = self.division_at(start)
        written = fold(self.text[start:self.div_end_at[start]])
        prefix = self.lex.org_prefix(div)
        if div.level != "county" or written != div.local or prefix == written or not name.startswith(written):
            return name
        return prefix + name[len(written):]

    def unit_may_start(self, pos: int) -> bool:
        """True when a unit's name may start at ``pos`` after its body: no division there, or a
        county's short form naming the branch (市场监督管理局 + 南山监管局)."""
        if not self.div_start[pos]:
            return True
        div = self.division_at(pos)
        surface = fold(self.text[pos:self.div_end_at[pos]])
        return div.level == "county" and surface != div.local and not surface.endswith(("区", "县", "市"))

    def prefix_name(self, prefix: str, pos: int) -> str | None:
        """The division a bare ``省``/``市``/``州``/``县``/``区`` at ``pos`` means, as a name prefix.

        The home divisions (a zone's bulletin: ``区`` is the zone); in a bulletin above county level,
        ``县``/``区`` is the county of that kind named last before it in the sentence
        (``长宁县政务服务中心联合县税务局`` -> 长宁县).
        """
        if pos and self.text[pos - 1] in self.g.back_determiners:  # 该市: the city named last before
            div = self.division_before(pos, prefix)
            if div is not None:
                return self.lex.org_prefix(div)
        if prefix in ("县", "区") and self.home.county is None and not (prefix == "区" and self.home.zone):
            div = self.county_before(pos, prefix) or self.item_county(pos, prefix)
            return self.lex.org_prefix(div) if div is not None else None
        if prefix == "市" and self.home.city_level is None:  # 遵义市坚持…，将市政务服务中心…
            div = self.city_before(pos)
            return self.lex.org_prefix(div) if div is not None else None
        if prefix == "州" and self.home.city is None:  # 恩施州…联合州人社局 in a province's bulletin
            div = self.prefecture_before(pos)
            return div.local if div is not None else None
        return self.home.local(prefix)

    def item_county(self, pos: int, suffix: str) -> Division | None:
        """The one county-level division ending in ``suffix`` named before ``pos`` in its numbered
        item (``4.…即墨区…。高振华要求，区行政审批服务局…``); ``None`` outside a numbered item or
        when the item names several."""
        floor = None
        for m in _ITEM_START.finditer(self.text, max(0, pos - 4 * _MAX_SENTENCE), pos):
            floor = m.end()
        if floor is None:
            return None
        found = {div.full: div for end, start, div in self.county_hits
                 if start >= floor and end <= pos and div.local.endswith(suffix)}
        return next(iter(found.values())) if len(found) == 1 else None

    def city_before(self, pos: int) -> Division | None:
        """The city (or county-level city) named last before ``pos`` in its sentence."""
        return self._division_before(pos, lambda div: div.level == "city" or div.local.endswith("市"))

    def prefecture_before(self, pos: int) -> Division | None:
        """The prefecture (a city-level ``…州``) named last before ``pos`` in its sentence."""
        return self._division_before(pos, lambda div: div.level == "city" and div.local.endswith("州"))

    def _division_before(self, pos: int, keep: Callable[[Division], bool]) -> Division | None:
        """The division ``keep`` accepts named last before ``pos`` in its sentence."""
        floor = max(0, pos - _MAX_SENTENCE)
        brk = _LAST_BREAK.search(self.text, floor, pos)
        floor = brk.end() if brk else floor
        best: tuple[int, Division] | None = None
        for s, e, surface in self.div_hits:
            div = self.divisions[surface]
            if floor <= s and e <= pos and keep(div) and (best is None or e > best[0]):
                best = (e, div)
        return best[1] if best else None

    def division_before(self, pos: int, prefix: str) -> Division | None:
        """The division a bare ``prefix`` after a back-pointing determiner means (``该市``, ``该县``):
        the one of its kind named last in the ``_MAX_SENTENCE`` characters before ``pos``
        (a province for ``省``, a city or county-level city for ``市``, a county ending in the
        prefix for ``县``/``区``), or ``None``."""
        best: tuple[int, Division] | None = None
        for s, e, surface in self.div_hits:
            div = self.divisions[surface]
            if not (pos - _MAX_SENTENCE <= s and e <= pos) or (best is not None and e <= best[0]):
                continue
            if prefix == "省":
                fits = div.level == "province" and div.local.endswith("省")
            elif prefix in ("市", "州"):
                fits = div.level == "city" or (div.level == "county" and div.local.endswith(prefix))
            else:
                fits = div.level == "county" and div.local.endswith(prefix)
            if fits:
                best = (e, div)
        return best[1] if best else None

    def county_before(self, pos: int, suffix: str | None = None) -> Division | None:
        """The county-level division named last before ``pos`` in its sentence (ending in ``suffix``)."""
        floor = max(0, pos - _MAX_SENTENCE)
        brk = _LAST_BREAK.search(self.text, floor, pos)
        floor = brk.end() if brk else floor
        hits = self.county_hits
        i = bisect_right(self.county_ends, pos)
        while i > 0 and hits[i - 1][0] > floor:
            i -= 1
            div = hits[i][2]
            if hits[i][1] >= floor and (suffix is None or div.local.endswith(suffix)):
                return div
        return None

    def back_home(self, prefix: str, pos: int) -> Home:
        """The home a body's name at ``pos`` starting with ``prefix`` is read against: after
        ``该省`` the province named last before it, else the bulletin's home."""
        if prefix == "省" and pos and self.text[pos - 1] in self.g.back_determiners:
            div = self.division_before(pos, prefix)
            if div is not None:
                return Home(province=div)
        return self.home

    def official(self, base: str, rest: str, *, party: bool = False) -> tuple[str, str | None]:
        """Official name and kind of the body ``rest`` of the division named ``base``.

        ``dept_names.tsv`` expands short department names (``人社局`` ->
        ``人力资源和社会保障局``, ``税务局`` -> ``国家税务总局{}税务局``); a party
        organ (``市委组织部``) is ``中共{base}委…``. The kind is the table's, or ``None``.
        """
        if base.endswith(_SAR_GOVERNMENTS[0][:-2]) and rest.startswith("政府"):
            return base + rest, "government"  # 香港特别行政区政府: no people's government
        dept = self.lex.dept_names.get(rest)
        if dept is not None and dept.template:
            return dept.name(base), dept.kind
        full = dept.full if dept is not None else rest
        if party:
            return party_committee(base) + full, "party"
        return base + full, dept.kind if dept is not None else None

    def zone_admin(self, a: _Anchor, base: str | None, pos: int, end: int) -> tuple[str, str] | None:
        """The official name and kind of a zone's administration (``管委会``) or party working
        committee (``党工委``), or ``None``: named from the zone's own official name
        (``贵安新区管委会`` -> ``贵州贵安新区管理委员会``) or its name as written with the short zone
        words of ``name_expansions.tsv`` in full (``德阳经开区管委会`` -> ``德阳经济技术开发区管理委员会``,
        ``怀柔科学城管委会`` -> ``怀柔科学城管理委员会``)."""
        text = self.text
        rest = _squeeze(text[pos:end])
        admin = next((w for w in (*_ZONE_ADMIN, _ZONE_PARTY) if rest.endswith(w)), None)
        if admin is None:
            return None
        if a.zone and a.place is not None and rest == admin:
            zone = a.place
        elif a.township and not a.zone:
            return None
        else:
            lead = (base or "") if a.bare is not None else _squeeze(text[a.start:a.end])
            zone = lead + rest[:-len(admin)]
            if self.g.zone_name.fullmatch(zone) is None:
                return None
            zone = self.lex.expand(zone, "zone")
        if admin == _ZONE_PARTY:
            return f"中共{zone}工作委员会", "party"
        return zone + _ZONE_ADMIN[-1], "government"

    def mirrored(self, base: str, rest: str) -> str | None:
        """A district's body named as the municipality's body it mirrors (``重庆市渝北区`` +
        ``大数据发展局`` -> ``重庆市渝北区大数据应用发展管理局``, from ``重庆市大数据发展局`` of
        ``orgs.tsv``), or ``None``."""
        city = self.home.municipality
        if city is None or not base.startswith(city.full) or base == city.full:
            return None
        entry = self.lex.orgs.get(city.full + rest)
        if entry is None or not entry.norm.startswith(city.full) or entry.kind != "government":
            return None
        return base + entry.norm[len(city.full):]

    def anchor_base(self, a: _Anchor, expands: bool, *, government: bool = False) -> str | None:
        """How the division or bare prefix of ``a`` starts an official name; ``None``: unknown.

        A bare prefix resolves against the home (:meth:`prefix_name`). A single
        division keeps the spelling of the text unless it is a district (its
        city goes first: ``南溪区`` -> ``宜宾市南溪区``) or the name is expanded
        (``宜宾人社局`` -> ``宜宾市…``); a chain is named from its last division
        (``浙江省嘉善县`` -> ``嘉善县``; ``宜宾市南溪区`` as written).
        """
        if a.bare is not None:
            return self.prefix_name(a.prefix, a.start)
        written = _squeeze(self.text[a.start:a.end])
        if a.division is None:
            return (a.base or written) if a.township else None
        single = self.div_end_at.get(a.start) == a.end
        local = a.division.local
        # 恩施州, 峨边县: a short form with the suffix stands for the official name (恩施土家族苗族自治州)
        short = written != local and written[-1:] == local[-1:] and a.division.level in ("city", "county")
        prefix = self.lex.org_prefix(a.division)
        qualified = len(written) > len(local) and written.endswith(local)  # 湖南省怀化市: with its parents
        if (qualified or not single) and not (government or self.in_home_province(a.division)):
            return written  # 湖南省怀化市 + 政务服务中心: another province's body as written
        if single and (expands or short or prefix != local):
            return prefix
        if not single and written.endswith(prefix):
            return prefix  # 浙江省嘉善县 + 政府 -> 嘉善县人民政府: a government is named from its own division
        return written

    def dept_at(self, pos: int) -> tuple[int, str] | None:
        """A short department name of ``dept_names.tsv`` starting at ``pos`` and ending a name
        (or its general office's: 政协 + 办公室)."""
        m = self.g.dept_short.match(self.text, pos)
        if m is None or not (self.breaks_after(m.end()) or self.office_after(m.end())) or self.verb_ban(m.end()):
            return None
        return m.end(), m.group()

    def office_after(self, pos: int) -> bool:
        """True when the general office of the body ending at ``pos`` follows (人大常委会 + 办公室)."""
        return self.text.endswith(_OFFICE_HOLDERS, 0, pos) and self.g.office.match(self.text, pos) is not None

    def publisher_end(self, a: _Anchor, pos: int) -> int | None:
        """End of the longest short form of the publisher after anchor ``a`` (``市中心``), or ``None``."""
        pub = self.publisher
        if pub is None or not self.is_publisher_anchor(a):
            return None
        text = self.text
        limit = min(len(text), pos + len(pub.body))
        best = None
        heads = "|".join(regex.escape(h) for h in pub.heads())
        for m in regex.finditer(heads, text, pos=pos, endpos=limit, overlapped=True):
            long = m.group() == pub.head and m.end() - pos >= _LONG_SHORT_FORM  # 市政务服务中心 + 备案
            if (pub.is_short(text[pos:m.end()]) and (long or self.breaks_after(m.end()))
                    and self.body_ok(pos, m.start()) and not self.verb_ban(m.end())):
                best = m.end()
        return best

    def counterpart(self, surface: str, entry: OrgEntry, local: str) -> str | None:
        """The body of the division named ``local`` that a provincial surface names after a bare prefix.

        ``医保局`` -> ``宜宾市医疗保障局``; ``贸促会`` -> ``中国国际贸易促进委员会宜宾市委员会``.
        """
        if surface in self.lex.dept_names:
            return self.official(local, surface)[0]
        province = entry.province
        if province is None or province not in entry.norm:
            return None
        if entry.norm.startswith(province):
            return local + entry.norm[len(province):]
        return entry.norm.replace(province, local, 1)

    def is_publisher_anchor(self, a: _Anchor) -> bool:
        """True when ``a`` names the publisher's division: its bare prefix (``市``) or the division itself."""
        pub = self.publisher
        if pub is None:
            return False
        if a.bare is None:
            return a.division == pub.division
        if a.bare != pub.prefix:
            return False
        if a.start and self.text[a.start - 1] in self.g.back_determiners:  # 该市: maybe another city
            div = self.division_before(a.start, a.prefix)
            return div is None or div == pub.division
        return True

    def local_form(self, entry: OrgEntry) -> str | None:
        """The home city's or county's counterpart of a provincial body.

        ``四川省财政厅`` -> ``湖州市财政局``; ``国家税务总局四川省税务局`` ->
        ``国家税务总局宜宾市税务局``; in a county bulletin ``长宁县公安局``.
        """
        home = self.home
        if home.county is not None:
            prefix = home.county_prefix or home.county.local
        elif home.city is not None:
            prefix = home.city.local
        else:
            return None
        province = entry.province
        if entry.level != "provincial" or province is None or province not in entry.norm:
            return None
        if not entry.norm.startswith(province):
            return entry.norm.replace(province, prefix, 1)
        rest = entry.norm[len(province):]
        city = home.municipality
        if city is not None and province != city.full:  # 住建 in a Chongqing district: as the municipality's
            rest = self.lex.municipal(city.full + rest, home)[len(city.full):]
        if rest.endswith("办公厅"):
            rest = rest[:-1] + "室"
        elif rest.endswith("厅"):
            rest = rest[:-1] + "局"
        elif rest.endswith("总队"):  # a fire brigade: 支队 of a city (or a municipality's district), 大队 of a county
            rest = rest[:-2] + ("大队" if home.county is not None and city is None else "支队")
        return prefix + rest

    # -- POLICY -------------------------------------------------------------

    def policies(self) -> list[Candidate]:
        text = self.text
        spans: list[tuple[int, int, int, int]] = []  # start, end, depth, after the closing bracket
        stack: list[tuple[str, int]] = []
        for m in _BRACKETS.finditer(text):
            ch = m.group()
            if ch in "。！？":
                stack.clear()
            elif ch in "《〈":
                stack.append((ch, m.end()))
            else:
                opener = "《" if ch == "》" else "〈"
                while stack and stack[-1][0] != opener:
                    stack.pop()
                if stack:
                    _, start = stack.pop()
                    end = m.start()
                    while end > start and text[end - 1].isspace():  # 《保障方案\n》: the break is no part
                        end -= 1
                    if 0 < end - start <= _MAX_TITLE:
                        spans.append((start, end, len(stack), m.end()))
        out: list[Candidate] = []
        full_by_alias: dict[str, tuple[int, int]] = {}
        for start, end, depth, closed in sorted(spans):
            title = text[start:end]
            norm = _squeeze(title)
            alias_of = full_by_alias.get(norm) if depth == 0 else None
            out.append(Candidate("POLICY", start, end, norm, TIER_POLICY, RANK_LEXICON,
                                 doc_type=self.doc_type(norm), alias_of=alias_of, nested=depth > 0))
            if depth == 0 and alias_of is None:
                m = _ALIAS_INTRO.match(text, closed)
                if m:
                    alias = _squeeze(m.group(1))
                    full_by_alias[alias] = (start, end)
                    if text[m.start(1) - 1] == "“":  # a quoted short name is a mention too
                        out.append(Candidate("POLICY", m.start(1), m.end(1), alias, TIER_POLICY, RANK_LEXICON,
                                             doc_type=self.doc_type(alias), alias_of=(start, end)))
        for c in out:
            self.policy_mask[c.start:c.end] = b"\x01" * (c.end - c.start)
        return out

    def doc_type(self, title: str) -> str | None:
        core = _TRAILING_MARKS.sub("", title)
        m = self.g.doc_type.search(core)
        return m.group() if m else None

    # -- INITIATIVE ---------------------------------------------------------

    def quoted(self) -> list[Candidate]:
        text, g = self.text, self.g
        quotes = [m for m in _QUOTE.finditer(text) if not self.policy_mask[m.start()]]
        # runs of adjacent quotes share their context: “A”“B”涉企活动
        runs: list[list[regex.Match]] = []
        for m in quotes:
            if runs and text[runs[-1][-1].end():m.start()] in ("", "、", "和", "及", "与"):
                runs[-1].append(m)
            else:
                runs.append([m])
        scored: list[tuple[int, int, str, int]] = []
        for run in runs:
            before = text[max(0, run[0].start() - _QUOTE_BEFORE):run[0].start()]
            after = text[run[-1].end():run[-1].end() + _QUOTE_AFTER]
            for m in run:
                written = m.group(1).strip()
                name = written.replace("\n", "")  # “24小时自助服务区\n”: a line break kept by the PDF
                if not name or len(name) > _MAX_QUOTE:
                    continue
                start = text.index(written, m.start(1))
                end = start + len(written)
                t = g.trailing.match(name)
                if t:  # “重大项目服务专区运行” -> 重大项目服务专区
                    size = len(t.group("core"))
                    brk = written.find("\n")
                    end = start + size + (1 if 0 <= brk < size else 0)
                    name = t.group("core")
                if fold(name) in self.lex.places and self.lex.places[fold(name)].kind == "region":
                    continue  # “通武廊”政务服务一体化: a known region quoted, a LOC, not a programme
                scored.append((start, end, name, self.score_quote(name, before, after)))
        positive = {name for _, _, name, score in scored if score > 0}
        return [
            Candidate("INITIATIVE", s, e, name, TIER_QUOTED, RANK_LEXICON)
            for s, e, name, _ in scored if name in positive
        ]

    def score_quote(self, name: str, before: str, after: str) -> int:
        """Evidence that a quoted string names an initiative (> 0) or is a slogan or phrase."""
        g = self.g
        score = 0
        key = fold(name)
        if key in self.lex.initiatives or _squeeze(key) in self.lex.initiatives:
            score += 5
        elif g.known_lead.match(key):  # “帮办代办进村组”: a programme built on a known one
            score += _KNOWN_LEAD
        core = _TRAILING_MARKS.sub("", name) or name
        m = g.suffix_re.search(core)
        suffix_weight = g.cue_suffix[m.group()] if m else 0
        if _AT_ONCE_SHAPE.match(key):  # “交地即交证” names a reform, not a licence
            suffix_weight = max(suffix_weight, 0) + 2
        score += suffix_weight
        shape = self.has_shape(name)
        if shape:
            score += g.shape_weight
        if _PLUS_SHAPE.search(key):
            score += 2
        if _PACKAGE.match(key):
            score += 1
        m = g.before_re.search(before)
        cue_before = g.cue_before[m.group()] if m else 0
        if m is None and (m := g.apposition_re.search(before)) and not g.left_cut.search(m.group("kind")):
            cue_before = g.cue_before[m.group("cue")]  # 上线智能客服“穗智答”: the name of what is launched
        score += cue_before
        # a reform-shaped name stays a name before 方式, 模式: “不见面开标”方式
        # (a plus shape too before a kind of mode: “预审+承诺”审批模式, not “理论讲解+模拟实操”模式)
        shaped = shape or _AT_ONCE_SHAPE.match(key) is not None or (
            _PLUS_SHAPE.search(key) is not None and g.names_linked_re.match(after) is not None)
        for k in range(5):
            if k >= len(after) or not (is_han(after[k]) or after[k].isalnum()):
                break
            m = g.after_re.match(after, k)
            if m:
                weight = g.cue_after[m.group()]
                score += max(weight, -1) if shaped else weight
                break
            if k and g.after_stop.match(after, k):
                break  # “加速度”转化为 + 项目: a cue beyond a verb or preposition names something else
        meaningful = sum(1 for c in name if is_han(c) or c.isdigit())
        if meaningful < 2:
            score -= 5
        clauses = [c for c in _CLAUSE_SPLIT.split(_LATIN_SPACE.sub("", name)) if c]  # “A I智能导办”: one clause
        if len(clauses) >= 3:
            score -= 3
        if len(clauses) >= 2 and key not in self.lex.initiatives:
            linked = g.names_linked_re.match(after) is not None
            if not g.names_re.match(after) and not linked:
                return min(score, 0)  # “一表申请、一次办结”: a slogan, unless named a reform, mechanism, mode
            if cue_before > 0 or linked:
                # 推行“前台综合受理、后台分类审批”模式: a reform carried out; “首问负责、限时办结”等制度
                return max(score, 1)
        named = g.after_re.match(after)  # “三集中”, but “双全双百”工程, “一项目一专班”服务机制: a strong cue names it
        strong = (named is not None and g.cue_after[named.group()] >= 2) or g.names_linked_re.match(after) is not None
        if (_DE_PHRASE.match(name) and not _AT_ONCE_SHAPE.match(key)) or (_NUMERIC_ABBREV.match(name) and not strong):
            score -= 3
        if _SENTENCE_PUNCT.search(name) or _DE_MODIFIER.match(name):
            score -= 3
        if len(name) > 16 and suffix_weight <= 0:
            score -= 2
        return score

    def has_shape(self, name: str) -> bool:
        """True when a shape word of ``initiative_cues.tsv`` makes ``name`` reform-shaped: with words
        of its own (“周末不打烊”, not “不打烊” alone), at the start or after two characters at least
        (“园区办事不出园”, not the idiom “足不出港”)."""
        for m in self.g.cue_shape.finditer(name, overlapped=True):
            if len(m.group()) < len(name) and (m.start() == 0 or m.start() >= 2):
                return True
        return False

    def unquoted_initiatives(self) -> list[Candidate]:
        text, g, lex = self.text, self.g, self.lex
        out: list[Candidate] = []
        for s, e, surface in self.ini_hits:
            ini = lex.initiatives[surface]
            if len(surface) <= _MIN_UNQUOTED:
                continue  # 京通, 京办 only in quotes: 北京通州, 在北京办理
            if ini.kind in _UNQUOTED_KINDS:
                app = _APP.match(text, e) if ini.kind == "platform" else None
                e = app.end() if app else e  # 天府市民云 + APP
                out.append(Candidate("INITIATIVE", s, e, _squeeze(text[s:e]) if app else text[s:e], TIER_NAME, RANK_LEXICON))
        for m in _HOTLINE.finditer(text):  # 12345市民服务热线, 区 + 12345政务服务便民热线
            out.append(Candidate("INITIATIVE", m.start(), m.end(), _squeeze(m.group()), TIER_NAME, RANK_PATTERN))
        prefixed = {m.end() for m in _PLATFORM_PREFIX.finditer(text)}
        anchors = [a for a in self.anchors(relaxed_province=True) if a.bare is None or a.end not in prefixed]
        for m in _PLATFORM_PREFIX.finditer(text):
            if self.breaks_before(m.start()):
                anchors.append(_Anchor(m.start(), m.end(), bare=m.group()))
        for a in anchors:
            m = g.platform.match(text, a.end)
            if m and a.bare in _PLATFORM_PREFIXES and not (
                    m.group("suf").endswith("系统") and len(m.group("body")) >= _MIN_SYSTEM_BODY):
                continue  # 全市公共资源交易平台, 全省市场监管系统: every platform or the sector, no name
            if m and len(m.group()) >= 4 and self.body_ok(a.end, m.start("suf"), strict=True):
                out.append(Candidate("INITIATIVE", a.start, m.end(), text[a.start:m.end()], TIER_NAME, RANK_PATTERN))
        for m in g.named.finditer(text):
            run = g.left_run.search(text, max(0, m.start() - 20), m.start())
            if not run:
                continue
            start = run.start()
            for cut in g.left_cut.finditer(text, run.start(), run.end()):
                start = cut.end()
            body = text[start:m.start()]
            least = max(2, g.named_min[m.group()])  # 川渝远程异地评标 + 协同系统: a long body names a system
            if least <= len(body) <= 12 and not self.is_generic(body) and fold(body) not in lex.initiatives:
                out.append(Candidate("INITIATIVE", start, m.end(), text[start:m.end()], TIER_NAME, RANK_PATTERN))
        desks = g.desk
        for s, e, surface in self.ini_hits:  # 川渝通办 + 专窗: a programme named by its window, unquoted
            ini = lex.initiatives[surface]
            if ini.kind not in _UNQUOTED_KINDS and len(surface) >= _MIN_DESK_NAME and desks.match(text, e) \
                    and self.breaks_before(s):
                out.append(Candidate("INITIATIVE", s, e, text[s:e], TIER_NAME, RANK_LEXICON))
        return [c for c in out if not _COUNTED.search(text, c.start, c.end)]

    # -- ORG ----------------------------------------------------------------

    def lexicon_orgs(self) -> list[Candidate]:
        text, lex = self.text, self.lex
        out = []
        for s, e, surface in self.org_hits:
            if surface.endswith("部") and text.startswith("门", e):
                continue  # 财政部门, 宣传部门: a sector, not the ministry
            if self.verb_ban(e) or self.in_title(s, e):
                continue  # 市政府办 + 理: the verb 办理; 省委 + 常委吴立宏: a title
            if surface.startswith(("省", "市", "县", "区")) and s and text[s - 1] in self.g.blockers:
                continue  # 全省政务服务中心负责人: every centre of the province
            entry = lex.orgs[surface]
            start, norm = s, lex.org_norm(surface, entry, self.back_home(surface[0], s))
            if surface in lex.relative and s and text[s - 1] in "省市州县区" and not surface.startswith(("省", "市")):
                prefix = text[s - 1]
                if (self.breaks_before(s - 1) or (s >= 2 and text[s - 2] in self.g.determiners)
                        or (prefix == "省" and (s < 2 or text[s - 2] not in self.g.blockers))):
                    if prefix == "省":
                        norm = lex.org_norm(surface, entry, self.back_home(prefix, s - 1))
                    start = s - 1
                    if prefix != "省":  # 市医保局, 县税务局: the local body
                        local = self.prefix_name(prefix, start)
                        norm = (self.counterpart(surface, entry, local) if local else None) or _squeeze(text[start:e])
                elif not self.div_mask[s - 1]:
                    continue  # 各区县 + 数据局: every county's body, not the province's
            end, unit, chained = self.extend(e)
            if chained:
                norm = self.chain_onto(norm, chained)
            rank = RANK_PATTERN if chained else RANK_LEXICON  # 省委办公厅 itself beats 省委 + 办公厅
            out.append(Candidate("ORG", start, end, norm, TIER_NAME, rank, unit=unit, kind=entry.kind))
        return out

    def anchored_name(self, pos: int, *, party: bool = False, zone: bool = False) -> tuple[int, int, str] | None:
        """The shortest ``body + suffix`` ORG name starting at ``pos`` that fits its suffix's rule.

        ``party`` (市委 + 组织部) and ``zone`` (两江新区 + 管委会): any body length;
        a zone's name is no generic body. Returns (suffix start, suffix end, suffix) or ``None``.
        """
        text, g = self.text, self.g
        run = _NAME_RUN.match(text, pos)
        if not run:
            return None
        best = None
        cover = -1  # end of the longest suffix so far: 委 inside 管委会 is no suffix
        places = [(p.start(), p.end()) for p in g.place_word.finditer(text, pos, run.end(), overlapped=True)]
        for m in g.named_suffix.finditer(text, pos, run.end(), overlapped=True):
            inside, cover = m.end() < cover, max(cover, m.end())
            if inside or any(ps <= m.start() and m.end() <= pe and pe - ps > len(m.group()) for ps, pe in places):
                continue  # 商务 + 中心区, 城市 + 副中心: the ORG suffix is part of a place word
            rule = g.org_suffix[m.group()]
            body = m.start() - pos
            if (body < rule.min_body and not (party or zone)) or (rule.anchor == "adjacent" and body and not zone):
                continue
            if self.verb_ban(m.end()) or self.lists_bodies(pos, m.start()):
                continue
            key = (m.end(), m.start())
            if (best is None or key < best[0]) and self.body_ok(pos, m.start()):
                best = (key, m)
        if best is None:
            return None
        m = best[1]
        return m.start(), m.end(), m.group()

    def pattern_orgs(self) -> list[Candidate]:
        text, g = self.text, self.g
        out = []
        # a national body right before a local one is its system: 国家税务总局 + 成都市税务局
        central: dict[int, int] = {}
        for s, e, surface in self.org_hits:
            if self.lex.orgs[surface].level == "central":
                central[e] = min(s, central.get(e, s))
        township_end = {s: e for s, e, _ in self.townships()}
        for a in self.anchors(central=True):
            if a.division is not None and township_end.get(a.start, 0) > a.end:
                continue  # 玉山 + 镇便民服务中心: the division's name starts a township's (玉山镇)
            national = a.division is None and a.bare is None and not a.township
            pos, party = a.end, bool(a.bare and a.bare.endswith("委"))  # 市委办公室
            if a.division is not None and text.startswith("委", pos) and not g.boundary.match(text, pos) and (
                    self.anchored_name(pos + 1, party=True) or self.dept_at(pos + 1)):
                pos, party = pos + 1, True  # 泸州市委 + 组织部
            found = self.anchored_name(pos, party=party, zone=a.zone)
            dept = None if national else self.dept_at(pos)
            suf: str | None = None
            kind: str | None = None
            if dept is not None and (found is None or dept[0] >= found[1] or self.office_after(dept[0])):
                suf_start, name_end, kind = pos, dept[0], self.lex.dept_names[dept[1]].kind  # 市工商联
            elif found is not None:
                suf_start, name_end, suf = found
                kind = g.org_suffix[suf].kind
            else:
                pub_end = None if national or party else self.publisher_end(a, pos)
                if pub_end is None:
                    continue
                suf_start, name_end, kind = pos, pub_end, self.publisher.kind if self.publisher else None  # 市中心
            if national and suf_start == a.end:
                continue  # 国家局, 中国中心: a national prefix needs a body
            if a.bare_zone and not self.breaks_after(name_end):
                continue  # 城市新区 + 布局: no body's name
            if (_squeeze(text[pos:name_end]) in self.lex.person_titles or _DOC_NUMBER.match(text, name_end)
                    or self.in_title(a.start, name_end)):
                continue  # 省委 + 常委: a title; 渝北府办 + 发〔2025〕: a document number
            name = text[a.start:name_end]
            if a.zone and self.g.generic_suffix.search(text, pos, name_end) is not None:
                continue  # 曲江新区 + 再布局: a word, no body's name
            dept_name = dept is not None and name_end == dept[0]  # 区委 + 督查办: a department's short name
            if not a.zone and not dept_name and self.is_generic(name) and not (
                    (a.division is not None or a.bare) and self.specific_kind(text[pos:name_end])):
                continue
            if party:
                kind = "party"
            rest = _squeeze(text[pos:name_end])
            base = self.anchor_base(a, rest in self.lex.dept_names, government=rest.startswith(_GOVERNMENTS))
            norm = _squeeze(name)
            written = None
            if base is not None:
                written, _ = self.official(base, rest, party=party)
                if not party and rest not in self.lex.dept_names and not (suf and g.org_suffix[suf].anchor == "free"):
                    # 规划自然资源局, 城市管理委: in full (an enterprise's registered name stays as written)
                    rest = self.lex.expand(rest, "body", *(("suffix",) if suf in self.lex.expansions["suffix"] else ()))
                norm, dept_kind = self.official(base, rest, party=party)
                kind = dept_kind or kind
            known = self.lex.orgs.get(norm) or (self.lex.orgs.get(written) if written else None)
            if known is not None:  # 成都市网络理政办: a known short form of an official name
                norm, kind = known.norm, known.kind
            elif base is not None and not party:
                norm = self.mirrored(base, rest) or norm  # 区大数据发展局: named as the municipality's
            admin = self.zone_admin(a, base, pos, name_end)
            if admin is not None:  # 德阳经开区管委会 -> 德阳经济技术开发区管理委员会
                norm, kind = admin
            full = self.lex.orgs.get(_squeeze(name) + "员会") if suf == "委" else None
            if full is not None:  # 省发展和改革委 is short for a known 委员会
                norm, kind = self.lex.org_norm(_squeeze(name) + "员会", full, self.home), full.kind
            pub = self.publisher
            if pub is not None and not party and self.is_publisher_anchor(a) and pub.is_short(rest):
                norm, kind = pub.name, pub.kind  # 市政务服务中心 in the centre's own bulletin
            elif pub is not None and not party and known is None and a.bare in ("省", "市") and pub.cut_head(rest) \
                    and pub.is_short(rest) and self.home.local(a.bare):
                # the publisher's body at the other home level: 省政务办 in a city 政务服务管理办公室's bulletin
                # (a short form with a cut head only: 省大数据局 may well be a name of its own)
                norm, kind = f"{self.home.local(a.bare)}{pub.body}", pub.kind
            start = central.get(a.start, a.start) if a.division is not None else a.start
            if start != a.start:
                norm = _squeeze(text[start:name_end])
            end, unit, chained = self.extend(name_end)
            branch = None if party or chained else self.branch_of(a, norm)
            if branch is not None:  # 区市场监管局 in Shenzhen: 深圳市市场监督管理局, unit 南山监管局
                norm, unit = branch[0], unit or branch[1]
            school = _UNIVERSITY_UNIT.match(norm) if unit is None and not chained else None
            if school is not None:  # 兰州大学 + 信息科学与工程学院: a school is a unit of its university
                norm, unit = school.group("body"), school.group("unit")
            rank = RANK_LEXICON if a.place is not None else RANK_PATTERN  # a named zone's body: its name is known
            out.append(Candidate("ORG", start, end, self.chain_onto(norm, chained), TIER_NAME, rank, unit=unit,
                                 kind=kind))
        for m in g.free_org.finditer(text):
            end = m.end()
            while True:  # 集团 + 有限公司, + 呼和浩特供电分公司
                nxt = g.chain.match(text, end)
                if nxt is None and end in self.div_end_at and text.endswith("公司", 0, end):  # a registered name's
                    nxt = g.division_branch.match(text, self.div_end_at[end])  # branch (banks: the lexicon's)
                if not nxt:
                    break
                end = nxt.end()
            bracket = _BRACKET_WORD.search(text, max(0, m.start() - 6), m.start())
            run_end = bracket.start() if bracket else m.start()  # 贵州磷化 + （集团） + 有限责任公司
            run = g.left_run.search(text, max(0, run_end - 20), run_end)
            if not run:
                continue
            start = run.start()
            for cut in g.left_cut.finditer(text, run.start(), run.end()):
                start = cut.end()
            # 现场为 + 四川旌晟重型装备有限公司, 开发区管委会为 + 宁夏…有限公司: a name starts at its division
            for lead in g.name_before.finditer(text, start, m.start()):
                if self.div_start[lead.end()]:
                    start = lead.end()
            body = text[start:m.start()]
            rule = g.org_suffix[m.group()]
            if len(body) < max(rule.min_body, 1) or self.is_generic(body) or self.is_generic(text[start:end]):
                continue
            name, unit = _squeeze(text[start:end]), None
            school = _UNIVERSITY_UNIT.match(name)
            if school is not None:  # 华中科技大学 + 公共管理学院: a school is a unit of its university
                name, unit = school.group("body"), school.group("unit")
            name = self.division_bank(self.grid_company(name))
            if rule.kind == "institution" and unit is None:
                name = self.district_named(start, name)  # 南山区人民医院 -> 深圳市南山区人民医院
            # after a bare prefix (市行政学院) the anchored name, with its division resolved, goes first
            rank = RANK_OTHER if _BARE_PREFIX.match(text, start) else RANK_PATTERN
            out.append(Candidate("ORG", start, end, name, TIER_NAME, rank, unit=unit, kind=rule.kind))
        for m in g.unit_suffix.finditer(text):  # 会同审监处: a unit named alone
            rule = g.org_suffix[m.group()]
            if not self.ends_clause(m.end()) or text.endswith(g.unit_lookalikes, 0, m.end()):
                continue
            for size in range(max(rule.min_body, 1), _MAX_UNIT_BODY + 1):
                start = m.start() - size
                body = text[start:m.start()]
                if start < 0 or not all(is_han(c) for c in body):
                    break
                if start and is_han(text[start - 1]) and not self.breaks_before(start):
                    continue
                if not (g.generic_prefix.search(body) or g.boundary.search(body) or self.is_generic(body + m.group())):
                    # below an anchored name of the same span (区政府 + 督查室)
                    out.append(Candidate("ORG", start, m.end(), body + m.group(), TIER_NAME, RANK_OTHER, kind=rule.kind))
                break
        return out

    def list_orgs(self) -> list[Candidate]:
        """Short names coordinated before 等(N个)部门/单位: 结合网信、经信、公安等部门."""
        text, lex = self.text, self.lex
        out = []
        for m in self.g.list_end.finditer(text):
            items = self.g.list_item.search(text, max(0, m.start() - 120), m.start())
            if not items:
                continue
            pos = items.start()
            parts = regex.split(r"[、和及与]", items.group())
            for i, part in enumerate(parts):
                start = pos
                pos += len(part) + 1
                if i == 0:  # the first item follows a verb: take its longest known tail
                    for k in range(len(part)):
                        tail = part[k:]
                        if lex.list_entry(tail, self.home) is not None or tail in lex.orgs:
                            start, part = start + k, tail
                            break
                entry = lex.list_entry(part, self.home)
                if entry is None:
                    local = self.listed_department(part)  # 资源规划 (局): the home's 自然资源和规划局
                    if local is not None:
                        out.append(Candidate("ORG", start, start + len(part), local[0], TIER_NAME, RANK_PATTERN,
                                             kind=local[1]))
                    continue
                norm = self.local_form(entry) or lex.org_norm(part, entry, self.home)
                out.append(Candidate("ORG", start, start + len(part), norm, TIER_NAME, RANK_LEXICON, kind=entry.kind))
        return out

    def listed_department(self, part: str) -> tuple[str, str | None] | None:
        """A short name in a list that is a short department name of ``dept_names.tsv`` without its
        局 (``资源规划`` of ``资源规划局``): that department of the home city or county, or ``None``."""
        dept = self.lex.dept_names.get(part + "局")
        if dept is None or len(part) < 2 or dept.template:
            return None
        home = self.home
        prefix = home.county_prefix or (home.county.local if home.county else None)
        if prefix is None:
            city = home.city_level
            prefix = city.local if city is not None else None
        if prefix is None:
            return None
        return self.official(prefix, part + "局")[0], dept.kind

    # -- LOC ----------------------------------------------------------------

    def locations(self) -> list[Candidate]:
        text, g = self.text, self.g
        out: list[Candidate] = []
        home_province = self.home.province
        starts = {s for s, _, _ in self.div_hits}
        ends = {e for _, e, _ in self.div_hits}
        for s, e, surface in self.div_hits:
            div = self.divisions[surface]
            parts = self.chain_parts(s, e, surface, div)
            if len(parts) > 1:  # 浙江省湖州市吴兴区, 南京鼓楼区: one LOC a division, as 宜宾市 + 叙州区
                out.extend(Candidate("LOC", ps, pe, pdiv.full, TIER_LOC, RANK_LEXICON) for ps, pe, pdiv in parts
                           if home_province is None or pdiv.full != home_province.full)
                continue
            if (home_province is not None and div.full == home_province.full) or _ORIGIN_MARK.match(text, e):
                continue  # 四川, 四川省 alone are not LOC in a Sichuan bulletin; 赣州籍 is no place
            # the home county by its short form needs none: 在“i深圳”南山专区, 浦东要…
            home_short = div == self.home.county and not _DOC_NUMBER_AFTER.match(text, e)
            if div.level in ("county", "township") and surface != div.full and not home_short and not (
                    surface.endswith(("市", "县", "区", "州", "旗", "镇", "乡"))):
                adjacent = (s in ends or e in starts or (s and text[s - 1] == "、" and s - 1 in ends)
                            or (text[e:e + 1] == "、" and e + 1 in starts))
                if not adjacent and not g.loc_before.search(text, max(0, s - 3), s):
                    continue  # a bare county name needs a place context: 绵阳江油, 赴江油
            out.append(Candidate("LOC", s, e, div.full, TIER_LOC, RANK_LEXICON))
        out += self.branch_counties()
        for s, e, surface in self.place_hits:
            place = self.places[surface]
            if place.kind in _FOREIGN_PLACES and _LANGUAGE_MARK.match(text, e):
                continue  # 老挝语, 越南籍: a language or a nationality, not the place
            out.append(Candidate("LOC", s, e, place.name, TIER_LOC, RANK_LEXICON))
            if place.kind in _NATURAL_PLACES:  # 赤水河 + 流域, 武陵山 + 山区: the area named after it
                for back in (0, 1):
                    m = g.place_area.match(text, e - back)
                    if m is not None and m.end() > e and text[e - back:e] == m.group()[:back]:
                        out.append(Candidate("LOC", s, m.end(), _squeeze(text[s:m.end()]), TIER_LOC, RANK_PATTERN))
                        break
        for s, e, norm in self.townships():
            out.append(Candidate("LOC", s, e, norm, TIER_LOC, RANK_PATTERN))
        for a in self.anchors(bare=False):
            if a.zone or a.place is not None:
                continue  # 高新区 + 丝路软件城: a place inside a zone is a LOC of its own
            run = _HAN_RUN.match(text, a.end)
            # every zone suffix within reach, the longest name wins: 宜宾临港 < 宜宾临港经济技术开发区
            for m in g.zone_suffix.finditer(text, a.end, run.end() if run else a.end, overlapped=True):
                if m.start() - a.end > _MAX_ZONE_BODY:
                    break
                if g.township_suffix.match(text, m.end()):
                    continue  # 金港 + 社区: a township's name
                if self.body_ok(a.end, m.start(), strict=True) and (
                        len(m.group()) > 1 or m.start() > a.end or self.township_ends(m.end())):  # 泸州港, not 广东港澳
                    out.append(Candidate("LOC", a.start, m.end(), _squeeze(text[a.start:m.end()]), TIER_LOC, RANK_PATTERN))
        out += self.free_zones()
        out += [Candidate("LOC", s, e, official, TIER_LOC, RANK_PATTERN) for s, e, official in self.home_zone_words()]
        for a in self.anchors(relaxed_province=True):
            m = g.venue_prefix.match(text, a.end)
            if m is None and a.division is not None and text[a.end - 1] == "市":
                m = g.venue_prefix.match(text, a.end - 1)  # 洛阳 + 市民之家
            if m and self.body_ok(m.start(), m.start("suf")):
                out.append(Candidate("LOC", a.start, m.end(), _squeeze(text[a.start:m.end()]), TIER_LOC, RANK_PATTERN))
        for m in g.venue_cue.finditer(text):  # 在德必川报易园成功举办
            if not g.venue_after.match(text, m.end()):
                continue
            run = g.left_run.search(text, max(0, m.start() - 10), m.start())
            if not run:
                continue
            cues = list(g.loc_cue.finditer(text, run.start(), run.end()))
            cue = cues[-1] if cues else None  # the place cue nearest the venue word
            if cue is None or not 2 <= m.start() - cue.end() <= 10:
                continue
            name = text[cue.end():m.end()]
            if not g.boundary.search(name) and not self.is_generic(name) and not _FREE_ZONE_MODIFIER.match(name):
                out.append(Candidate("LOC", cue.end(), m.end(), name, TIER_LOC, RANK_PATTERN))
        return out

    def branch_counties(self) -> list[Candidate]:
        """Counties of the home city by their stem, naming a quoted platform's branch (“赣服通”兴国分厅):
        stems that are words elsewhere (兴国, 城关) name the county only there."""
        city = self.home.city_level
        if city is None:
            return []
        out: list[Candidate] = []
        for m in _LOCAL_BRANCH.finditer(self.text):
            stem = _squeeze(m.group("stem"))
            div = next((d for d in self.lex.divisions.values() if d.parent == city.full and d.level == "county"
                        and d.local[:-1] == stem and d.local[-1] in "区县旗"), None)
            if div is not None:
                out.append(Candidate("LOC", m.start(), m.end(), div.full, TIER_LOC, RANK_PATTERN))
        return out

    def free_zones(self) -> list[Candidate]:
        """Zones named without a known division (``loc_suffixes.tsv`` anchor ``free``):
        a name of 2-6 characters right after a place cue (``在``, ``赴``) or listed after
        another place (``…保税区和常熟经济技术开发区``); a verb before the suffix
        (``促进综合保税区``) starts no name. A name found so is found again after any break."""
        text, g = self.text, self.g
        out: list[Candidate] = []
        for m in g.free_zone.finditer(text):
            for size in range(_MIN_ZONE_NAME, _MAX_ZONE_NAME + 1):
                start = m.start() - size
                if start < 0 or not is_han(text[start]):
                    break
                if not (g.loc_before.search(text, max(0, start - 3), start) or self.listed_after_place(start)
                        or self.after_zone(start)):
                    continue
                body = text[start:m.start()]
                # a division inside the name is part of a word (峨 + 眉山 + 景区), not the name's start
                if (self.body_ok(start, m.start(), strict=True, inner_divisions=True)
                        and not self.is_generic(text[start:m.end()]) and not _DIGITS.search(body)
                        and not _FREE_ZONE_MODIFIER.match(body)):
                    out.append(Candidate("LOC", start, m.end(), _squeeze(text[start:m.end()]), TIER_LOC, RANK_PATTERN))
                break
        out += [Candidate("LOC", s, e, _squeeze(text[s:e]), TIER_LOC, RANK_PATTERN) for s, e in self.bare_zones()]
        found = {(c.start, c.end) for c in out}
        for name in {text[c.start:c.end] for c in out}:  # named again without a cue: 观摩了武侯新城
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                # a long name anywhere (做好峨眉山景区…), a short one where a name may start
                if (pos, end) not in found and (len(name) >= _ANYWHERE_NAME or self.breaks_before(pos)):
                    out.append(Candidate("LOC", pos, end, _squeeze(name), TIER_LOC, RANK_PATTERN))
                pos = text.find(name, end)
        return out

    def after_zone(self, pos: int) -> bool:
        """True when ``pos`` follows a zone's name (高新区 + 丝路软件城): a place inside it."""
        return self.g.zone_tail.search(self.text, max(0, pos - 8), pos) is not None

    def bare_zones(self) -> list[tuple[int, int]]:
        """Zones of the home city named without it (``在科技城新区``): a body of 2-6 characters
        and a zone suffix of ``loc_suffixes.tsv`` anchored on a division, right after a place
        cue, in a city's, a municipality's or a county's bulletin. A proper name, not a kind of zone (重点产业园区,
        现代农业产业园区): no determiner or modifier first, and named again after a break or
        starting a body's name (科技城新区 + 政务服务中心)."""
        if self._bare_zones is not None:
            return self._bare_zones
        text, g = self.text, self.g
        cued: list[tuple[int, int]] = []
        if self.home.city_level is not None or self.home.county is not None:
            for m in g.division_zone.finditer(text):
                for size in range(_MIN_ZONE_NAME, _MAX_ZONE_NAME + 1):
                    start = m.start() - size
                    if start < 0 or not is_han(text[start]) or self.div_mask[start]:
                        break
                    if not g.loc_before.search(text, max(0, start - 3), start):
                        continue
                    body = text[start:m.start()]
                    if (self.body_ok(start, m.start(), strict=True) and not self.is_generic(text[start:m.end()])
                            and not self.is_generic(body) and not _ZONE_MODIFIER.match(body)
                            and not g.division_zone.search(body)):
                        cued.append((start, m.end()))
                    break
        out: list[tuple[int, int]] = []
        for name in {text[s:e] for s, e in cued}:
            spans = []
            pos = text.find(name)
            while pos >= 0:
                end = pos + len(name)
                if (pos, end) in cued or self.breaks_before(pos):
                    spans.append((pos, end))
                pos = text.find(name, end)
            if len(spans) >= 2 or any(self.anchored_name(e) is not None for _, e in spans):
                out += spans
        self._bare_zones = sorted(out)
        return self._bare_zones

    def grid_company(self, name: str) -> str:
        """A city's State Grid company by its official name: ``国网郑州供电公司`` ->
        ``国网河南省电力公司郑州供电公司``; other names unchanged."""
        m = _GRID_COMPANY.match(name)
        div = self.divisions.get(m.group("city")) if m else None
        if m is None or div is None or div.level not in ("city", "county"):
            return name
        province = self.lex.province_of(div)
        if province is None:
            return name
        # a city by its short name (郑州, 甘孜), a county as written (国网绵竹市供电公司)
        short = (min((a for a in div.aliases if len(a) >= 2), key=len, default=div.local) if div.level == "city"
                 else m.group("city"))
        return f"国网{province.full}电力公司{short}供电公司"

    def division_bank(self, name: str) -> str:
        """A city or provincial bank by its registered name: ``兰州银行`` -> ``兰州银行股份有限公司``."""
        m = _DIVISION_BANK.match(name)
        div = self.divisions.get(m.group("place")) if m else None
        return name + "股份有限公司" if div is not None and div.level in ("province", "city") else name

    def listed_after_place(self, pos: int) -> bool:
        """True when ``pos`` follows a conjunction after a place name (``…保税区、``, ``…县和``)."""
        text = self.text
        return pos >= 2 and text[pos - 1] in self.g.list_conj and text[pos - 2] in self.g.place_end

    def chain_parts(self, start: int, end: int, surface: str, div: Division) -> list[tuple[int, int, Division]]:
        """A surface naming a chain of divisions split into them (``南京鼓楼区`` -> 南京 + 鼓楼区)."""
        parts: list[tuple[int, int, Division]] = []
        for _ in range(4):
            local = div.local
            head = surface[:-len(local)] if len(surface) > len(local) and surface.endswith(local) else ""
            parent = self.divisions.get(head) if head else None
            if parent is None or parent.full != div.parent:
                break
            parts.append((end - len(local), end, div))
            surface, div, end = head, parent, end - len(local)
        parts.append((start, end, div))
        return parts[::-1]

    # -- PERSON -------------------------------------------------------------

    def persons(self, accepted: list[Candidate], mask: bytearray) -> list[Candidate]:
        text, g = self.text, self.g
        org_by_end = {c.end: c for c in accepted if c.label == "ORG"}
        out = []
        taken = -1
        # overlapped: 市政务服务中心主任陈静 is read from 主任 on, once 中心主任 hits the ORG
        # a surname's name first where both read one (孟 + 和平 before 孟和 + 平)
        # a dotted name before both: its first part may start with a surname (买买提江·艾合买提)
        matches = sorted([(m, "dotted") for m in g.person_dotted.finditer(text, overlapped=True)]
                         + [(m, "surname") for m in g.person.finditer(text, overlapped=True)]
                         + [(m, "parts") for m in g.person_parts.finditer(text, overlapped=True)],
                         key=lambda p: (p[0].start("name"), p[1] != "dotted", p[1] != "surname"))
        for m, kind in matches:
            name_start = m.start("name")
            if name_start <= taken or text[name_start] in g.list_conj:
                continue  # 政协委员 + 和企业代表: a conjunction, no surname
            name_end = None
            ends: tuple[int, ...] = (m.end(),)  # name parts end where they end
            if kind == "dotted":  # the last part, outside other entities: before punctuation or a word
                last = _LAST_NAME_DOT.search(text, name_start, m.end()).end()  # after names first (一行),
                ends = tuple(sorted((e for e in range(last + 2, m.end() + 1) if mask.find(b"\x01", last, e) < 0),
                                    key=lambda e: (not self.ends_name(e), abs(e - last - 3.4))))  # then 3, 4, 2, 5
            elif kind == "surname":
                ends = (m.end(), m.end() - 1)  # 3 or 2 characters: whichever a name may end after,
                if g.person_after.match(text, m.end() - 1):  # but 2 before a word after names (李华 + 陪同)
                    ends = ends[::-1]
            for end in ends:
                if end - name_start >= 2 and self.breaks_after(end):
                    name_end = end
                    break
            if name_end is None or mask.find(b"\x01", m.start(), name_end) >= 0:
                continue
            taken = name_end
            org = org_by_end.get(m.start())
            out.append(Candidate("PERSON", name_start, name_end, text[name_start:name_end], TIER_PERSON, RANK_PATTERN,
                                 title=_squeeze(m.group("titles")), org=(org.start, org.end) if org else None))
        return out + self.person_mentions(out, mask)

    def person_mentions(self, persons: list[Candidate], mask: bytearray) -> list[Candidate]:
        """Later mentions of a name first found after its titles (宋立新强调): where a word
        starts and ends, outside other entities, with no title of its own."""
        text = self.text
        found = {(c.start, c.end) for c in persons}
        first: dict[str, int] = {}
        for c in persons:
            first.setdefault(c.norm, c.start)
        out: list[Candidate] = []
        for name, start in first.items():
            pos = text.find(name, start + len(name))
            while pos >= 0:
                end = pos + len(name)
                if ((pos, end) not in found and mask.find(b"\x01", pos, end) < 0 and self.breaks_before(pos)
                        and self.breaks_after(end)):
                    out.append(Candidate("PERSON", pos, end, name, TIER_PERSON, RANK_PATTERN))
                pos = text.find(name, end)
        return out


def _resolve(candidates: Iterable[Candidate], n: int) -> tuple[list[Candidate], bytearray]:
    """Keep non-overlapping candidates by tier, length, rank, start; nested titles stay."""
    mask = bytearray(n)
    accepted: list[Candidate] = []
    titles: set[tuple[int, int]] = set()
    # the norm last: equal candidates from two sources resolve the same way in every run
    pool = sorted(set(candidates), key=lambda c: (-c.tier, -(c.end - c.start), c.rank, c.start, c.label, c.norm))
    for c in pool:
        if c.end <= c.start or c.end > n:
            continue
        if c.label == "POLICY" and c.tier == TIER_POLICY:
            if (c.start, c.end) in titles:
                continue
            titles.add((c.start, c.end))
            accepted.append(c)  # titles are parsed as a tree: nested ones stay
            mask[c.start:c.end] = b"\x01" * (c.end - c.start)
            continue
        if mask.find(b"\x01", c.start, c.end) >= 0:
            continue
        accepted.append(c)
        mask[c.start:c.end] = b"\x01" * (c.end - c.start)
    return accepted, mask


class EntityTagger:
    """Pipeline component ``entities``: fills ``Document.entities`` (guide section 4).

    ``lexicon``: the vocabulary (default :meth:`Lexicon.default`); pass
    ``Lexicon.from_files(...)`` for another province or city. ``sources``:
    extra candidate sources, callables ``doc -> Iterable[Candidate]`` in clean
    offsets, resolved together with the built-in ones.
    """

    name = "entities"
    requires: tuple[str, ...] = ()

    def __init__(self, *, lexicon: Lexicon | None = None, sources: Sequence[CandidateSource] = ()) -> None:
        if lexicon is not None and not isinstance(lexicon, Lexicon):
            raise TypeError(f"lexicon must be a gov_extract.lexicon.Lexicon, not {type(lexicon).__name__}")
        self.lexicon = lexicon if lexicon is not None else Lexicon.default()
        self.sources = tuple(sources)
        self._grammar = _Grammar(self.lexicon)

    def __repr__(self) -> str:
        return f"EntityTagger(sources={len(self.sources)})"

    def candidates(self, doc: Document) -> tuple[list[Candidate], _Run]:
        """Every candidate of ``doc`` before overlap resolution (for inspection)."""
        run = _Run(self._grammar, doc)
        found = run.policies()
        found += run.quoted()
        found += run.unquoted_initiatives()
        found += run.lexicon_orgs()
        found += run.pattern_orgs()
        found += run.list_orgs()
        found += run.locations()
        for source in self.sources:
            found.extend(source(doc))
        return found, run

    def __call__(self, doc: Document) -> Document:
        found, run = self.candidates(doc)
        accepted, mask = _resolve(found, len(run.text))
        accepted += run.persons(accepted, mask)
        accepted.sort(key=lambda c: (c.start, c.end, c.label))
        ids = {(c.start, c.end, c.label): f"e{i}" for i, c in enumerate(accepted, 1)}
        org_ids = {(c.start, c.end): ids[(c.start, c.end, c.label)] for c in accepted if c.label == "ORG"}
        policy_ids = {(c.start, c.end): ids[(c.start, c.end, c.label)] for c in accepted if c.label == "POLICY"}
        view, raw = doc.view, doc.raw
        entities = []
        for c in accepted:
            rs, re_ = view.raw_span(c.start, c.end)
            entities.append(Entity(
                ids[(c.start, c.end, c.label)], c.label, rs, re_, raw[rs:re_], c.norm,
                unit=c.unit if c.label == "ORG" else None,
                kind=c.kind if c.label == "ORG" else None,
                title=c.title if c.label == "PERSON" else None,
                org=org_ids.get(c.org) if c.label == "PERSON" and c.org else None,
                doc_type=c.doc_type if c.label == "POLICY" else None,
                alias_of=policy_ids.get(c.alias_of) if c.label == "POLICY" and c.alias_of else None,
            ))
        return doc.replace(entities=tuple(entities))
