"""Events: triggers and arguments of reported, dated actions (guide section 7).

The extractor reads only ``doc.entities``, ``doc.times``, ``doc.quantities``,
``doc.sections`` and ``doc.view``, so it runs the same on gold and on predicted
mentions. It works on the clean view with every entity span and every quoted
span masked (a trigger inside ``“问需求送服务”`` is not a trigger) and maps
trigger spans back to raw offsets.

Which events (CONVENTIONS.md "Events"):

- A news item is dated when its first sentence (after a short headline, if
  any) starts with a time mention (``11月5日，``, ``近日，``, ``1月，``; a purpose
  clause may follow it: ``近日，根据…要求，A局印发…``) or its subject is followed
  by one (``生态环境厅于11月13日印发…``). Years, quarters and progress framing
  (``今年以来``, ``目前``) do not date an item.
- That sentence gives one event for the first typed predicate after the
  subject, and one more for each later predicate of another type that has its
  own POLICY/INITIATIVE object (``印发通知，正式启用…系统`` -> issue + launch)
  or its own new subject (``…，B局同步开展…``).
- A later sentence of the item gives events only when another actor is its
  subject (``…。B局窗口…。``, ``会后，B局…``), under the item's time, or when it
  starts with a day-precise time of its own (``同日，``), unless that is the same
  day and the same actors do the same kind of thing (``当天，A还组织开展了…比武``).
  Two units of one body (``X局政务服务管理处``, ``X局数据资源处``) are two actors. An item opening with
  totals (``今年以来，累计…。``) is dated by its first sentence with a time of its
  own (``10月，新上线…``). Without a named subject the action opens the sentence,
  or follows a clause taking the actors somewhere (``…负责同志赴X，考察Y``).
- None for statistics (a statistic quantity, ``累计``/``共计``) or plans (``将召开``),
  and none for attending (``出席``, ``参加``) a meeting the item reports: the
  attendees are its participants (``…推进会在X召开，副市长Y出席并讲话``).

Predicates come from ``data/event_triggers.tsv``: verbs name their type;
frames (``召开``) take the type of the activity noun after them, and a phrase
ending in a meeting noun is a meeting (``召开…审批服务专班会``); light verbs
(``开展``, ``举办``) hand the trigger to the last verb of their object phrase
(``开展…培训`` -> ``培训``) or take its activity noun's type (``开展…活动`` ->
service; a generic ``活动`` defers to the noun before it: ``业务竞赛活动`` ->
training). An inspection (``检查``, ``督查``) is a visit, or a review when its
clause names documents (``data/event_documents.tsv``) or a title; a briefing
(``宣讲``) is a training, or a service when its clause names a public audience
and no staff (``data/event_audiences.tsv``: ``线上宣讲``, ``惠企政策宣讲进园区``).
A verb inside what a content verb names (``详细了解“X”试点准备工作``) is no predicate. Arguments come from the event's own sentence: the subject's
ORGs/PERSONs are agents; cue words from ``data/event_roles.tsv`` mark
participants (``会同X``, ``Y承办``, ``邀请X``, ``X有关负责同志陪同``), targets
(``赴X``; ``对X、Y开展督查`` for an inspection visit; ``为入驻X的企业开展上门服务``), locations (``在X``, also
``在区12345热线``) and an approving agent (``经X审定`` with a verb of
``data/event_approvals.tsv`` as the trigger; not ``经X审定的《…》``, a modifier); titles and
initiatives in the predicate's clause (or named as its content:
``…授课，深入解读《X》``) are objects; a count of the object or of occurrences
(units in ``data/event_quantity_units.tsv``) is the quantity, and so is a count
of bodies, households or people marked by 对/为 as what the event acts on
(``对辖区8个街道…开展核验``, ``为46户群众开展…``, ``对36名工作人员进行培训``) or listed as
its targets (``赴A、B等6个县督查``, ``对A、B、C 3个区县开展督查``); not the owners
(``对9个部门的目录``, ``对26家企业申报的43件申请``, ``对46家企业的许可档案``), nor the places
or fields acted in (``在全市82个网点开通``, ``在…等6个行业实行``).
A verb naming a person or team (``帮办代办员``, ``宣讲团``) is no predicate, nor is an
activity noun that only modifies another activity (``开展窗口服务技能比武``). A later predicate
of the same actor that gives no event of its own hands its visited places,
partners and titles to the event before (``…督导…，实地察看X，听取Y汇报``), and its
initiatives too when it is the same kind of visit or training (``…调研，实地查看“一窗通办”综合窗口``,
``举办培训班，…重点学习“X”``; not ``调整…，推行“X”``); it gives an event of its own with an
initiative in its own words or named as its topic (``…，并与X就“Y”开展座谈``). Places in
predicate-less clauses after the event are its targets (``…，先后到X、Y实地了解…``) or, in the
next clause opening with ``在X`` when it has no place yet, its location. Co-actors
(``会同X``) take part in every event of the sentence, a meeting's host (``由X承办的…会``) in
the meeting only;
an initiative naming a facility of a place visited is part of the place
(``到X“办不成事”反映窗口值守``). Escorts, chairs, lecturers and those reporting are
participants (``X陪同调研``, ``副秘书长Y，Z负责同志陪同``, ``Y主持会议``, ``举办培训班，Z业务骨干
现场授课``, ``X、Y汇报有关工作``).
"""

from __future__ import annotations

import functools
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import regex

from .errors import LexiconError
from .lexicon import alternation
from .model import EVENT_TYPES, ROLES, Argument, Document, Entity, Event, Quantity, TimeExpr, Trigger
from .segment import Item, Sentence, heading_title, segment, split_clauses

__all__ = ["TriggerRow", "RoleCue", "EventLexicon", "EventExtractor", "extract_events"]

KINDS = ("verb", "frame", "light", "head", "content", "stop")
_ROLE_HINTS = ("at=target", "for=target", "obj=target", "attend", "docs=review", "generic", "public=service", "lead")
_CUE_ROLES = ("agent", "participant", "target", "location", "visited")
_AUDIENCES = ("public", "staff")

_MASK = "\u25a1"  # stands in for masked characters; neither a trigger nor punctuation
_QUOTE = regex.compile(r"“[^“”\n]{1,80}”|「[^「」\n]{1,80}」")
# Between two mentions of one coordinated run: 窗口, brackets and connectives, the people sent
# before a connective (邀请A有关同志和B专家授课).
_RUN_GAP = regex.compile(
    r"(?:窗口)?\s*[）)”」]?\s*(?:[、/]|(?:(?:有关|相关)?(?:负责同志|同志|负责人|专家))?(?:和|与|及|以及))?\s*[（(“「]?")
_JOINED = regex.compile(r"[、/和与及]")
_OPENERS = "“「《〈"
# A level word a service platform's name leaves outside its span (区12345热线, 市12345热线).
_LEVELS = "省市区县"
_CLOSERS = "”」》〉"
# Office words between an ORG and its PERSON (公安厅党委委员、副厅长何绍明).
_TITLE_GAP = regex.compile(r"[\p{Han}、]{1,20}")
# After a lead time: a part of day, then a comma.
_AFTER_TIME = regex.compile(r"\s*(?:上午|下午|晚上|晚间|期间|起)?\s*[，,]?\s*")
# What may stand before an item's time: a purpose clause (为…，), a label (【省数据局】, 成都：).
_LEAD_ADVERBIAL = regex.compile(
    r"(?:(?:为|根据|按照|围绕|结合|聚焦)[^，。；\n]{1,40}，|【[^】\n]{1,20}】|[^，。；：\n]{2,20}：)\s*"
)
_FRONTED_PLACE = regex.compile(r"在[^，。；：\n]{1,30}[，,]\s*")
# After an item's time: a purpose or basis clause before the subject (近日，根据…要求，A局印发…),
# or the occasion the time spans (9月17日至21日，第22届X博览会期间，A局…).
_FRONTED_PURPOSE = regex.compile(
    r"(?:(?:为了|为|根据|按照|依据|围绕|结合|聚焦)[^，。；：\n]{1,40}|[^，。；：\n]{2,30}?期间)[，,]\s*")
# A higher body's assent before the subject (经省政府同意，A厅印发…): neither subject nor argument;
# the verbs are those of data/event_approvals.tsv (EventLexicon.assent).
_FRONTED_ASSENT = r"经[^，。；：\n]{{1,30}}?(?:{verbs})[，,]\s*"
_SUBJECT_TIME_GAP = regex.compile(r"\s*(?:于|在)?\s*")
# A time a later sentence may open with to report an action of its own day.
_DAY_TIME = regex.compile(r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|同日|当日|当天|次日|翌日")
_SAME_DAY = regex.compile(r"同日|当日|当天")
# Before a mention: the party a service is for (为入驻X的…企业开展上门服务).
_SERVED = regex.compile(r"为[^\s，。；,;：:、在对为的]{0,8}$")
# Between a verb and the mention it governs: spaces and an aspect particle (先后察看了X).
_PERFECTIVE = regex.compile(r"\s*了?\s*")
# A later clause opening with its partner (…，并与X座谈交流): X acts with the subject in that clause only.
_PARTNER_CLAUSE = regex.compile(r"\s*(?:并|还|同时)?\s*[与同]")
# A pivot verb: who it names acts in what follows (邀请X走进大厅，体验Y).
_INVITE = regex.compile(r"邀请|邀约")
# Staff invited to speak (邀请…业务骨干现场解读), not those spoken to (邀请X为窗口人员授课): no audience.
_INVITEE = regex.compile(r"(?:邀请|邀约)[^为向]*$")
# Progress framing: 今年以来…, 截至11月底… report totals, not an action.
_PROGRESS_TIME = regex.compile(r"以来|目前|当前|截至|截止")
_STATISTIC_WORDS = regex.compile(r"累计|共计")
# Signing an agreement gives no event of its own (CONVENTIONS set 4); what the parties will do
# (签署…协议，双方将依托…设立…) is planned.
_SIGNING = regex.compile(r"签署|签订")
_PARTIES_PLAN = regex.compile(r"\s*(?:双方|三方|各方|多方)(?:还|并|共同|均)?(?:将|拟|约定|商定|计划)")
# A later sentence may open with a word placing it after the item's action (会后，B局召开…).
_SEQUENCE = regex.compile(r"(?:会后|随后|此后|其后|之后|同时)\s*[，,]\s*|")
# A later sentence at the item's meeting (会上，各方共同发布《X》): a title released there is an
# issue event of the item, with or without a named actor (as …召开，会上发布了《X》 in one sentence).
_AT_MEETING = regex.compile(r"(?:会上|会议上|会议期间)\s*[，,]?\s*")
# A year or quarter opens plans and reviews (今年，…; 2024年，…), not news items.
_COARSE_GRAINS = ("year", "quarter")
# A modal right before a trigger, or before a place or time phrase ahead of it: the action is
# planned, not reported (将召开, 拟印发, 还要研究制定, 计划在X设立, 约定于9月底前上线).
_FUTURE = regex.compile(
    r"(?:将要|即将|将于[^，。；]{0,12}|将|拟|(?<![重需主只必纲摘提概])要|准备|计划|预计|约定|商定)"
    r"(?:[在于][^，。；]{1,12}?)?(?:正式|进一步|再|继续|陆续|统一|集中|共同|联合|同步|研究|适时|尽快|加快|于)?$"
)
_FUTURE_WINDOW = 16
# Where the object phrase of a frame or light verb ends and a new predicate begins.
_PHRASE_END = regex.compile(r"并且|并|同时|从而|进而|随后")
_PHRASE_MAX = 60  # an object phrase is at most this long (clean characters)
_TITLE_MAX = 40
_CLAUSE_PUNCT = regex.compile(r"[，,；;：:]")
_COORDINATION = regex.compile(r"\s*(?:并且|并|和|及|与|、|且|或)?\s*")
# Between two names of one meeting (推进会暨上半年重点任务调度会).
_SECOND_NAME = regex.compile(r"\s*暨[^，。；,;]{0,30}")
# Words before a POLICY/INITIATIVE that make it a means or a place, not the object.
# 为: a result or a beneficiary (整合为“…”, 为“…”提供); 简称: a short name (以下简称《方案》).
_NOT_OBJECT_BEFORE = regex.compile(r"(?:(?:依托|通过|借助|利用|基于|在)[省市区县]?|(?<!关)于|为|按照|根据|对照|简称)$")
# Plain words between two named objects (12345热线医保诉求“专席+专员”): the first modifies the second.
_MODIFIER_GAP = regex.compile(r"[”」]?\s*(?:(?![、和及与并或等])\p{Han}\s*){1,8}[“「]?")
# Words after a quoted mention that make it a theme (以“…”为主题).
_THEME_AFTER = regex.compile(r"[”」]?\s*为(?:主题|主线|题)")
# A count of bodies, people or places is not the event's quantity (8个省直部门, 21个市（州）).
_COUNTS_BODIES = regex.compile(
    r"\s*(?:省直|[省市县区]级|相关|有关)?(?:部门|单位|机构|人员|人|名|市|州|县|区|乡镇|镇|街道|村|社区|地区"
    r"|行业|领域)(?!级)"  # 在…等6个行业实行: the fields it applies in
)
# Before a quantity: the place an action happens in (在全市82个邮政网点开通): it counts places.
# Matched on the masked text, so a list of places may come between (在A、B 12个营业网点启用).
_COUNT_OF_PLACE = regex.compile(rf"在[{_MASK}、和及\s]*[^\d，。；,;、：:的对为向{_MASK}]{{0,6}}$")
# Between a run of targets and their count (赴A、B、C等6个县督查).
_TARGETS_COUNTED = regex.compile(r"\s*[）)”」]?\s*(?:等\s*)?")
# Between a run and its post cue: the people sent (有关负责同志), the rest of a list (等18个部门,
# 及10多家企业代表; also after the people: X相关负责同志及30余家企业代表参加), an adverb, and a
# speech's topic and kind (就…作典型发言, 作“X”经验交流发言).
_PEOPLE_SENT = r"(?:(?:有关|相关|主要|分管)?(?:负责同志|负责人|同志|领导|代表|专家|教授|教师|讲师|业务骨干|骨干))?"
_POST_CUE_GAP = (
    rf"\s*{_PEOPLE_SENT}\s*(?:(?:等|及|和)[^，。；,;：:“”《》]{{0,12}}?)?{_PEOPLE_SENT}"
    r"\s*(?:共同|联合|分别|一同|一起|现场)?\s*(?:就[^，。；,;]{1,40}?)?(?:作(?:“[^“”]{1,20}”)?\p{Han}{0,6}?)?"
)
# After a verb: it names a person or team doing that work (帮办员, 代办专员, 宣讲团), not an action.
_AGENT_NOUN = regex.compile(r"员(?!工)|专员|团队|队伍|小分队|团(?!结|体)")
# Before a quantity: it counts the event's objects or beneficiaries even when they are bodies
# (对辖区8个街道便民服务中心开展核验, 为46户群众开展上门服务, 走访其中12户企业), unless a
# 的 before the trigger makes them the owners of the objects (对9个部门的目录开展评查).
# Also a part of a named whole after 对 (对全市评标专家库中 1083名专家开展核验).
_COUNT_OF_OBJECT = regex.compile(r"(?:对|为|向|其中)[^\d，。；,;、：:的]{0,6}$|对[^\d，。；,;、：:的]{1,16}中\s*$")
# Between a counted run and a second count joined to it (7个县政务服务中心和 42个乡镇便民服务中心):
# the second counts the same kind of objects.
_JOINED_COUNT = regex.compile(r"[^\d，。；,;：:的]{1,16}?(?:和|及|以及|、)\s*")
# 户 counts households (people, not counted) unless enterprises follow (12户企业).
_HOUSEHOLDS = frozenset({"户"})
# People are counted only as those the event acts on, marked by 对/为 (对首批站点36名工作人员进行培训).
_PEOPLE = frozenset({"名", "人", "位"})
# Units counting documents themselves (对120份申请材料开展审查); a count in another unit before a
# document noun counts their owners (对46家企业的许可档案开展评查, 对23个项目招标文件开展审查).
_DOCUMENT_UNITS = frozenset({"件", "份", "卷", "本", "篇", "条", "项", "宗", "册"})
_ENTERPRISES_AFTER = regex.compile(r"[^\d，。；,;、：:的]{0,6}?(?:企业|经营主体|商户|个体工商户|市场主体)")
# After an activity noun that ends a light verb's phrase: more words of another activity
# (服务技能比武, 宣传标语征集), so the noun is a modifier and does not type the phrase; a round
# of the same activity (比武决赛, 竞赛初赛) is none.
_MODIFIER_HEAD = regex.compile(
    r"(?!工作|行动|专项|上门|下乡|总?决赛|[初复]赛|进|入|到|月|周|日|季|年|等|和|及|与|并|为|在|中|的|了)\p{Han}{2}")
# A meeting named by its noun at the end of a frame's phrase (专班会, 会商会, 常务会议), also
# before a count of sessions (调度会三场); not a body (委员会, 协会, 商会, 工会, 联合会). A
# ceremony (举行…服务合作签约仪式, 集中发证仪式) is a meeting too.
_MEETING_NOUN = regex.compile(
    r"(?:(?<!委员|[协工社机学体都联]|联合|理事|董事|基金|研究|促进)(?<!(?<!会)商)会议?|仪式)"
    r"(?=\s*(?:[0-9一二两三四五六七八九十]+\s*[场次期])?\s*(?:$|[^\p{Han}]|并|和|及|与))"
)
# A place, then an initiative naming one of its facilities (X“Y”反映窗口, X部分镇街“Y”自助机):
# from the place's end to the initiative's start, and from the initiative's end.
_PLACE_FACILITY = regex.compile(r"\s*(?:部分|各|所属)?\p{Han}{0,4}?\s*[“「]")
_FACILITY = regex.compile(
    r"[”」]?\s*\p{Han}{0,6}?(?:窗口|专窗|自助机|一体机|终端|体验区|服务区|办事区|服务点|服务站|驿站)"
)
# What may follow a clause that only names people in a list of attendees.
_LIST_END = regex.compile(r"[\s，,、；;]*")
# Event types whose later predicates of the same kind go on seeing or studying what the event is
# about (调研…，实地查看“X”; 举办培训班，…重点学习“X”): their initiatives are the event's objects.
_SEEN_OR_STUDIED = frozenset({"visit", "training"})
# Before an initiative in a later predicate's clause: its topic (并与X就“Y”开展座谈), the predicate's own.
_TOPIC = regex.compile(r"(?<![成造])就")
# A list of topics closed by 等内容 (…竣工联合验收、“好差评”数据分析等内容): its verbs are nouns.
_TOPIC_LIST = regex.compile(r"[^，。；,;：:]*?等(?:内容|方面|主题|议题|专题)")
_ROLE_ORDER = {role: i for i, role in enumerate(ROLES)}
_SPACES = regex.compile(r"\s*")


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One row of ``event_triggers.tsv``."""

    word: str
    type: str | None
    kind: str
    roles: frozenset[str]


@dataclass(frozen=True, slots=True)
class RoleCue:
    """One row of ``event_roles.tsv``: a cue word next to a run of mentions.

    ``not_after`` lists characters that, just before a one-character cue, make
    it part of another word (``达到``, ``正在``).
    """

    cue: str
    role: str
    position: str
    not_after: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Trigger rows, role cues, counted units and approval verbs, with their patterns compiled once."""

    triggers: Mapping[str, TriggerRow]
    cues: tuple[RoleCue, ...]
    units: frozenset[str]
    pattern: regex.Pattern
    post: regex.Pattern  # a post cue after a run, the gap before it included (group ``cue``)
    approvals: frozenset[str]
    approval: regex.Pattern  # an approval verb, not followed by 的
    assent: regex.Pattern  # a fronted assent: 经X同意，
    documents: regex.Pattern  # a noun naming documents or cases (案卷, 办件): 检查 of them is a review
    public: regex.Pattern  # a public audience (企业, 线上): 宣讲 for it is a service
    staff: regex.Pattern  # a staff audience (工作人员): 宣讲 for it stays a training

    @classmethod
    def load(
        cls,
        triggers: str | Path | None = None,
        roles: str | Path | None = None,
        units: str | Path | None = None,
        approvals: str | Path | None = None,
        documents: str | Path | None = None,
        audiences: str | Path | None = None,
    ) -> EventLexicon:
        """Read the six data files (the package's own by default).

        Raises :class:`LexiconError` naming file, line and field for a bad row.
        """
        rows = _read_triggers(*_source(triggers, "event_triggers.tsv"))
        cues = _read_cues(*_source(roles, "event_roles.tsv"))
        counted = _read_words(*_source(units, "event_quantity_units.tsv"), ("unit", "notes"), "unit")
        verbs = _read_words(*_source(approvals, "event_approvals.tsv"), ("verb", "notes"), "approval verb")
        nouns = _read_words(*_source(documents, "event_documents.tsv"), ("noun", "notes"), "document noun")
        heard = _read_audiences(*_source(audiences, "event_audiences.tsv"))
        post = alternation(c.cue for c in cues if c.position == "post")
        return cls(MappingProxyType(rows), cues, counted, regex.compile(alternation(rows)),
                   regex.compile(f"{_POST_CUE_GAP}(?P<cue>{post})"), verbs,
                   regex.compile(rf"(?:{alternation(verbs)})(?!\s*的)"),
                   regex.compile(_FRONTED_ASSENT.format(verbs=alternation(verbs))),
                   regex.compile(alternation(nouns)),
                   regex.compile(alternation(w for w, a in heard.items() if a == "public")),
                   regex.compile(alternation(w for w, a in heard.items() if a == "staff")))


@functools.cache
def _default_lexicon() -> EventLexicon:
    return EventLexicon.load()


def _source(path: str | Path | None, name: str) -> tuple[str, str]:
    if path is None:
        return f"gov_extract/data/{name}", resources.files("gov_extract").joinpath("data", name).read_text("utf-8")
    p = Path(path)
    return str(p), p.read_text("utf-8")


def _rows(where: str, text: str, header: tuple[str, ...]) -> Iterable[tuple[int, list[str]]]:
    """Data rows of a TSV file: comments and blank lines skipped, the header checked."""
    seen_header = False
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        fields += [""] * (len(header) - len(fields))
        if not seen_header:
            if tuple(f.strip() for f in fields[: len(header)]) != header:
                raise LexiconError(f"{where}:{number}: expected the header {'<TAB>'.join(header)!r}, got {line!r}")
            seen_header = True
            continue
        if len(fields) > len(header):
            raise LexiconError(f"{where}:{number}: {len(fields)} fields, expected at most {len(header)}")
        cells = [f.strip() for f in fields]
        for cell in cells[:-1]:
            if unicodedata.normalize("NFKC", cell) != cell:
                raise LexiconError(f"{where}:{number}: {cell!r} is not NFKC-normalised; write it in NFKC form")
        yield number, cells
    if not seen_header:
        raise LexiconError(f"{where}: no header row {'<TAB>'.join(header)!r}")


def _read_triggers(where: str, text: str) -> dict[str, TriggerRow]:
    out: dict[str, TriggerRow] = {}
    for number, (word, type_, kind, roles, _notes) in _rows(where, text, ("trigger", "type", "kind", "roles", "notes")):
        if not word:
            raise LexiconError(f"{where}:{number}: empty trigger")
        if word in out:
            raise LexiconError(f"{where}:{number}: trigger {word!r} listed twice; keep one row")
        if kind not in KINDS:
            raise LexiconError(f"{where}:{number}: kind {kind!r} of {word!r} is not one of {KINDS}")
        if type_ != "-" and type_ not in EVENT_TYPES:
            raise LexiconError(f"{where}:{number}: type {type_!r} of {word!r} is not '-' or one of {EVENT_TYPES}")
        if type_ == "-" and kind in ("verb", "head"):
            raise LexiconError(f"{where}:{number}: a {kind} row needs an event type, {word!r} has '-'")
        hints = frozenset(h for h in roles.split(";") if h)
        if bad := hints - set(_ROLE_HINTS):
            raise LexiconError(f"{where}:{number}: unknown role hints {sorted(bad)} of {word!r}; use {_ROLE_HINTS}")
        out[word] = TriggerRow(word, None if type_ == "-" else type_, kind, hints)
    return out


def _read_cues(where: str, text: str) -> tuple[RoleCue, ...]:
    out: list[RoleCue] = []
    seen: set[tuple[str, str]] = set()
    for number, (cue, role, position, not_after, _notes) in _rows(
        where, text, ("cue", "role", "position", "not_after", "notes")
    ):
        if not cue:
            raise LexiconError(f"{where}:{number}: empty cue")
        if role not in _CUE_ROLES:
            raise LexiconError(f"{where}:{number}: role {role!r} of {cue!r} is not one of {_CUE_ROLES}")
        if position not in ("pre", "post"):
            raise LexiconError(f"{where}:{number}: position {position!r} of {cue!r} is not 'pre' or 'post'")
        if (cue, position) in seen:
            raise LexiconError(f"{where}:{number}: cue {cue!r} ({position}) listed twice; keep one row")
        seen.add((cue, position))
        out.append(RoleCue(cue, role, position, frozenset(not_after)))
    out.sort(key=lambda c: -len(c.cue))  # longest cue first: 会同 before 同
    return tuple(out)


def _read_words(where: str, text: str, header: tuple[str, str], what: str) -> frozenset[str]:
    out: set[str] = set()
    for number, (word, _notes) in _rows(where, text, header):
        if not word or word in out:
            raise LexiconError(f"{where}:{number}: {what} {word!r} is empty or listed twice")
        out.add(word)
    return frozenset(out)


def _read_audiences(where: str, text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, (word, audience, _notes) in _rows(where, text, ("word", "audience", "notes")):
        if not word or word in out:
            raise LexiconError(f"{where}:{number}: audience word {word!r} is empty or listed twice")
        if audience not in _AUDIENCES:
            raise LexiconError(f"{where}:{number}: audience {audience!r} of {word!r} is not one of {_AUDIENCES}")
        out[word] = audience
    return out


# --------------------------------------------------------------------------- per document


@dataclass(frozen=True, slots=True)
class _Mention:
    """A mention on the clean view."""

    cs: int
    ce: int
    label: str  # entity label, "TIME" or "QUANTITY"
    id: str
    norm: str
    nested: bool = False  # inside a POLICY/INITIATIVE span
    alias: bool = False
    statistic: bool = False
    unit: str | None = None
    grain: str | None = None
    org: str | None = None  # a PERSON's body (its entity id)


@dataclass(frozen=True, slots=True)
class _Match:
    cs: int
    ce: int
    row: TriggerRow


@dataclass(frozen=True, slots=True)
class _Predicate:
    """A resolved predicate: its type, trigger span and the row that named it."""

    type: str
    cs: int
    ce: int
    row: TriggerRow
    end: int  # clean end of the predicate's words (a frame's head included)
    lead: int | None = None  # clean start of the predicate's words when a light verb opens them

    @property
    def begin(self) -> int:
        """Where the predicate's words start (``开展`` of ``开展…上门服务``)."""
        return self.cs if self.lead is None else self.lead


@dataclass(frozen=True, slots=True)
class _Clauses:
    """The clauses of one sentence (clean spans), searchable by offset."""

    spans: tuple[tuple[int, int], ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, text: str, start: int, end: int) -> _Clauses:
        spans = tuple(split_clauses(text, start, end)) or ((start, end),)
        return cls(spans, tuple(b for _, b in spans))

    def index(self, pos: int) -> int:
        """The index of the clause holding ``pos`` (the last clause past the end)."""
        return min(bisect_left(self.ends, pos + 1), len(self.spans) - 1)

    def at(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index(pos)]


@dataclass(frozen=True, slots=True)
class _Subject:
    agents: tuple[_Mention, ...]
    end: int


@dataclass(frozen=True, slots=True)
class _Found:
    """An event before ids are assigned."""

    type: str
    cs: int
    ce: int
    time: str
    args: tuple[tuple[str, str], ...]
    agents: frozenset[str]
    summary: str


class _Context:
    """One document's clean text, masked text, mentions and trigger matches."""

    def __init__(self, doc: Document, lexicon: EventLexicon) -> None:
        view = doc.view
        self.lexicon = lexicon
        self.text = view.text
        self.entities = _entity_mentions(doc)
        self.times = sorted((m for m in (_time(view, t) for t in doc.times) if m), key=lambda m: m.cs)
        self.quantities = sorted(
            (m for m in (_quantity(view, q) for q in doc.quantities) if m), key=lambda m: m.cs
        )
        self.entity_starts = [m.cs for m in self.entities]
        self.time_starts = [m.cs for m in self.times]
        self.time_at = {m.cs: m for m in self.times}
        self.quantity_starts = [m.cs for m in self.quantities]
        self.masked = _mask(self.text, self.entities)
        self.matches = [
            _Match(m.start(), m.end(), lexicon.triggers[m.group()]) for m in lexicon.pattern.finditer(self.masked)
        ]
        self.match_starts = [m.cs for m in self.matches]

    def entities_in(self, start: int, end: int, labels: Iterable[str] | None = None) -> list[_Mention]:
        """Entities inside ``[start, end)``, not nested in a title, of ``labels`` (default all)."""
        return [m for m in _within(self.entities, self.entity_starts, start, end)
                if not m.nested and (labels is None or m.label in labels)]

    def quantities_in(self, start: int, end: int) -> list[_Mention]:
        return _within(self.quantities, self.quantity_starts, start, end)

    def matches_in(self, start: int, end: int) -> list[_Match]:
        return _within(self.matches, self.match_starts, start, end)


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start, with ``starts``) inside ``[start, end)``."""
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return [m for m in items[lo:hi] if m.ce <= end]


def _clean(view, mention, label: str, ident: str, norm: str, **extra) -> _Mention | None:
    cs, ce = view.clean_offset(mention.start), view.clean_offset(mention.end)
    if ce <= cs:
        return None  # the mention covers only furniture or spaces
    return _Mention(cs, ce, label, ident, norm, **extra)


def _time(view, t: TimeExpr) -> _Mention | None:
    m = _clean(view, t, "TIME", t.id, "")
    return m if m is None else _Mention(m.cs, m.ce, m.label, m.id, view.text[m.cs:m.ce], grain=t.grain)


def _quantity(view, q: Quantity) -> _Mention | None:
    return _clean(view, q, "QUANTITY", q.id, q.text, statistic=q.metric is not None, unit=q.unit)


def _entity_mentions(doc: Document) -> list[_Mention]:
    """Entities on the clean view, sorted; those inside a POLICY/INITIATIVE span are marked nested."""
    view = doc.view
    ordered = sorted(doc.entities, key=lambda e: (e.start, -e.end))
    out: list[_Mention] = []
    outer_end = -1
    for e in ordered:
        nested = e.end <= outer_end
        m = _clean(view, e, e.label, e.id, _norm(e), nested=nested, alias=e.alias_of is not None, org=e.org)
        if m is not None:
            out.append(m)
        if e.label in ("POLICY", "INITIATIVE") and e.end > outer_end:
            outer_end = e.end
    out.sort(key=lambda m: (m.cs, -m.ce))
    return out


def _norm(e: Entity) -> str:
    """Who a mention names: its norm, and the unit of a body (两个处 of one 局 are two actors)."""
    norm = "".join((e.norm or e.text).split())
    return f"{norm}/{e.unit}" if e.label == "ORG" and e.unit else norm


def _mask(text: str, entities: Sequence[_Mention]) -> str:
    """``text`` with entity spans and quoted spans replaced by mask characters (offsets kept)."""
    spans = [(m.cs, m.ce) for m in entities]
    spans += [m.span() for m in _QUOTE.finditer(text)]
    spans.sort()
    parts, pos = [], 0
    for a, b in spans:
        a = max(a, pos)
        if b <= a:
            continue
        parts.append(text[pos:a])
        parts.append(_MASK * (b - a))
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


# --------------------------------------------------------------------------- grammar


def _run_at(ctx: _Context, pos: int, end: int, labels: tuple[str, ...], *, titles: bool = False) -> list[_Mention]:
    """The coordinated run of mentions starting at ``pos`` (``A、B和C``, ``A（B）``).

    With ``titles``, office words may stand before a PERSON (``公安厅副厅长何绍明``).
    """
    text = ctx.text
    run: list[_Mention] = []
    for k in range(bisect_left(ctx.entity_starts, pos), len(ctx.entities)):
        m = ctx.entities[k]
        if m.cs >= end:
            break
        if m.nested or (run and m.cs < run[-1].ce):
            continue
        gap = text[run[-1].ce if run else pos:m.cs]
        if run:
            joins = _RUN_GAP.fullmatch(gap) is not None
            if run[-1].label == "INITIATIVE" and m.label == "LOC" and not _JOINED.search(gap):
                joins = False  # “i深圳”南山专区: the place names a part of the platform
        else:
            joins = not gap
        if titles and not joins and m.label == "PERSON":
            joins = _TITLE_GAP.fullmatch(gap) is not None and (bool(run) or len(gap) <= 12)
        if not joins or m.label not in labels or m.ce > end:
            break
        run.append(m)
    return run


def _cue_before(ctx: _Context, pos: int, floor: int, position: str = "pre", *, level: bool = False) -> RoleCue | None:
    """The cue word just before ``pos`` (an opening quote in between is skipped; with ``level``, a
    level word left outside an initiative too: 在区12345热线开通)."""
    text = ctx.text
    while pos > floor and text[pos - 1] in _OPENERS:
        pos -= 1
    if level and pos - 1 > floor and text[pos - 1] in _LEVELS:
        pos -= 1
    for cue in ctx.lexicon.cues:
        if cue.position != position:
            continue
        a = pos - len(cue.cue)
        if a >= floor and text.startswith(cue.cue, a):
            if a > 0 and text[a - 1] in cue.not_after:
                continue
            return cue
    return None


def _cue_after(ctx: _Context, pos: int, end: int) -> tuple[RoleCue, int] | None:
    """The post-position cue after ``pos`` (``承办``, ``等单位共同主办``, ``有关负责同志陪同``) and its end."""
    text = ctx.text
    while pos < end and text[pos] in _CLOSERS:
        pos += 1
    m = ctx.lexicon.post.match(text, pos, end)
    if m is None:
        return None
    return next(c for c in ctx.lexicon.cues if c.position == "post" and c.cue == m["cue"]), m.end()


def _subject(ctx: _Context, pos: int, end: int) -> _Subject:
    """The subject at ``pos``: ``A、B与C`` (all agents), ``X副厅长张三`` (the PERSON only), ``由X主办``."""
    text = ctx.text
    pos = _SPACES.match(text, pos, end).end()
    if text.startswith("由", pos):
        run = _run_at(ctx, pos + 1, end, ("ORG", "PERSON"))
        found = _cue_after(ctx, run[-1].ce, end) if run else None
        if found is not None and found[0].role == "agent":
            return _Subject(tuple(run), found[1])
        return _Subject((), pos)
    run = _run_at(ctx, pos, end, ("ORG", "PERSON"), titles=True)
    if not run:
        return _Subject((), pos)
    persons = tuple(m for m in run if m.label == "PERSON")
    return _Subject(persons or tuple(run), run[-1].ce)


def _lead(ctx: _Context, sent: Sentence) -> tuple[_Mention, int, int, int] | None:
    """``(time, subject position, search start, argument start)`` when ``sent`` opens with a time.

    Also ``A厅于11月13日印发…`` (the subject before its time), a fronted
    purpose clause or label (``为…，11月5日，…``; after the time too: ``近日，根据…要求，A局…``),
    a fronted place
    (``11月5日，在成都，A厅…``: the subject follows, the place is an argument)
    and a fronted assent (``11月5日，经省政府同意，A厅…``: not an argument).
    """
    text = ctx.text
    pos = sent.clean_start
    if (m := _LEAD_ADVERBIAL.match(text, pos, sent.clean_end)) and m.end() in ctx.time_at:
        pos = m.end()
    time = ctx.time_at.get(pos)
    if time is not None:
        if _PROGRESS_TIME.search(time.norm) or time.grain in _COARSE_GRAINS:
            return None
        after = _AFTER_TIME.match(text, time.ce, sent.clean_end).end()
        if after < sent.clean_end and text[after] in "，,":
            after += 1
        fronted = _FRONTED_PLACE.match(text, after, sent.clean_end)
        subject_at = fronted.end() if fronted else after
        purpose = _FRONTED_PURPOSE.match(text, subject_at, sent.clean_end)
        if purpose is not None and _subject(ctx, purpose.end(), sent.clean_end).agents:
            subject_at = purpose.end()  # 近日，根据…要求，A局印发…: the subject follows the purpose
            if not fronted:
                after = subject_at
        assent = ctx.lexicon.assent.match(text, subject_at, sent.clean_end)
        if assent is not None and _subject(ctx, assent.end(), sent.clean_end).agents:
            return time, assent.end(), assent.end(), assent.end()  # else the approval is the news
        return time, subject_at, subject_at, after
    subject = _subject(ctx, pos, sent.clean_end)
    if subject.agents:
        at = _SUBJECT_TIME_GAP.match(text, subject.end, sent.clean_end).end()
        time = ctx.time_at.get(at)
        if time is not None and time.grain not in _COARSE_GRAINS and not _PROGRESS_TIME.search(time.norm):
            after = _AFTER_TIME.match(text, time.ce, sent.clean_end).end()
            return time, pos, after, after
    return None


def _predicates(ctx: _Context, start: int, end: int, clauses: _Clauses) -> list[_Predicate]:
    """Resolve the trigger matches of ``[start, end)`` into typed predicates, in order."""
    matches = ctx.matches_in(start, end)
    out: list[_Predicate] = []
    used: set[int] = set()
    for i, m in enumerate(matches):
        kind = m.row.kind
        if i in used or kind in ("stop", "head", "content"):
            continue
        if kind == "verb":
            if m.row.type == "training" and i + 1 < len(matches) and matches[i + 1].cs == m.ce \
                    and matches[i + 1].row.type == "visit":
                continue  # 赴X学习考察: a study tour, the visit verb is the trigger
            # 在X发布的N: a modifier; 帮办代办员, 宣讲员: a person named by the work; 了解…试点准备工作:
            # the content of another verb; 围绕…竣工联合验收、…等内容: a topic; not predicates
            if not ctx.masked.startswith("的", m.ce) and not _names_agent(ctx, i, matches) \
                    and not _in_content(ctx, i, matches, clauses) and not _in_disposal(ctx, i, matches, clauses) \
                    and not _TOPIC_LIST.match(ctx.masked, m.ce, clauses.at(m.cs)[1]):
                out.append(_Predicate(_inspection(ctx, m.row, m.cs, clauses), m.cs, m.ce, m.row, m.ce))
            continue
        c_start, c_end = clauses.at(m.cs)
        # the object phrase: up to the clause end or a new predicate (并, 同时)
        limit = min(c_end, m.ce + _PHRASE_MAX)
        if stop := _PHRASE_END.search(ctx.masked, m.ce, limit):
            limit = stop.start()
        window = []
        for j in range(i + 1, len(matches)):
            if matches[j].cs >= limit:
                break
            if j not in used and matches[j].row.kind in ("verb", "head", "content") and matches[j].row.type:
                window.append(j)
        used.update(window)
        # head-final: the last verb of the phrase, else its last activity noun
        verbs = [j for j in window if matches[j].row.kind == "verb"]
        nxt = matches[(verbs or window)[-1]] if window else None
        # a generic last head (活动) takes the type of a more specific head before it (业务竞赛活动)
        typer = nxt
        if nxt is not None and not verbs and "generic" in nxt.row.roles:
            typer = next((matches[j] for j in reversed(window) if "generic" not in matches[j].row.roles), nxt)
        if kind == "frame":
            type_ = typer.row.type if typer is not None else m.row.type
            if not verbs and _MEETING_NOUN.search(ctx.masked, nxt.ce if nxt else m.ce, limit):
                type_ = "meeting"  # 召开…审批服务专班会: the phrase names a meeting
            if type_ is not None:
                out.append(_Predicate(type_, m.cs, m.ce, m.row, nxt.ce if nxt else m.ce))
        elif nxt is not None and nxt.row.kind == "verb":  # 开展…培训: the verb is the trigger
            type_ = _inspection(ctx, nxt.row, nxt.cs, clauses)
            if type_ == "service" != nxt.row.type:  # 开展惠企政策宣讲进园区活动: a service, as 开展…活动
                out.append(_Predicate(type_, m.cs, m.ce, m.row, nxt.ce))
            else:
                out.append(_Predicate(type_, nxt.cs, nxt.ce, nxt.row, nxt.ce, lead=m.cs))
        elif nxt is not None:  # 开展…活动: the light verb, typed by the activity noun
            if _MODIFIER_HEAD.match(ctx.masked, nxt.ce, limit):
                continue  # 开展窗口服务技能比武: the noun modifies another activity
            out.append(_Predicate(typer.row.type, m.cs, m.ce, m.row, nxt.ce))
        elif named := _named_activity(ctx, m.ce, limit):  # 举办“政务服务大讲堂”: the name ends in its kind
            out.append(_Predicate(_inspection(ctx, named, m.cs, clauses), m.cs, m.ce, m.row, m.ce))
        else:  # …活动在X成功举办: the activity noun stands before
            floor = max(c_start, m.cs - _PHRASE_MAX)
            before = [p for p in matches[max(0, i - _PHRASE_MAX):i]
                      if p.row.kind in ("head", "content") and p.row.type and p.cs >= floor]
            if before:
                out.append(_Predicate(before[-1].row.type, m.cs, m.ce, m.row, m.ce))
    return out


def _named_activity(ctx: _Context, start: int, end: int) -> TriggerRow | None:
    """The typed head ending a quoted name or named initiative in ``[start, end)`` (``“政务服务大讲堂”``
    ends in 讲堂): the kind of activity a light verb holds by name."""
    names = [(q.start() + 1, q.end() - 1) for q in _QUOTE.finditer(ctx.text, start, end)]
    names += [(e.cs, e.ce) for e in ctx.entities_in(start, end, ("INITIATIVE",))]
    for a, b in names:
        b = len(ctx.text[a:b].rstrip("”」 \n")) + a
        for hit in ctx.lexicon.pattern.finditer(ctx.text, a, b):
            row = ctx.lexicon.triggers[hit.group()]
            if hit.end() == b and row.kind in ("head", "verb") and row.type:
                return row
    return None


def _inspection(ctx: _Context, row: TriggerRow, cs: int, clauses: _Clauses) -> str:
    """The type of a trigger: an inspection (``docs=review``: 检查, 督查) of documents or cases
    (a noun of ``event_documents.tsv`` or a title in its clause) is a review; a briefing
    (``public=service``: 宣讲) whose clause or the next names a public audience and no staff
    (``event_audiences.tsv``: 线上宣讲, 为企业宣讲) is a service; else the row's own type."""
    if "docs=review" in row.roles:
        a, b = clauses.at(cs)
        if ctx.lexicon.documents.search(ctx.masked, a, b) or ctx.entities_in(a, b, ("POLICY",)):
            return "review"
    if "public=service" in row.roles:  # its clause and the next (开展政策宣讲，为…居民讲解)
        k = clauses.index(cs)
        a, b = clauses.spans[k][0], clauses.spans[min(k + 1, len(clauses.spans) - 1)][1]
        staff = (w for w in ctx.lexicon.staff.finditer(ctx.masked, a, b)
                 if not _INVITEE.search(ctx.masked[clauses.at(w.start())[0]:w.start()]))
        if ctx.lexicon.public.search(ctx.masked, a, b) and next(staff, None) is None:
            return "service"
    return row.type


def _in_content(ctx: _Context, i: int, matches: list[_Match], clauses: _Clauses) -> bool:
    """Match ``i`` is a word of what a content verb earlier in its clause names (``详细了解“X”试点
    准备工作``, ``实地了解…帮办代办工作``): not adjacent to it (``传达学习``) and not after a new
    predicate's conjunction (``听取意见并现场答疑``)."""
    a = max(clauses.at(matches[i].cs)[0], matches[i].cs - _PHRASE_MAX)
    for j in range(i - 1, -1, -1):
        c = matches[j]
        if c.cs < a:
            break
        if c.row.kind == "content" and c.ce < matches[i].cs:
            return _PHRASE_END.search(ctx.masked, c.ce, matches[i].cs) is None
    return False


# 将/把 + noun phrase + verb (将…消防验收等5个验收事项纳入…): the disposal marker, not the modal 将
# (将于, 将在, 将进一步, 即将, 将要) and not a word (将帅, 将来)
_DISPOSAL = regex.compile(r"(?<!即)(?:将(?![于在要来帅士军领会对向从为进逐全加持继不])|把)")


def _in_disposal(ctx: _Context, i: int, matches: list[_Match], clauses: _Clauses) -> bool:
    """Verb match ``i`` is a word of the object of a disposal construction (``将…消防验收、人防验收等
    5个验收事项纳入“多验合一”改革范围``): a 将/把 earlier in its clause, not right before a trigger,
    and a typed verb after it in the same clause that the noun phrase is the object of."""
    m = matches[i]
    a, b = clauses.at(m.cs)
    starts = {c.cs for c in matches}
    at = [d for d in _DISPOSAL.finditer(ctx.masked, a, m.cs) if d.end() not in starts]
    if not at:
        return False
    return any(c.cs >= m.ce and c.cs < b and c.row.kind == "verb" and c.row.type for c in matches[i + 1:])


def _names_agent(ctx: _Context, i: int, matches: list[_Match]) -> bool:
    """Match ``i`` and the verbs right after it end in a person suffix (``帮办代办员``, ``宣讲员``)."""
    end = matches[i].ce
    for m in matches[i + 1:]:
        if m.cs != end or m.row.kind != "verb":
            break
        end = m.ce
    return _AGENT_NOUN.match(ctx.masked, end) is not None


def _groups(ctx: _Context, preds: list[_Predicate], clauses: _Clauses) -> list[list[_Predicate]]:
    """Coordinated predicates (``制定印发``, ``调研并指导``, ``推进会暨…调度会``) grouped; one event per
    group at most."""
    groups: list[list[_Predicate]] = []
    for p in preds:
        if groups:
            last = groups[-1][-1]
            same_clause = clauses.index(last.cs) == clauses.index(p.cs)
            if same_clause and (_COORDINATION.fullmatch(ctx.masked, last.end, p.cs) or p.type == last.type
                                and _SECOND_NAME.fullmatch(ctx.masked, last.end, p.cs)):
                groups[-1].append(p)
                continue
        groups.append([p])
    return groups


def _region_end(groups: list[list[_Predicate]], g: int, clauses: _Clauses) -> int:
    """Where group ``g``'s arguments end: the next group in its clause, else the clause end."""
    k = clauses.index(groups[g][0].cs)
    if g + 1 < len(groups) and clauses.index(groups[g + 1][0].cs) == k:
        return groups[g + 1][0].cs
    return clauses.spans[k][1]


def _region_start(groups: list[list[_Predicate]], g: int, clauses: _Clauses) -> int:
    """Where group ``g``'s arguments start: its clause start, or its first trigger after another group."""
    k = clauses.index(groups[g][0].cs)
    if g > 0 and clauses.index(groups[g - 1][0].cs) == k:
        return groups[g][0].cs
    return clauses.spans[k][0]


def _objects(ctx: _Context, start: int, end: int, taken: set[str], group: list[_Predicate],
             places: Sequence[_Mention] = ()) -> list[_Mention]:
    """POLICY/INITIATIVE objects in ``[start, end)``: outer titles, not aliases unless that is all.

    A title after 依托/通过/在 is a means or a place, not the object (unless
    that word ends the trigger itself: 审议通过《…》). An initiative naming a
    facility of a place visited (``到X“办不成事”反映窗口值守``) is part of the place.
    """
    text = ctx.text
    found = []
    for m in ctx.entities_in(start, end, ("POLICY", "INITIATIVE")):
        if m.id in taken:
            continue
        if m.label == "INITIATIVE" and _FACILITY.match(text, m.ce, end) and any(
                _PLACE_FACILITY.fullmatch(text, p.ce, m.cs) and not ctx.matches_in(p.ce, m.cs)
                for p in places if p.ce <= m.cs):
            continue
        floor = max([start, m.cs - 3] + [p.end for p in group if p.end <= m.cs])
        before = text[floor:m.cs].rstrip("“「《〈")
        if _NOT_OBJECT_BEFORE.search(before) or _THEME_AFTER.match(text, m.ce, end):
            continue
        found.append(m)
    # 建立12345热线医保诉求“专席+专员”协同处置机制: a name modifying the phrase of a later one
    found = [m for m, n in zip(found, found[1:] + [None])
             if n is None or not _MODIFIER_GAP.fullmatch(text, m.ce, n.cs) or ctx.matches_in(m.ce, n.cs)]
    plain = [m for m in found if not m.alias]
    return plain or found


def _continuation(ctx: _Context, clauses: _Clauses, groups: list[list[_Predicate]], g: int,
                  busy: set[int], skip: set[str]) -> list[tuple[str, _Mention]]:
    """Arguments of group ``g`` in the predicate-less clauses after it.

    Places gone to (``…，先后到X、Y实地了解…``) are targets, places acted in
    (``…，在X设立流动服务点``) locations; titles named as its content
    (``…授课，深入解读《X》``, ``…，结合《X》解读…``) are objects; attendees (``…，副区长X出席并讲话``, ``…，邀请X授课``,
    ``…，X有关负责同志陪同``, ``…，听取X汇报``) are participants, with the
    people named in the clauses before them (``…，副秘书长Y，Z负责同志陪同``). From a
    clause inviting others on, what is seen or visited is theirs (``…，邀请…代表走进大厅，
    体验“X”``): no object, no target; what they lecture on is the event's (``邀请X围绕《Y》作专题辅导``).
    """
    first = clauses.index(groups[g][-1].cs) + 1
    last = clauses.index(groups[g + 1][0].cs) if g + 1 < len(groups) else len(clauses.spans)
    out: list[tuple[str, _Mention]] = []
    listed: list[_Mention] = []  # clauses that only name people (省政府副秘书长郑敏，…陪同)
    invited = False  # after 邀请X…, X is the one who goes and sees (邀请…代表走进大厅，体验“Y”)
    for k in range(first, last):
        if k in busy:
            break
        a, b = clauses.spans[k]
        cued = _cue_args(ctx, a, b, [], skip)
        invited = invited or _INVITE.search(ctx.masked, a, b) is not None
        # places it goes on to (…考察交流，先后到X、Y实地了解…), and the place of the clause right
        # after it when that clause opens with it (…开展“X”服务，在Y设立流动服务点)
        if not invited:
            out += [(r, m) for r, m in cued if r == "target"]
        if k == first and ctx.text.startswith("在", a):
            out += [(r, m) for r, m in cued if r == "location" and m.cs <= a + 2]
        partner = _PARTNER_CLAUSE.match(ctx.masked, a, b) is not None  # …，并与X座谈交流
        found = [(r, m) for r, m in cued if r == "participant" and not partner]
        if found:
            out += found + [("participant", m) for m in listed if m.id not in skip]
            listed = []
        else:
            named = _subject(ctx, a, b)
            only_names = bool(named.agents) and _LIST_END.fullmatch(ctx.text, named.end, b) is not None
            listed = [*listed, *named.agents] if only_names else []
        # a typed content verb (解读, 作专题辅导) is the lecture of the event, by the invited one too
        if any(m.row.kind == "content" and (not invited or m.row.type) for m in ctx.matches_in(a, b)):
            out += [("object", m) for m in _objects(ctx, a, b, {m.id for _, m in out}, [])]
    return out


def _cue_args(
    ctx: _Context, start: int, end: int, group: list[_Predicate], skip: set[str], pre: set[str] | None = None
) -> list[tuple[str, _Mention]]:
    """Arguments marked by cue words in ``[start, end)``: 会同X, 赴X, 在X, X承办, 调研X.

    The ids of those marked by a cue before them (会同X、Y) are added to ``pre``.
    """
    out: list[tuple[str, _Mention]] = []
    at_target = any("at=target" in p.row.roles for p in group)
    served = at_target or any("for=target" in p.row.roles for p in group)
    pos = start
    for m in ctx.entities_in(start, end, ("ORG", "PERSON", "LOC", "INITIATIVE")):
        if m.cs < pos or m.id in skip:
            continue
        run = _run_at(ctx, m.cs, end, ("ORG", "PERSON", "LOC", "INITIATIVE"))
        if not run:
            continue
        pos = run[-1].ce
        cue = _cue_before(ctx, run[0].cs, start, level=run[0].label == "INITIATIVE")
        role = cue.role if cue else None
        if role == "visited":  # 对A、B开展督查: visited by an inspection; no role otherwise
            role = "target" if any("obj=target" in p.row.roles and p.type == "visit" for p in group) else None
        if role is not None and pre is not None:
            pre.update(x.id for x in run)
        if role is None and (post := _cue_after(ctx, run[-1].ce, end)) is not None:
            role = post[0].role if post[0].role == "participant" else None
        if role is None and any(
            "obj=target" in p.row.roles and p.ce <= run[0].cs and _PERFECTIVE.fullmatch(ctx.text, p.ce, run[0].cs)
            for p in group
        ):
            role = "target"
        if role == "location" and at_target:
            role = "target"
        if role is None and served and _SERVED.search(ctx.masked, max(start, run[0].cs - 12), run[0].cs) \
                and any(p.cs >= run[-1].ce for p in group):
            role = "target"  # 为入驻X的企业开展上门服务, 为X核发许可证: X is (where) the served party (is)
        if role == "location" and _modifies(ctx, run[-1].ce):
            continue  # 在X发布的N: the place of a modifier
        if role == "agent":  # 经X审定: the approving body, when the approval verb right after it is the trigger
            if not _approves(ctx, run[-1].ce, group):
                continue
            members = [x for x in run if x.label in ("ORG", "PERSON")]
        elif role == "participant":  # 邀请X处长Y: Y takes part, X is Y's body
            members = [_person_of(ctx, x, end) or x for x in run if x.label in ("ORG", "PERSON")]
        elif role == "target":
            members = [x for x in run if x.label in ("ORG", "LOC")]
        elif role == "location":  # a platform is a place too: 在“天府通办”开通
            members = [x for x in run if x.label in ("ORG", "LOC", "INITIATIVE")]
        else:
            continue
        out.extend((role, x) for x in members if x.id not in skip)
    return out


def _person_of(ctx: _Context, body: _Mention, end: int) -> _Mention | None:
    """The PERSON right after ORG ``body`` whose body it is, office words between (``X处处长Y``)."""
    after = ctx.entities_in(body.ce, end, ("PERSON",))
    if after and after[0].org == body.id and _TITLE_GAP.fullmatch(ctx.text, body.ce, after[0].cs):
        return after[0]
    return None


def _approves(ctx: _Context, pos: int, group: Sequence[_Predicate]) -> bool:
    """An approval verb of the lexicon starts at ``pos`` (spaces, closing quotes skipped), is a
    trigger of ``group`` and is no modifier (经省政府审定的《方案》: not followed by 的)."""
    while pos < len(ctx.text) and (ctx.text[pos] in _CLOSERS or ctx.text[pos].isspace()):
        pos += 1
    return ctx.lexicon.approval.match(ctx.text, pos) is not None and any(p.cs == pos for p in group)


def _modifies(ctx: _Context, pos: int) -> bool:
    """A verb followed by 的 right after ``pos``: the mention belongs to a modifier (在X发布的…)."""
    while pos < len(ctx.text) and (ctx.text[pos] in _CLOSERS or ctx.text[pos].isspace()):
        pos += 1
    k = bisect_left(ctx.match_starts, pos)
    if k == len(ctx.matches) or ctx.matches[k].cs != pos:
        return False
    return ctx.masked.startswith("的", ctx.matches[k].ce)


def _quantity_args(ctx: _Context, start: int, end: int, heads: Sequence[_Predicate] = (),
                   targets: Sequence[_Mention] = ()) -> list[_Mention]:
    """Quantities in ``[start, end)`` counting the event's objects or occurrences (涉企活动2场).

    A count of bodies or households is one only as the count of the objects or
    served party marked by 对/为 before the trigger (对辖区8个街道…开展核验) or of
    the targets listed before it (赴A、B等6个县督查). Not a count of the places
    acted in (在全市82个网点开通), nor of the owners of the counted objects
    (对26家企业的43件申请开展审查).
    """
    out = []
    target_ends = {m.ce for m in targets}
    for q in ctx.quantities_in(start, end):
        if q.statistic or (q.unit not in ctx.lexicon.units and q.unit not in _PEOPLE):
            continue
        trigger = next((p.begin for p in heads if p.begin >= q.ce), None)
        before = ctx.text[max(start, q.cs - 24):q.cs]
        if trigger is not None and _COUNT_OF_PLACE.search(ctx.masked, max(start, q.cs - 40), q.cs):
            continue
        if trigger is not None and (owner := ctx.text.find("的", q.ce, trigger)) >= 0 and \
                ctx.quantities_in(owner, trigger):
            continue  # 对26家企业申报的43件申请: 26家 count the owners
        if trigger is not None and q.unit not in _DOCUMENT_UNITS and not _counts_documents(ctx, q) and \
                ctx.lexicon.documents.search(ctx.masked, q.ce, trigger):
            continue  # 对46家企业的许可档案开展评查: the owners of the documents reviewed
        counted = any(_TARGETS_COUNTED.fullmatch(ctx.text, e, q.cs) for e in target_ends if e <= q.cs)
        counted = counted or (bool(out) and _JOINED_COUNT.fullmatch(ctx.text, out[-1].ce, q.cs) is not None)
        marked = counted or (trigger is not None and _COUNT_OF_OBJECT.search(before) is not None
                             and "的" not in ctx.text[q.ce:trigger])
        if _COUNTS_BODIES.match(ctx.text, q.ce, end) and not marked:
            continue
        if q.unit in _HOUSEHOLDS and not marked and not _ENTERPRISES_AFTER.match(ctx.text, q.ce, end):
            continue
        if q.unit in _PEOPLE and not (marked and trigger is not None):
            continue
        out.append(q)
    return out


def _counts_documents(ctx: _Context, q: _Mention) -> bool:
    """``q`` counts the documents or systems examined themselves: their noun is its head, with at
    most a two-character modifier (对38个政务信息系统开展检查), not an owner's noun (对23个项目招标文件)."""
    at = _SPACES.match(ctx.masked, q.ce).end()
    return any(ctx.lexicon.documents.match(ctx.masked, at + k) for k in range(3))


def _is_statistic(ctx: _Context, start: int, end: int) -> bool:
    """A statement of volumes: a statistic quantity or 累计/共计 in ``[start, end)``."""
    if any(q.statistic for q in ctx.quantities_in(start, end)):
        return True
    return _STATISTIC_WORDS.search(ctx.text, start, end) is not None


def _sentence_events(
    ctx: _Context,
    sent: Sentence,
    time: _Mention,
    subject_at: int,
    search_at: int,
    *,
    args_at: int | None = None,
    need_agent: bool,
    attending: bool = False,
) -> list[_Found]:
    """The events of one sentence whose time is ``time`` (see the module docstring).

    The subject is parsed at ``subject_at``, predicates are searched from
    ``search_at`` on, and the first event's arguments from ``args_at`` on.
    With ``attending`` (the item already has its event), attending a meeting
    (``出席``, ``参加``) is no event.
    """
    end = sent.clean_end
    subject = _subject(ctx, subject_at, end)
    if need_agent and not subject.agents:
        return []
    start = max(subject.end, search_at)
    clauses = _Clauses.of(ctx.masked, sent.clean_start, end)
    first_clause = clauses.at(start)
    if _is_statistic(ctx, start, first_clause[1]):
        return []
    preds = _predicates(ctx, start, end, clauses)
    if not preds:
        return []
    if not subject.agents and clauses.index(preds[0].cs) != clauses.index(start) and not (
            clauses.index(preds[0].cs) == clauses.index(start) + 1 and _moves_to(ctx, clauses, start)):
        return []  # no subject: the action must open the sentence (5月11日，赴X调研; …负责同志赴X，考察Y)
    groups = _groups(ctx, preds, clauses)
    # from a clause of the parties' plans on (签署…协议，双方将…，推动…), the sentence is planned
    plans = next((a for a, _ in clauses.spans if a >= start and _PARTIES_PLAN.match(ctx.masked, a)), end)
    future = [_FUTURE.search(ctx.masked, max(subject.end, gr[0].cs - _FUTURE_WINDOW), gr[0].cs) is not None
              or gr[0].cs >= plans for gr in groups]
    if future[0]:
        return []
    groups = [gr for gr, planned in zip(groups, future) if not planned]  # 解读将于…施行的《X》
    # …召开座谈会，并在X设立专窗: setting up a means of the event before is no event
    # …，相关情况已纳入“X”台账跟踪办理: an outcome reported after the event (已 in its clause), no event
    groups = groups[:1] + [gr for gr in groups[1:] if "lead" not in gr[0].row.roles
                           and "已" not in ctx.masked[clauses.at(gr[0].cs)[0]:gr[0].cs]]
    if attending and _escorts(ctx, subject, groups[0][0]):
        return []  # a later sentence's X陪同调研: X escorts the item's visit, no event of its own
    busy = {clauses.index(p.cs) for gr in groups for p in gr}  # clauses with a predicate of their own
    out: list[tuple[_Predicate, tuple[_Mention, ...], list[tuple[str, _Mention]]]] = []
    shared: list[tuple[str, _Mention]] = []
    for g, group in enumerate(groups):
        head = group[0]
        actors = subject.agents
        new_actor = False
        if g == 0:
            lo = start if args_at is None else min(start, args_at)
        else:
            lo = _region_start(groups, g, clauses)
            clause_start = clauses.at(head.cs)[0]
            # a clause of its own subject: another actor in the same sentence
            inner = _subject(ctx, lo, head.cs) if lo == clause_start else None
            if inner is not None and inner.agents and not _norms(inner.agents) <= _norms(subject.agents):
                actors, new_actor, lo = inner.agents, True, inner.end
                if out and _escorts(ctx, inner, head):
                    # X陪同调研: X accompanies; …举办培训班，X业务骨干现场授课: X lectures at it
                    out[-1][2].extend([("participant", m) for m in actors]
                                      + _continuation(ctx, clauses, groups, g, busy, {m.id for m in actors}))
                    continue
        hi = _region_end(groups, g, clauses)
        skip = {m.id for m in actors}
        pre: set[str] = set()  # mentions marked by a cue before them (会同X, 与X): co-actors
        cue_args = _cue_args(ctx, lo, hi, group, skip, pre)
        objects = _objects(ctx, lo, hi, {m.id for _, m in cue_args}, group,
                           [m for r, m in cue_args if r in ("target", "location")])
        if head.type != "meeting":  # A与B签署《X》，并开通…: a title signed is a meeting's object only
            objects = [m for m in objects if m.ce > head.cs
                       or not _SIGNING.search(ctx.masked, clauses.at(m.cs)[0], m.cs)]
        more = _continuation(ctx, clauses, groups, g, busy, skip)
        if any(r == "location" for r, _ in cue_args):  # 在X试点…，在Y设立驿站: X is where it happens
            more = [(r, m) for r, m in more if r != "location"]
        own_objects = list(objects)
        objects += [m for r, m in more if r == "object"]
        quantities = _quantity_args(ctx, max(lo, start, clauses.at(head.cs)[0]), hi, group,
                                    [m for r, m in cue_args if r == "target"])
        if g > 0 and not new_actor and _restates_title(ctx, clauses, head, own_objects, out):
            continue
        if "attend" in head.row.roles and (attending or out):
            # 出席/参加 a meeting of the item: its actors take part, no event of their own
            if out:
                out[-1][2].extend([("participant", m) for m in actors if new_actor] + more
                                  + [(r, m) for r, m in cue_args if r == "participant"])
            continue
        if g > 0 and not new_actor and (
            head.type in {h.type for h, _, _ in out}
            or not any(m.cs >= head.begin or _TOPIC.search(ctx.masked, lo, m.cs) for m in own_objects)
        ):
            # the same actor goes on (实地察看X, 邀请X授课, 先后走访X、Y等12家企业): the
            # places visited, partners, titles and the count of those visited belong to the
            # event before; a place it acts in does not (…，在X发布)
            taken = [(r, m) for r, m in cue_args if r == "target" or r == "participant"
                     and not (out and _partner(ctx, clauses, m, out[-1][0]))]
            if out:
                # what a visit or training goes on to see or study is the event's too
                # (调研…，实地查看“一窗通办”综合窗口; 举办培训班，…重点学习“X”); otherwise titles only
                same = head.type == out[-1][0].type and head.type in _SEEN_OR_STUDIED
                out[-1][2].extend(taken + more + [("object", m) for m in objects if same or m.label == "POLICY"])
                if any(r == "target" for r, _ in taken):
                    out[-1][2].extend(("quantity", q) for q in quantities)
            continue
        if g == 0:
            # co-actors (A会同B…) act in every event of the sentence; 由X承办的…会 only in its own
            shared = [(r, m) for r, m in cue_args if r == "participant" and m.cs < head.cs and m.id in pre]
        meeting = next((o for o in out if o[0].type == "meeting"), None)
        if meeting is not None and head.type != "meeting" and not new_actor:
            # 召开…会，传达学习《X》，Y出席并讲话，Z主持: the attendees and chair are the meeting's
            meeting[2].extend(r for r in more if r[0] == "participant")
            more = [r for r in more if r[0] != "participant"]
        own = [(r, m) for r, m in cue_args if r != "participant"
               or (g == 0 or new_actor or m.id in pre) and not _partner(ctx, clauses, m, head)]
        args = [("agent", m) for m in actors] + ([] if g == 0 or new_actor else shared) + own
        args += [("object", m) for m in objects] + [r for r in more if r[0] != "object"]
        args += [("quantity", q) for q in quantities]
        out.append((head, actors, args))
    return [_Found(head.type, head.cs, head.ce, time.id, _order(args), _norms(actors), sent.text)
            for head, actors, args in out]


def _restates_title(ctx: _Context, clauses: _Clauses, head: _Predicate, objects: list[_Mention],
                    out: list[tuple[_Predicate, tuple[_Mention, ...], list[tuple[str, _Mention]]]]) -> bool:
    """A later 将/把 clause restates what a title issued before it says (``印发《关于…“区内通办”工作的
    通知》，将N项事项纳入“区内通办”清单``): its objects are all named inside that title (set 6)."""
    if _DISPOSAL.search(ctx.masked, clauses.at(head.cs)[0], head.cs) is None:
        return False
    titles = [ctx.text[m.cs:m.ce] for h, _, args in out if h.type == "issue"
              for r, m in args if r == "object" and m.label == "POLICY"]
    return bool(titles) and all(any(ctx.text[m.cs:m.ce] in t for t in titles) for m in objects)


def _partner(ctx: _Context, clauses: _Clauses, m: _Mention, head: _Predicate) -> bool:
    """``m`` opens a clause after ``head``'s as the partner of that clause's own action (``…，并与X
    座谈交流``, ``…，并与X建立视频连线受理机制``): it takes no part in ``head``'s event."""
    k = clauses.index(m.cs)
    return k > clauses.index(head.cs) and _PARTNER_CLAUSE.match(ctx.masked, *clauses.spans[k]) is not None


def _escorts(ctx: _Context, subject: _Subject, head: _Predicate) -> bool:
    """A participant cue joins ``subject`` to the trigger (``X陪同调研``, ``X业务骨干现场授课``)."""
    escort = _cue_after(ctx, subject.end, head.ce)
    return escort is not None and escort[0].role == "participant" and (
        _SPACES.fullmatch(ctx.text, escort[1], head.cs) is not None or escort[1] == head.ce)


def _moves_to(ctx: _Context, clauses: _Clauses, start: int) -> bool:
    """The clause at ``start`` takes its unnamed actors to a place (``三地…负责同志赴X，``): the
    action follows in the next clause."""
    end = clauses.at(start)[1]
    return any(role == "target" for role, _ in _cue_args(ctx, start, end, [], set()))


def _norms(mentions: Iterable[_Mention]) -> frozenset[str]:
    return frozenset(m.norm for m in mentions)


def _order(args: list[tuple[str, _Mention]]) -> tuple[tuple[str, str], ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for role, m in sorted(args, key=lambda a: (_ROLE_ORDER[a[0]], a[1].cs)):
        if (role, m.id) not in seen:
            seen.add((role, m.id))
            out.append((role, m.id))
    return tuple(out)


def _item_events(ctx: _Context, item: Item) -> list[_Found]:
    """The events of one news item: its dated first sentence, then other actors and own dates."""
    sents = item.sentences
    if not sents:
        return []
    k = 0
    if len(sents) > 1 and _is_title_sentence(ctx, sents[0]):
        k = 1
    lead = _lead(ctx, sents[k])
    if lead is None and _opens_with_progress(ctx, sents[k]):
        # 今年以来，累计…。10月，新上线…: after the totals, the first sentence with a time of its own
        k = next((j for j in range(k + 1, len(sents)) if _lead(ctx, sents[j]) is not None), k)
        lead = _lead(ctx, sents[k])
    if lead is None:
        return []
    time, subject_at, search_at, args_at = lead
    out = _sentence_events(ctx, sents[k], time, subject_at, search_at, args_at=args_at, need_agent=False)
    while not out and _is_statistic(ctx, search_at, sents[k].clean_end):
        # 本月，全区办理…件。本月新增上线…: after the volumes, the next sentence with a time of its own
        k = next((j for j in range(k + 1, len(sents)) if _lead(ctx, sents[j]) is not None), len(sents))
        if k == len(sents):
            return []
        time, subject_at, search_at, args_at = _lead(ctx, sents[k])
        out = _sentence_events(ctx, sents[k], time, subject_at, search_at, args_at=args_at, need_agent=False)
    # after a signing, later sentences with a day of their own may still report acts (同日，A开通…)
    signed = not out and _SIGNING.search(ctx.masked, search_at, sents[k].clean_end) is not None
    if not out and not signed:
        return []
    actors = frozenset().union(*(f.agents for f in out))  # everyone who acted so far in the item
    for sent in sents[k + 1:]:
        own = ctx.time_at.get(sent.clean_start)
        if own is not None:
            if not _DAY_TIME.search(own.norm) or _PROGRESS_TIME.search(own.norm):
                continue
            after = _AFTER_TIME.match(ctx.text, own.ce, sent.clean_end).end()
            # 当天，南部县一工程建设项目通过新系统完成评标: on the same day only an actor's act is an event
            found = _sentence_events(ctx, sent, own, after, after,
                                     need_agent=_SAME_DAY.fullmatch(own.norm) is not None)
            if _SAME_DAY.fullmatch(own.norm):
                # 当天，A还组织开展了…比武: the same actors doing the same kind of thing that day go on
                # with the item's event
                types = {f.type for f in out}
                found = [f for f in found if not (f.agents and f.agents <= actors and f.type in types)]
        elif signed:
            continue
        elif (opening := _AT_MEETING.match(ctx.text, sent.clean_start, sent.clean_end)) and \
                any(f.type == "meeting" for f in out):
            found = [f for f in _sentence_events(ctx, sent, time, opening.end(), opening.end(), need_agent=False,
                                                 attending=True)
                     if f.type == "issue" and any(role == "object" for role, _ in f.args)]
        else:
            at = _SEQUENCE.match(ctx.text, sent.clean_start, sent.clean_end).end()  # 会后，B局…
            found = _sentence_events(ctx, sent, time, at, at, need_agent=True, attending=True)
            if found and found[0].agents <= actors:
                continue  # the same actors go on: no new event
        if found:
            out.extend(found)
            actors = actors.union(*(f.agents for f in found))
    return out


def _opens_with_progress(ctx: _Context, sent: Sentence) -> bool:
    """The sentence opens with progress framing (``今年以来，``, ``截至10月底，``)."""
    time = ctx.time_at.get(sent.clean_start)
    if time is not None and _PROGRESS_TIME.search(time.norm):
        return True
    return _PROGRESS_TIME.match(ctx.text, sent.clean_start) is not None


def _is_title_sentence(ctx: _Context, sent: Sentence) -> bool:
    """A short headline opening an item (``（一）数字政府建设。``, ``1.省数据局召开推进会。``).

    No clause punctuation and no time: the item's dated sentence comes next.
    """
    body = sent.text.rstrip("。！？!?")
    if len(body) > _TITLE_MAX or _CLAUSE_PUNCT.search(body):
        return False
    return not _within(ctx.times, ctx.time_starts, sent.clean_start, sent.clean_end)


# A section planning the next steps (``四、下一步工作``): its items are plans, not events.
_PLANNED_HEADINGS = ("下一步", "下步", "工作计划", "工作安排", "工作打算")


def _planned_sections(doc: Document) -> list[tuple[int, int]]:
    """Clean spans of the top-level sections whose heading plans the next steps."""
    view = doc.view
    spans = []
    for s in doc.sections:
        if s.kind != "heading" or s.level > 1:
            continue
        a = view.clean_offset(s.start)
        title = view.text[slice(*heading_title(view.text, a))]
        if any(w in title for w in _PLANNED_HEADINGS):
            spans.append((a, view.clean_offset(s.end)))
    return spans


def extract_events(doc: Document, lexicon: EventLexicon | None = None) -> tuple[Event, ...]:
    """The events of ``doc`` from its mentions, sorted by trigger start, ids ``v1..``."""
    ctx = _Context(doc, lexicon or _default_lexicon())
    planned = _planned_sections(doc)
    found = [f for item in segment(doc)
             if not any(a <= item.clean_start < b for a, b in planned)
             for f in _item_events(ctx, item)]
    found.sort(key=lambda f: (f.cs, f.ce))
    events = []
    for n, f in enumerate(found, 1):
        rs, re_ = doc.view.raw_span(f.cs, f.ce)
        events.append(Event(
            f"v{n}", f.type, Trigger(rs, re_, doc.raw[rs:re_]), f.time,
            tuple(Argument(role, ref) for role, ref in f.args), f.summary,
        ))
    return tuple(events)


class EventExtractor:
    """Pipeline component ``events``: fills ``Document.events`` from the mention layers.

    ``lexicon`` replaces the package's trigger, role and unit files
    (:meth:`EventLexicon.load` reads your own).
    """

    name = "events"
    requires: tuple[str, ...] = ("entities", "times", "quantities")

    def __init__(self, *, lexicon: EventLexicon | None = None) -> None:
        if lexicon is not None and not isinstance(lexicon, EventLexicon):
            raise TypeError(f"lexicon must be an EventLexicon, not {type(lexicon).__name__}")
        self._lexicon = lexicon

    def __repr__(self) -> str:
        return "EventExtractor()"

    def __call__(self, doc: Document) -> Document:
        if not isinstance(doc, Document):
            raise TypeError(f"EventExtractor takes a Document, not {type(doc).__name__}")
        return doc.replace(events=extract_events(doc, self._lexicon))
