#!/usr/bin/env bash
# Import and query benchmark for EquityDashboard. See benchmarks/README.md.
#
#   bash benchmarks/run.sh
#
# Environment:
#   BENCH_ROWS=1000000   rows in the generated funding file (figures are only comparable at 1M)
#   BENCH_RUNS=5         runs per query timing (median reported)
#   BENCH_IMPORT_ROUNDS=3 rounds of the import timings, ours and sqlite3's interleaved (medians reported)
#   BENCH_KEEP=1         keep the temp folder (CSV, databases, logs) and print its path
#   BENCH_NO_BUILD=1     skip the build (use the existing output)
#   BENCH_R2R=0          time a plain Release build instead of the ReadyToRun publish (the
#                        CLI as README's "Large imports" installs it; starts about 1 s sooner)
#   BENCH_REF=<git ref>  build a clean snapshot of that commit (git archive into the temp
#                        folder) instead of the working tree
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
ROWS="${BENCH_ROWS:-1000000}"
RUNS="${BENCH_RUNS:-5}"
IMPORT_ROUNDS="${BENCH_IMPORT_ROUNDS:-3}"
YEAR=2019

# --- tools -------------------------------------------------------------------------------
source "$BENCH/common.sh"
need_packages sqlite3:sqlite3 /usr/bin/time:time
for tool in dotnet python3 sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    trap 'echo "Kept: $TMP" >&2' EXIT
else
    trap 'rm -rf "$TMP"' EXIT
fi

# --- helpers (log, timed, median, pass: common.sh) --------------------------------------
# calc EXPR: floating-point arithmetic via awk
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }
# thousands separators for integers: 1234567 -> 1,234,567
fmt_int() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
export LC_NUMERIC=C

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. build ----------------------------------------------------------------------------
# By default the working tree is built. BENCH_REF=<git ref> builds a clean snapshot of that
# commit in the temp folder instead (git archive; the checkout is not touched), e.g. to
# benchmark HEAD while src/ is being edited.
cd "$ROOT"
BUILD_ROOT="$ROOT"
if [[ -n "${BENCH_REF:-}" ]]; then
    BUILD_ROOT="$TMP/snapshot"
    mkdir -p "$BUILD_ROOT"
    git -C "$ROOT" archive --format=tar "$BENCH_REF" | tar -x -C "$BUILD_ROOT"
    log "Snapshot of $BENCH_REF ($(git -C "$ROOT" rev-parse --short "$BENCH_REF")) in $BUILD_ROOT"
fi
PUBLISH_DIR="$BUILD_ROOT/src/EquityDashboard.Cli/bin/bench-r2r"
if [[ "${BENCH_R2R:-1}" == 1 ]]; then
    BUILD_KIND="ReadyToRun publish"
    if [[ "${BENCH_NO_BUILD:-0}" != 1 || -n "${BENCH_REF:-}" ]]; then
        log "Publishing the CLI (Release, ReadyToRun)"
        dotnet publish "$BUILD_ROOT/src/EquityDashboard.Cli" -c Release -r linux-x64 --self-contained false \
            -p:PublishReadyToRun=true -o "$PUBLISH_DIR" -nologo -v q >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log" >&2; exit 1; }
    fi
    EQUITY_DLL="$PUBLISH_DIR/equity.dll"
else
    BUILD_KIND="Release build"
    if [[ "${BENCH_NO_BUILD:-0}" != 1 || -n "${BENCH_REF:-}" ]]; then
        log "Building the CLI (Release)"
        dotnet build "$BUILD_ROOT/src/EquityDashboard.Cli" -c Release -nologo -v q >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log" >&2; exit 1; }
    fi
    EQUITY_DLL="$(find "$BUILD_ROOT/src/EquityDashboard.Cli/bin/Release" -name equity.dll -path '*/net*/*' 2>/dev/null | head -n 1)"
fi
[[ -f "$EQUITY_DLL" ]] || { echo "equity.dll not found ($BUILD_KIND)" >&2; exit 1; }
equity() { dotnet "$EQUITY_DLL" "$@"; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 2. data -----------------------------------------------------------------------------
CSV="$TMP/funding-bench.csv"
SMALL="$TMP/funding-10.csv"
log "Generating $ROWS funding rows"
python3 "$BENCH/generate_funding.py" --rows "$ROWS" --out "$CSV"
python3 "$BENCH/generate_funding.py" --rows 10 --seed 7 --out "$SMALL"
CSV_MB=$(calc "$(stat -c %s "$CSV") / 1048576" 1)

# --- 3-4. our import and sqlite3's, interleaved -----------------------------------------
# Each round times, one after the other: our start-up (a 10-row file), our import of the big
# file, sqlite3's .import of it into a plain table, and sqlite3 copying those rows into our
# flows table. As sqlite3's table is created before its .import is timed, our database is
# created (schema and migrations, `equity batches`) before our imports are timed; an import
# into a file that does not exist yet, which also creates the schema, is timed as well.
# Medians over the rounds are reported: on a shared machine single runs of sqlite3 varied
# from 1.8 to 3.0 s, which alone moved the ratio from 31 % to 47 %.
PLAIN_DB="$TMP/plain.db"
starts=(); imports=(); fresh=(); sqlites=(); schemas=(); RSS_START=0; RSS_IMPORT=0; RSS_SQLITE=0
for ((i = 1; i <= IMPORT_ROUNDS; i++)); do
    rm -f "$TMP"/startup.db* "$TMP"/bench.db* "$TMP"/fresh.db* "$PLAIN_DB" "$TMP"/schema.db*
    log "Round $i/$IMPORT_ROUNDS: start-up, import of $ROWS rows (existing and new database), sqlite3 .import, sqlite3 into our table"
    equity --db "$TMP/startup.db" batches >/dev/null
    timed "import_small_$i" dotnet "$EQUITY_DLL" --db "$TMP/startup.db" import "$SMALL" --kind funding --source bench
    starts+=("$T"); ((RSS_KB > RSS_START)) && RSS_START=$RSS_KB

    equity --db "$TMP/bench.db" batches >/dev/null
    timed "import_$i" dotnet "$EQUITY_DLL" --db "$TMP/bench.db" import "$CSV" --kind funding --source bench
    imports+=("$T"); ((RSS_KB > RSS_IMPORT)) && RSS_IMPORT=$RSS_KB
    grep -q "Rows written: $ROWS" "$TMP/import_$i.out" || { echo "import did not write $ROWS rows:" >&2; cat "$TMP/import_$i.out" >&2; exit 1; }

    timed "import_fresh_$i" dotnet "$EQUITY_DLL" --db "$TMP/fresh.db" import "$CSV" --kind funding --source bench
    fresh+=("$T")

    sqlite3 "$PLAIN_DB" "CREATE TABLE funding_plain(year INT, date TEXT, donor TEXT, recipient TEXT, cluster TEXT, governorate TEXT, amount_usd REAL, status TEXT, boundary TEXT, source_id TEXT);"
    timed "sqlite_import_$i" sqlite3 "$PLAIN_DB" ".import --csv --skip 1 $CSV funding_plain"
    sqlites+=("$T"); ((RSS_KB > RSS_SQLITE)) && RSS_SQLITE=$RSS_KB
    PLAIN_ROWS=$(sqlite3 "$PLAIN_DB" "SELECT COUNT(*) FROM funding_plain;")
    [[ "$PLAIN_ROWS" == "$ROWS" ]] || { echo "sqlite3 imported $PLAIN_ROWS rows, expected $ROWS" >&2; exit 1; }

    # SQLite alone writing the parsed rows into our flows table (batch index, foreign key,
    # WAL journal): a copy of the start-up database (schema and one batch), no validation.
    cp "$TMP/startup.db" "$TMP/schema.db"
    timed "sqlite_schema_$i" sqlite3 "$TMP/schema.db" "PRAGMA foreign_keys=ON; ATTACH '$PLAIN_DB' AS p; BEGIN;
INSERT INTO FundingRecords (BatchId, Year, Date, Donor, Recipient, Cluster, GovernoratePcode, Locations, AmountUsd, Status, Boundary, SourceId)
SELECT 1, year, NULLIF(date, ''), donor, NULLIF(recipient, ''), NULLIF(cluster, ''), NULL, governorate, amount_usd, status, boundary, source_id FROM p.funding_plain;
COMMIT;"
    schemas+=("$T")
done
T_START=$(median "${starts[@]}")
T_IMPORT=$(median "${imports[@]}")
T_FRESH=$(median "${fresh[@]}")
T_SQLITE=$(median "${sqlites[@]}")
T_SQLITE_SCHEMA=$(median "${schemas[@]}")
RATE_IMPORT=$(calc "$ROWS / $T_IMPORT" 0)
RATE_IMPORT_NET=$(calc "$ROWS / ($T_IMPORT - $T_START)" 0)
DB_MB=$(calc "$(stat -c %s "$TMP/bench.db") / 1048576" 1)
RATE_SQLITE=$(calc "$ROWS / $T_SQLITE" 0)
RATIO_IMPORT=$(calc "100 * $RATE_IMPORT / $RATE_SQLITE" 0)
RATIO_IMPORT_NET=$(calc "100 * $RATE_IMPORT_NET / $RATE_SQLITE" 0)
RATIO_FRESH=$(calc "100 * $T_SQLITE / $T_FRESH" 0)
T_SQLITE_OURS=$(calc "$T_SQLITE + $T_SQLITE_SCHEMA")
RATIO_SCHEMA_NET=$(calc "100 * $T_SQLITE_OURS / ($T_IMPORT - $T_START)" 0)
IMPORT_RAW="ours: ${imports[*]}; ours into a new file: ${fresh[*]}; start-up: ${starts[*]}; sqlite3 .import: ${sqlites[*]}; sqlite3 into our table: ${schemas[*]}"

# --- 5. gaps query vs plain SQL ----------------------------------------------------------
# One warm-up run each (not counted): creates the empty database, fills the page cache.
log "gaps --year $YEAR: $RUNS runs on an empty database, $RUNS on the bench database"
equity --db "$TMP/empty.db" gaps --year "$YEAR" --format json >/dev/null
equity --db "$TMP/bench.db" gaps --year "$YEAR" --format json >/dev/null
gaps_empty=(); gaps_full=(); gaps_rss=()
for ((i = 1; i <= RUNS; i++)); do
    timed "gaps_empty_$i" dotnet "$EQUITY_DLL" --db "$TMP/empty.db" gaps --year "$YEAR" --format json
    gaps_empty+=("$T")
    timed "gaps_$i" dotnet "$EQUITY_DLL" --db "$TMP/bench.db" gaps --year "$YEAR" --format json
    gaps_full+=("$T"); gaps_rss+=("$RSS_KB")
done
T_GAPS_EMPTY=$(median "${gaps_empty[@]}")
T_GAPS=$(median "${gaps_full[@]}")
RSS_GAPS=$(printf '%s\n' "${gaps_rss[@]}" | sort -n | tail -n 1)
T_GAPS_NET=$(calc "$T_GAPS - $T_GAPS_EMPTY")

SQL="SELECT CASE WHEN governorate = '' OR governorate = 'Iraq' OR instr(governorate, ';') > 0 THEN '(unallocated)' ELSE governorate END AS g,
       SUM(amount_usd) AS total
FROM funding_plain
WHERE year = $YEAR AND status != 'pledge' AND boundary IN ('incoming', '')
GROUP BY g ORDER BY g;"
log "Plain SQL aggregation in sqlite3: $RUNS runs"
sqlite3 "$PLAIN_DB" "$SQL" >/dev/null
sql_times=()
for ((i = 1; i <= RUNS; i++)); do
    timed "sql_$i" sqlite3 "$PLAIN_DB" "$SQL"
    sql_times+=("$T")
done
T_SQL=$(median "${sql_times[@]}")
RATIO_GAPS=$(calc "$T_GAPS_NET / $T_SQL" 1)
RATIO_GAPS_TOTAL=$(calc "$T_GAPS / $T_SQL" 1)

# Cross-check: the 2019 totals of both paths agree (gaps JSON vs plain SQL), to the dollar.
CHECK=$(python3 - "$TMP/gaps_1.out" "$TMP/sql_1.out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
def walk(o, path=""):
    if isinstance(o, dict):
        for k, v in o.items(): yield from walk(v, path + "." + k)
    elif isinstance(o, list):
        for v in o: yield from walk(v, path + "[]")
    else:
        yield path, o
sql = {}
for line in open(sys.argv[2], encoding="utf-8"):
    g, total = line.rstrip("\n").rsplit("|", 1)
    sql[g] = float(total)
allocated = sum(v for k, v in sql.items() if k != "(unallocated)")
unallocated = sql.get("(unallocated)", 0.0)
numbers = [v for _, v in walk(doc) if isinstance(v, (int, float)) and not isinstance(v, bool)]
def found(x): return any(abs(n - x) < 1.0 for n in numbers)
print("ok" if found(unallocated) and all(found(v) for k, v in sql.items() if k != "(unallocated)")
      else f"not found in gaps JSON (allocated {allocated:.2f}, unallocated {unallocated:.2f})")
PY
) || CHECK="check failed to run"

# --- 6. report ---------------------------------------------------------------------------
MEM_TOTAL=$(free -m | awk '/^Mem:/ { printf "%.1f GiB", $2 / 1024 }')
CPU=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ { print $2; exit }')
if [[ -n "${BENCH_REF:-}" ]]; then
    COMMIT="$(git -C "$ROOT" rev-parse --short "$BENCH_REF") (clean snapshot, \`BENCH_REF=$BENCH_REF\`)"; DIRTY=""
else
    COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    DIRTY=$(git -C "$ROOT" status --porcelain -- src Directory.Build.props Directory.Packages.props 2>/dev/null | grep -q . && echo " + uncommitted changes in the working tree" || true)
fi
RSS_IMPORT_MB=$(calc "$RSS_IMPORT / 1024" 0)

mkdir -p "$BENCH/results"
OUT="$BENCH/results/latest.md"
{
cat <<EOF
# Benchmark results

Run by \`bash benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC').

| machine | |
|---|---|
| CPU | ${CPU:-unknown}, $(nproc) logical CPUs (\`nproc\`) |
| memory | $MEM_TOTAL |
| load average | $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end (other work on the machine skews timings) |
| .NET SDK | $(dotnet --version) ($BUILD_KIND) |
| SQLite shell | $(sqlite3 --version | cut -d' ' -f1) |
| commit | $COMMIT$DIRTY |
| data | $(fmt_int "$ROWS") generated funding rows, $CSV_MB MiB CSV (\`generate_funding.py\`, fixed seed) |

## Import (median of $IMPORT_ROUNDS rounds, ours and sqlite3 interleaved)

| measure | value |
|---|---|
| \`equity import\` wall time (empty database, incl. start-up) | $T_IMPORT s |
| start-up (\`equity import\` of a 10-row file, empty database) | $T_START s |
| \`equity import\` into a file that does not exist yet (creates the schema too) | $T_FRESH s (ratio to sqlite3: $RATIO_FRESH %) |
| **\`equity import\` rate** | **$(fmt_int "$RATE_IMPORT") rows/s** |
| \`equity import\` rate, start-up subtracted | $(fmt_int "$RATE_IMPORT_NET") rows/s |
| sqlite3 \`.import --csv\` into a plain table (no indexes) | $T_SQLITE s, **$(fmt_int "$RATE_SQLITE") rows/s** |
| **ratio ours / sqlite3** | **$RATIO_IMPORT %** ($RATIO_IMPORT_NET % with start-up subtracted) |
| sqlite3 \`INSERT ... SELECT\` of those parsed rows into our flows table (batch index, foreign key, WAL) | $T_SQLITE_SCHEMA s |
| sqlite3 into our table: \`.import\` + that insert, no validation | $T_SQLITE_OURS s: ours (start-up subtracted) runs at **$RATIO_SCHEMA_NET %** of that rate |
| **peak RSS of \`equity import\`** | **$RSS_IMPORT_MB MB** ($(fmt_int "$RSS_IMPORT") kB; 10-row import: $(calc "$RSS_START / 1024" 0) MB; sqlite3: $(calc "$RSS_SQLITE / 1024" 0) MB) |
| database size after import | $DB_MB MiB |

## Gaps query (year $YEAR, median of $RUNS runs after one warm-up)

| measure | value |
|---|---|
| \`equity gaps --format json\` on the $(fmt_int "$ROWS")-row db | $T_GAPS s (peak RSS $(calc "$RSS_GAPS / 1024" 0) MB) |
| same command on an empty db (start-up) | $T_GAPS_EMPTY s |
| **\`equity gaps\` query-only** (difference) | **$T_GAPS_NET s** |
| **plain SQL in sqlite3** (per-governorate SUM + unallocated, whole process) | **$T_SQL s** |
| **ratio ours (query-only) / plain SQL** | **${RATIO_GAPS}x** (${RATIO_GAPS_TOTAL}x including start-up) |
| totals agree (gaps JSON vs plain SQL) | $CHECK |

## Targets

| target | result | met |
|---|---|---|
| import >= 50 % of sqlite3 \`.import\` rate | $RATIO_IMPORT % | $(pass "$RATIO_IMPORT >= 50") |
| peak memory of the import < 400 MB | $RSS_IMPORT_MB MB | $(pass "$RSS_IMPORT_MB < 400") |
| gaps query within 2x of plain SQL (query-only) | ${RATIO_GAPS}x | $(pass "$RATIO_GAPS <= 2") |

Raw timings (s), import: $IMPORT_RAW. Gaps on bench db: ${gaps_full[*]}; gaps on empty db: ${gaps_empty[*]}; plain SQL: ${sql_times[*]}.
EOF
} >"$OUT"

# Copy the figures into the README between its markers.
python3 - "$BENCH/README.md" "$OUT" <<'PY'
import sys, re
readme, latest = sys.argv[1], sys.argv[2]
try:
    text = open(readme, encoding="utf-8").read()
except FileNotFoundError:
    sys.exit(0)
body = open(latest, encoding="utf-8").read().split("\n", 1)[1].strip()
body = re.sub(r"^## ", "### ", body, flags=re.M)
new = re.sub(r"(<!-- latest:start -->\n).*?(\n<!-- latest:end -->)", lambda m: m.group(1) + body + m.group(2), text, flags=re.S)
if new != text:
    open(readme, "w", encoding="utf-8").write(new)
PY

echo
cat "$OUT"
echo
log "Written to ${OUT#"$ROOT"/}"
