#!/usr/bin/env bash
# What the district level costs the 1M-row funding import and the gaps query: the CLI before
# districts (BASE, a commit) against the CLI of the working tree, in one run, interleaved.
# Writes benchmarks/results/districts.md (see benchmarks/README.md, "The district level").
#
#   bash benchmarks/districts.sh
#
# Environment:
#   DISTRICTS_BASE=ac03083   the commit before the district level (the last one without it)
#   DISTRICTS_ROWS=1000000   rows in the generated funding files
#   DISTRICTS_ROUNDS=3       rounds of the three imports (medians reported)
#   DISTRICTS_RUNS=5         runs per gaps query (median reported, after one warm-up)
#   DISTRICTS_KEEP=1         keep the temp folder
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${DISTRICTS_BASE:-ac03083}"
ROWS="${DISTRICTS_ROWS:-1000000}"
ROUNDS="${DISTRICTS_ROUNDS:-3}"
RUNS="${DISTRICTS_RUNS:-5}"
OUT="$ROOT/benchmarks/results/districts.md"
source "$ROOT/benchmarks/common.sh"
need_packages /usr/bin/time:time
export LC_NUMERIC=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-districts.XXXXXX")"
if [[ "${DISTRICTS_KEEP:-0}" == 1 ]]; then trap 'echo "Kept: $TMP" >&2' EXIT; else trap 'rm -rf "$TMP"' EXIT; fi
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# Both CLIs as README's "Large imports" installs them (ReadyToRun); BASE from a clean snapshot.
publish() {
    dotnet publish "$1/src/EquityDashboard.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$2" -nologo -v q >"$TMP/build-$(basename "$2").log" 2>&1 || { cat "$TMP/build-$(basename "$2").log" >&2; exit 1; }
}
mkdir -p "$TMP/base-src"
git -C "$ROOT" archive --format=tar "$BASE" | tar -x -C "$TMP/base-src"
log "Publishing the CLI at $BASE (before districts) and of the working tree"
publish "$TMP/base-src" "$TMP/base"
publish "$ROOT" "$TMP/head"

log "Generating $ROWS rows, without and with a district column"
python3 "$ROOT/benchmarks/generate_funding.py" --rows "$ROWS" --out "$TMP/plain.csv"
python3 "$ROOT/benchmarks/generate_funding.py" --rows "$ROWS" --districts --out "$TMP/districts.csv"

# import NAME CLI-FOLDER FILE: into a database whose schema exists already (as run.sh times it).
import_into() {
    local name="$1" cli="$2" file="$3" db="$TMP/$1.db"
    rm -f "$db"*
    dotnet "$cli/equity.dll" --db "$db" batches >/dev/null
    timed "$name" dotnet "$cli/equity.dll" --db "$db" import "$file" --kind funding --source bench
    grep -q "Rows written: $ROWS" "$TMP/$name.out" || { echo "$name did not write $ROWS rows" >&2; cat "$TMP/$name.out" >&2; exit 1; }
}
base_times=(); head_times=(); head_district_times=()
for ((i = 1; i <= ROUNDS; i++)); do
    log "Round $i/$ROUNDS"
    import_into base "$TMP/base" "$TMP/plain.csv"; base_times+=("$T")
    import_into head "$TMP/head" "$TMP/plain.csv"; head_times+=("$T")
    import_into head-districts "$TMP/head" "$TMP/districts.csv"; head_district_times+=("$T")
done

# gaps NAME CLI-FOLDER DB: median of RUNS after a warm-up, the JSON of the last run kept.
gaps() {
    local name="$1" cli="$2" db="$3" times=()
    dotnet "$cli/equity.dll" --db "$db" gaps --year 2019 --format json >/dev/null
    for ((r = 1; r <= RUNS; r++)); do
        timed "gaps-$name" dotnet "$cli/equity.dll" --db "$db" gaps --year 2019 --format json
        times+=("$T")
    done
    median "${times[@]}"
}
log "Gaps queries"
gaps_base=(); gaps_head=(); gaps_districts=()
for ((i = 1; i <= 2; i++)); do
    gaps_base+=("$(gaps base "$TMP/base" "$TMP/base.db")")
    gaps_head+=("$(gaps head "$TMP/head" "$TMP/head.db")")
    gaps_districts+=("$(gaps districts "$TMP/head" "$TMP/head-districts.db")")
done
# The figures must not move: the same file gives the same governorate totals before and after,
# and the file with districts the same totals again (the districts only split them).
totals() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(sorted((g["pcode"], round(g["fundingUsd"], 2)) for g in d["governorates"])))' "$1"; }
[[ "$(totals "$TMP/gaps-base.out")" == "$(totals "$TMP/gaps-head.out")" ]] || { echo "governorate funding differs between base and head" >&2; exit 1; }
[[ "$(totals "$TMP/gaps-head.out")" == "$(totals "$TMP/gaps-districts.out")" ]] || { echo "governorate funding differs with districts" >&2; exit 1; }
district_rows=$(sqlite3 "$TMP/head-districts.db" "SELECT COUNT(*) FROM FundingRecords WHERE DistrictPcode IS NOT NULL;" 2>/dev/null || echo "?")
district_totals=$(sqlite3 "$TMP/head-districts.db" "SELECT (SELECT COUNT(*) FROM FundingDistrictTotals) || ' district totals beside ' || (SELECT COUNT(*) FROM FundingTotals) || ' governorate totals';" 2>/dev/null || echo "?")

b=$(median "${base_times[@]}"); h=$(median "${head_times[@]}"); hd=$(median "${head_district_times[@]}")
gb=$(median "${gaps_base[@]}"); gh=$(median "${gaps_head[@]}"); gd=$(median "${gaps_districts[@]}")
rate() { awk -v s="$1" -v n="$ROWS" 'BEGIN { printf "%\047d", n / s }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.1f %%", 100 * (a - b) / b }'; }
within() { pass "$1 <= 1.10 * $2"; }
{
    echo "# The district level: import and gaps query before and after"
    echo
    echo "Run by \`bash benchmarks/districts.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC; base commit $BASE, head $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" status --porcelain -- src | grep -q . && echo ' (with uncommitted changes)')."
    echo "Machine: $(nproc) logical CPUs, load average $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end."
    echo "$ROWS generated funding rows (\`generate_funding.py\`, the same rows with and without a \`district\` column);"
    echo "each import into a database whose schema exists, ReadyToRun CLIs, $ROUNDS rounds interleaved (medians);"
    echo "gaps: \`gaps --year 2019 --format json\`, median of $RUNS after a warm-up, twice interleaved (median of the two)."
    echo
    echo "| measure | before districts ($BASE) | now, same file | now, file with districts | now with districts vs before | within 10 % |"
    echo "|---|---|---|---|---|---|"
    echo "| import wall time | $b s ($(rate "$b") rows/s) | $h s ($(rate "$h") rows/s) | $hd s ($(rate "$hd") rows/s) | $(pct "$hd" "$b") | $(within "$hd" "$b") |"
    echo "| gaps query (whole command) | $gb s | $gh s | $gd s | $(pct "$gd" "$gb") | $(within "$gd" "$gb") |"
    echo
    echo "Import rounds (s): before ${base_times[*]}; now ${head_times[*]}; now with districts ${head_district_times[*]}."
    echo "Gaps medians (s): before ${gaps_base[*]}; now ${gaps_head[*]}; now with districts ${gaps_districts[*]}."
    echo "With districts: $district_rows flows name a district; $district_totals."
    echo "The governorate totals of the three databases are equal to the cent (checked)."
} | tee "$OUT"
