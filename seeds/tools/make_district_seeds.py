#!/usr/bin/env python3
"""Make the demo data files that name districts from the public files.

Usage:  python3 seeds/tools/make_district_seeds.py PATH/TO/real-data [SEEDS_DIR]

PATH/TO/real-data is the folder of public files beside the project (../shared/real-data from
the repository root; see its SOURCES.md). It reads them and never copies them: every file it
writes is an aggregate, with its source named in seeds/README.md and seeds/manifest.json.

- presence-2022-3w.csv, from irq_3w_jan_to_apr_2022_longtable_20220518.xlsx (OCHA Iraq 3W,
  January-April 2022, sheet "3W longtable Jan-Apr 2022 "): one row per governorate x district x
  cluster x partner (every activity row of the 3W names its ADM2 P-code). The district is the COD
  name of the row's ADM2_PCODE. Checked: the same partners per governorate and cluster as the
  governorate-level file it replaces (440 rows, 107 partners).
- displacement-2021-dtm.csv, from irq_iom_dtm_idps_master_list_round_123.xlsx (IOM DTM Iraq IDP
  master list, round 123, August-September 2021, sheet "DTM Dataset"): IDP individuals summed per
  governorate and district. DTM district names resolve to the COD as seeds/districts.csv says
  (name after normalisation, or a reviewed alias); the five DTM districts the 2019 COD lacks are
  rows with no district (their DTM name is kept in `location`). Checked: 2,842 locations and
  1,189,581 IDPs, the round's headline.
- funding-ihf-2015-2022.csv, years 2017 and 2021 only, from
  cbpf_allocations_overview/ProjectSummaryAggV2_{2017,2021}.csv (CBPF project budgets by location,
  Iraq = PFId 72): the budget of each location summed per governorate and district (AdmLoc2; a
  location without one is the governorate's part with no district). These are the same allocations
  as the file's governorate rows of those years (CBPF Data Hub fund_adm1): the script stops unless
  every governorate's total of the two years equals the rows it replaces, so no money is
  added or counted twice (a district row's amount is rounded to the cent, so the sum of a governorate's
  rows may differ from its old figure by at most a cent per row). The other years stay as they are;
  the file gains a `district` column, blank in them.

Standard library only; the same inputs give the same files byte for byte.
"""
import csv
import os
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_districts import ALIASES, UNRESOLVED, norm, read_xlsx_sheet  # noqa: E402

THREE_W = "irq_3w_jan_to_apr_2022_longtable_20220518.xlsx"
THREE_W_SHEET = "3W longtable Jan-Apr 2022 "
DTM = "irq_iom_dtm_idps_master_list_round_123.xlsx"
DTM_SHEET = "DTM Dataset"
DTM_LOCATIONS, DTM_IDPS = 2842, 1_189_581
PF_IRAQ = "72"
DISTRICT_YEARS = ("2017", "2021")

PRESENCE_COLUMNS = ["year", "organisation", "acronym", "org_type", "cluster", "governorate", "district", "activity"]
DISPLACEMENT_COLUMNS = ["year", "governorate", "district", "location", "idps"]
FUNDING_COLUMNS = ["year", "date", "donor", "recipient", "cluster", "governorate", "district", "amount_usd", "status", "boundary", "source_id"]
IHF_DONOR = "Iraq Humanitarian Fund (CBPF)"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"{os.path.basename(path)}: {len(rows)} rows")


class Gazetteer:
    """seeds/governorates.csv and seeds/districts.csv, and the reviewed district spellings of make_districts.py."""

    def __init__(self, seeds):
        self.gov_name, self.gov_key = {}, {}
        for g in read_csv(os.path.join(seeds, "governorates.csv")):
            self.gov_name[g["pcode"]] = g["name"]
            for n in [g["name"]] + [a for a in g["aliases"].split("|") if a]:
                self.gov_key[norm(n)] = g["pcode"]
        self.district_name, self.district_key = {}, {}
        for d in read_csv(os.path.join(seeds, "districts.csv")):
            self.district_name[d["pcode"]] = (d["parent_pcode"], d["name"])
            for n in [d["name"]] + [a for a in d["aliases"].split("|") if a]:
                self.district_key[(d["parent_pcode"], norm(n))] = d["pcode"]

    def governorate(self, name):
        key = norm(name)
        if key not in self.gov_key:
            sys.exit(f"unknown governorate {name!r}")
        return self.gov_key[key]

    def district(self, gov, name):
        """The COD P-code of a district name of the governorate; None for a reviewed unresolved name."""
        name = name.strip()
        if (gov, norm(name)) in self.district_key:
            return self.district_key[(gov, norm(name))]
        if (gov, name) in ALIASES:
            return ALIASES[(gov, name)]
        if (gov, name) in UNRESOLVED:
            return None
        sys.exit(f"district {name!r} of {gov} is neither a COD district nor a reviewed name (see make_districts.py)")


def presence(real, seeds, gaz):
    rows = read_xlsx_sheet(os.path.join(real, THREE_W), THREE_W_SHEET)
    header = rows[0]
    col = {name: header.index(name) for name in
           ("ADM1_PCODE", "ADM2_PCODE", "Cluster", "Partner Acronym", "Partner Full Name", "Organisation type")}
    if not rows[1][col["ADM1_PCODE"]].startswith("#adm1"):
        sys.exit("3W: row 2 is not the HXL row")
    seen = set()
    for r in rows[2:]:
        if not any(c.strip() for c in r):
            continue
        gov, district = r[col["ADM1_PCODE"]].strip(), r[col["ADM2_PCODE"]].strip()
        if gov not in gaz.gov_name or gaz.district_name.get(district, (None,))[0] != gov:
            sys.exit(f"3W: {gov}/{district} is not a COD governorate and district of it")
        # Names as published, with the space around them trimmed (one full name ends in non-breaking spaces).
        seen.add((gov, district, *(r[col[c]].strip() for c in ("Cluster", "Partner Full Name", "Partner Acronym", "Organisation type"))))
    out = sorted(([ "2022", name, acronym, org_type, cluster, gaz.gov_name[gov], gaz.district_name[district][1], ""]
                  for gov, district, cluster, name, acronym, org_type in seen),
                 key=lambda x: (x[5], x[6], x[4], x[1], x[2]))

    # The governorate-level rows of the file this replaces are the same partners per governorate and cluster.
    by_governorate = {(r[5], r[4], r[1], r[2], r[3]) for r in out}
    previous = os.path.join(seeds, "presence-2022-3w.csv")
    if os.path.exists(previous):
        old = {(r["governorate"], r["cluster"], r["organisation"], r["acronym"], r["org_type"]) for r in read_csv(previous)}
        if old != by_governorate:
            sys.exit(f"3W: the partners per governorate and cluster differ from {previous}: {sorted(old ^ by_governorate)[:5]}")
    if len(by_governorate) != 440 or len({(r[1], r[2]) for r in out}) != 107:
        sys.exit("3W: expected 440 governorate x cluster x partner rows and 107 partners")
    write_csv(previous, PRESENCE_COLUMNS, out)


def displacement(real, seeds, gaz):
    rows = read_xlsx_sheet(os.path.join(real, DTM), DTM_SHEET)
    tags = [t.strip() for t in rows[1]]
    gov_col, dist_col = tags.index("#adm1+name"), tags.index("#adm2+name")
    idps_col = rows[0].index("Individuals")
    idps, locations, total, count = defaultdict(int), defaultdict(int), 0, 0
    for r in rows[2:]:
        if not any(c.strip() for c in r):
            continue
        gov = gaz.governorate(r[gov_col])
        name = r[dist_col].strip()
        pcode = gaz.district(gov, name)
        key = (gov, pcode, None if pcode else name)
        idps[key] += int(r[idps_col])
        locations[key] += 1
        total += int(r[idps_col])
        count += 1
    if (count, total) != (DTM_LOCATIONS, DTM_IDPS):
        sys.exit(f"DTM: {count} locations and {total} IDPs, expected {DTM_LOCATIONS} and {DTM_IDPS}")
    out = []
    for (gov, pcode, dtm_name), n in idps.items():
        n_locations = locations[(gov, pcode, dtm_name)]
        where = f"{n_locations} DTM location{'' if n_locations == 1 else 's'}"
        location = ((f"all {where} of the district" if n_locations > 1 else f"{where} of the district") if pcode
                    else f"{dtm_name} (a DTM district the 2019 COD does not have): {where}")
        out.append(["2021", gaz.gov_name[gov], gaz.district_name[pcode][1] if pcode else "", location, str(n)])
    out.sort(key=lambda x: (x[1], x[2] == "", x[2], x[3]))
    write_csv(os.path.join(seeds, "displacement-2021-dtm.csv"), DISPLACEMENT_COLUMNS, out)


def cents(value):
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def funding(real, seeds, gaz):
    path = os.path.join(seeds, "funding-ihf-2015-2022.csv")
    current = read_csv(path)
    kept = [r for r in current if r["year"] not in DISTRICT_YEARS]
    replaced = [r for r in current if r["year"] in DISTRICT_YEARS]
    governorate_totals = defaultdict(Decimal)
    for r in replaced:
        governorate_totals[(r["year"], r["governorate"])] += Decimal(r["amount_usd"])

    by_district = defaultdict(Decimal)
    for year in DISTRICT_YEARS:
        for r in read_csv(os.path.join(real, "cbpf_allocations_overview", f"ProjectSummaryAggV2_{year}.csv")):
            if r["PFId"] != PF_IRAQ:
                continue
            if r["AYr"] != year:
                sys.exit(f"CBPF {year}: a row of allocation year {r['AYr']}")
            gov = gaz.governorate(r["AdmLoc1"])
            # The location's budget (its clusters' parts, '|||'-separated); the same at every admin level it names.
            budget = sum((Decimal(x) for x in r["AdmLocClustBdg1"].split("|||") if x), Decimal(0))
            district = gaz.district(gov, r["AdmLoc2"]) if r["AdmLoc2"].strip() else None
            by_district[(year, gov, district)] += budget

    totals = defaultdict(Decimal)
    rows = []
    for (year, gov, district), amount in by_district.items():
        amount = cents(amount)
        totals[(year, gaz.gov_name[gov])] += amount
        rows.append([year, "", IHF_DONOR, "", "", gaz.gov_name[gov], gaz.district_name[district][1] if district else "",
                     f"{amount:.2f}", "paid", "", f"IHF-{year}-{district or gov}"])
    # The same money as the governorate rows it replaces: to the cent per governorate and year, or a cent
    # per district row of rounding at most.
    for key in set(totals) | set(governorate_totals):
        parts = max(1, sum(1 for r in rows if (r[0], r[5]) == key))
        if abs(totals[key] - governorate_totals[key]) > Decimal("0.01") * parts:
            sys.exit(f"IHF {key}: {totals[key]} by district, {governorate_totals[key]} by governorate")
    for year in DISTRICT_YEARS:
        print(f"IHF {year}: USD {sum(v for (y, _), v in totals.items() if y == year):,.2f} by district rows, "
              f"USD {sum(v for (y, _), v in governorate_totals.items() if y == year):,.2f} by governorate")
    out = [[r["year"], r["date"], r["donor"], r["recipient"], r["cluster"], r["governorate"], r.get("district", ""),
            r["amount_usd"], r["status"], r["boundary"], r["source_id"]] for r in kept] + rows
    out.sort(key=lambda x: (x[0], x[5], x[6] == "", x[6]))
    write_csv(path, FUNDING_COLUMNS, out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    real = sys.argv[1]
    seeds = sys.argv[2] if len(sys.argv) > 2 else os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    gaz = Gazetteer(seeds)
    presence(real, seeds, gaz)
    displacement(real, seeds, gaz)
    funding(real, seeds, gaz)


if __name__ == "__main__":
    main()
