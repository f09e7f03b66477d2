#!/usr/bin/env python3
"""Make seeds/districts.csv, the district (admin 2) gazetteer, from the public files.

Usage:  python3 seeds/tools/make_districts.py PATH/TO/real-data [OUT_DIR]

PATH/TO/real-data is the folder of public files beside the project (../shared/real-data
from the repository root). It reads, and never copies:

- geo/irq_admbnda_adm2_cso_20190603.geojson: the COD-AB districts (P-code, parent, names);
- global_pcodes_adm1_adm2_nohxl.csv: the COD P-code list, to cross-check the P-codes;
- cbpf_allocations_overview/ProjectSummaryAggV2_{2017,2021}.csv (Iraq, PFId 72: AdmLoc1
  governorate, AdmLoc2 district) and irq_iom_dtm_idps_master_list_round_123.xlsx (sheet
  "DTM Dataset": Governorate, District, Latitude, Longitude), for the spellings used;
- cbpf_locationMst.csv (the pooled funds' location list, "Governorate > District > Sub-district"),
  for the reviewed CENTRES below.

Every district name met in those files must either match a COD district of its governorate
after normalisation (see norm()), be one of the reviewed ALIASES, or be one of the reviewed
UNRESOLVED names; an unreviewed name stops the script. It prints the evidence (markdown, as in
seeds/districts-aliases.md) and writes districts.csv. Standard library only.
"""
import csv
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

COLUMNS = ["pcode", "parent_pcode", "name", "name_ar", "aliases"]
PF_IRAQ = "72"  # Iraq's pooled-fund id in the CBPF allocations-overview tables
DTM_FILE = "irq_iom_dtm_idps_master_list_round_123.xlsx"

# Reviewed spellings: (governorate P-code, spelling as in the file) -> COD district P-code.
# Only spellings that do not already match after norm(); each must clearly mean this one
# district of this governorate.
ALIASES = {
    # CBPF 2017
    ("IQG01", "Al Falluia"): "IQG01Q01",
    ("IQG01", "Al Qa'em"): "IQG01Q02",
    ("IQG06", "Al Sulaymaniya"): "IQG06Q01",
    ("IQG15", "Akre"): "IQG15Q01",
    ("IQG15", "Sheikhan"): "IQG15Q06",
    ("IQG15", "Tal Afar"): "IQG15Q08",
    ("IQG16", "Baiji"): "IQG16Q03",
    # IOM DTM round 123
    ("IQG02", "Fao"): "IQG02Q03",
    ("IQG02", "Shatt Al-Arab"): "IQG02Q07",
    ("IQG06", "Darbandikhan"): "IQG06Q03",
    ("IQG06", "Halabja"): "IQG06Q05",
    ("IQG06", "Penjwin"): "IQG06Q07",
    ("IQG06", "Sulaymaniya"): "IQG06Q01",
    ("IQG07", "Al-Mahawil"): "IQG07Q03",
    ("IQG07", "Al-Musayab"): "IQG07Q04",
    ("IQG08", "Adhamia"): "IQG08Q01",
    ("IQG08", "Al Resafa"): "IQG08Q06",
    ("IQG08", "Kadhimia"): "IQG08Q02",
    ("IQG08", "Thawra1"): "IQG08Q07",
    ("IQG08", "Thawra2"): "IQG08Q07",
    ("IQG09", "Amedi"): "IQG09Q01",
    ("IQG09", "Dahuk"): "IQG09Q02",
    ("IQG09", "Sumel"): "IQG09Q03",
    ("IQG10", "Baladrooz"): "IQG10Q03",
    ("IQG11", "Koisnjaq"): "IQG11Q03",
    ("IQG11", "Makhmur"): "IQG11Q04",
    ("IQG11", "Soran"): "IQG11Q05",
    ("IQG12", "Kerbala"): "IQG12Q03",
    ("IQG13", "Dabes"): "IQG13Q03",
    ("IQG15", "Tilkaif"): "IQG15Q09",
    ("IQG16", "Tuz Khurmatu"): "IQG16Q07",
    ("IQG17", "Nassriya"): "IQG17Q04",
}

# Reviewed names of a district's centre by which the district itself is commonly called:
# (governorate P-code, sub-district as the location list writes it) -> (COD district, the
# list's district name it must sit under). Each is checked against cbpf_locationMst.csv.
CENTRES = {
    ("IQG13", "Al Hawija"): ("IQG13Q01", "Al Hawiga"),   # "Hawija" in most English reports
}

# Reviewed names that are not aliased: (governorate P-code, name) -> why.
UNRESOLVED = {
    ("IQG08", "Abu Ghraib"): "a district in DTM's list, not in the 2019 COD, and not a name of any COD district",
    ("IQG08", "Tarmia"): "a district in DTM's list, not in the 2019 COD, and not a name of any COD district",
    ("IQG11", "Mergasur"): "a district in DTM's list, not in the 2019 COD; often equated with Al-Zibar, but its one DTM location (Markaz Mergasur, the district centre) lies in Rawanduz, so no single district is clear",
    ("IQG16", "Al-Fares"): "a district in DTM's list, not in the 2019 COD, and not a name of any COD district",
    ("IQG18", "Al-Azezia"): "a district in DTM's list, not in the 2019 COD, and not a name of any COD district",
}


def norm(name):
    """Case, a leading Al/El article, hyphens, spaces and apostrophes ignored."""
    s = name.strip().casefold()
    s = re.sub(r"^(al|el)[\s\-]+", "", s)
    return re.sub(r"[\s\-'\u2019\u02bf`]", "", s)


def read_xlsx_sheet(path, sheet):
    """Rows of one worksheet as lists of strings (shared and inline strings, raw numbers)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rid_attr = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as z:
        workbook = ET.fromstring(z.read("xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        rid = next(s.get(rid_attr) for s in workbook.find("m:sheets", ns) if s.get("name") == sheet)
        target = "xl/" + rels[rid].lstrip("/").removeprefix("xl/")
        shared = ["".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns)]
        rows = []
        for row in ET.fromstring(z.read(target)).find("m:sheetData", ns):
            cells = {}
            for c in row.findall("m:c", ns):
                col = 0
                for ch in re.match(r"[A-Z]+", c.get("r")).group(0):
                    col = col * 26 + ord(ch) - 64
                v = c.find("m:v", ns)
                if c.get("t") == "s":
                    cells[col - 1] = shared[int(v.text)]
                elif c.get("t") == "inlineStr":
                    cells[col - 1] = "".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t"))
                else:
                    cells[col - 1] = v.text if v is not None else ""
            rows.append([cells.get(i, "") for i in range(max(cells) + 1)] if cells else [])
        return rows


def inside(rings, x, y):
    """Even-odd point in polygon."""
    result = False
    for ring in rings:
        j = len(ring) - 1
        for i in range(len(ring)):
            (xi, yi), (xj, yj) = ring[i][:2], ring[j][:2]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                result = not result
            j = i
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    real = sys.argv[1]
    seeds = sys.argv[2] if len(sys.argv) > 2 else os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

    # The COD districts.
    geo = json.load(open(os.path.join(real, "geo", "irq_admbnda_adm2_cso_20190603.geojson"), encoding="utf-8"))
    cod = {}
    for f in geo["features"]:
        p = f["properties"]
        ring = f["geometry"]["coordinates"]
        xs, ys = [c[0] for c in ring[0]], [c[1] for c in ring[0]]
        cod[p["ADM2_PCODE"].strip()] = {
            "parent": p["ADM1_PCODE"].strip(), "name": p["ADM2_EN"].strip(), "name_ar": p["ADM2_AR"].strip(),
            "valid": (p.get("validOn") or "")[:10], "rings": ring, "box": (min(xs), min(ys), max(xs), max(ys))}
    if len(cod) != len(geo["features"]):
        sys.exit("duplicate P-codes in the GeoJSON")

    # Cross-check against the COD P-code list.
    listed = {r["P-Code"]: r for r in csv.DictReader(open(os.path.join(real, "global_pcodes_adm1_adm2_nohxl.csv"), encoding="utf-8", newline=""))
              if r["Location"] == "IRQ" and r["Admin Level"] == "2"}
    print("## P-code cross-check\n")
    print(f"GeoJSON: {len(cod)} districts; P-code list (IRQ, admin 2): {len(listed)}.")
    differences = []
    for pc in sorted(set(cod) | set(listed)):
        a, b = cod.get(pc), listed.get(pc)
        if a is None or b is None:
            differences.append(f"{pc}: only in the {'P-code list' if a is None else 'GeoJSON'}")
            continue
        for what, x, y in (("parent", a["parent"], b["Parent P-Code"]), ("name", a["name"], b["Name"]), ("valid from", a["valid"], b["Valid from date"])):
            if x != y:
                differences.append(f"{pc}: {what} {x!r} in the GeoJSON, {y!r} in the P-code list")
    print("Differences: " + ("; ".join(differences) if differences else "none (same 101 P-codes, parents, English names and valid-from date 2019-06-03)") + ".\n")

    # Governorate names in the files, resolved through the gazetteer.
    gov_key = {}
    for g in csv.DictReader(open(os.path.join(seeds, "governorates.csv"), encoding="utf-8", newline="")):
        for n in [g["name"]] + [a for a in g["aliases"].split("|") if a]:
            gov_key[norm(n)] = g["pcode"]
    gov_name = {g["pcode"]: g["name"] for g in csv.DictReader(open(os.path.join(seeds, "governorates.csv"), encoding="utf-8", newline=""))}

    def governorate(name):
        if norm(name) not in gov_key:
            sys.exit(f"unknown governorate {name!r}")
        return gov_key[norm(name)]

    # (file, governorate P-code, district as written) -> rows; DTM points per name.
    seen = Counter()
    points = defaultdict(list)
    for year in (2017, 2021):
        path = os.path.join(real, "cbpf_allocations_overview", f"ProjectSummaryAggV2_{year}.csv")
        for r in csv.DictReader(open(path, encoding="utf-8", newline="")):
            if r["PFId"] == PF_IRAQ and r["AdmLoc2"].strip():
                seen[(f"CBPF {year}", governorate(r["AdmLoc1"]), r["AdmLoc2"].strip())] += 1
    rows = read_xlsx_sheet(os.path.join(real, DTM_FILE), "DTM Dataset")
    header, tags = rows[0], [t.strip() for t in rows[1]]
    gov_col, dist_col = tags.index("#adm1+name"), tags.index("#adm2+name")
    lat_col, lon_col = tags.index("#geo+lat"), tags.index("#geo+lon")
    arabic = [h.replace("\n", " ").strip() for h in header if "arabic" in h.casefold()]
    print(f"DTM columns with Arabic: {arabic} (the district column, {header[dist_col]!r}, is English only).\n")
    for r in rows[2:]:
        if len(r) <= dist_col or not r[dist_col].strip():
            continue
        key = ("DTM 123", governorate(r[gov_col]), r[dist_col].strip())
        seen[key] += 1
        try:
            points[key[1:]].append((float(r[lon_col]), float(r[lat_col])))
        except ValueError:
            pass

    def located(gov, name):
        """COD districts the DTM locations of this name lie in."""
        where = Counter()
        for x, y in points.get((gov, name), []):
            hit = next((pc for pc, d in cod.items() if d["box"][0] <= x <= d["box"][2] and d["box"][1] <= y <= d["box"][3] and inside(d["rings"], x, y)), None)
            where[hit or "outside"] += 1
        return where

    by_norm = defaultdict(list)
    for pc, d in cod.items():
        by_norm[(d["parent"], norm(d["name"]))].append(pc)
    aliases = defaultdict(list)
    matched, evidence, unresolved = [], [], []
    for (source, gov, name), n in sorted(seen.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0])):
        direct = by_norm.get((gov, norm(name)), [])
        if len(direct) > 1:
            sys.exit(f"{name!r} matches several districts of {gov}")
        if direct:
            matched.append((source, gov, name, direct[0], n))
            if (gov, name) in ALIASES:
                sys.exit(f"{name!r} is listed as an alias but already matches {direct[0]}")
        elif (gov, name) in ALIASES:
            pc = ALIASES[(gov, name)]
            if cod[pc]["parent"] != gov:
                sys.exit(f"alias {name!r}: {pc} is not in {gov}")
            if name not in aliases[pc]:
                aliases[pc].append(name)
            evidence.append((source, gov, name, pc, n))
        elif (gov, name) in UNRESOLVED:
            unresolved.append((source, gov, name, n))
        else:
            sys.exit(f"{source}: district {name!r} ({gov}) matches no COD district and has not been reviewed")
    for key in set(ALIASES) | set(UNRESOLVED):
        if not any(k[1:] == key for k in seen):
            sys.exit(f"reviewed name {key} does not occur in the files")

    # District centres, found under their district in the pooled funds' location list.
    locations = open(os.path.join(real, "cbpf_locationMst.csv"), encoding="utf-8").read()
    for (gov, name), (pc, listed_district) in CENTRES.items():
        pattern = re.compile(r">\s*" + re.escape(listed_district) + r"\s*-?>\s*" + re.escape(name) + r"\s*,")
        found = len(pattern.findall(locations))
        if not found or cod[pc]["parent"] != gov:
            sys.exit(f"centre {name!r}: not under {listed_district} in cbpf_locationMst.csv, or {pc} is not in {gov}")
        if name not in aliases[pc]:
            aliases[pc].append(name)
        evidence.append(("CBPF locations", gov, name, pc, found))

    # An alias must not match another district of the same governorate.
    keys = {}
    for pc, d in cod.items():
        for n in [d["name"]] + aliases[pc]:
            k = (d["parent"], norm(n))
            if keys.setdefault(k, pc) != pc:
                sys.exit(f"{n!r} would match both {keys[k]} and {pc}")

    def where_text(gov, name):
        where = located(gov, name)
        if not where:
            return ""
        return ", ".join(f"{c} in {cod[pc]['name'] if pc in cod else pc}" for pc, c in where.most_common())

    print("## Aliases\n")
    print("| variant | file | governorate | COD district | rows seen | DTM locations inside (point in COD polygon) |")
    print("|---|---|---|---|---:|---|")
    for source, gov, name, pc, n in evidence:
        print(f"| `{name}` | {source} | {gov_name[gov]} | {cod[pc]['name']} ({pc}) | {n} | {where_text(gov, name) if source.startswith('DTM') else ''} |")
    print(f"\n{sum(len(v) for v in aliases.values())} aliases on {sum(1 for v in aliases.values() if v)} districts.\n")
    print("## Unresolved\n")
    print("| name | file | governorate | rows seen | DTM locations inside (point in COD polygon) | why not aliased |")
    print("|---|---|---|---:|---|---|")
    for source, gov, name, n in unresolved:
        print(f"| `{name}` | {source} | {gov_name[gov]} | {n} | {where_text(gov, name)} | {UNRESOLVED[(gov, name)]} |")
    print("\n## Matched after normalisation (no alias needed)\n")
    print("| spelling | file | governorate | COD district | rows seen |")
    print("|---|---|---|---|---:|")
    for source, gov, name, pc, n in matched:
        if name != cod[pc]["name"]:
            print(f"| `{name}` | {source} | {gov_name[gov]} | {cod[pc]['name']} | {n} |")
    exact = Counter(source for source, gov, name, pc, n in matched if name == cod[pc]["name"])
    print(f"\nSpelt exactly as the COD (names per file): {dict(sorted(exact.items()))}.\n")

    out = os.path.join(seeds, "districts.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for pc in sorted(cod):
            d = cod[pc]
            w.writerow([pc, d["parent"], d["name"], d["name_ar"], "|".join(sorted(aliases[pc], key=str.casefold))])
    print(f"wrote {out} ({len(cod)} rows)")


if __name__ == "__main__":
    main()
