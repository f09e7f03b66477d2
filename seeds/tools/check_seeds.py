#!/usr/bin/env python3
"""Sanity checks on the seed folder (standard library only).

    python3 seeds/tools/check_seeds.py

Checks encoding (UTF-8, no BOM, \\n line ends), headers, governorate names,
the district gazetteer against its map file (geo/districts.json),
the real totals quoted in seeds/README.md, and the shape of the illustrative
data; prints the illustrative funding per year and region. Exits non-zero on
the first failed check.
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict
from decimal import Decimal

SEEDS = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

# The headers a file of each kind may have (a funding file may name districts).
HEADERS = {
    "funding": {"year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
                "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id"},
    "presence": {"year,organisation,acronym,org_type,cluster,governorate,district,activity"},
    "need": {"year,governorate,cluster,people_in_need,targeted,reached"},
    "incidents": {"date,governorate,type,count"},
    "displacement": {"year,governorate,district,location,idps"},
}
COUNTED_STATUS = {"paid", "commitment", ""}
COUNTED_BOUNDARY = {"incoming", ""}


def fail(msg):
    sys.exit(f"FAIL: {msg}")


def load(name):
    path = os.path.join(SEEDS, name)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(f"{name}: BOM")
    if b"\r" in raw:
        fail(f"{name}: CR in line ends")
    if not raw.endswith(b"\n"):
        fail(f"{name}: no final newline")
    text = raw.decode("utf-8")
    header = text.split("\n", 1)[0]
    rows = list(csv.DictReader(text.splitlines(True)))
    return header, rows


def norm_org(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


def norm_district(s):
    """As seeds/districts-aliases.md says: case, a leading Al/El, hyphens, spaces, apostrophes ignored."""
    s = re.sub(r"^(al|el)[\s\-]+", "", s.strip().casefold())
    return re.sub(r"[\s\-'\u2019\u02bf`]", "", s)


def check_districts(governorates):
    """districts.csv (the admin-2 gazetteer) and geo/districts.json agree and resolve names one way."""
    header, rows = load("districts.csv")
    if header != "pcode,parent_pcode,name,name_ar,aliases":
        fail("districts.csv header")
    if len(rows) != 101 or len({r["pcode"] for r in rows}) != 101:
        fail("districts.csv: 101 distinct P-codes expected")
    keys = {}
    for r in rows:
        if not re.fullmatch(r"IQG\d\dQ\d\d", r["pcode"]) or r["pcode"][:5] != r["parent_pcode"]:
            fail(f"districts.csv: P-code {r['pcode']} / parent {r['parent_pcode']}")
        if r["parent_pcode"] not in governorates or not r["name"] or not r["name_ar"]:
            fail(f"districts.csv: {r['pcode']} parent or names")
        for n in [r["name"]] + [a for a in r["aliases"].split("|") if a]:
            k = (r["parent_pcode"], norm_district(n))
            if keys.setdefault(k, r["pcode"]) != r["pcode"]:
                fail(f"districts.csv: {n!r} matches both {keys[k]} and {r['pcode']}")
    shapes = json.load(open(os.path.join(SEEDS, "geo", "districts.json"), encoding="utf-8"))
    drawn = [(a["pcode"], a["parentPcode"], a["name"], a["nameAr"]) for a in shapes["areas"]]
    if drawn != [(r["pcode"], r["parent_pcode"], r["name"], r["name_ar"]) for r in sorted(rows, key=lambda r: r["pcode"])]:
        fail("geo/districts.json and districts.csv differ in P-codes, parents or names")
    print(f"districts.csv: {len(rows)} rows, {sum(len([a for a in r['aliases'].split('|') if a]) for r in rows)} aliases; geo/districts.json agrees")


def main():
    header, gaz = load("governorates.csv")
    if header != "pcode,name,name_ar,region,tile_row,tile_col,population,aliases":
        fail("governorates.csv header")
    if len(gaz) != 18:
        fail("governorates.csv row count")
    region = {g["name"]: g["region"] for g in gaz}
    if sum(int(g["population"]) for g in gaz) != 33_330_600:
        fail("population total")

    check_districts({g["pcode"] for g in gaz})
    gov_of = {g["pcode"]: g["name"] for g in gaz}
    districts_of = defaultdict(set)
    for d in load("districts.csv")[1]:
        for n in [d["name"]] + [a for a in d["aliases"].split("|") if a]:
            districts_of[gov_of[d["parent_pcode"]]].add(norm_district(n))

    manifest = json.load(open(os.path.join(SEEDS, "manifest.json"), encoding="utf-8"))
    listed = {m["file"] for m in manifest}
    # The gazetteer's files (governorates, districts) are read by the app itself, not imported.
    on_disk = {f for f in os.listdir(SEEDS) if f.endswith(".csv")} - {"governorates.csv", "districts.csv"}
    if listed != on_disk:
        fail(f"manifest vs files: {sorted(listed ^ on_disk)}")

    data = {}
    for m in manifest:
        if m["kind"] not in HEADERS:
            fail(f"{m['file']}: kind {m['kind']}")
        if m["illustrative"] != m["source"].startswith("Illustrative:"):
            fail(f"{m['file']}: illustrative flag vs source label")
        if m["illustrative"] != ("illustrative" in m["file"]):
            fail(f"{m['file']}: file name vs illustrative flag")
        header, rows = load(m["file"])
        if header not in HEADERS[m["kind"]]:
            fail(f"{m['file']}: header {header}")
        for r in rows:
            for g in r["governorate"].split(";"):
                if g not in region and not (m["kind"] == "funding" and g == "Iraq"):
                    fail(f"{m['file']}: unknown governorate {g!r}")
            # A real file's district is a name or alias of a district of the row's governorate (seeds/districts.csv).
            if not m["illustrative"] and r.get("district") and norm_district(r["district"]) not in districts_of.get(r["governorate"], set()):
                fail(f"{m['file']}: {r['district']!r} is not a district of {r['governorate']}")
        data[m["file"]] = rows
        print(f"{m['file']}: {len(rows)} rows")

    # real totals
    for f, expected in (("need-2019-hrp.csv", 6_544_911), ("need-2020-hno.csv", 4_045_547)):
        if sum(int(r["people_in_need"]) for r in data[f] if r["people_in_need"]) != expected:
            fail(f"{f} total")
    if [r for r in data["need-2020-hno.csv"] if r["governorate"] == "Al-Muthanna"][0]["people_in_need"] != "":
        fail("Al-Muthanna 2020 should be blank")
    ihf = defaultdict(Decimal)
    for r in data["funding-ihf-2015-2022.csv"]:
        ihf[r["year"]] += Decimal(r["amount_usd"])
    got = {y: round(float(v) / 1e6, 1) for y, v in sorted(ihf.items())}
    if list(got.values()) != [22.3, 88.3, 76.5, 36.6, 82.4, 27.6, 25.4, 8.4]:
        fail(f"IHF totals {got}")
    print("IHF per year (USD M):", got)
    by_district = [r for r in data["funding-ihf-2015-2022.csv"] if r["district"]]
    if {r["year"] for r in by_district} != {"2017", "2021"}:
        fail("IHF: only 2017 and 2021 name districts")
    dtm = data["displacement-2021-dtm.csv"]
    if sum(int(r["idps"]) for r in dtm) != 1_189_581 or {r["year"] for r in dtm} != {"2021"}:
        fail("DTM round 123: 1,189,581 IDPs in 2021 expected")
    if sum(int(r["idps"]) for r in dtm if not r["district"]) != 10_872:
        fail("DTM: the five districts the COD lacks hold 10,872 IDPs")
    print(f"DTM 2021: {len(dtm)} rows, {sum(int(r['idps']) for r in dtm):,} IDPs")

    # illustrative funding by region
    fund = data["funding-bilateral-illustrative-2017-2020.csv"]
    by = defaultdict(lambda: defaultdict(Decimal))
    excluded = defaultdict(int)
    for r in fund:
        if r["donor"] not in {f"Donor {c}" for c in "ABCDEF"}:
            fail(f"donor {r['donor']}")
        if not re.fullmatch(r"\d+(\.\d+)?", r["amount_usd"]):
            fail(f"amount {r['amount_usd']}")
        year = int(r["year"] or r["date"][:4])
        if r["date"] and r["date"][:4] != str(year):
            fail("date outside budget year")
        if r["status"] not in COUNTED_STATUS or r["boundary"] not in COUNTED_BOUNDARY:
            excluded[r["status"] if r["status"] == "pledge" else r["boundary"]] += 1
            continue
        g = r["governorate"]
        key = "unallocated" if (";" in g or g == "Iraq") else region[g]
        by[year][key] += Decimal(r["amount_usd"])
        by[year]["total"] += Decimal(r["amount_usd"])
    print("excluded rows:", dict(excluded))
    cols = ["KRI", "South", "North/Centre", "Baghdad", "unallocated", "total"]
    print("illustrative funding, USD M: year " + " | ".join(cols))
    for y in sorted(by):
        print(y, " | ".join(f"{float(by[y][c]) / 1e6:.2f}" for c in cols))
        if not 300e6 <= by[y]["total"] <= 600e6:
            fail(f"{y} total out of range")
        if y - 1 in by and by[y]["KRI"] > Decimal("0.7") * by[y - 1]["KRI"]:
            fail(f"KRI fall {y}")

    # illustrative presence
    pres = data["presence-illustrative-2017-2020.csv"]
    link = {}
    for r in pres:                              # rows with both names link them
        if r["organisation"].strip() and r["acronym"].strip():
            link[norm_org(r["acronym"])] = norm_org(r["organisation"])

    def org_key(r):
        return norm_org(r["organisation"]) or link.get(norm_org(r["acronym"]), norm_org(r["acronym"]))

    orgs = defaultdict(set)
    per_gov = defaultdict(lambda: defaultdict(set))
    ngo_duhok = defaultdict(set)
    for r in pres:
        y = int(r["year"])
        k = org_key(r)
        orgs[y].add(k)
        per_gov[y][r["governorate"]].add(k)
        if r["governorate"] == "Duhok" and r["org_type"] in ("INGO", "NNGO"):
            ngo_duhok[y].add(k)
    for y in sorted(orgs):
        top = max(per_gov[y], key=lambda g: len(per_gov[y][g]))
        south = sum(len(per_gov[y][g]) for g in per_gov[y] if region[g] == "South")
        print(f"presence {y}: {len(orgs[y])} orgs, Duhok NGOs {len(ngo_duhok[y])}, "
              f"Erbil {len(per_gov[y]['Erbil'])} (largest: {top}), South org-governorate pairs {south}")

    # cluster PiN <= intersectoral
    inter = {}
    for f, y in (("need-2019-hrp.csv", "2019"), ("need-2020-hno.csv", "2020")):
        for r in data[f]:
            inter[(y, r["governorate"])] = r["people_in_need"]
    for r in data["need-clusters-illustrative-2019-2020.csv"]:
        cap = inter[(r["year"], r["governorate"])]
        if not cap or int(r["people_in_need"]) > int(cap):
            fail(f"cluster PiN {r}")

    pin2019 = {r["governorate"]: int(r["people_in_need"]) for r in data["need-2019-hrp.csv"]}
    for year in ("2018", "2019"):
        inc = data[f"incidents-illustrative-{year}.csv"]
        if any(not r["date"].startswith(year + "-") or int(r["count"]) < 1 for r in inc):
            fail(f"incidents {year}: date outside year or count < 1")
        per_gov = defaultdict(int)
        for r in inc:
            per_gov[r["governorate"]] += int(r["count"])
        total = sum(per_gov.values())
        govs = sorted(per_gov)
        print(f"incidents {year}: {total} in {govs}")
        if {region[g] for g in govs} != {"North/Centre"}:
            fail("incidents outside North/Centre")
        if year == "2019":
            # Exists to demonstrate the access-constrained flag (> 20 per 100k PiN)
            # against the real 2019 PiN: some governorates above, Ninewa and Al-Anbar below.
            rate = {g: n / pin2019[g] * 100_000 for g, n in per_gov.items()}
            print("incidents 2019 per 100k PiN:", {g: round(v, 1) for g, v in rate.items()})
            if not 900 <= total <= 1_100:
                fail(f"incidents 2019 total {total}")
            if any(rate[g] <= 20 for g in ("Kirkuk", "Diyala", "Salah Al-Din")):
                fail("incidents 2019: Kirkuk, Diyala and Salah Al-Din should exceed 20 per 100k PiN")
            if any(rate[g] >= 20 for g in ("Ninewa", "Al-Anbar")):
                fail("incidents 2019: Ninewa and Al-Anbar should stay below 20 per 100k PiN")
    print("OK")


if __name__ == "__main__":
    main()
