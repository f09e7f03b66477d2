#!/usr/bin/env bash
# The importer and the gaps query on PostgreSQL, against what PostgreSQL does by itself, in one
# run: the CLI's import of the 1M-row funding file against psql's \copy of the same file into a
# plain table, and the gaps query against hand-written SQL for the same per-governorate totals.
# Writes benchmarks/results/postgres.md (see benchmarks/README.md, "PostgreSQL").
#
#   bash benchmarks/postgres.sh
#
# Environment:
#   EQUITY_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=equity;Password=equity"
#                          the server; its user must create databases (the script creates and drops its own)
#   EQUITY_BENCH_PG_LOG    the server's log file, to read the duration of each statement the app sends
#                          (default: the Debian cluster's /var/log/postgresql/postgresql-<major>-main.log
#                          when readable; without it those server-side times are left out)
#   PG_ROWS=1000000        rows in the generated funding file
#   PG_ROUNDS=3            rounds of the imports, the CLI's and psql's interleaved (medians reported)
#   PG_RUNS=5              runs per query timing (median reported, after one warm-up)
#   PG_KEEP=1              keep the temp folder and the databases
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${EQUITY_BENCH_POSTGRES:-Host=127.0.0.1;Port=5432;Username=equity;Password=equity}"
ROWS="${PG_ROWS:-1000000}"
ROUNDS="${PG_ROUNDS:-3}"
RUNS="${PG_RUNS:-5}"
YEAR=2019
OUT="$ROOT/benchmarks/results/postgres.md"
source "$ROOT/benchmarks/common.sh"
need_packages /usr/bin/time:time psql:postgresql-client
export LC_NUMERIC=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }
fmt_int() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

# libpq's settings from the connection string (Host, Port, Username, Password; Database is ours).
IFS=';' read -r -a parts <<<"$SERVER"
for part in "${parts[@]}"; do
    key="$(echo "${part%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"; value="${part#*=}"
    case "$key" in
        host|server) export PGHOST="$value" ;;
        port) export PGPORT="$value" ;;
        username|user|userid|"user id") export PGUSER="$value" ;;
        password) export PGPASSWORD="$value" ;;
    esac
done
export PGDATABASE=postgres PGOPTIONS="-c client_min_messages=warning"
psql -Atqc "SELECT 1" >/dev/null || { echo "No PostgreSQL server at $SERVER (EQUITY_BENCH_POSTGRES)" >&2; exit 1; }
PG_VERSION=$(psql -Atqc "SHOW server_version")
PG_MAJOR=$(psql -Atqc "SELECT current_setting('server_version_num')::int / 10000")

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-postgres.XXXXXX")"
PREFIX="equity_bench_$$"
DATABASES=()
cleanup() {
    if [[ "${PG_KEEP:-0}" == 1 ]]; then echo "Kept: $TMP and databases ${DATABASES[*]}" >&2; return; fi
    for db in "${DATABASES[@]}"; do psql -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
new_database() { psql -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\"" >/dev/null; DATABASES+=("$1"); }
drop_database() { psql -qc "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# The CLI as README's "Large imports" installs it (ReadyToRun), configured as an operator would
# for PostgreSQL: Database__Provider and ConnectionStrings__Default.
log "Publishing the CLI (Release, ReadyToRun)"
dotnet publish "$ROOT/src/EquityDashboard.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$TMP/cli" -nologo -v q >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log" >&2; exit 1; }
# The CLI on database DB: `equity DB ARGS...`; `timed NAME env "$(cs DB)" dotnet "$CLI" ARGS...` times it.
export Database__Provider=PostgreSQL Equity__SeedDemoData=false
CLI="$TMP/cli/equity.dll"
cs() { echo "ConnectionStrings__Default=$SERVER;Database=$1"; }
equity() { local db="$1"; shift; env "$(cs "$db")" dotnet "$CLI" "$@"; }

log "Generating $ROWS funding rows"
CSV="$TMP/funding.csv"; SMALL="$TMP/funding-10.csv"; NEED="$ROOT/seeds/need-$YEAR-hrp.csv"
python3 "$ROOT/benchmarks/generate_funding.py" --rows "$ROWS" --out "$CSV"
python3 "$ROOT/benchmarks/generate_funding.py" --rows 10 --seed 7 --out "$SMALL"
CSV_MB=$(awk -v b="$(stat -c %s "$CSV")" 'BEGIN { printf "%.1f", b / 1048576 }')

# The plain table: the file's columns with the types the app stores them as, no index, no key.
PLAIN_TABLE="CREATE TABLE bench_plain(year integer, date date, donor text, recipient text, cluster text, governorate text,
  amount_usd numeric, status text, boundary text, source_id text)"

# --- import: the CLI against psql's \copy, interleaved ----------------------------------------
# Each round: the CLI's start-up (a 10-row file), the CLI's import of the big file, psql's \copy
# of it. Every database is created (and for the app migrated, `equity batches`) before its
# import is timed, as psql's table is created before its \copy.
starts=(); imports=(); copies=(); RSS_IMPORT=0
for ((i = 1; i <= ROUNDS; i++)); do
    log "Round $i/$ROUNDS: start-up, equity import of $ROWS rows, psql \\copy"
    app="${PREFIX}_app"; small="${PREFIX}_small"; plain="${PREFIX}_plain"
    new_database "$small"; equity "$small" batches >/dev/null
    timed "start_$i" env "$(cs "$small")" dotnet "$CLI" import "$SMALL" --kind funding --source bench
    starts+=("$T"); drop_database "$small"

    new_database "$app"; equity "$app" batches >/dev/null
    timed "import_$i" env "$(cs "$app")" dotnet "$CLI" import "$CSV" --kind funding --source bench
    imports+=("$T"); ((RSS_KB > RSS_IMPORT)) && RSS_IMPORT=$RSS_KB
    grep -q "Rows written: $ROWS" "$TMP/import_$i.out" || { echo "the import did not write $ROWS rows" >&2; cat "$TMP/import_$i.out" >&2; exit 1; }

    new_database "$plain"; psql -d "$plain" -qc "$PLAIN_TABLE"
    timed "copy_$i" psql -d "$plain" -v ON_ERROR_STOP=1 -qc "\\copy bench_plain FROM '$CSV' CSV HEADER"
    copies+=("$T")
    ((i == ROUNDS)) || { drop_database "$app"; drop_database "$plain"; }
done
APP_DB="${PREFIX}_app"; PLAIN_DB="${PREFIX}_plain"
PLAIN_ROWS=$(psql -d "$PLAIN_DB" -Atqc "SELECT count(*) FROM bench_plain")
[[ "$PLAIN_ROWS" == "$ROWS" ]] || { echo "psql copied $PLAIN_ROWS rows, not $ROWS" >&2; exit 1; }
APP_SIZE=$(psql -d "$APP_DB" -Atqc "SELECT pg_size_pretty(pg_database_size(current_database()))")
PLAIN_SIZE=$(psql -d "$PLAIN_DB" -Atqc "SELECT pg_size_pretty(pg_database_size(current_database()))")

# --- gaps: the app's query against hand-written SQL -------------------------------------------
# Both databases get the people in need of the year (the seed HRP file): the app by its import,
# the plain database by \copy into a table of the file's columns.
equity "$APP_DB" import "$NEED" --kind need --source "HRP $YEAR" >/dev/null
psql -d "$PLAIN_DB" -qc "CREATE TABLE bench_need(year integer, governorate text, cluster text, people_in_need bigint, targeted bigint, reached bigint)" \
    -c "\\copy bench_need FROM '$NEED' CSV HEADER"
EMPTY_DB="${PREFIX}_empty"; new_database "$EMPTY_DB"; equity "$EMPTY_DB" batches >/dev/null

# The funding the equity table counts for a governorate (docs/equity-metrics: paid and committed,
# incoming or unmarked, not internal), what names no single governorate as unallocated, and the
# intersectoral people in need.
HAND_SQL="WITH f AS (
  SELECT CASE WHEN governorate IS NULL OR governorate = 'Iraq' OR strpos(governorate, ';') > 0 THEN '(unallocated)' ELSE governorate END AS g,
         sum(amount_usd) AS usd
  FROM bench_plain
  WHERE year = $YEAR AND coalesce(status, '') <> 'pledge' AND coalesce(boundary, '') IN ('incoming', '')
  GROUP BY 1),
n AS (SELECT governorate AS g, sum(people_in_need) AS pin FROM bench_need WHERE year = $YEAR AND cluster IS NULL GROUP BY 1)
SELECT coalesce(f.g, n.g), coalesce(f.usd, 0), coalesce(n.pin, 0) FROM f FULL JOIN n USING (g) ORDER BY 1"

log "gaps --year $YEAR: $RUNS runs on the empty database and on the bench database, interleaved"
equity "$APP_DB" gaps --year "$YEAR" --format json >/dev/null
equity "$EMPTY_DB" gaps --year "$YEAR" --format json >/dev/null
gaps_full=(); gaps_empty=(); hand=(); hand_ms=()
for ((r = 1; r <= RUNS; r++)); do
    timed "gaps_empty_$r" env "$(cs "$EMPTY_DB")" dotnet "$CLI" gaps --year "$YEAR" --format json; gaps_empty+=("$T")
    timed "gaps_$r" env "$(cs "$APP_DB")" dotnet "$CLI" gaps --year "$YEAR" --format json; gaps_full+=("$T")
done
log "Hand-written SQL: $RUNS runs after a warm-up"
psql -d "$PLAIN_DB" -Atqc "$HAND_SQL" >/dev/null
for ((r = 1; r <= RUNS; r++)); do
    timed "hand_$r" psql -d "$PLAIN_DB" -At -F '|' -c '\timing on' -c "$HAND_SQL"
    hand+=("$T"); hand_ms+=("$(awk '/^Time: / { print $2 }' "$TMP/hand_$r.out" | tail -n 1)")
done
grep -v '^Time: \|^Timing is on' "$TMP/hand_1.out" >"$TMP/hand.rows"

# The server's own time for every statement of one gaps command and of the hand SQL: each
# database logs its statements with their durations (log_min_duration_statement = 0) for one
# more run, read from the server's log.
PG_LOG="${EQUITY_BENCH_PG_LOG:-/var/log/postgresql/postgresql-$PG_MAJOR-main.log}"
SERVER_APP="n/a"; SERVER_APP_ALL="n/a"; SERVER_EMPTY="n/a"; SERVER_HAND="n/a"; SERVER_STATEMENTS=""
if [[ -r "$PG_LOG" ]]; then
    for db in "$APP_DB" "$EMPTY_DB" "$PLAIN_DB"; do psql -qc "ALTER DATABASE \"$db\" SET log_min_duration_statement = 0"; done
    server_time() { # server_time DB FROM-BYTE: total ms of the statements DB logged after FROM-BYTE; the statements to $TMP/DB.statements
        tail -c +"$(($2 + 1))" "$PG_LOG" | awk -v db="@$1 " -v out="$TMP/$1.statements" '
            index($0, db) && match($0, /duration: [0-9.]+ ms/) {
                ms = substr($0, RSTART + 10, RLENGTH - 13); total += ms
                text = substr($0, RSTART + RLENGTH); sub(/^ +/, "", text); printf "%8.3f ms  %s\n", ms, substr(text, 1, 160) >> out
            }
            END { printf "%.3f", total }'
    }
    before=$(stat -c %s "$PG_LOG"); equity "$APP_DB" gaps --year "$YEAR" --format json >/dev/null; sleep 0.5
    SERVER_APP_ALL=$(server_time "$APP_DB" "$before")
    before=$(stat -c %s "$PG_LOG"); equity "$EMPTY_DB" gaps --year "$YEAR" --format json >/dev/null; sleep 0.5
    SERVER_EMPTY=$(server_time "$EMPTY_DB" "$before")
    SERVER_APP=$(calc "$SERVER_APP_ALL - $SERVER_EMPTY")
    before=$(stat -c %s "$PG_LOG"); psql -d "$PLAIN_DB" -Atqc "$HAND_SQL" >/dev/null; sleep 0.5
    SERVER_HAND=$(server_time "$PLAIN_DB" "$before")
    for db in "$APP_DB" "$EMPTY_DB" "$PLAIN_DB"; do psql -qc "ALTER DATABASE \"$db\" RESET log_min_duration_statement"; done
    SERVER_STATEMENTS=$(sort -rn "$TMP/$APP_DB.statements" 2>/dev/null | sed 's/^/    /' | awk 'NR <= 8')
    [[ "$SERVER_APP_ALL" != "0.000" ]] || SERVER_APP="n/a"
    [[ "$SERVER_HAND" != "0.000" ]] || SERVER_HAND="n/a"
fi

# The two answers must agree: every governorate's funding and people in need, and the unallocated
# funding, to the dollar.
CHECK=$(python3 - "$TMP/gaps_1.out" "$TMP/hand.rows" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
app = {g["governorate"]: (g["fundingUsd"], g["need"] or 0) for g in doc["governorates"]}
bad = []
for line in open(sys.argv[2], encoding="utf-8"):
    name, usd, pin = line.rstrip("\n").split("|")
    if name == "(unallocated)":
        if abs(doc["unallocatedUsd"] - float(usd)) >= 1: bad.append(f"unallocated {doc['unallocatedUsd']} vs {usd}")
        continue
    got = app.get(name)
    if got is None or abs(got[0] - float(usd)) >= 1 or got[1] != int(pin): bad.append(f"{name}: app {got}, SQL {usd}, {pin}")
print("ok: 18 governorates and the unallocated funding" if not bad else "differ: " + "; ".join(bad))
PY
)

# --- report -----------------------------------------------------------------------------------
T_START=$(median "${starts[@]}"); T_IMPORT=$(median "${imports[@]}"); T_COPY=$(median "${copies[@]}")
RATE_IMPORT=$(calc "$ROWS / $T_IMPORT" 0); RATE_NET=$(calc "$ROWS / ($T_IMPORT - $T_START)" 0); RATE_COPY=$(calc "$ROWS / $T_COPY" 0)
RATIO_IMPORT=$(calc "100 * $RATE_IMPORT / $RATE_COPY" 0); RATIO_NET=$(calc "100 * $RATE_NET / $RATE_COPY" 0)
T_GAPS=$(median "${gaps_full[@]}"); T_GAPS_EMPTY=$(median "${gaps_empty[@]}"); T_GAPS_NET=$(calc "$T_GAPS - $T_GAPS_EMPTY")
T_HAND=$(median "${hand[@]}"); T_HAND_MS=$(median "${hand_ms[@]}")
GAPS_NET_MS=$(calc "1000 * $T_GAPS_NET" 1)
RATIO_GAPS=$(calc "$GAPS_NET_MS / $T_HAND_MS" 2)
if [[ "$SERVER_APP" != "n/a" && "$SERVER_HAND" != "n/a" ]]; then
    RATIO_SERVER=$(calc "$SERVER_APP / $SERVER_HAND" 2); SERVER_MET=$(pass "$RATIO_SERVER <= 2")
else RATIO_SERVER="n/a"; SERVER_MET="not measured (no readable server log: EQUITY_BENCH_PG_LOG)"; fi
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" status --porcelain -- src | grep -q . && echo ' (with uncommitted changes in src)' || true)
CPU=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ { print $2; exit }')
mkdir -p "$(dirname "$OUT")"
{
    echo "# PostgreSQL: the importer and the gaps query against PostgreSQL alone"
    echo
    echo "Run by \`bash benchmarks/postgres.sh\` on $(date -u '+%Y-%m-%d %H:%M') UTC at commit $COMMIT."
    echo "Machine: ${CPU:-unknown CPU}, $(nproc) logical CPUs, load average $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end"
    echo "(other work on the machine skews timings). PostgreSQL $PG_VERSION on $PGHOST:$PGPORT; .NET SDK $(dotnet --version), ReadyToRun CLI."
    echo "$(fmt_int "$ROWS") generated funding rows, $CSV_MB MiB CSV (\`generate_funding.py\`, fixed seed)."
    echo
    echo "## Import (median of $ROUNDS rounds, the CLI and psql interleaved)"
    echo
    echo "Each into a new database whose schema exists before the timing starts (the app's migrated by \`equity batches\`;"
    echo "psql's one table created). The CLI's time is the whole process: start-up, reading and checking every row, binary"
    echo "COPY of the flows, the totals, the batch, the audit entry, the commit."
    echo
    echo "| measure | value |"
    echo "|---|---|"
    echo "| \`equity import FILE --kind funding\` (Database__Provider=PostgreSQL) | $T_IMPORT s, **$(fmt_int "$RATE_IMPORT") rows/s** (peak RSS $(calc "$RSS_IMPORT / 1024" 0) MB) |"
    echo "| start-up: the same command on a 10-row file | $T_START s; the rate without it $(fmt_int "$RATE_NET") rows/s |"
    echo "| \`psql -c \"\\copy bench_plain FROM FILE CSV HEADER\"\` into a plain table of the same columns (no index, no key) | $T_COPY s, **$(fmt_int "$RATE_COPY") rows/s** |"
    echo "| **ratio CLI / psql** (goal ≥ 50 %) | **$RATIO_IMPORT %** ($RATIO_NET % without start-up): $(pass "$RATIO_IMPORT >= 50") |"
    echo "| database size after the import | app $APP_SIZE, plain $PLAIN_SIZE |"
    echo
    echo "Rounds (s): CLI ${imports[*]}; start-up ${starts[*]}; psql ${copies[*]}."
    echo
    echo "## Gaps query (year $YEAR)"
    echo
    echo "Both databases also hold the people in need of $YEAR (\`seeds/need-$YEAR-hrp.csv\`: the app by its import, the plain"
    echo "database by \`\\copy\` into \`bench_need\`). Compared:"
    echo
    echo "- **the app**: \`equity gaps --year $YEAR --format json\` on the bench database minus the same command on an empty"
    echo "  migrated database (start-up, connection, migrations check), median of $RUNS interleaved runs after a warm-up. It reads the"
    echo "  funding totals the import summed per batch, year, governorate, cluster, donor, status and boundary, the previous"
    echo "  year's funding (year-on-year change), people in need, presence, incidents and IDP figures, and computes the whole equity table;"
    echo "- **hand-written SQL** on the plain tables, the same per-governorate funding (paid and committed, incoming or unmarked;"
    echo "  several governorates or the country as unallocated) and people in need, its time as psql's \`\\timing\` reports it"
    echo "  (median of $RUNS after a warm-up):"
    echo
    echo '```sql'
    echo "$HAND_SQL"
    echo '```'
    echo
    echo "- **on the server**: the durations PostgreSQL logs for every statement (\`log_min_duration_statement = 0\` on both"
    echo "  databases for one more run, read from \`$PG_LOG\`): all statements of one \`gaps\` command on the bench database"
    echo "  minus those of one on the empty database (start-up: version, migrations, gazetteer), against the hand SQL."
    echo
    echo "| measure | value |"
    echo "|---|---|"
    echo "| \`equity gaps\` on the bench database / on the empty one (whole command) | $T_GAPS s / $T_GAPS_EMPTY s |"
    echo "| **the app's query, command time minus start-up** | **$GAPS_NET_MS ms** |"
    echo "| **hand-written SQL** (\`\\timing\`; whole psql process $T_HAND s) | **$T_HAND_MS ms** |"
    echo "| **ratio app / hand SQL** (goal ≤ 2x) | **${RATIO_GAPS}x**: $(pass "$RATIO_GAPS <= 2") |"
    echo "| on the server: the statements of one \`gaps\` command ($SERVER_APP_ALL ms) minus its start-up ones ($SERVER_EMPTY ms) / the hand SQL | **$SERVER_APP ms / $SERVER_HAND ms (${RATIO_SERVER}x)**: $SERVER_MET |"
    echo "| answers agree (gaps JSON against the hand SQL, to the dollar) | $CHECK |"
    echo
    echo "Runs (s): gaps ${gaps_full[*]}; gaps on the empty database ${gaps_empty[*]}; hand SQL (ms) ${hand_ms[*]}."
    if [[ -n "$SERVER_STATEMENTS" ]]; then
        echo
        echo "The app's slowest statements in that run, as the server logged them:"
        echo
        echo "$SERVER_STATEMENTS"
    fi
} | tee "$OUT"
