"""Tests of gov_extract.events: hand-built documents, the data files, and the gold corpus."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_extract.errors import LexiconError
from gov_extract.events import EventExtractor, EventLexicon, extract_events
from gov_extract.model import EVENT_TYPES, ROLES, Document, Entity, Quantity, TimeExpr
from gov_extract.numbers import parse_integer
from gov_extract.structure import read

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

# --------------------------------------------------------------------------- building documents

_OPEN = regex.compile(r"\[(ORG|PER|LOC|POL|INI|T|Q|S) ")
_LABELS = {"ORG": "ORG", "PER": "PERSON", "LOC": "LOC", "POL": "POLICY", "INI": "INITIATIVE"}
_NUMBER = regex.compile(r"(?:近|约|超过|超)?(?P<n>[0-9.]+|[零〇一二两三四五六七八九十百千万亿]+)(?:余|多)?")
_AUTO_TIME = regex.compile(r"\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|\d{1,2}月(?![\d日])|近日|近期|本周|今年以来|同日")


def build(markup: str) -> Document:
    """A Document from marked-up text with hand-made mentions.

    ``[ORG 成都市数据局]``, ``[PER 张三]``, ``[LOC 绵阳]``, ``[POL 标题]`` (tags
    nest: ``[POL 关于〈[POL 条例]〉的意见]``), ``[INI 名称]``, ``[T 3月8日]`` (a
    time), ``[Q 2场]`` (a quantity), ``[S 320件]`` (a statistic quantity). The
    tags are removed from the raw text; untagged dates and time words outside
    tags (``3月8日``, ``近日``, ``本周``) become times.
    """
    raw: list[str] = []
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(markup):
        if m := _OPEN.match(markup, i):
            stack.append((m[1], len(raw)))
            i = m.end()
        elif markup[i] == "]" and stack:
            tag, start = stack.pop()
            spans.append((tag, start, len(raw)))
            i += 1
        elif not stack and (t := _AUTO_TIME.match(markup, i)):
            spans.append(("T", len(raw), len(raw) + len(t.group())))
            raw.extend(t.group())
            i = t.end()
        else:
            raw.append(markup[i])
            i += 1
    text_of = "".join(raw)
    spans.sort(key=lambda s: (s[1], -s[2]))
    entities, times, quantities = [], [], []
    for tag, start, end in spans:
        text = text_of[start:end]
        clean = "".join(text.split())
        if tag in _LABELS:
            extra = {"kind": "government"} if tag == "ORG" else {}
            entities.append(Entity(f"e{len(entities) + 1}", _LABELS[tag], start, end, text, clean, **extra))
        elif tag == "T":
            times.append(TimeExpr(f"t{len(times) + 1}", start, end, text, None, None, "day"))
        else:
            number = _NUMBER.match(clean)
            digits = number["n"] if number else ""
            value = Decimal(digits) if digits[:1].isdigit() else Decimal(parse_integer(digits) or 1)
            unit = clean[number.end():] if number else clean
            metric = "办件" if tag == "S" else None
            quantities.append(Quantity(f"q{len(quantities) + 1}", start, end, text, value, unit, metric=metric))
    return read(text_of).replace(entities=tuple(entities), times=tuple(times), quantities=tuple(quantities))


def render(doc: Document) -> list[str]:
    """Each event as ``type trigger @time role:text ...`` (args sorted), clean text."""
    out = []
    for ev in doc.events:
        time = doc.mention(ev.time)
        args = sorted(f"{a.role}:{''.join(doc.mention(a.ref).text.split())}" for a in ev.args)
        out.append(" ".join([ev.type, "".join(ev.trigger.text.split()), f"@{''.join(time.text.split())}", *args]))
    return out


def _expected(spec: str) -> list[str]:
    """``type trigger @time args...`` lines; the first three words keep their order."""
    out = []
    for line in spec.strip().splitlines() if spec.strip() else []:
        words = line.split()
        out.append(" ".join(words[:3] + sorted(words[3:])))
    return out


def run(markup: str) -> list[str]:
    return render(EventExtractor()(build(markup)))


# --------------------------------------------------------------------------- table: which events, which args

CASES = [
    # issue, another city
    ("（一）3月8日，[ORG 成都市数据局]印发《[POL 成都市公共数据开放管理办法]》。",
     "issue 印发 @3月8日 agent:成都市数据局 object:成都市公共数据开放管理办法"),
    # approve: 批复 and 获批
    ("1.6月3日，[ORG 国家发展改革委]批复《[POL 成渝地区双城经济圈多层次轨道交通规划]》。",
     "approve 批复 @6月3日 agent:国家发展改革委 object:成渝地区双城经济圈多层次轨道交通规划"),
    ("（二）4月2日，[ORG 宜宾市市场监管局]“[INI 企业开办一日办结]”改革获批全省试点。",
     "approve 获批 @4月2日 agent:宜宾市市场监管局 object:企业开办一日办结"),
    # launch: 上线 and 开通, another province
    ("（三）7月1日，[ORG 浙江省大数据发展管理局]正式上线“[INI 浙里办]”企业服务专区。",
     "launch 上线 @7月1日 agent:浙江省大数据发展管理局 object:浙里办"),
    ("9月15日，[ORG 重庆市政府办公厅]开通“[INI 渝快办]”跨省通办专窗。",
     "launch 开通 @9月15日 agent:重庆市政府办公厅 object:渝快办"),
    # review: 组织开展…评查 (the light verb hands the trigger on)
    ("10月10日至12日，[ORG 湖州市司法局]组织开展行政执法案卷评查，共评查案卷120卷。",
     "review 评查 @10月10日至12日 agent:湖州市司法局"),
    # visit: a PERSON with title is the agent alone; 赴X -> target
    ("（四）5月20日，[ORG 省应急管理厅]副厅长[PER 王某某]赴[LOC 攀枝花市]督导安全生产工作。",
     "visit 督导 @5月20日 agent:王某某 target:攀枝花市"),
    # visit: the ORG right after 走访 is the target
    ("2月27日，[ORG 德阳市税务局]走访[ORG 东方电气集团]，了解企业诉求。",
     "visit 走访 @2月27日 agent:德阳市税务局 target:东方电气集团"),
    # 同日 dates a later sentence of the item
    ("3.8月5日，[ORG 南充市政务服务管理局]召开全市政务服务工作推进会。[T 同日]，[ORG 南充市数据局]印发"
     "《[POL 南充市公共数据共享管理办法]》。",
     "meeting 召开 @8月5日 agent:南充市政务服务管理局\n"
     "issue 印发 @同日 agent:南充市数据局 object:南充市公共数据共享管理办法"),
    # another actor under the same time (本周)
    ("本周，[ORG 省教育厅]窗口开展“[INI 招生政策进校园]”宣传活动。[ORG 省人社厅]窗口举办人社业务培训班。",
     "service 开展 @本周 agent:省教育厅 object:招生政策进校园\n"
     "training 培训班 @本周 agent:省人社厅"),
    # the same actor going on gives no second event
    ("6月1日，[ORG 南充市数据局]召开数据安全工作会议。[ORG 南充市数据局]还印发《[POL 数据安全应急预案]》。",
     "meeting 召开 @6月1日 agent:南充市数据局"),
    # one of the item's actors going on alone is no other actor
    ("1月12日，[ORG 省卫生健康委]与[ORG 省药监局]联合调整审批流程。[ORG 省药监局]同步简化申报材料。",
     "reform 调整 @1月12日 agent:省卫生健康委 agent:省药监局"),
    # statistics and undated progress give none
    ("本周，共计受理[S 320件]、办结[S 298件]。", ""),
    ("（五）持续推进“[INI 一件事一次办]”改革，印发《[POL 一件事一次办工作指引]》。", ""),
    ("今年以来，[ORG 省民政厅]开展业务培训[Q 15场]。", ""),
    # 联合X -> participant; 在X -> location; 开展…宣讲 -> training
    ("（六）6月18日，[ORG 泸州市商务局]联合[ORG 泸州海关]在[LOC 泸州港]开展跨境电商政策宣讲。",
     "training 宣讲 @6月18日 agent:泸州市商务局 participant:泸州海关 location:泸州港"),
    # A与B共同…: both agents; 举办…培训班 -> training
    ("9月9日，[ORG 四川省税务局]与[ORG 省工商联]共同举办民营企业税费政策培训班。",
     "training 培训班 @9月9日 agent:四川省税务局 agent:省工商联"),
    # 由X主办、Y承办的“…”活动在Z举办
    ("近日，由[ORG 省司法厅]主办、[ORG 成都市律师协会]承办的“[INI 法治护航 助企发展]”活动在[LOC 成都]成功举办。",
     "service 举办 @近日 agent:省司法厅 participant:成都市律师协会 object:法治护航助企发展 location:成都"),
    # 建立…机制 -> reform
    ("11月3日，[ORG 攀枝花市政务服务中心]建立“[INI 办不成事]”反映窗口工作机制。",
     "reform 建立 @11月3日 agent:攀枝花市政务服务中心 object:办不成事"),
    # 1月1日起 … 施行
    ("[T 1月1日]起，[ORG 省人社厅]施行新版社保经办规程。",
     "reform 施行 @1月1日 agent:省人社厅"),
    # 在X开展上门服务: X is the served party
    ("5月16日，[ORG 遂宁市医保局]在[ORG 遂宁市中心医院]开展医保政策上门服务。",
     "service 上门服务 @5月16日 agent:遂宁市医保局 target:遂宁市中心医院"),
    # 召开…培训 -> training, trigger 召开
    ("8月22日，[ORG 自贡市市场监管局]召开全市特种设备安全监管业务培训会议。",
     "training 召开 @8月22日 agent:自贡市市场监管局"),
    # a second predicate with its own object and another type
    ("（二）12月1日，[ORG 省医保局]印发《[POL 四川省医疗保障经办服务规范]》，同步上线“[INI 天府医保]”移动服务平台。",
     "issue 印发 @12月1日 agent:省医保局 object:四川省医疗保障经办服务规范\n"
     "launch 上线 @12月1日 agent:省医保局 object:天府医保"),
    # a second predicate without its own object gives none
    ("12月5日，[ORG 省文化和旅游厅]召开座谈会，听取企业意见并现场答疑。",
     "meeting 召开 @12月5日 agent:省文化和旅游厅"),
    # the subject before its time: A于3月15日发布
    ("[ORG 生态环境部]于[T 3月15日]发布《[POL 建设项目环境影响评价分类管理名录]》。",
     "issue 发布 @3月15日 agent:生态环境部 object:建设项目环境影响评价分类管理名录"),
    # a counted occurrence is the quantity
    ("4月，[ORG 宜宾市人社局]开展“[INI 春风行动]”招聘活动[Q 12场]。",
     "service 开展 @4月 agent:宜宾市人社局 object:春风行动 quantity:12场"),
    # 赴A、B…调研: every place is a target
    ("近日，[ORG 省经济和信息化厅]窗口赴[LOC 德阳市]、[LOC 广元市]开展涉企服务调研。",
     "visit 调研 @近日 agent:省经济和信息化厅 target:德阳市 target:广元市"),
    # 调研并指导: one event
    ("1月9日，[ORG 省住房城乡建设厅]党组书记、厅长[PER 张某]到[LOC 省政务服务大厅]调研并指导窗口工作。",
     "visit 调研 @1月9日 agent:张某 target:省政务服务大厅"),
    # a trigger word inside an INITIATIVE is not the trigger
    ("（三）3月3日，[ORG 省商务厅]开展“[INI 送政策上门]”活动。",
     "service 开展 @3月3日 agent:省商务厅 object:送政策上门"),
    # a 、-split sentence with its own date
    ("5月6日，[ORG 绵阳市数据局]召开数据要素座谈会；[T 5月7日]，[ORG 广元市数据局]印发《[POL 广元市数据要素市场化配置方案]》。",
     "meeting 召开 @5月6日 agent:绵阳市数据局\n"
     "issue 印发 @5月7日 agent:广元市数据局 object:广元市数据要素市场化配置方案"),
    # a PERSON without an ORG; the target is an ORG
    ("近日，省长[PER 李某]到[ORG 省政务服务中心]调研。",
     "visit 调研 @近日 agent:李某 target:省政务服务中心"),
    # 会同X、Y: participants; an alias object only when nothing else
    ("（七）2月10日，[ORG 省财政厅]会同[ORG 省税务局]、[ORG 省人社厅]印发《[POL 实施细则]》。",
     "issue 印发 @2月10日 agent:省财政厅 participant:省税务局 participant:省人社厅 object:实施细则"),
    # a nested title is not a second object
    ("3月1日，[ORG 湖州市政府办公室]印发《[POL 关于贯彻〈[POL 浙江省数字经济促进条例]〉的实施意见]》。",
     "issue 印发 @3月1日 agent:湖州市政府办公室 object:关于贯彻〈浙江省数字经济促进条例〉的实施意见"),
    # a theme (以“…”为主题) is not an object
    ("10月9日，[ORG 省消防救援总队]开展以“[INI 人人讲安全]”为主题的消防安全宣讲活动。",
     "training 宣讲 @10月9日 agent:省消防救援总队"),
    # a heading item then a dated paragraph
    ("（一）数字政府建设。\n7月3日，[ORG 省数据局]开通“[INI 川数通]”数据服务平台。",
     "launch 开通 @7月3日 agent:省数据局 object:川数通"),
    # 拍摄…视频 -> service, with the count of videos
    ("1月，[ORG 省市场监管局]拍摄“[INI 局长讲政策]”宣传解读视频[Q 3期]。",
     "service 拍摄 @1月 agent:省市场监管局 object:局长讲政策 quantity:3期"),
    # a later clause with its own subject: another actor
    ("11月20日，[ORG 眉山市政务服务中心]召开窗口业务推进会，[ORG 眉山市税务局]同步开展纳税服务宣传活动。",
     "meeting 召开 @11月20日 agent:眉山市政务服务中心\n"
     "service 开展 @11月20日 agent:眉山市税务局"),
    # a PDF line break inside the trigger: the trigger keeps its raw characters
    ("5月11日，[ORG 水利厅]副厅长[PER 刘某]到[LOC 省政务服务大厅]调\n\n研。",
     "visit 调研 @5月11日 agent:刘某 target:省政务服务大厅"),
    # 考察 by an ORG visiting another city
    ("（八）4月12日，[ORG 杭州市数据资源管理局]赴[LOC 深圳市]考察数字政府建设。",
     "visit 考察 @4月12日 agent:杭州市数据资源管理局 target:深圳市"),
    # a headline sentence, then the dated sentence of the item
    ("2.[ORG 省数据局]召开全省数据工作推进会。11月10日，[ORG 省数据局]在[LOC 成都]召开全省数据工作推进会。",
     "meeting 召开 @11月10日 agent:省数据局 location:成都"),
    # a bracketed label before the time
    ("【[ORG 资阳市]】9月2日，[ORG 资阳市行政审批局]上线“[INI 资阳办]”小程序。",
     "launch 上线 @9月2日 agent:资阳市行政审批局 object:资阳办"),
    # no subject: a title that comes into force; a meeting held somewhere
    ("（九）1月1日，《[POL 江苏省数字经济促进条例]》正式施行。",
     "reform 施行 @1月1日 object:江苏省数字经济促进条例"),
    ("11月18日，由[ORG 省政务服务管理局]主办的全省政务服务效能提升大会在[LOC 乐山市]召开。",
     "meeting 召开 @11月18日 agent:省政务服务管理局 location:乐山市"),
    # a planned action is not reported
    ("12月1日，[ORG 省卫生健康委]将召开全省医改工作会议。", ""),
    ("（十）12月3日，[ORG 省政府常务会议]审议通过《[POL 四川省数据条例（草案）]》。",
     "approve 审议通过 @12月3日 agent:省政府常务会议 object:四川省数据条例（草案）"),
    # 开展…专项检查: the last verb of the object phrase; an inspection of bodies is a visit (set 4)
    ("3月9日，[ORG 广安市应急管理局]开展危险化学品企业专项检查。",
     "visit 检查 @3月9日 agent:广安市应急管理局"),
    # a trigger far down a sentence without subject is no event
    ("近日，全市政务服务事项办理时限平均压缩60%，企业开办全流程纳入“一网通办”。", ""),
    # a place fronted before the subject
    ("4月8日上午，在[LOC 市民中心]，[ORG 湖州市数据局]召开公共数据授权运营座谈会。",
     "meeting 召开 @4月8日 agent:湖州市数据局 location:市民中心"),
    # the subject before its time, without 于
    ("[ORG 嘉兴市市场监管局]4月9日赴[LOC 海宁市]开展食品安全督导。",
     "visit 督导 @4月9日 agent:嘉兴市市场监管局 target:海宁市"),
    # the content of a lecture named in the next clause is its object
    ("11月21日，[ORG 绵阳市司法局]副局长[PER 李明]为窗口工作人员授课，深入解读《[POL 四川省行政许可监督条例]》。",
     "training 授课 @11月21日 agent:李明 object:四川省行政许可监督条例"),
    ("10月15日，[ORG 泸州市教育局]举办审批业务培训班，[Q 40人]参加，重点讲解《[POL 泸州市民办学校设置标准]》。",
     "training 培训班 @10月15日 agent:泸州市教育局 object:泸州市民办学校设置标准"),
    # a platform after 在 is the location; a count of cities is not the event's quantity
    ("8月3日，[ORG 省民政厅]在“[INI 天府通办]”开通“[INI 婚姻登记专区]”，覆盖[Q 21个]市（州）。",
     "launch 开通 @8月3日 agent:省民政厅 location:天府通办 object:婚姻登记专区"),
    ("次日，“[INI 浙里健康]”预约功能在全省[Q 11个]市正式开通。".replace("次日", "[T 次日]"),
     "launch 开通 @次日 object:浙里健康"),
    # 走访…家 counts the visited; 开展…政策辅导 for enterprises is a service
    ("6月5日，[ORG 眉山市税务局]联合[ORG 眉山市工商联]走访[LOC 彭山区][Q 二十余家]企业，开展“[INI 春风送税]”政策辅导。",
     "visit 走访 @6月5日 agent:眉山市税务局 participant:眉山市工商联 target:彭山区 quantity:二十余家\n"
     "service 开展 @6月5日 agent:眉山市税务局 participant:眉山市工商联 object:春风送税"),
    # review: 核验 of documents; 35个 counts the projects owning them, not the event's object (set 5)
    ("6月6日，[ORG 省自然资源厅]对[Q 35个]建设项目用地材料进行核验。",
     "review 核验 @6月6日 agent:省自然资源厅"),
    # 经X批准/审定: X approves
    ("近日，《[POL 眉山市国土空间总体规划]》经[ORG 省政府]批准实施。",
     "approve 批准 @近日 agent:省政府 object:眉山市国土空间总体规划"),
    ("5月9日，我市申报的“[INI 新生儿出生一件事]”经[ORG 省数据局]审定，列入全省特色事项。",
     "approve 审定 @5月9日 agent:省数据局 object:新生儿出生一件事"),
    # a fronted assent (经X同意，) is neither subject nor argument
    ("（三）6月2日，经[ORG 市政府]同意，[ORG 市政府办公室]印发《[POL 绵阳市数据要素发展行动方案]》。",
     "issue 印发 @6月2日 agent:市政府办公室 object:绵阳市数据要素发展行动方案"),
    ("7月7日，经[ORG 省数据局]同意，[ORG 遂宁市数据局]在[ORG 遂宁市政务服务中心]启用“[INI 遂心办]”自助专区。",
     "launch 启用 @7月7日 agent:遂宁市数据局 location:遂宁市政务服务中心 object:遂心办"),
    # a passive meeting: attendees are participants, attending is no event of its own
    ("4.3月6日，全市营商环境工作推进会在[LOC 南充市]召开，[ORG 南充市人民政府]副市长[PER 赵某]出席并讲话，"
     "[ORG 南充市数据局]作典型发言。[ORG 南充市税务局]、[ORG 南充市医保局]等部门参加会议。",
     "meeting 推进会 @3月6日 location:南充市 participant:赵某 participant:南充市数据局"),
    ("3月16日，全省数据工作会议在[LOC 西宁]召开，[ORG 青海省数据局]、[ORG 青海省财政厅]有关负责同志出席会议，"
     "[ORG 海东市数据局]就数据要素市场建设作交流发言。",
     "meeting 召开 @3月16日 location:西宁 participant:青海省数据局 participant:青海省财政厅 participant:海东市数据局"),
    # an active meeting: its own head attends; attending a meeting as the item's first action is one
    ("5月18日，[ORG 德阳市数据局]召开全市数据安全推进会，局长[PER 钱某]出席会议并讲话。",
     "meeting 召开 @5月18日 agent:德阳市数据局 participant:钱某"),
    ("5月19日，[ORG 德阳市数据局]参加全省数据安全工作会议。",
     "meeting 参加 @5月19日 agent:德阳市数据局"),
    # a study meeting, then the study of a title: meeting + training
    ("9月3日，[ORG 省医保局]召开党组理论学习中心组学习会议，专题学习《[POL 医疗保障基金使用监督管理条例]》。",
     "meeting 召开 @9月3日 agent:省医保局\n"
     "training 学习 @9月3日 agent:省医保局 object:医疗保障基金使用监督管理条例"),
    # the result of 整合为 is no object: no second event
    ("6月9日，[ORG 乐山市数据局]上线“[INI 企业迁移一件事]”，将5个事项整合为“[INI 一次申报]”。",
     "launch 上线 @6月9日 agent:乐山市数据局 object:企业迁移一件事"),
    # the same actor goes on: places looked at, people heard, escorts, lecturers and titles
    ("10月8日，[ORG 省数据局]副局长[PER 周某]到[LOC 宜宾市]督导“[INI 一网通办]”工作，实地察看[ORG 翠屏区政务服务中心]"
     "和[LOC 南溪区]运行情况，听取[ORG 宜宾市数据局]关于“[INI 免证办]”的汇报，[ORG 宜宾市行政审批局]有关负责同志陪同。",
     "visit 督导 @10月8日 agent:周某 target:宜宾市 target:翠屏区政务服务中心 target:南溪区 object:一网通办 "
     "object:免证办 participant:宜宾市数据局 participant:宜宾市行政审批局"),
    ("11月12日，[ORG 自贡市数据局]举办全市数据业务培训班，邀请[ORG 自贡市委党校]教授围绕《[POL 四川省数据条例]》"
     "《[POL 公共数据资源授权运营实施规范]》开展专题培训。",
     "training 培训班 @11月12日 agent:自贡市数据局 participant:自贡市委党校 object:四川省数据条例 "
     "object:公共数据资源授权运营实施规范"),
    ("6月20日，[ORG 内江市工商联]开展“[INI 政企同行]”活动，先后走访[ORG 内江某钢铁公司]、[ORG 内江某电子公司]等[Q 9家]企业。",
     "service 开展 @6月20日 agent:内江市工商联 object:政企同行 target:内江某钢铁公司 target:内江某电子公司 quantity:9家"),
    # the content of a visit or a lecture in a later clause
    ("2月3日，[ORG 省人社厅]副厅长[PER 孙某]到[ORG 省政务服务中心]调研，详细了解“[INI 退休一件事]”办理情况。",
     "visit 调研 @2月3日 agent:孙某 target:省政务服务中心 object:退休一件事"),
    ("12月2日，[ORG 眉山市税务局]副局长[PER 吴某]为窗口人员授课，结合《[POL 增值税暂行条例]》解读发票管理要求。",
     "training 授课 @12月2日 agent:吴某 object:增值税暂行条例"),
    ("本周，[ORG 雅安市税务局]在[LOC 雅安经济开发区]开展涉税宣传活动，为企业解读将于1月1日起施行的《[POL 增值税法]》。",
     "service 开展 @本周 agent:雅安市税务局 location:雅安经济开发区 object:增值税法"),
    # a short name introduced in brackets is not a second object, even without alias_of
    ("8月1日，[ORG 省政府办公厅]印发《[POL 四川省数据要素市场化配置改革方案]》（以下简称《[POL 方案]》）。",
     "issue 印发 @8月1日 agent:省政府办公厅 object:四川省数据要素市场化配置改革方案"),
    # 在X发布的N: a modifier, neither a predicate nor the place
    ("本周，[ORG 省数据局]对[ORG 省直部门]在“[INI 天府通办]”发布的办事指南开展集中核验。",
     "review 核验 @本周 agent:省数据局"),
]

# round 3: more triggers, person nouns, 组织X参加, counts of 对/为-marked objects, content of a meeting
CASES += [
    ("4月9日，[ORG 宜宾市公共资源交易中心]对[Q 3个]房建项目标段开展远程异地评标，评标专家无需往返。",
     "review 评标 @4月9日 agent:宜宾市公共资源交易中心 quantity:3个"),
    ("5月6日，[ORG 达州市政务服务中心]举办帮办代办业务培训班，全市[Q 60名]帮办代办员参加。",
     "training 培训班 @5月6日 agent:达州市政务服务中心"),
    ("5月7日，[ORG 巴中市人社局]培训员工[Q 80名]。", "training 培训 @5月7日 agent:巴中市人社局"),
    # a staff skills competition (技能比武) is a training (set 5)
    ("5月9日，[ORG 广元市政务服务中心]组织开展窗口服务技能比武。", "training 组织开展 @5月9日 agent:广元市政务服务中心"),
    ("3月12日，[ORG 巫山县政务服务管理办公室]组织[ORG 县人社局]、[ORG 县医保局]等[Q 6个]部门，深入[LOC 大昌镇]"
     "开展“[INI 政务服务下基层]”活动。",
     "service 开展 @3月12日 agent:巫山县政务服务管理办公室 participant:县人社局 participant:县医保局 "
     "target:大昌镇 object:政务服务下基层"),
    ("近日，[ORG 江北区政务服务中心]会同[ORG 区司法局]对辖区[Q 12个]镇街便民服务中心开展专项检查。",
     "visit 检查 @近日 agent:江北区政务服务中心 participant:区司法局 quantity:12个"),
    ("本周，[ORG 南岸区数据局]对[Q 15个]区级部门的数据目录开展核验。",
     "review 核验 @本周 agent:南岸区数据局"),
    ("6月3日，[ORG 合江县政务服务中心]联合[ORG 县税务局]赴[LOC 福宝镇]为[Q 30户]行动不便群众开展上门服务。",
     "service 上门服务 @6月3日 agent:合江县政务服务中心 participant:县税务局 target:福宝镇 quantity:30户"),
    ("6月4日，[ORG 叙永县税务局]走访辖区[Q 20户]小微企业。",
     "visit 走访 @6月4日 agent:叙永县税务局 quantity:20户"),
    ("6月5日，[ORG 古蔺县民政局]走访慰问困难群众[Q 15户]。",
     "visit 走访 @6月5日 agent:古蔺县民政局"),
    ("9月3日，[ORG 泸州市政务服务管理局]召开全市政务服务工作会，部署“[INI 一网通办]”提质攻坚工作。",
     "meeting 召开 @9月3日 agent:泸州市政务服务管理局 object:一网通办"),
    ("7月8日，[ORG 遂宁市政务服务中心]与[ORG 潼南区政务服务中心]举行合作签约仪式，签署《[POL 遂潼政务服务协同合作框架协议]》。",
     "meeting 举行 @7月8日 agent:遂宁市政务服务中心 agent:潼南区政务服务中心 object:遂潼政务服务协同合作框架协议"),
    ("7月9日，[ORG 资阳市政务服务中心]举行《[POL 资阳内江政务服务通办合作协议]》签约仪式。",
     "meeting 举行 @7月9日 agent:资阳市政务服务中心 object:资阳内江政务服务通办合作协议"),
    ("8月5日，[ORG 自贡市政府]副市长[PER 李某]赴[ORG 自流井区政务服务中心]、[ORG 贡井区政务服务中心]调研。",
     "visit 调研 @8月5日 agent:李某 target:自流井区政务服务中心 target:贡井区政务服务中心"),
    ("8月6日，[ORG 高新区行政审批局]在[LOC 高新区]开展“[INI 企业服务日]”活动。",
     "service 开展 @8月6日 agent:高新区行政审批局 location:高新区 object:企业服务日"),
]

# 经X<approval verb>: X approves only where the verb is the trigger, not a modifier (…审定的《…》);
# a fronted assent is background only when a subject follows it
CASES += [
    ("5月9日，[ORG 市数据局]印发经[ORG 省政府]审定的《[POL 数据条例实施方案]》。",
     "issue 印发 @5月9日 agent:市数据局 object:数据条例实施方案"),
    ("5月9日，[ORG 市数据局]转发经[ORG 省政府]批准的《[POL 数据条例实施方案]》。", ""),
    ("5月9日，经[ORG 省政府]审定的《[POL 数据条例实施方案]》正式印发。",
     "issue 印发 @5月9日 object:数据条例实施方案"),
    ("5月9日，《[POL 数据条例实施方案]》经[ORG 省政府]审议通过。",
     "approve 审议通过 @5月9日 agent:省政府 object:数据条例实施方案"),
    ("5月9日，经[ORG 省政府]审定，[ORG 市数据局]印发《[POL 数据条例实施方案]》。",
     "issue 印发 @5月9日 agent:市数据局 object:数据条例实施方案"),
    ("5月9日，经[ORG 省数据局]审定，“[INI 新生儿出生一件事]”列入全省特色事项。",
     "approve 审定 @5月9日 agent:省数据局"),
    # 为 before a title or initiative: a beneficiary or a result (为“…”提供, 评为“…”), no object
    ("5月9日，[ORG 市数据局]为“[INI 天府通办]”上线数据接口。", "launch 上线 @5月9日 agent:市数据局"),
    ("5月9日，[ORG 市数据局]上线“[INI 企业开办一件事]”，将[Q 4个]事项整合为“[INI 一次申报]”。",
     "launch 上线 @5月9日 agent:市数据局 object:企业开办一件事"),
]

# held-out set 4: inspection types, 试点, meetings named by their noun, staff competitions,
# escorts, what a same-kind action goes on to see or study, and which counts are the quantity
CASES += [
    # 试点 a mode: reform
    ("8月13日，[ORG 区规划自然资源局]会同[ORG 区住房城乡建委]在[LOC 临空经济示范区]试点“[INI 拿地即开工]”审批模式。",
     "reform 试点 @8月13日 agent:区规划自然资源局 participant:区住房城乡建委 location:临空经济示范区 "
     "object:拿地即开工"),
    # 督查组 is a team; 督查 of places is a visit; the count after its listed targets is its quantity
    ("3月12日至14日，[ORG 市政务服务中心]组成[Q 3个]督查组，赴[LOC 旌阳区]、[LOC 罗江区]等[Q 6个]县（市、区）"
     "督查政务服务“[INI 好差评]”工作。",
     "visit 督查 @3月12日至14日 agent:市政务服务中心 target:旌阳区 target:罗江区 object:好差评 quantity:6个"),
    ("6月17日，[ORG 省政府办公厅]组成[Q 3个]督查组，赴[LOC 遵义市]、[LOC 毕节市]督查“[INI 好差评]”工作。",
     "visit 督查 @6月17日 agent:省政府办公厅 target:遵义市 target:毕节市 object:好差评"),
    # 检查 of a hall: visit; of case files: review
    ("8月11日至15日，[ORG 区政务服务管理办公室]在[ORG 区政务服务大厅]开展窗口作风纪律专项检查。",
     "visit 检查 @8月11日至15日 agent:区政务服务管理办公室 location:区政务服务大厅"),
    ("8月15日，[ORG 区司法局]对全区行政许可案卷开展专项检查。", "review 检查 @8月15日 agent:区司法局"),
    ("8月16日，[ORG 区司法局]督查《[POL 行政执法公示办法]》落实情况。",
     "review 督查 @8月16日 agent:区司法局 object:行政执法公示办法"),
    # 召开…X会: a meeting even when a service word comes first
    ("10月29日，[ORG 石景山区政务服务和数据管理局]在[LOC 首钢园]召开重点项目审批服务专班会。",
     "meeting 召开 @10月29日 agent:石景山区政务服务和数据管理局 location:首钢园"),
    ("近日，[ORG 遵义市政务服务中心]与[ORG 泸州市政务服务中心]召开川黔“[INI 跨省通办]”视频会商会。",
     "meeting 召开 @近日 agent:遵义市政务服务中心 agent:泸州市政务服务中心 object:跨省通办"),
    # a staff competition: training (活动 defers to the head before it)
    ("8月12日，[ORG 区人力社保局]在[ORG 区政务服务中心]开展社保经办窗口“[INI 岗位练兵]”业务竞赛活动。",
     "training 开展 @8月12日 agent:区人力社保局 location:区政务服务中心 object:岗位练兵"),
    ("8月13日，[ORG 区税务局]开展税费政策宣传活动。", "service 开展 @8月13日 agent:区税务局"),
    # X陪同调研: X accompanies, no visit of its own; a list of escorts split by a comma
    ("10月15日，[ORG 国务院办公厅电子政务办公室]调研组到[ORG 市政务服务中心]调研，[ORG 市政务服务和数据管理局]"
     "局长[PER 周慕远]陪同调研。",
     "visit 调研 @10月15日 agent:国务院办公厅电子政务办公室 target:市政务服务中心 participant:周慕远"),
    ("6月18日，[ORG 省委]常委、副省长[PER 吴立宏]到[ORG 省政务服务中心]调研，省政府副秘书长[PER 郑敏]，"
     "[ORG 省大数据局]主要负责同志陪同。",
     "visit 调研 @6月18日 agent:吴立宏 target:省政务服务中心 participant:郑敏 participant:省大数据局"),
    # the same kind of action goes on: what it sees or studies is the event's object
    ("6月18日，[PER 吴立宏]到[ORG 省政务服务中心]调研，实地查看“[INI 一窗通办]”综合窗口运行情况。",
     "visit 调研 @6月18日 agent:吴立宏 target:省政务服务中心 object:一窗通办"),
    ("8月16日，[ORG 区政务服务中心]组织人员赴[ORG 重庆市政务服务中心]跟岗学习，重点学习“[INI 一件事一次办]”综合窗口受理流程。",
     "training 学习 @8月16日 agent:区政务服务中心 target:重庆市政务服务中心 object:一件事一次办"),
    # ... but an initiative naming a facility of the place visited is part of the place
    ("10月24日，[PER 范永泉]到[ORG 朝阳区政务服务中心]“[INI 办不成事]”反映窗口值守。",
     "visit 值守 @10月24日 agent:范永泉 target:朝阳区政务服务中心"),
    # counts that are not the event's quantity: owners (…的43件), places acted in (在全市82个网点)
    ("6月18日，[ORG 省交通运输厅]对全省[Q 26家]道路运输企业申报的[Q 43件]许可申请开展集中审查。",
     "review 审查 @6月18日 agent:省交通运输厅 quantity:43件"),
    ("3月10日，[ORG 市政务服务中心]在全市[Q 82个]邮政网点开通“[INI 政务服务+邮政]”便民服务。",
     "launch 开通 @3月10日 agent:市政务服务中心 object:政务服务+邮政"),
    # ... and 市级 is no city: 5个市级…事项 counts the objects
    ("3月18日，[ORG 市数据局]在“[INI 天府通办]”上线“[INI 企业信息变更一件事]”等[Q 5个]市级集成服务事项。",
     "launch 上线 @3月18日 agent:市数据局 location:天府通办 object:企业信息变更一件事 quantity:5个"),
    # a later sentence of its own day with unnamed actors who go somewhere first
    ("10月17日，[ORG 市政务服务和数据管理局]在[LOC 天津]召开联席会议。[T 次日]，三地负责同志赴[LOC 河北雄安新区]，"
     "考察“[INI 一枚印章管审批]”改革运行情况。",
     "meeting 召开 @10月17日 agent:市政务服务和数据管理局 location:天津\n"
     "visit 考察 @次日 target:河北雄安新区 object:一枚印章管审批"),
    # 会后，another actor: an event of its own under the item's time
    ("8月12日，[ORG 区政府]召开常务会议。会后，[ORG 区政务服务管理办公室]分领域召开专题调度会[Q 三场]。",
     "meeting 召开 @8月12日 agent:区政府\nmeeting 召开 @8月12日 agent:区政务服务管理办公室 quantity:三场"),
    # totals first (今年以来), then a sentence with a time of its own
    ("今年以来，全市累计推出重点事项[S 46个]。10月，新上线“[INI 企业迁移登记一件事]”等[Q 4个]事项。",
     "launch 上线 @10月 object:企业迁移登记一件事 quantity:4个"),
]

# held-out set 5: purpose clauses, content verbs, continuation places, briefings to the public,
# lecturers and chairs, talks on a topic, visited places after 对, and which counts are the quantity
CASES += [
    # a purpose clause between the time and the subject; the body it names is no argument
    ("近日，根据[ORG 国务院办公厅]部署要求，[ORG 省发展改革委]、[ORG 省数据局]联合印发《[POL 浙江省政务服务事项基本目录]》。",
     "issue 印发 @近日 agent:省发展改革委 agent:省数据局 object:浙江省政务服务事项基本目录"),
    # a staff skills competition is a training
    ("7月29日，[ORG 龙港市政务服务中心]开展“[INI 窗口服务大练兵]”业务技能比武。",
     "training 开展 @7月29日 agent:龙港市政务服务中心 object:窗口服务大练兵"),
    # 核发 a licence: an application approved
    ("4月18日，[ORG 高陵区行政审批服务局]在[LOC 泾河工业园]为[Q 5个]新开工产业项目集中核发建筑工程施工许可证。",
     "approve 核发 @4月18日 agent:高陵区行政审批服务局 location:泾河工业园 quantity:5个"),
    # a verb inside what a content verb names is no predicate (了解…试点准备工作, 了解…帮办代办工作);
    # the places gone to in a later clause are targets
    ("7月7日，[ORG 省政务服务中心]主任[PER 王佳颖]到[LOC 金华市]调研，详细了解“[INI 外籍人员来华经商一件事]”试点准备工作。",
     "visit 调研 @7月7日 agent:王佳颖 target:金华市 object:外籍人员来华经商一件事"),
    ("4月17日，[ORG 兰州市政务服务中心]主任[PER 魏东升]一行来我市考察交流，先后到[ORG 市政务服务中心]、"
     "[ORG 高新区政务服务中心]实地了解“[INI 高效办成一件事]”集成服务和重点项目帮办代办工作，[PER 杜卫平]陪同。",
     "visit 考察 @4月17日 agent:魏东升 target:市政务服务中心 target:高新区政务服务中心 object:高效办成一件事 "
     "participant:杜卫平"),
    # the clause right after the event opening with 在X: X is where it happens, unless it has a place
    ("10月11日，[ORG 东城区政务服务中心]延续开展“[INI 周末不打烊]”服务，在[LOC 王府井地区]设立流动服务点。",
     "service 开展 @10月11日 agent:东城区政务服务中心 location:王府井地区 object:周末不打烊"),
    ("7月25日，[ORG 省政务服务中心]在[LOC 义乌市]试点“[INI 外籍人员来华经商一件事]”，在[LOC 义乌国际商贸城]设立服务驿站。",
     "reform 试点 @7月25日 agent:省政务服务中心 location:义乌市 object:外籍人员来华经商一件事"),
    ("3月31日，[ORG 市政务服务中心]发布《[POL 信用评价结果]》，对在[LOC 德阳]从业的机构进行评价。",
     "issue 发布 @3月31日 agent:市政务服务中心 object:信用评价结果"),
    # a briefing to the public is a service; to staff, or to no audience named, a training
    ("本周，[ORG 市行政审批服务局]在“[INI i西安]”开展“[INI 政策直播间]”线上宣讲[Q 三场]。",
     "service 开展 @本周 agent:市行政审批服务局 location:i西安 object:政策直播间 quantity:三场"),
    ("3月5日，[ORG 省商务厅]开展惠企政策宣讲进园区活动。", "service 开展 @3月5日 agent:省商务厅"),
    ("3月6日，[ORG 省商务厅]为窗口工作人员开展惠企政策宣讲。", "training 宣讲 @3月6日 agent:省商务厅"),
    # a level word outside the hotline's span does not hide its 在; a place naming a platform's channel
    ("11月20日，[ORG 区政务服务数据管理局]在区[INI 12345热线]开通“[INI 港澳专席]”。",
     "launch 开通 @11月20日 agent:区政务服务数据管理局 location:12345热线 object:港澳专席"),
    ("11月10日，[ORG 区政务服务数据管理局]在“[INI i深圳]”[LOC 南山]专区上线“[INI 南小智]”2.0版本。",
     "launch 上线 @11月10日 agent:区政务服务数据管理局 location:i深圳 object:南小智"),
    # a lecturer at the training takes part; what the trainees go on to study is its object;
    # 帮办代办 names a service, it is no predicate
    ("11月19日，[ORG 招商街道办事处]举办社区政务服务专员培训班，[ORG 区政务服务数据管理局]业务骨干现场授课，"
     "辖区[Q 30名]政务服务专员参加培训，重点学习“[INI i深圳]”帮办代办和“[INI 湾区通办]”事项受理规范。",
     "training 培训班 @11月19日 agent:招商街道办事处 participant:区政务服务数据管理局 object:i深圳 object:湾区通办"),
    # the chair, a speaker's longer speech kind and the bodies reporting take part
    ("11月3日，全区政务服务工作推进会召开，区长[PER 韩立峰]出席会议并讲话，副区长[PER 林晓彤]主持会议。",
     "meeting 推进会 @11月3日 participant:韩立峰 participant:林晓彤"),
    ("11月11日，全省工作现场会在[LOC 南山区]召开，副局长[PER 黄志诚]出席会议并讲话，[ORG 区政务服务数据管理局]作经验交流发言。",
     "meeting 现场会 @11月11日 location:南山区 participant:黄志诚 participant:区政务服务数据管理局"),
    ("11月13日，[ORG 市规划和自然资源局]到[LOC 留仙洞总部基地]调研“[INI 拿地即开工]”改革推进情况，"
     "[ORG 区住房建设局]、[ORG 区政务服务数据管理局]汇报有关工作。",
     "visit 调研 @11月13日 agent:市规划和自然资源局 target:留仙洞总部基地 object:拿地即开工 "
     "participant:区住房建设局 participant:区政务服务数据管理局"),
    # talks on a topic (就“X”开展座谈) are a second event with their own objects and partner
    ("11月26日，[ORG 香港数字政策办公室]代表团到[LOC 南山区]考察跨境政务服务工作，并与[ORG 区政务服务数据管理局]"
     "就“[INI 智方便]”与“[INI i深圳]”身份认证互认开展座谈。",
     "visit 考察 @11月26日 agent:香港数字政策办公室 target:南山区\n"
     "meeting 座谈 @11月26日 agent:香港数字政策办公室 participant:区政务服务数据管理局 object:智方便 object:i深圳"),
    # 对X、Y开展督查: X, Y are visited, and the count after them counts them; 对X开展评查: no target
    ("9月23日至24日，[ORG 市政府督查室]会同[ORG 市政务服务中心]对[LOC 市中区]、[LOC 夹江县]、[LOC 沐川县][Q 3个]区县"
     "开展“[INI 好差评]”整改落实情况专项督查。",
     "visit 督查 @9月23日至24日 agent:市政府督查室 participant:市政务服务中心 target:市中区 target:夹江县 "
     "target:沐川县 object:好差评 quantity:3个"),
    ("9月26日，[ORG 市司法局]对[ORG 市市场监管局]开展行政许可案卷评查。", "review 评查 @9月26日 agent:市司法局"),
    # not the quantity: fields it applies in, owners of the documents reviewed; but a count of the
    # documents themselves is, and so are the people it trains when marked by 对
    ("9月24日，[ORG 沙湾区行政审批局]在餐饮、便利店等[Q 6个]行业实行“[INI 一业一证]”改革。",
     "reform 实行 @9月24日 agent:沙湾区行政审批局 object:一业一证"),
    ("9月25日，[ORG 市中区行政审批局]对辖区[Q 46家]食品经营企业的许可档案开展评查。", "review 评查 @9月25日 agent:市中区行政审批局"),
    ("9月23日，[ORG 市政务服务中心]对本周开标的[Q 23个]工程建设项目招标文件开展合规性审查。",
     "review 审查 @9月23日 agent:市政务服务中心"),
    ("9月22日，[ORG 市政务服务中心]对[Q 120份]申请材料开展审查。", "review 审查 @9月22日 agent:市政务服务中心 quantity:120份"),
    ("4月15日，[ORG 雁塔区政务服务中心]对首批站点[Q 36名]工作人员进行集中培训。",
     "training 培训 @4月15日 agent:雁塔区政务服务中心 quantity:36名"),
    # 精准推送服务: 推送 is the verb; the light verb's phrase holds its own initiative: a second event
    ("9月24日，[ORG 五通桥区政务服务中心]联合[ORG 五通桥区税务局]走访[LOC 五通桥新型工业基地][Q 15家]化工企业，"
     "开展“[INI 政策找企业]”精准推送服务。",
     "visit 走访 @9月24日 agent:五通桥区政务服务中心 participant:五通桥区税务局 target:五通桥新型工业基地 quantity:15家\n"
     "service 开展 @9月24日 agent:五通桥区政务服务中心 participant:五通桥区税务局 object:政策找企业"),
    # the host of a meeting (由X承办的…会) takes part in the meeting only, not in what is issued at it
    ("7月10日，由[ORG 浙江省数据局]承办的长三角政务服务工作推进会在[LOC 嘉善县]召开，会上发布了《[POL 跨省通办事项清单]》。",
     "meeting 推进会 @7月10日 participant:浙江省数据局 location:嘉善县\n"
     "issue 发布 @7月10日 object:跨省通办事项清单"),
    # what a reform or a service goes on to introduce or guide is no object of the event before
    ("8月13日，[ORG 玉峰山镇人民政府]调整镇便民服务中心窗口设置，推行“[INI 一窗受理、集成服务]”。",
     "reform 调整 @8月13日 agent:玉峰山镇人民政府"),
    ("9月25日，[ORG 市政务服务中心]在[LOC 乐山职业技术学院]开展“[INI 政务服务进校园]”活动，并指导学生下载注册“[INI 天府通办]”。",
     "service 开展 @9月25日 agent:市政务服务中心 location:乐山职业技术学院 object:政务服务进校园"),
    # the party a service at the door is for (为入驻X的…) is its target
    ("10月30日，[ORG 怀柔区政务服务中心]联合[ORG 怀柔科学城管委会]为入驻[LOC 怀柔科学城]的科研院所开展上门服务。",
     "service 上门服务 @10月30日 agent:怀柔区政务服务中心 participant:怀柔科学城管委会 target:怀柔科学城"),
    # after 邀请X, what is seen is X's: no object of the event
    ("9月26日，[ORG 市政务服务中心]在[LOC 市政务服务大厅]开展“[INI 政务开放日]”活动，邀请[Q 20名]人大代表走进大厅，"
     "体验“[INI 一窗综办]”等服务。",
     "service 开展 @9月26日 agent:市政务服务中心 location:市政务服务大厅 object:政务开放日"),
    # 研究部署 plans: what it names is not acted on
    ("6月16日，[ORG 省政务服务中心]召开主任办公会议，传达学习《[POL 高效办成一件事指导意见]》，"
     "研究部署下半年“[INI 一窗通办]”扩面提质重点任务。",
     "meeting 召开 @6月16日 agent:省政务服务中心\ntraining 学习 @6月16日 agent:省政务服务中心 object:高效办成一件事指导意见"),
    # the same actors doing the same kind of thing that day go on with the item's event
    ("3月22日，[ORG 省中心]举办窗口业务能力提升培训班。[T 当天]，[ORG 省中心]还组织开展了窗口服务技能比武。",
     "training 培训班 @3月22日 agent:省中心"),
    ("3月22日，[ORG 省中心]举办窗口业务能力提升培训班。[T 当天]，[ORG 省中心]召开座谈会。",
     "training 培训班 @3月22日 agent:省中心\nmeeting 召开 @当天 agent:省中心"),
]

XFAIL_CASES = [
    pytest.param("5月9日，[ORG 市数据局]为“[INI 政务服务驿站]”揭牌。", "launch 揭牌 @5月9日 agent:市数据局 object:政务服务驿站",
                 marks=pytest.mark.xfail(reason="为 before a mention marks a beneficiary; 为X揭牌 unveils X itself",
                                         strict=True)),
    # a passive with the trigger-noun as subject
    pytest.param("[ORG 省药监局]业务培训会于[T 5月8日]在[LOC 成都]召开。",
                 "training 召开 @5月8日 agent:省药监局 location:成都",
                 marks=pytest.mark.xfail(reason="a meeting noun as subject before its time is not parsed", strict=True)),
]


def test_cases_unique() -> None:
    inputs = [markup for markup, _ in CASES]
    assert len(inputs) == len(set(inputs))


@pytest.mark.parametrize(("markup", "expected"), CASES + XFAIL_CASES)
def test_events(markup: str, expected: str) -> None:
    assert run(markup) == _expected(expected)


# --------------------------------------------------------------------------- output shape


def test_ids_order_and_summary() -> None:
    doc = EventExtractor()(build(
        "（一）[T 3月2日]，[ORG 省数据局]印发《[POL 数据条例]》，同步上线“[INI 数据平台]”。\n"
        "（二）[T 3月1日]，[ORG 省税务局]召开座谈会。"
    ))
    assert [e.id for e in doc.events] == ["v1", "v2", "v3"]
    assert [e.trigger.start for e in doc.events] == sorted(e.trigger.start for e in doc.events)
    assert doc.events[0].summary == "3月2日，省数据局印发《数据条例》，同步上线“数据平台”。"
    assert doc.events[2].summary == "3月1日，省税务局召开座谈会。"  # no item marker


def test_extract_events_matches_the_component() -> None:
    doc = build("（一）3月2日，[ORG 省数据局]印发《[POL 数据条例]》。")
    assert extract_events(doc) == EventExtractor()(doc).events
    assert EventExtractor()(doc).to_dict()["events"][0]["summary"] == "3月2日，省数据局印发《数据条例》。"


def test_requires_and_name() -> None:
    ex = EventExtractor()
    assert ex.name == "events"
    assert ex.requires == ("entities", "times", "quantities")


def test_type_errors() -> None:
    with pytest.raises(TypeError):
        EventExtractor()("11月5日，省林草局施行新机制。")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        EventExtractor(lexicon="event_triggers.tsv")  # type: ignore[arg-type]


def test_no_mentions_no_events() -> None:
    assert EventExtractor()(read("（一）11月5日，省林草局施行新机制。")).events == ()


# --------------------------------------------------------------------------- data files


def test_default_lexicon_valid() -> None:
    lex = EventLexicon.load()
    assert lex.triggers["印发"].type == "issue"
    assert lex.triggers["开展"].kind == "light"
    assert {row.type for row in lex.triggers.values()} - {None} == set(EVENT_TYPES)
    assert {c.role for c in lex.cues} <= set(ROLES) | {"visited"}  # visited: a target for visits only
    assert "场" in lex.units
    assert {"批准", "同意", "审定", "审议通过"} <= lex.approvals
    # every approval verb that is a trigger approves
    assert all(lex.triggers[v].type == "approve" for v in lex.approvals if v in lex.triggers)


def test_bad_approval_file(tmp_path: Path) -> None:
    path = tmp_path / "approvals.tsv"
    path.write_text("verb\tnotes\n审定\t\n审定\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="listed twice") as info:
        EventLexicon.load(approvals=path)
    assert str(path) in str(info.value)


def test_bad_documents_file(tmp_path: Path) -> None:
    path = tmp_path / "documents.tsv"
    path.write_text("noun\tnotes\n案卷\t\n案卷\t\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="listed twice") as info:
        EventLexicon.load(documents=path)
    assert str(path) in str(info.value)


def test_documents_come_from_the_data_file(tmp_path: Path) -> None:
    """Without 案卷 in the list, 检查…案卷 stays a visit."""
    path = tmp_path / "documents.tsv"
    path.write_text("noun\tnotes\n台账\t\n", encoding="utf-8")
    doc = build("8月15日，[ORG 区司法局]对全区行政许可案卷开展专项检查。")
    assert render(EventExtractor()(doc)) == ["review 检查 @8月15日 agent:区司法局"]
    assert render(EventExtractor(lexicon=EventLexicon.load(documents=path))(doc)) == [
        "visit 检查 @8月15日 agent:区司法局"]


@pytest.mark.parametrize(("content", "message"), [
    ("word\taudience\tnotes\n企业\tpublic\t\n企业\tpublic\t\n", "listed twice"),
    ("word\taudience\tnotes\n企业\tpeople\t\n", "is not one of"),
])
def test_bad_audiences_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "audiences.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        EventLexicon.load(audiences=path)
    assert str(path) in str(info.value)


def test_audiences_come_from_the_data_file(tmp_path: Path) -> None:
    """Without 线上 in the list, an online briefing stays a training."""
    path = tmp_path / "audiences.tsv"
    path.write_text("word\taudience\tnotes\n企业\tpublic\t\n", encoding="utf-8")
    doc = build("4月9日，[ORG 市行政审批服务局]开展线上宣讲。")
    assert render(EventExtractor()(doc)) == ["service 开展 @4月9日 agent:市行政审批服务局"]
    assert render(EventExtractor(lexicon=EventLexicon.load(audiences=path))(doc)) == [
        "training 宣讲 @4月9日 agent:市行政审批服务局"]


def test_units_of_one_body_are_two_actors() -> None:
    """同日, another unit (处) of the same body acting is another actor: an event of its own (set 4 gold)."""
    doc = build("10月28日，[ORG 市局政务服务管理处]对办件卷宗开展评查。[T 同日]，[ORG 市局数据资源处]对数据目录开展核验。")
    units = {"市局政务服务管理处": "政务服务管理处", "市局数据资源处": "数据资源处"}
    doc = doc.replace(entities=tuple(
        e.__class__(e.id, e.label, e.start, e.end, e.text, "市局", unit=units[e.text], kind="government")
        for e in doc.entities))
    assert render(EventExtractor()(doc)) == ["review 评查 @10月28日 agent:市局政务服务管理处",
                                             "review 核验 @同日 agent:市局数据资源处"]


def test_approval_verbs_come_from_the_data_file(tmp_path: Path) -> None:
    """Without 审定 in the list, 经X审定 names no approving agent."""
    path = tmp_path / "approvals.tsv"
    path.write_text("verb\tnotes\n批准\t\n", encoding="utf-8")
    doc = build("5月9日，《[POL 数据条例实施方案]》经[ORG 省政府]审定。")
    assert render(EventExtractor()(doc)) == ["approve 审定 @5月9日 agent:省政府 object:数据条例实施方案"]
    assert render(EventExtractor(lexicon=EventLexicon.load(approvals=path))(doc)) == [
        "approve 审定 @5月9日 object:数据条例实施方案"]


BAD_TRIGGER_FILES = [
    ("trigger\ttype\tkind\troles\tnotes\n印发\tissue\tverb\t\t\n印发\tissue\tverb\t\t\n", "listed twice"),
    ("trigger\ttype\tkind\troles\tnotes\n印发\tpublish\tverb\t\t\n", "type 'publish'"),
    ("trigger\ttype\tkind\troles\tnotes\n印发\tissue\tnoun\t\t\n", "kind 'noun'"),
    ("trigger\ttype\tkind\troles\tnotes\n印发\t-\tverb\t\t\n", "needs an event type"),
    ("trigger\ttype\tkind\troles\tnotes\n调研\tvisit\tverb\tfoo=bar\t\n", "unknown role hints"),
    ("word\ttype\n印发\tissue\n", "expected the header"),
    ("trigger\ttype\tkind\troles\tnotes\n１印发\tissue\tverb\t\t\n", "NFKC"),
]


@pytest.mark.parametrize(("content", "message"), BAD_TRIGGER_FILES)
def test_bad_trigger_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "triggers.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        EventLexicon.load(triggers=path)
    assert str(path) in str(info.value)


def test_custom_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "triggers.tsv"
    path.write_text("trigger\ttype\tkind\troles\tnotes\n签约\tmeeting\tverb\t\t\n", encoding="utf-8")
    doc = build("5月8日，[ORG 成都市投促局]与[ORG 某集团]签约。")
    assert render(EventExtractor()(doc)) == []
    got = EventExtractor(lexicon=EventLexicon.load(triggers=path))(doc)
    assert render(got) == ["meeting 签约 @5月8日 agent:成都市投促局 agent:某集团"]


# --------------------------------------------------------------------------- invariants


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("，。；、：“”《》（）\n 1２月日年省厅局召开印发开展培训活动调研赴到在会同与和由主办承办")),
               max_size=120))
def test_arbitrary_text_never_fails(text: str) -> None:
    doc = EventExtractor()(read(text))
    assert doc.events == ()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([m for m, _ in CASES]), st.text(alphabet=" \n", min_size=0, max_size=3))
def test_offsets_hold_with_breaks(markup: str, pad: str) -> None:
    doc = EventExtractor()(build(pad + markup))
    for ev in doc.events:
        assert doc.raw[ev.trigger.start:ev.trigger.end] == ev.trigger.text
        assert ev.type in EVENT_TYPES
        assert all(a.role in ROLES and doc.mention(a.ref) is not None for a in ev.args)
        assert doc.mention(ev.time) is not None


def test_pathological_input_is_fast() -> None:
    text = "（一）11月5日，" + "省厅、" * 5000 + "开展" * 3000 + "“" * 2000 + "《" * 2000
    doc = EventExtractor()(read(text))
    assert doc.events == ()


# --------------------------------------------------------------------------- the gold corpus


def _gold_pairs() -> list[tuple[dict, dict]]:
    pairs = []
    for path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (CORPUS / "raw" / f"{path.stem}.txt").read_text(encoding="utf-8")
        doc = Document.from_dict(gold, raw).replace(events=())
        pairs.append((gold, EventExtractor()(doc).to_dict()))
    return pairs


def test_corpus_scores() -> None:
    from gov_extract.scoring import score_corpus

    scores = score_corpus(_gold_pairs(), layers=["events"]).events
    assert scores.events.f1 is not None and scores.events.f1 >= 0.90, scores.to_dict()
    assert scores.args.f1 is not None and scores.args.f1 >= 0.85, scores.to_dict()


def test_corpus_summary_has_no_marker() -> None:
    for _, pred in _gold_pairs():
        for ev in pred["events"]:
            assert not regex.match(r"[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)", ev["summary"])
