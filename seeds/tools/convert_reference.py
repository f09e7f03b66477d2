#!/usr/bin/env python3
"""Convert the public reference tables into the project's seed CSVs.

Usage:  python3 seeds/tools/convert_reference.py PATH/TO/reference [OUT_DIR]

The reference folder holds the tables gathered from public sources (see
seeds/README.md for each source). The outputs are committed in seeds/, so the
application never needs the reference folder; this script only documents how
they were made and lets anyone redo the conversion. Standard library only.

Writes: governorates.csv, need-2019-hrp.csv, need-2020-hno.csv,
funding-ihf-2015-2022.csv, presence-2022-3w.csv.
"""
import csv
import os
import sys
from collections import OrderedDict
from decimal import Decimal

FUNDING_COLUMNS = ["year", "date", "donor", "recipient", "cluster", "governorate",
                   "amount_usd", "status", "boundary", "source_id"]
PRESENCE_COLUMNS = ["year", "organisation", "acronym", "org_type", "cluster",
                    "governorate", "district", "activity"]
NEED_COLUMNS = ["year", "governorate", "cluster", "people_in_need", "targeted", "reached"]

IHF_DONOR = "Iraq Humanitarian Fund (CBPF)"


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
    print(f"wrote {path} ({len(rows)} rows)")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ref = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

    gaz = read_rows(os.path.join(ref, "iraq-governorates.csv"))
    names = OrderedDict((g["pcode"], g["name"]) for g in gaz)
    assert len(names) == 18

    # 1. gazetteer with population
    pop = {r["pcode"]: int(r["population"]) for r in read_rows(os.path.join(ref, "population-adm1.csv"))}
    assert set(pop) == set(names) and sum(pop.values()) == 33_330_600
    write_rows(os.path.join(out, "governorates.csv"),
               ["pcode", "name", "name_ar", "region", "tile_row", "tile_col", "population", "aliases"],
               [[g["pcode"], g["name"], g["name_ar"], g["region"], g["tile_row"], g["tile_col"],
                 pop[g["pcode"]], g["aliases"]] for g in gaz])

    # 2. intersectoral people in need (blank stays blank: not reported)
    def need(src, year, col, expected):
        rows, total = [], 0
        for r in read_rows(os.path.join(ref, src)):
            v = r[col].strip()
            if v:
                total += int(v)
            rows.append([year, names[r["pcode"]], "", v, "", ""])
        assert len(rows) == 18, src
        assert total == expected, (src, total)
        return rows

    write_rows(os.path.join(out, "need-2019-hrp.csv"), NEED_COLUMNS,
               need("pin-2019-hrp.csv", 2019, "people_in_need_2019", 6_544_911))
    write_rows(os.path.join(out, "need-2020-hno.csv"), NEED_COLUMNS,
               need("pin-2020-hno.csv", 2020, "people_in_need_2020", 4_045_547))

    # 3. Iraq Humanitarian Fund allocations per governorate and year
    rows, totals = [], {}
    for r in read_rows(os.path.join(ref, "ihf-allocations-by-governorate.csv")):
        amount = Decimal(r["budget_usd"])
        totals[r["year"]] = totals.get(r["year"], Decimal(0)) + amount
        rows.append([r["year"], "", IHF_DONOR, "", "", names[r["pcode"]], r["budget_usd"],
                     "paid", "", f"IHF-{r['year']}-{r['pcode']}"])
    expected_m = {"2015": 22.3, "2016": 88.3, "2017": 76.5, "2018": 36.6,
                  "2019": 82.4, "2020": 27.6, "2021": 25.4, "2022": 8.4}
    for y, m in expected_m.items():
        assert round(float(totals[y]) / 1e6, 1) == m, (y, totals[y])
    write_rows(os.path.join(out, "funding-ihf-2015-2022.csv"), FUNDING_COLUMNS, rows)

    # 4. OCHA 3W presence Jan-Apr 2022 (already one row per governorate x cluster x partner)
    rows = []
    for r in read_rows(os.path.join(ref, "presence-2022-partners-by-governorate.csv")):
        rows.append([r["year"], r["partner_name"], r["partner_acronym"], r["org_type"],
                     r["cluster"], names[r["pcode"]], "", ""])
    assert len(rows) == 440
    write_rows(os.path.join(out, "presence-2022-3w.csv"), PRESENCE_COLUMNS, rows)


if __name__ == "__main__":
    main()
