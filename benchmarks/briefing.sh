#!/usr/bin/env bash
# Briefing workbook benchmark: export time and peak memory on the demo data and on the
# 1,000,000-row funding data of the import benchmark (benchmarks/run.sh), measured two ways:
# the CLI (`equity export`, a fresh process each time) and in one process as the web download
# runs it (benchmarks/BriefingBench: a first, cold export, then warm ones). See benchmarks/README.md.
#
#   bash benchmarks/briefing.sh
#
# Environment:
#   BENCH_ROWS=1000000   rows in the generated funding file
#   BENCH_RUNS=5         runs per measure (median reported; peak memory is the largest)
#   BENCH_NO_BUILD=1     skip the Release build
#   BENCH_KEEP=1         keep the temp folder (databases, workbooks, logs)
# Results are appended to benchmarks/results/briefing.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
ROWS="${BENCH_ROWS:-1000000}"
RUNS="${BENCH_RUNS:-5}"
YEAR=2019

source "$BENCH/common.sh"
need_packages sqlite3:sqlite3 /usr/bin/time:time

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-briefing-bench.XXXXXX")"
if [[ "${BENCH_KEEP:-0}" == 1 ]]; then trap 'echo "Kept: $TMP" >&2' EXIT; else trap 'rm -rf "$TMP"' EXIT; fi
export LC_NUMERIC=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 Equity__SeedFolder="$ROOT/seeds"

maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

cd "$ROOT"
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
    log "Building the CLI (Release)"
    dotnet build "$ROOT/src/EquityDashboard.Cli" -c Release -nologo -v q >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log" >&2; exit 1; }
    dotnet build "$BENCH/BriefingBench" -c Release -nologo -v q >"$TMP/build-bench.log" 2>&1 || { cat "$TMP/build-bench.log" >&2; exit 1; }
fi
DLL="$(find "$ROOT/src/EquityDashboard.Cli/bin/Release" -name equity.dll -path '*/net*/*' | head -n 1)"
[[ -f "$DLL" ]] || { echo "equity.dll not found under src/EquityDashboard.Cli/bin/Release" >&2; exit 1; }
HARNESS="$(find "$BENCH/BriefingBench/bin/Release" -name BriefingBench.dll -path '*/net*/*' | head -n 1)"
[[ -f "$HARNESS" ]] || { echo "BriefingBench.dll not found under benchmarks/BriefingBench/bin/Release" >&2; exit 1; }

# inprocess DB [GOVERNORATE]: sets P_COLD, P_WARM (ms) and P_PEAK (MB) from one BriefingBench process.
inprocess() {
    local line
    line=$(dotnet "$HARNESS" "$1" "$YEAR" "$RUNS" ${2:+"$2"})
    P_COLD=$(sed -n 's/.*cold_ms=\([0-9]*\).*/\1/p' <<<"$line")
    P_WARM=$(sed -n 's/.*warm_ms=\([0-9]*\).*/\1/p' <<<"$line")
    P_PEAK=$(sed -n 's/.*peak_mb=\([0-9]*\).*/\1/p' <<<"$line")
}
secs() { awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }'; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# measure LABEL DB ARGS...: RUNS exports after one warm-up run (not counted, fills the page cache).
# Sets M_WALL (median wall s), M_EXPORT (median export-only s, as the command reports it),
# M_RSS (largest peak RSS, kB), M_SIZE (workbook KiB) and M_ALL (raw wall times).
measure() {
    local label="$1" db="$2"; shift 2
    dotnet "$DLL" --db "$db" export --year "$YEAR" "$@" --out "$TMP/$label.xlsx" >/dev/null
    local walls=() exports=() rss=()
    for ((i = 1; i <= RUNS; i++)); do
        timed "${label}_$i" dotnet "$DLL" --db "$db" export --year "$YEAR" "$@" --out "$TMP/$label.xlsx"
        walls+=("$T"); rss+=("$RSS_KB")
        exports+=("$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' "$TMP/${label}_$i.out")")
    done
    M_WALL=$(median "${walls[@]}"); M_EXPORT=$(median "${exports[@]}"); M_RSS=$(maximum "${rss[@]}")
    M_SIZE=$(awk -v b="$(stat -c %s "$TMP/$label.xlsx")" 'BEGIN { printf "%.0f", b / 1024 }')
    M_ALL="${walls[*]}"
}

# Start-up: the same process with a command that writes no workbook (gaps as JSON), for reference.
startup() {
    local db="$1" times=()
    dotnet "$DLL" --db "$db" gaps --year "$YEAR" --format json >/dev/null
    for ((i = 1; i <= RUNS; i++)); do
        timed "gaps_$i" dotnet "$DLL" --db "$db" gaps --year "$YEAR" --format json
        times+=("$T")
    done
    median "${times[@]}"
}

log "Demo data: seeding"
dotnet "$DLL" --db "$TMP/demo.db" seed >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
log "Demo data: export --year $YEAR ($RUNS runs)"
measure demo "$TMP/demo.db"
D_WALL=$M_WALL D_EXPORT=$M_EXPORT D_RSS=$M_RSS D_SIZE=$M_SIZE D_ALL=$M_ALL
inprocess "$TMP/demo.db"
D_COLD=$(secs "$P_COLD") D_WARM=$(secs "$P_WARM") D_PEAK=$P_PEAK
measure demo_gov "$TMP/demo.db" --governorate Ninewa
G_WALL=$M_WALL G_EXPORT=$M_EXPORT G_RSS=$M_RSS G_SIZE=$M_SIZE
inprocess "$TMP/demo.db" Ninewa
G_COLD=$(secs "$P_COLD") G_WARM=$(secs "$P_WARM") G_PEAK=$P_PEAK
D_START=$(startup "$TMP/demo.db")

log "Large data: generating and importing $ROWS funding rows"
python3 "$BENCH/generate_funding.py" --rows "$ROWS" --out "$TMP/funding.csv"
dotnet "$DLL" --db "$TMP/big.db" import "$TMP/funding.csv" --kind funding --source bench >"$TMP/import.log" 2>&1 \
    || { cat "$TMP/import.log" >&2; exit 1; }
grep -q "Rows written: $ROWS" "$TMP/import.log" || { cat "$TMP/import.log" >&2; exit 1; }
log "Large data: export --year $YEAR ($RUNS runs)"
measure big "$TMP/big.db"
B_WALL=$M_WALL B_EXPORT=$M_EXPORT B_RSS=$M_RSS B_SIZE=$M_SIZE B_ALL=$M_ALL
inprocess "$TMP/big.db"
B_COLD=$(secs "$P_COLD") B_WARM=$(secs "$P_WARM") B_PEAK=$P_PEAK
B_START=$(startup "$TMP/big.db")

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain -- src Directory.Packages.props 2>/dev/null | grep -q . && echo " + uncommitted changes" || true)
CPU=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ { print $2; exit }')
OUT="$BENCH/results/briefing.md"
mkdir -p "$BENCH/results"
[[ -f "$OUT" ]] || printf '# Briefing workbook benchmark\n\nEach run of `bash benchmarks/briefing.sh` appends a section (newest last).\n' >"$OUT"
{
cat <<EOF

## $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT$DIRTY

${CPU:-unknown CPU}, $(nproc) CPUs, .NET SDK $(dotnet --version), Release build; load average $LOAD_START at start,
$(cut -d' ' -f1-3 /proc/loadavg) at end. Year $YEAR; medians of $RUNS runs.

- **in-process**: \`BriefingService.WriteAsync\` in one process, as the web download runs it
  (\`benchmarks/BriefingBench\`): the first export of the process (cold: EF Core and ClosedXML code
  loaded and compiled), then the median of $RUNS more (warm); peak working set of that process.
- **CLI**: \`equity export\` in a fresh process each run (after one warm-up run): the export time the
  command reports (always cold), the whole command (adds start-up and opening the database) and its
  peak RSS; "gaps" is \`equity gaps --format json\` on the same database, the start-up any command pays.

| data | workbook | in-process warm | in-process cold | peak (in-process) | CLI export | CLI whole command | gaps | CLI peak RSS | size |
|---|---|---|---|---|---|---|---|---|---|
| demo (seeds/) | national | **$D_WARM s** | $D_COLD s | $D_PEAK MB | $D_EXPORT s | $D_WALL s | $D_START s | $(mb "$D_RSS") MB | $D_SIZE KiB |
| demo (seeds/) | \`--governorate Ninewa\` | $G_WARM s | $G_COLD s | $G_PEAK MB | $G_EXPORT s | $G_WALL s | | $(mb "$G_RSS") MB | $G_SIZE KiB |
| $ROWS generated funding rows | national | **$B_WARM s** | $B_COLD s | $B_PEAK MB | $B_EXPORT s | $B_WALL s | $B_START s | $(mb "$B_RSS") MB | $B_SIZE KiB |

| target | result | met |
|---|---|---|
| export < 1 s on the demo data (in-process, warm: the web download) | $D_WARM s | $(pass "$D_WARM < 1") |
| export < 1 s on the demo data (first export of a process) | $D_COLD s | $(pass "$D_COLD < 1") |

Raw whole-command times (s): demo $D_ALL; large $B_ALL.
EOF
} >>"$OUT"
tail -n 20 "$OUT"
log "Appended to ${OUT#"$ROOT"/}"
