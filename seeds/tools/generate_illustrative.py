#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE seed files of EquityDashboard.

No public source gives bilateral funding, 3W presence for 2017-2020, cluster
people in need or security incidents per Iraqi governorate in a form we can
ship. These files stand in for them so every screen of the dashboard has
something to show. They are INVENTED figures shaped to follow the pattern that
public reporting describes (see seeds/README.md); they are not data about any
real donor or organisation.

    python3 seeds/tools/generate_illustrative.py [OUT_DIR]

Standard library only. Deterministic: a fixed seed (SEED below) and no
dependence on hash ordering, so rerunning gives byte-identical files.

Writes (into OUT_DIR, default: the seeds/ folder this script lives in):
  funding-bilateral-illustrative-2017-2020.csv
  presence-illustrative-2017-2020.csv
  need-clusters-illustrative-2019-2020.csv
  incidents-illustrative-2018.csv
  incidents-illustrative-2019.csv

The cluster file caps each cluster PiN by the real intersectoral PiN of the same
governorate and year, read from need-2019-hrp.csv / need-2020-hno.csv in OUT_DIR.
"""
import csv
import datetime as dt
import os
import random
import sys

SEED = 20190601

FUNDING_COLUMNS = ["year", "date", "donor", "recipient", "cluster", "governorate",
                   "amount_usd", "status", "boundary", "source_id"]
PRESENCE_COLUMNS = ["year", "organisation", "acronym", "org_type", "cluster",
                    "governorate", "district", "activity"]
NEED_COLUMNS = ["year", "governorate", "cluster", "people_in_need", "targeted", "reached"]
INCIDENT_COLUMNS = ["date", "governorate", "type", "count"]

YEARS = [2017, 2018, 2019, 2020]

CLUSTERS = ["Protection", "Health", "Food Security", "Shelter/NFI", "WASH",
            "Education", "CCCM", "Emergency Livelihoods", "Multi-Purpose Cash"]

KRI = ["Erbil", "Duhok", "Al-Sulaymaniyah"]
NORTH_CENTRE = ["Ninewa", "Al-Anbar", "Salah Al-Din", "Kirkuk", "Diyala"]
SOUTH = ["Al-Basrah", "Thi-Qar", "Maysan", "Al-Muthanna", "Al-Qadissiya", "Al-Najaf",
         "Kerbala", "Wassit", "Babil"]
BAGHDAD = ["Baghdad"]
ALL_GOVS = KRI + NORTH_CENTRE + BAGHDAD + SOUTH

DISTRICTS = {
    "Ninewa": ["Mosul", "Sinjar", "Telafar", "Al-Hamdaniya", "Tilkaif", "Al-Shikhan", "Al-Baaj", "Hatra"],
    "Al-Anbar": ["Ramadi", "Falluja", "Heet", "Haditha", "Al-Kaim", "Ana", "Al-Rutba"],
    "Salah Al-Din": ["Tikrit", "Baiji", "Samarra", "Tooz", "Balad", "Al-Shirqat", "Al-Daur"],
    "Kirkuk": ["Kirkuk", "Al-Hawiga", "Daquq", "Dabes"],
    "Diyala": ["Baquba", "Al-Khalis", "Al-Muqdadiya", "Khanaqin", "Kifri"],
    "Erbil": ["Erbil", "Makhmour", "Soran", "Shaqlawa", "Koisnjaq"],
    "Duhok": ["Sumel", "Zakho", "Amedi", "Duhok"],
    "Al-Sulaymaniyah": ["Sulaymaniya", "Kalar", "Chamchamal", "Halabja", "Dokan"],
    "Baghdad": ["Abu Ghraib", "Al-Kadhimiyah", "Al-Mahmoudiya", "Karkh", "Resafa"],
    "Al-Basrah": ["Basrah", "Al-Zubair", "Abu Al-Khaseeb"],
    "Kerbala": ["Kerbala", "Ain Al-Tamur"],
    "Al-Najaf": ["Najaf", "Kufa"],
    "Babil": ["Hilla", "Musayab"],
    "Wassit": ["Kut"],
    "Al-Qadissiya": ["Diwaniya"],
    "Thi-Qar": ["Nasriya"],
}

ACTIVITIES = {
    "Protection": ["Case management", "Legal assistance and civil documentation", "Psychosocial support"],
    "Health": ["Primary health care", "Mobile medical team", "Mental health services"],
    "Food Security": ["Food parcels", "Food vouchers"],
    "Shelter/NFI": ["Shelter rehabilitation", "Core relief items", "Sealing-off kits"],
    "WASH": ["Water trucking", "Water network repair", "Hygiene promotion"],
    "Education": ["Temporary learning spaces", "Teacher incentives"],
    "CCCM": ["Camp management", "Out-of-camp site monitoring"],
    "Emergency Livelihoods": ["Cash for work", "Small business grants"],
    "Multi-Purpose Cash": ["Multi-purpose cash transfers"],
}


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {os.path.basename(path)}: {len(rows)} rows")


def weighted_choice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def split_amount(rng, total_usd, parts, min_usd=25_000):
    """Split total_usd (whole dollars) into `parts` positive amounts summing exactly.

    Most parts are round thousands, as budgets often are; the last part absorbs
    the remainder. Returns amounts in cents (integers)."""
    parts = max(1, parts)
    if parts == 1:
        return [total_usd * 100]
    weights = [rng.lognormvariate(0, 0.8) for _ in range(parts)]
    s = sum(weights)
    out = []
    for w in weights[:-1]:
        usd = max(min_usd, int(round(total_usd * w / s, -3)))
        cents = usd * 100
        if rng.random() < 0.12:          # a few exact, non-round budgets
            cents += rng.randint(1, 99_999)  # up to USD 999.99 more
        out.append(cents)
    last = total_usd * 100 - sum(out)
    if last < min_usd * 100:             # rare: rebalance from the largest part
        i = out.index(max(out))
        need = min_usd * 100 - last
        out[i] -= need
        last += need
    out.append(last)
    assert sum(out) == total_usd * 100 and min(out) > 0
    return out


def fmt_cents(c):
    return str(c // 100) if c % 100 == 0 else f"{c // 100}.{c % 100:02d}"


def random_date(rng, year, start=(1, 1), end=(12, 31)):
    a = dt.date(year, *start)
    b = dt.date(year, *end)
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


# ---------------------------------------------------------------------------
# Organisations (all NGO names are invented; UN agencies are listed only as
# generally present, in line with their usual mandates)
# ---------------------------------------------------------------------------

UN_AGENCIES = [
    ("United Nations Children's Fund", "UNICEF", ["WASH", "Education", "Protection", "Health"]),
    ("World Food Programme", "WFP", ["Food Security", "Multi-Purpose Cash"]),
    ("Office of the United Nations High Commissioner for Refugees", "UNHCR", ["Protection", "Shelter/NFI", "CCCM"]),
    ("International Organization for Migration", "IOM", ["CCCM", "Shelter/NFI", "Emergency Livelihoods"]),
    ("World Health Organization", "WHO", ["Health"]),
    ("United Nations Population Fund", "UNFPA", ["Protection", "Health"]),
    ("United Nations Development Programme", "UNDP", ["Emergency Livelihoods"]),
    ("Food and Agriculture Organization of the United Nations", "FAO", ["Food Security", "Emergency Livelihoods"]),
]

NNGO_PREFIXES = ["Tigris", "Zagros", "Two Rivers", "Mesopotamia", "Date Palm", "Olive Branch",
                 "Mountain Spring", "Green Valley", "Sunrise", "New Dawn", "Bright Path",
                 "Clear Water", "Harvest", "Lantern", "Compass", "Riverbank", "Hilltop",
                 "Silver Stream", "Open Door", "Kind Hands", "Safe Haven", "Morning Star",
                 "Golden Wheat", "Oasis", "Evergreen", "Citadel", "Lighthouse", "Wellspring",
                 "Palm Grove", "Nahrain"]
NNGO_SUFFIXES = ["Relief Organisation", "Development Foundation", "Humanitarian Association",
                 "Community Initiative", "Women's Network", "Youth Foundation", "Health Society",
                 "Aid Organisation", "Civil Society Forum", "Rehabilitation Centre"]
INGO_PREFIXES = ["Northbridge", "Harbourlight", "Kestrel", "Meridian", "Beaconfield", "Alder",
                 "Larkspur", "Summitway", "Orchardale", "Anchorpoint", "Ironwood", "Waypoint",
                 "Tandem", "Bluewater", "Fairwind", "Stonebridge"]
INGO_SUFFIXES = ["Relief International", "Aid Worldwide", "Global Health Partners",
                 "Humanitarian Alliance", "Development Trust", "Emergency Response"]

# Acronyms of partners in the real 2022 3W and other well-known bodies: the
# invented organisations must never share one, or a de-duplicating importer
# could merge an invented body with a real one.
RESERVED_ACRONYMS = {
    "AAF", "ACF", "ACTED", "ASB", "BCF", "BROB", "BW", "BWA", "CARE", "COOPI", "CVT", "DAA",
    "DAI", "DAMA", "DARY", "DRC", "FRC", "FSD", "FUAD", "HA", "HAI", "HALO", "HEKS", "HI",
    "IAA", "IHAO", "IHSC", "IMC", "IOM", "IRC", "IVY", "JGO", "JRS", "KSC", "KURDS", "LCN",
    "LF", "LWF", "MDM", "ME", "MM", "NCA", "NP", "NPA", "NRC", "PAH", "PAO", "PUI", "PWJ",
    "REACH", "SCI", "SED", "SHO", "SI", "SIF", "SOSD", "SP", "SR", "SSDF", "SSORD", "STEP",
    "SWEDO", "UIMS", "UNFPA", "UNHABITAT", "UNHCR", "UNICEF", "UNOCHA", "VERA", "VIYAN",
    "VOP", "WEO", "WFP", "WHH", "WRO", "ZOA", "WHO", "UNDP", "FAO", "OCHA", "ICRC", "IFRC",
    "IRCS", "MSF", "IRD", "TDH", "WVI", "NGO", "INGO", "UN", "CBPF", "IHF", "DTM", "HRP",
    "HNO", "WASH", "NFI", "CCCM", "GBV", "MPC", "MPCA", "CP", "FS", "HC", "RC", "USA", "EU",
    # region names and other bodies' well-known initials (e.g. Red Crescent societies)
    "KRI", "KRG", "GOI", "ERC", "TRC", "CRC", "QRC", "IRI", "MRC", "ISIS", "ISIL",
}

SUFFIX_CLUSTERS = {
    "Relief Organisation": ["Food Security", "Shelter/NFI", "Multi-Purpose Cash"],
    "Development Foundation": ["Emergency Livelihoods", "Education"],
    "Humanitarian Association": ["Shelter/NFI", "WASH", "CCCM"],
    "Community Initiative": ["Protection", "Emergency Livelihoods"],
    "Women's Network": ["Protection", "Health"],
    "Youth Foundation": ["Education", "Protection"],
    "Health Society": ["Health"],
    "Aid Organisation": ["WASH", "Food Security", "Multi-Purpose Cash"],
    "Civil Society Forum": ["Protection"],
    "Rehabilitation Centre": ["Health", "Protection"],
    "Relief International": ["Shelter/NFI", "WASH", "Multi-Purpose Cash"],
    "Aid Worldwide": ["Food Security", "Emergency Livelihoods", "WASH"],
    "Global Health Partners": ["Health"],
    "Humanitarian Alliance": ["Protection", "CCCM", "Shelter/NFI"],
    "Development Trust": ["Education", "Emergency Livelihoods"],
    "Emergency Response": ["WASH", "Health", "CCCM"],
}


def make_acronym(name, prefix, taken):
    words = [w for w in name.replace("'s", "").split() if w[0].isalpha()]
    cands = ["".join(w[0] for w in words).upper(),
             (prefix.replace(" ", "")[:2] + "".join(w[0] for w in words[len(prefix.split()):])).upper(),
             (prefix.replace(" ", "")[:3] + "".join(w[0] for w in words[len(prefix.split()):])).upper()]
    for c in cands:
        if c not in taken and c not in RESERVED_ACRONYMS:
            return c
    i = 2
    while f"{cands[0]}{i}" in taken:
        i += 1
    return f"{cands[0]}{i}"


def build_organisations(rng):
    """Return dict type -> list of org dicts (name, acronym, type, clusters)."""
    taken = set()
    orgs = {"UN": [], "INGO": [], "NNGO": []}
    for name, acr, clusters in UN_AGENCIES:
        orgs["UN"].append({"name": name, "acronym": acr, "type": "UN", "clusters": clusters})
        taken.add(acr)

    def invent(prefixes, suffixes, count, otype, per_prefix):
        combos = [(p, s) for p in prefixes for s in suffixes]
        rng.shuffle(combos)
        used = {p: 0 for p in prefixes}
        out = []
        for p, s in combos:
            if len(out) == count:
                break
            if used[p] >= per_prefix:
                continue
            used[p] += 1
            name = f"{p} {s}"
            acr = make_acronym(name, p, taken)
            taken.add(acr)
            if rng.random() < 0.08:     # some organisations report no acronym
                acr = ""
            out.append({"name": name, "acronym": acr, "type": otype,
                        "clusters": SUFFIX_CLUSTERS[s]})
        assert len(out) == count
        return out

    orgs["INGO"] = invent(INGO_PREFIXES, INGO_SUFFIXES, 52, "INGO", 4)
    orgs["NNGO"] = invent(NNGO_PREFIXES, NNGO_SUFFIXES, 116, "NNGO", 5)
    return orgs


# ---------------------------------------------------------------------------
# Presence 2017-2020
# ---------------------------------------------------------------------------

# Which slice of each (shuffled) pool is active per year: organisations leave
# over time and a few new ones appear in 2020.
ACTIVE_SLICES = {
    "INGO": {2017: [(0, 48)], 2018: [(2, 47)], 2019: [(4, 40)], 2020: [(6, 34), (48, 52)]},
    "NNGO": {2017: [(0, 104)], 2018: [(6, 100)], 2019: [(10, 76)], 2020: [(14, 62), (104, 112)]},
}
# Distinct organisations present per governorate and year (targets). Duhok is
# given as the number of NGOs (INGO + NNGO); UN agencies come on top.
GOV_TARGETS = {
    "Erbil": [140, 128, 96, 82],
    "Ninewa": [118, 110, 88, 76],
    "Al-Sulaymaniyah": [60, 52, 38, 30],
    "Kirkuk": [55, 50, 40, 34],
    "Al-Anbar": [50, 48, 40, 34],
    "Salah Al-Din": [48, 46, 38, 33],
    "Diyala": [35, 32, 26, 22],
    "Baghdad": [40, 36, 28, 22],
    "Al-Basrah": [2, 6, 3, 2],
    "Kerbala": [3, 2, 1, 1],
    "Al-Najaf": [2, 2, 1, 1],
    "Babil": [2, 1, 1, 0],
    "Wassit": [1, 1, 0, 0],
    "Al-Qadissiya": [1, 0, 0, 0],
    "Thi-Qar": [0, 1, 0, 0],
    "Maysan": [0, 0, 0, 0],
    "Al-Muthanna": [0, 0, 0, 0],
}
DUHOK_NGO_TARGETS = [115, 110, 55, 45]
DUHOK_UN = ["UNICEF", "WFP", "UNHCR", "IOM", "WHO", "UNFPA"]
SOUTH_UN = {"Al-Basrah": ["UNICEF", "WHO"], "Kerbala": ["UNHCR"], "Al-Najaf": ["IOM"]}


def presence(rng, orgs):
    un = orgs["UN"]
    all_orgs = un + orgs["INGO"] + orgs["NNGO"]
    # A fixed priority per (organisation, governorate): selection is "top N by
    # priority among active organisations", so presence is stable over years.
    prio = {(o["name"], g): rng.random() for o in all_orgs for g in ALL_GOVS}
    # Cluster priority per (organisation, governorate) likewise.
    row_plan_rng = random.Random(SEED + 7)

    rows = []
    for yi, year in enumerate(YEARS):
        active_ngos = []
        for t in ("INGO", "NNGO"):
            for a, b in ACTIVE_SLICES[t][year]:
                active_ngos.extend(orgs[t][a:b])
        active = un + active_ngos
        members = {g: [] for g in ALL_GOVS}

        def top(cands, n, g):
            return sorted(cands, key=lambda o: -prio[(o["name"], g)])[:n]

        members["Erbil"] = un + top(active_ngos, GOV_TARGETS["Erbil"][yi] - len(un), "Erbil")
        covered = {o["name"] for o in members["Erbil"]}
        uncovered = [o for o in active if o["name"] not in covered]
        n_nin = GOV_TARGETS["Ninewa"][yi]
        rest = [o for o in active_ngos if o["name"] in covered]
        members["Ninewa"] = un + uncovered + top(rest, n_nin - len(un) - len(uncovered), "Ninewa")
        members["Duhok"] = ([o for o in un if o["acronym"] in DUHOK_UN]
                            + top(active_ngos, DUHOK_NGO_TARGETS[yi], "Duhok"))
        for g in ALL_GOVS:
            if g in ("Erbil", "Ninewa", "Duhok"):
                continue
            n = GOV_TARGETS[g][yi]
            if n == 0:
                continue
            if g in SOUTH:
                u = [o for o in un if o["acronym"] in SOUTH_UN.get(g, [])][:n]
            else:
                u = top(un, min(len(un), max(3, n // 6)), g)
            members[g] = u + top(active_ngos, n - len(u), g)

        year_rows = []
        for g in ALL_GOVS:
            for o in sorted(members[g], key=lambda o: o["name"]):
                k = 1 if len(o["clusters"]) == 1 else row_plan_rng.choice([1, 1, 2])
                cl = row_plan_rng.sample(o["clusters"], k)
                if g == "Al-Basrah" and year == 2018:   # water crisis response
                    cl = [c for c in cl if c in ("WASH", "Health")] or ["WASH"]
                for c in cl:
                    district = ""
                    activity = ""
                    if g in DISTRICTS and row_plan_rng.random() < 0.4:
                        district = row_plan_rng.choice(DISTRICTS[g])
                    if row_plan_rng.random() < 0.3:
                        activity = row_plan_rng.choice(ACTIVITIES[c])
                    year_rows.append([year, o["name"], o["acronym"], o["type"], c, g,
                                      district, activity])
        # Spelling variants and duplicates, placed after the originals they
        # repeat: case, extra spaces, acronym only, full name only, exact copy.
        variants = []
        picks = row_plan_rng.sample([r for r in year_rows if r[2]], 6)
        for i, r in enumerate(picks):
            v = list(r)
            kind = i % 6
            if kind == 0:
                v[1] = v[1].upper()
            elif kind == 1:
                v[1] = "  " + v[1].replace(" ", "  ", 1) + " "
            elif kind == 2:
                v[1] = ""                      # acronym only
            elif kind == 3:
                v[2] = ""                      # full name only
            elif kind == 4:
                v[1] = v[1].lower()
                v[2] = v[2].lower()
            else:
                pass                           # exact copy
            variants.append(v)
        rows.extend(year_rows + variants)
    return rows


# ---------------------------------------------------------------------------
# Bilateral funding 2017-2020
# ---------------------------------------------------------------------------

DONORS = ["Donor A", "Donor B", "Donor C", "Donor D", "Donor E", "Donor F"]
DONOR_WEIGHTS = [30, 22, 16, 13, 11, 8]
CLUSTER_WEIGHTS = [14, 14, 12, 13, 12, 8, 10, 8, 9]

# Counted funding (paid/commitment/blank status, incoming/blank boundary), USD.
REGION_TOTALS = {       # KRI, Baghdad, unallocated, North/Centre
    2017: {"KRI": 95_000_000, "Baghdad": 28_000_000, "UNALLOC": 60_000_000, "NC": 396_000_000},
    2018: {"KRI": 60_000_000, "Baghdad": 25_000_000, "UNALLOC": 52_000_000, "NC": 357_000_000},
    2019: {"KRI": 36_000_000, "Baghdad": 22_000_000, "UNALLOC": 45_000_000, "NC": 327_000_000},
    2020: {"KRI": 21_000_000, "Baghdad": 16_000_000, "UNALLOC": 33_000_000, "NC": 250_000_000},
}
KRI_SPLIT = {"Duhok": 0.45, "Erbil": 0.35, "Al-Sulaymaniyah": 0.20}
NC_SPLIT = {"Ninewa": 0.46, "Al-Anbar": 0.20, "Salah Al-Din": 0.15, "Kirkuk": 0.11, "Diyala": 0.08}
SOUTH_SMALL = {
    2017: {"Kerbala": 320_000, "Babil": 250_000, "Al-Najaf": 150_000},
    2018: {"Kerbala": 200_000, "Al-Najaf": 150_000, "Babil": 120_000},
    2019: {"Kerbala": 250_000, "Al-Najaf": 180_000},
    2020: {"Kerbala": 150_000, "Al-Najaf": 120_000, "Babil": 100_000},
}
BASRA_RESPONSE_2018 = 4_800_000          # WASH/Health, Sep-Dec 2018
MULTI_LOCATIONS = ["Ninewa;Al-Anbar;Salah Al-Din", "Ninewa;Kirkuk", "Erbil;Duhok;Al-Sulaymaniyah",
                   "Diyala;Salah Al-Din;Kirkuk", "Al-Anbar;Baghdad", "Ninewa;Duhok"]
USD_PER_ROW = 4_000_000


def funding(rng, orgs):
    recipients = [o["name"] for o in orgs["INGO"] + orgs["NNGO"]]
    rows = []   # [year, date, donor, recipient, cluster, governorate, cents, status, boundary]

    def add(year, gov, total, n=None, clusters=None, cluster_w=None, window=((1, 1), (12, 31)),
            donors=None):
        n = n or min(40, max(1, round(total / USD_PER_ROW)))
        for cents in split_amount(rng, total, n):
            cl = (weighted_choice(rng, clusters or CLUSTERS, cluster_w or CLUSTER_WEIGHTS)
                  if rng.random() > 0.05 or clusters else "")
            donor = weighted_choice(rng, donors or DONORS, DONOR_WEIGHTS[:len(donors or DONORS)])
            status = weighted_choice(rng, ["paid", "commitment", ""], [70, 25, 5])
            boundary = weighted_choice(rng, ["incoming", ""], [75, 25])
            recipient = rng.choice(recipients) if rng.random() < 0.7 else ""
            date = random_date(rng, year, *window)
            rows.append([year, date.isoformat(), donor, recipient, cl, gov, cents, status, boundary])

    for year in YEARS:
        t = REGION_TOTALS[year]
        for g, share in KRI_SPLIT.items():
            add(year, g, int(t["KRI"] * share))
        for g, share in NC_SPLIT.items():
            add(year, g, int(t["NC"] * share))
        add(year, "Baghdad", t["Baghdad"])
        for g, amount in SOUTH_SMALL[year].items():
            add(year, g, amount, n=1, clusters=["Protection", "Education", "Health"], cluster_w=[2, 1, 1])
        if year == 2018:
            add(year, "Al-Basrah", BASRA_RESPONSE_2018, n=9, clusters=["WASH", "Health"],
                cluster_w=[2, 1], window=((9, 1), (12, 31)))
        # unallocated: country level and multi-governorate
        country = int(t["UNALLOC"] * 0.55)
        add(year, "Iraq", country, n=7)
        multi_parts = split_amount(rng, t["UNALLOC"] - country, 5)
        for cents in multi_parts:
            loc = rng.choice(MULTI_LOCATIONS)
            rows.append([year, random_date(rng, year).isoformat(), weighted_choice(rng, DONORS, DONOR_WEIGHTS),
                         rng.choice(recipients) if rng.random() < 0.5 else "",
                         weighted_choice(rng, CLUSTERS, CLUSTER_WEIGHTS), loc, cents,
                         weighted_choice(rng, ["paid", "commitment"], [70, 30]), "incoming"])

    # A handful of flows the engine must NOT count: pledges and internal flows.
    excluded = [
        (2017, "Ninewa", 3_000_000, "pledge", "incoming"),
        (2018, "Iraq", 2_500_000, "pledge", ""),
        (2018, "Al-Anbar", 1_200_000, "pledge", "incoming"),
        (2019, "Salah Al-Din", 1_500_000, "pledge", "incoming"),
        (2020, "Ninewa", 2_000_000, "pledge", ""),
        (2017, "Erbil", 800_000, "paid", "internal"),
        (2018, "Ninewa", 1_000_000, "paid", "internal"),
        (2019, "Kirkuk", 450_000, "commitment", "internal"),
        (2020, "Duhok", 300_000, "paid", "internal"),
    ]
    for year, gov, usd, status, boundary in excluded:
        rows.append([year, random_date(rng, year).isoformat(), weighted_choice(rng, DONORS, DONOR_WEIGHTS),
                     rng.choice(recipients), weighted_choice(rng, CLUSTERS, CLUSTER_WEIGHTS), gov,
                     usd * 100, status, boundary])

    rows.sort(key=lambda r: (r[0], r[1], r[5], r[2]))
    out = []
    for i, r in enumerate(rows, 1):
        year, date, donor, recipient, cl, gov, cents, status, boundary = r
        # about 6 % of rows give only the date (budget year blank)
        year_field = "" if (rng.random() < 0.06 and status != "pledge") else str(year)
        out.append([year_field, date, donor, recipient, cl, gov, fmt_cents(cents), status,
                    boundary, f"ILLUS-F-{year}-{i:04d}"])
    return out


# ---------------------------------------------------------------------------
# Cluster people in need 2019-2020
# ---------------------------------------------------------------------------

CLUSTER_PIN_RANGES = {
    "Protection": (0.55, 0.85), "Health": (0.40, 0.75), "Food Security": (0.10, 0.35),
    "Shelter/NFI": (0.20, 0.50), "WASH": (0.30, 0.60), "Education": (0.15, 0.40),
    "CCCM": (0.05, 0.30), "Emergency Livelihoods": (0.20, 0.50), "Multi-Purpose Cash": (0.10, 0.30),
}
CAMP_GOVS = set(KRI + NORTH_CENTRE + ["Baghdad"])


def read_intersectoral(path):
    with open(path, encoding="utf-8", newline="") as f:
        return {r["governorate"]: r["people_in_need"] for r in csv.DictReader(f)}


def cluster_need(rng, out_dir):
    rows = []
    for year, fname in ((2019, "need-2019-hrp.csv"), (2020, "need-2020-hno.csv")):
        pin = read_intersectoral(os.path.join(out_dir, fname))
        for g in ALL_GOVS:
            if not pin.get(g):
                continue              # not reported (Al-Muthanna 2020): no cluster rows either
            total = int(pin[g])
            for c in CLUSTERS:
                if c == "CCCM" and g not in CAMP_GOVS:
                    continue
                lo, hi = CLUSTER_PIN_RANGES[c]
                p = int(total * rng.uniform(lo, hi))
                if p < 1:
                    continue
                assert p <= total
                targeted = int(p * rng.uniform(0.35, 0.75))
                reached = str(int(targeted * rng.uniform(0.5, 1.0))) if year == 2019 else ""
                rows.append([year, g, c, p, targeted, reached])
    return rows


# ---------------------------------------------------------------------------
# Security incidents 2018
# ---------------------------------------------------------------------------

INCIDENT_GOVS = {"Kirkuk": 22, "Diyala": 22, "Salah Al-Din": 20, "Ninewa": 20, "Al-Anbar": 16}
INCIDENT_TYPES = {"IED": 40, "Ambush/armed attack": 25, "Mortar/rocket": 10, "Abduction": 10, "Other": 15}
INCIDENTS_TOTAL = 1_950


def incidents(rng):
    month_w = [rng.uniform(0.8, 1.2) for _ in range(12)]
    cells = [(m, g, t) for m in range(1, 13) for g in INCIDENT_GOVS for t in INCIDENT_TYPES]
    weights = [month_w[m - 1] * INCIDENT_GOVS[g] * INCIDENT_TYPES[t] for m, g, t in cells]
    counts = {}
    for cell in rng.choices(cells, weights=weights, k=INCIDENTS_TOTAL):
        counts[cell] = counts.get(cell, 0) + 1
    rows = []
    for m, g, t in cells:
        n = counts.get((m, g, t), 0)
        if n:
            rows.append([dt.date(2018, m, 1).isoformat(), g, t, n])
    return rows


# ---------------------------------------------------------------------------
# Security incidents 2019
# ---------------------------------------------------------------------------

# Fewer incidents than in 2018 as the ISIS insurgency declined, concentrated in
# Kirkuk, Diyala and Salah Al-Din. Fixed totals per governorate, so that against
# the REAL 2019 PiN (need-2019-hrp.csv) these three are clearly above the
# access-constrained threshold of 20 incidents per 100,000 PiN and Ninewa and
# Al-Anbar (large PiN) clearly below it:
#   Kirkuk 250 / 450,058 = 55.5; Diyala 190 / 319,139 = 59.5;
#   Salah Al-Din 260 / 764,669 = 34.0; Ninewa 180 / 2,168,222 = 8.3;
#   Al-Anbar 120 / 1,352,562 = 8.9 (per 100,000 PiN).
INCIDENT_TOTALS_2019 = {"Kirkuk": 250, "Diyala": 190, "Salah Al-Din": 260, "Ninewa": 180, "Al-Anbar": 120}


def incidents_2019(rng):
    # gently falling through the year, with some month-to-month noise
    month_w = [(1.15 - 0.03 * (m - 1)) * rng.uniform(0.85, 1.15) for m in range(1, 13)]
    months = list(range(1, 13))
    types = list(INCIDENT_TYPES)
    counts = {}
    for g, total in INCIDENT_TOTALS_2019.items():
        cells = [(m, t) for m in months for t in types]
        weights = [month_w[m - 1] * INCIDENT_TYPES[t] for m, t in cells]
        for m, t in rng.choices(cells, weights=weights, k=total):
            counts[(m, g, t)] = counts.get((m, g, t), 0) + 1
    rows = []
    for m in months:
        for g in INCIDENT_GOVS:
            for t in types:
                n = counts.get((m, g, t), 0)
                if n:
                    rows.append([dt.date(2019, m, 1).isoformat(), g, t, n])
    return rows


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    orgs = build_organisations(random.Random(SEED))
    write_csv(os.path.join(out_dir, "funding-bilateral-illustrative-2017-2020.csv"), FUNDING_COLUMNS,
              funding(random.Random(SEED + 1), orgs))
    write_csv(os.path.join(out_dir, "presence-illustrative-2017-2020.csv"), PRESENCE_COLUMNS,
              presence(random.Random(SEED + 2), orgs))
    write_csv(os.path.join(out_dir, "need-clusters-illustrative-2019-2020.csv"), NEED_COLUMNS,
              cluster_need(random.Random(SEED + 3), out_dir))
    write_csv(os.path.join(out_dir, "incidents-illustrative-2018.csv"), INCIDENT_COLUMNS,
              incidents(random.Random(SEED + 4)))
    # Own generator (SEED + 5), so the files above keep their bytes.
    write_csv(os.path.join(out_dir, "incidents-illustrative-2019.csv"), INCIDENT_COLUMNS,
              incidents_2019(random.Random(SEED + 5)))


if __name__ == "__main__":
    main()
