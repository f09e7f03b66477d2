#!/usr/bin/env python3
"""Generate a synthetic funding CSV in the project's template format (docs/data-formats.md).

Deterministic: the same --rows and --seed always give the same bytes. Standard library only.

    python3 benchmarks/generate_funding.py --rows 1000000 --out /tmp/funding.csv

Mix (approximate):
  * years 2015-2022, a date inside the budget year;
  * 8 donors, 10 clusters (2 % blank), 8 recipients (10 % blank, one needing CSV quoting);
  * governorate: the 18 English names from seeds/governorates.csv (95 %),
    3 % multi-governorate ("Ninewa;Al-Anbar" and similar pairs), 2 % "Iraq";
  * amount_usd 1,000-5,000,000 with 2 decimals;
  * status paid 60 % / commitment 25 % / pledge 10 % / blank 5 %;
  * boundary incoming 60 % / blank 30 % / internal 10 %;
  * source_id BENCH-0000001, BENCH-0000002, ...
With --districts, a `district` column after `governorate`: for rows naming one governorate,
85 % one of its districts (English names from seeds/districts.csv), 15 % blank; drawn from a
second random stream, so every other column is the same as without it.
"""
import argparse
import csv
import os
import random
import sys

HEADER = ["year", "date", "donor", "recipient", "cluster", "governorate",
          "amount_usd", "status", "boundary", "source_id"]

DONORS = ["Donor Alpha", "Donor Bravo", "Donor Charlie", "Donor Delta",
          "Donor Echo", "Donor Foxtrot", "Donor Golf", "Donor Hotel"]
CLUSTERS = ["Shelter", "Health", "WASH", "Protection", "Food Security",
            "Education", "CCCM", "Livelihoods", "Emergency Telecommunications", "Logistics"]
RECIPIENTS = ["UNICEF", "WFP", "IOM", "NRC", "DRC", "UNHCR",
              "Mercy Corps", "Local NGO, Mosul"]  # the last one is quoted in the CSV
MULTI = ["Ninewa;Al-Anbar", "Ninewa;Salah Al-Din", "Al-Anbar;Baghdad", "Duhok;Erbil"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def governorate_names(seeds_csv):
    with open(seeds_csv, newline="", encoding="utf-8") as f:
        names = [row["name"] for row in csv.DictReader(f)]
    if len(names) != 18:
        sys.exit(f"expected 18 governorates in {seeds_csv}, found {len(names)}")
    return names


def districts_by_governorate(districts_csv, governorates_csv):
    with open(governorates_csv, newline="", encoding="utf-8") as f:
        name_of = {row["pcode"]: row["name"] for row in csv.DictReader(f)}
    by_name = {}
    with open(districts_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_name.setdefault(name_of[row["parent_pcode"]], []).append(row["name"])
    return by_name


def weighted(rng, pairs):
    """Returns a picker for [(value, weight), ...] using a precomputed 100-slot table."""
    table = []
    for value, weight in pairs:
        table.extend([value] * weight)
    assert len(table) == 100, pairs
    return lambda: table[rng.randrange(100)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20191)
    parser.add_argument("--out", required=True)
    parser.add_argument("--governorates", default=os.path.join(here, "..", "seeds", "governorates.csv"))
    parser.add_argument("--districts", action="store_true", help="add a district column (see above)")
    args = parser.parse_args()
    districts = districts_by_governorate(os.path.join(here, "..", "seeds", "districts.csv"), args.governorates) if args.districts else None
    district_rng = random.Random(args.seed + 1)

    rng = random.Random(args.seed)
    names = governorate_names(args.governorates)
    status = weighted(rng, [("paid", 60), ("commitment", 25), ("pledge", 10), ("", 5)])
    boundary = weighted(rng, [("incoming", 60), ("", 30), ("internal", 10)])

    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER if districts is None else HEADER[:6] + ["district"] + HEADER[6:])
        batch = []
        for i in range(1, args.rows + 1):
            year = rng.randint(2015, 2022)
            month = rng.randint(1, 12)
            day = rng.randint(1, DAYS_IN_MONTH[month - 1])
            p = rng.random()
            if p < 0.03:
                gov = MULTI[rng.randrange(len(MULTI))]
            elif p < 0.05:
                gov = "Iraq"
            else:
                gov = names[rng.randrange(18)]
            row = (
                year,
                f"{year:04d}-{month:02d}-{day:02d}",
                DONORS[rng.randrange(len(DONORS))],
                "" if rng.random() < 0.10 else RECIPIENTS[rng.randrange(len(RECIPIENTS))],
                "" if rng.random() < 0.02 else CLUSTERS[rng.randrange(len(CLUSTERS))],
                gov,
                f"{rng.randint(100_000, 500_000_000) / 100:.2f}",
                status(),
                boundary(),
                f"BENCH-{i:07d}",
            )
            if districts is not None:
                own = districts.get(gov)
                pick = own[district_rng.randrange(len(own))] if own and district_rng.random() < 0.85 else ""
                row = row[:6] + (pick,) + row[6:]
            batch.append(row)
            if len(batch) == 10_000:
                w.writerows(batch)
                batch.clear()
        w.writerows(batch)


if __name__ == "__main__":
    main()
