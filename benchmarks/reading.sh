#!/usr/bin/env bash
# Reading-page benchmark for EquityDashboard: what the plain server-rendered pages (/, /trends,
# /governorate/{pcode}, /methodology) cost the server and the reader. Server CPU per request
# rendered, from the output cache and as a static file of the same bytes; GET / under 50 users;
# server memory for hundreds of open tabs; the overview on a slow network in Chromium; Lighthouse.
# Writes benchmarks/results/reading.md (see benchmarks/README.md, "Reading pages").
#
#   bash benchmarks/reading.sh
#
# Environment:
#   READING_STEPS="cost load tabs network lighthouse"   the measurements to run (all by default)
#   READING_COST_REQUESTS=1000   requests per kind and round for the CPU cost per request (one at a time)
#   READING_COST_ROUNDS=3        rounds of those, interleaved; the median is reported
#   READING_COST_WARMUP=1000     warm-up requests per kind before them
#   READING_USERS=50             concurrent users without think time for the load run
#   READING_SECONDS=30           duration of each load run (the page, then the static file)
#   READING_TABS=500             Chromium tabs held open on / for the memory figures
#   READING_TABS_PER_CONTEXT=10  tabs per browser context (a context = a separate profile and cache)
#   READING_TABS_STEP=100        tabs opened between two memory readings
#   READING_MIN_FREE_MB=4000     stop opening tabs when the machine's available memory falls below this
#   READING_NETWORK_RUNS=3       first + repeat views on the emulated slow network (median reported)
#   READING_LATENCY_MS=400       emulated round trip
#   READING_KBITS=400            emulated download and upload rate, kbit/s
#   READING_LIGHTHOUSE_RUNS=3    Lighthouse runs per page (the median run by performance is detailed)
#   READING_LIGHTHOUSE_PAGES="/ /trends /governorate/IQG02"
#   READING_KEEP=1               keep the temp folder (published app, database, logs, Lighthouse reports)
# Needs the .NET SDK, curl, Debian's /usr/bin/chromium (installed with apt-get when missing) and,
# for Lighthouse, Node 18+ with npx (npx fetches lighthouse@12.2.3 from the npm registry once).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEPS=" ${READING_STEPS:-cost load tabs network lighthouse} "
COST_REQUESTS="${READING_COST_REQUESTS:-1000}"
COST_ROUNDS="${READING_COST_ROUNDS:-3}"
COST_WARMUP="${READING_COST_WARMUP:-1000}"
USERS="${READING_USERS:-50}"
SECONDS_PER_RUN="${READING_SECONDS:-30}"
TABS="${READING_TABS:-500}"
TABS_PER_CONTEXT="${READING_TABS_PER_CONTEXT:-10}"
TABS_STEP="${READING_TABS_STEP:-100}"
MIN_FREE_MB="${READING_MIN_FREE_MB:-4000}"
NETWORK_RUNS="${READING_NETWORK_RUNS:-3}"
LATENCY_MS="${READING_LATENCY_MS:-400}"
KBITS="${READING_KBITS:-400}"
LIGHTHOUSE_RUNS="${READING_LIGHTHOUSE_RUNS:-3}"
LIGHTHOUSE_PAGES="${READING_LIGHTHOUSE_PAGES:-/ /trends /governorate/IQG02}"
LIGHTHOUSE=lighthouse@12.2.3
GCDUMP_VERSION=10.0.750501
# The overview of one year (the cost figures) and the overview as first opened (the load and the browsers).
YEAR_PAGE="/?year=2019"
YEAR_FILE=bench/overview-2019.html
HOME_FILE=bench/overview.html
OUT="$ROOT/benchmarks/results/reading.md"
COMMAND="bash benchmarks/reading.sh"
for v in READING_STEPS READING_COST_REQUESTS READING_COST_ROUNDS READING_COST_WARMUP READING_USERS READING_SECONDS READING_TABS READING_TABS_PER_CONTEXT \
    READING_TABS_STEP READING_MIN_FREE_MB READING_NETWORK_RUNS READING_LATENCY_MS READING_KBITS READING_LIGHTHOUSE_RUNS READING_LIGHTHOUSE_PAGES; do
    [[ -n "${!v:-}" ]] && COMMAND="$v=\"${!v}\" $COMMAND"
done
has() { [[ "$STEPS" == *" $1 "* ]]; }

source "$ROOT/benchmarks/common.sh"
need_packages /usr/bin/chromium:chromium curl:curl
for tool in dotnet curl /usr/bin/chromium; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }
done
if has lighthouse; then
    command -v npx >/dev/null 2>&1 || { echo "missing: npx (Node 18+), needed for Lighthouse; or leave lighthouse out of READING_STEPS" >&2; exit 1; }
fi
export LC_NUMERIC=C DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-reading.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [[ "${READING_KEEP:-0}" == 1 ]]; then echo "Kept: $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

log "Release builds"
dotnet publish "$ROOT/src/EquityDashboard.Web/EquityDashboard.Web.csproj" -c Release -o "$TMP/web" --nologo -v quiet >&2
dotnet build "$ROOT/benchmarks/reading-load/ReadingLoad.csproj" -c Release -o "$TMP/load" --nologo -v quiet >&2
if has tabs; then dotnet tool install dotnet-gcdump --version "$GCDUMP_VERSION" --tool-path "$TMP/tools" >/dev/null; fi
LOAD=(dotnet "$TMP/load/ReadingLoad.dll")

# Starts the published app (Production) on a free loopback port; the first start seeds the demo data.
start_server() {
    local log="$TMP/server-$1.log"
    : >"$log"
    (cd "$TMP/web" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:0 \
        ConnectionStrings__Default="Data Source=$TMP/equity.db" Equity__SeedFolder="$ROOT/seeds" \
        dotnet EquityDashboard.Web.dll >"$log" 2>&1) &
    SERVER_PID=$!
    URL=""
    for _ in $(seq 1 240); do
        URL="$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$log" | head -n 1)"
        if [[ -n "$URL" ]] && curl -sf -o /dev/null "$URL/healthz"; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.5
    done
    echo "server did not become healthy:" >&2; cat "$log" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
# run STEP-NAME LOG-NAME CMD...: runs a ReadingLoad command, prints its section, fails with the server's log.
run() {
    local name="$1" logname="$2"; shift 2
    "$@" || { echo "$name failed; server log:" >&2; tail -n 30 "$TMP/server-$logname.log" >&2; exit 1; }
}

LOAD_START="$(loadavg)"
# 1. The static-file baseline: the pages' bytes saved into the published app, served after a restart.
start_server seed
log "server up at $URL (pid $SERVER_PID): saving the static-file baseline"
STATIC_SECTION="$(run static-copy seed "${LOAD[@]}" static-copy "$URL" "$TMP/web" "$YEAR_PAGE=$YEAR_FILE" "/=$HOME_FILE")"
stop_server

# 2. Memory for open tabs, on a fresh server process.
TABS_SECTION=""
if has tabs; then
    start_server tabs
    log "tabs: $TABS on / in contexts of $TABS_PER_CONTEXT, memory every $TABS_STEP (pid $SERVER_PID)"
    TABS_LOAD_BEFORE="$(loadavg)"
    TABS_SECTION="$(run tabs tabs "${LOAD[@]}" tabs "$URL" "$SERVER_PID" "$TABS" "$TABS_PER_CONTEXT" "$TABS_STEP" "$MIN_FREE_MB" "$TMP/tools/dotnet-gcdump" /)"
    TABS_LOAD_AFTER="$(loadavg)"
    stop_server
fi

# 3. Everything else on one more fresh server: browsers first, then the CPU and load runs (which fill the output cache).
# The browser tabs of step 2 take a while to go; then every reading page is asked for a few times as a
# browser would (same Accept-Encoding), so the browsers meet compiled code and cached pages, as readers
# of a running server do (what a render costs is step 1's).
sleep 10
start_server main
log "server up at $URL (pid $SERVER_PID): warming the reading pages"
for page in / "$YEAR_PAGE" /trends /methodology $LIGHTHOUSE_PAGES; do
    for _ in $(seq 1 20); do curl -sf -o /dev/null -H 'Accept-Encoding: gzip, deflate, br, zstd' "$URL$page"; done
done
NETWORK_SECTION=""
if has network; then
    log "network: ${LATENCY_MS} ms round trip, ${KBITS} kbit/s, $NETWORK_RUNS runs"
    NETWORK_LOAD_BEFORE="$(loadavg)"
    NETWORK_SECTION="$(run network main "${LOAD[@]}" network "$URL" "$NETWORK_RUNS" "$LATENCY_MS" "$KBITS" /)"
    NETWORK_LOAD_AFTER="$(loadavg)"
fi
LIGHTHOUSE_SECTION=""
LIGHTHOUSE_VERSION=""
if has lighthouse; then
    LIGHTHOUSE_LOAD_BEFORE="$(loadavg)"
    mkdir -p "$TMP/lighthouse"
    for page in $LIGHTHOUSE_PAGES; do
        reports=()
        for r in $(seq 1 "$LIGHTHOUSE_RUNS"); do
            report="$TMP/lighthouse/$(echo "$page" | tr -c 'A-Za-z0-9\n' '_')-$r.json"
            log "lighthouse $page, run $r of $LIGHTHOUSE_RUNS"
            CHROME_PATH=/usr/bin/chromium npx --yes "$LIGHTHOUSE" "$URL$page" --output=json --output-path="$report" \
                --chrome-flags="--headless=new --no-sandbox" --only-categories=performance,accessibility --quiet \
                >"$TMP/lighthouse/run.log" 2>&1 || { echo "lighthouse failed:" >&2; tail -n 30 "$TMP/lighthouse/run.log" >&2; exit 1; }
            reports+=("$report")
        done
        LIGHTHOUSE_SECTION+="$(run lighthouse main "${LOAD[@]}" lighthouse "$page" "${reports[@]}")"$'\n\n'
    done
    LIGHTHOUSE_VERSION="$(npx --yes "$LIGHTHOUSE" --version 2>/dev/null | tail -n 1)"
    LIGHTHOUSE_LOAD_AFTER="$(loadavg)"
fi
COST_SECTION=""
if has cost; then
    log "cost: $COST_ROUNDS rounds of $COST_REQUESTS requests per kind, one at a time"
    COST_LOAD_BEFORE="$(loadavg)"
    COST_SECTION="$(run cost main "${LOAD[@]}" cost "$URL" "$SERVER_PID" "$COST_REQUESTS" "$COST_ROUNDS" "$COST_WARMUP" "$YEAR_PAGE&n=" "$YEAR_PAGE" "/$YEAR_FILE")"
    COST_LOAD_AFTER="$(loadavg)"
fi
LOAD_SECTION=""
if has load; then
    log "load: $USERS users, ${SECONDS_PER_RUN}s each on / and /$HOME_FILE"
    LOADRUN_LOAD_BEFORE="$(loadavg)"
    LOAD_SECTION="$(run load main "${LOAD[@]}" load "$URL" "$SERVER_PID" "$USERS" "$SECONDS_PER_RUN" / "/$HOME_FILE")"
    LOADRUN_LOAD_AFTER="$(loadavg)"
fi
stop_server
LOAD_END="$(loadavg)"

# --- report ---------------------------------------------------------------------------------
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2" | head -n 1; }
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
mem_gib="$(awk '/MemTotal/ {printf "%.1f", $2/1024/1024}' /proc/meminfo)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$ROOT" status --porcelain -- . ':!benchmarks/results/reading.md' 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)"
mib() { awk -v b="$1" 'BEGIN { printf "%+.1f MiB", b / 1048576 }'; }

{
    echo "# Reading pages benchmark"
    echo
    echo "Run by \`$COMMAND\` on $(date -u '+%Y-%m-%d %H:%M') UTC. How to read it, and what was found: [benchmarks/README.md](../README.md#reading-pages)."
    echo
    echo "| machine | |"
    echo "|---|---|"
    echo "| CPU | ${cpu:-unknown}, $(nproc) logical CPUs (\`nproc\`) |"
    echo "| memory | $mem_gib GiB |"
    echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
    echo "| .NET SDK | $(dotnet --version) (app: \`dotnet publish -c Release\`, Production environment, server GC, HTTP/1.1 on loopback) |"
    echo "| browser | $(/usr/bin/chromium --version 2>/dev/null | head -n 1) (headless, via Microsoft.Playwright)${LIGHTHOUSE_VERSION:+; Lighthouse $LIGHTHOUSE_VERSION} |"
    echo "| load average | $LOAD_START at start, $LOAD_END at end; per step below (the load generator and the browsers share the machine with the server, and other work runs on it) |"
    echo "| commit | $commit$dirty |"
    echo "| data | the demo database the app seeds from \`seeds/\` on first start (SQLite, temporary file) |"
    echo
    echo "## Goals"
    echo
    echo "| # | goal | result | met |"
    echo "|---|---|---|---|"
    if has cost; then
        r="$(value rendered-cpu-ms "$COST_SECTION")"; c="$(value cached-cpu-ms "$COST_SECTION")"; f="$(value static-cpu-ms "$COST_SECTION")"
        ratio="$(value cached-static-ratio "$COST_SECTION")"
        echo "| 1 | server CPU per request, \`GET $YEAR_PAGE\` rendered (output cache miss) ≤ 3 ms | $r ms | $(pass "$r <= 3") |"
        echo "| 1 | every miss rendered (no \`Age\`), every hit from the output cache (\`Age\`) | misses with \`Age\`: $(value rendered-age-hits "$COST_SECTION"), hits without: $(value cached-age-misses "$COST_SECTION") | $(pass "$(value rendered-age-hits "$COST_SECTION") + $(value cached-age-misses "$COST_SECTION") == 0") |"
        echo "| 1 | from the output cache within 2x of the same bytes as a static file | $c ms vs $f ms: ${ratio}x | $(pass "$ratio <= 2") |"
    fi
    if has load; then
        p95="$(value p95-ms-0 "$LOAD_SECTION")"; rps="$(value rps-0 "$LOAD_SECTION")"; frps="$(value rps-1 "$LOAD_SECTION")"; fp95="$(value p95-ms-1 "$LOAD_SECTION")"
        echo "| 2 | \`GET /\`, $USERS users, no think time: p95 < 100 ms | $p95 ms ($rps requests/s; static file: $fp95 ms, $frps requests/s, so the page does $(awk -v a="$rps" -v b="$frps" 'BEGIN { printf "%.0f", 100 * a / b }') % of the file's rate) | $(pass "$p95 < 100") |"
    fi
    if has tabs; then
        heap="$(value heap-above-idle-bytes "$TABS_SECTION")"; rss="$(value rss-above-idle-bytes "$TABS_SECTION")"; peak="$(value peak-rss-above-idle-bytes "$TABS_SECTION")"
        opened="$(value tabs "$TABS_SECTION")"; ws="$(value websockets "$TABS_SECTION")"
        echo "| 3 | server memory for $TABS open tabs < 50 MB (50,000,000 B) above idle | $opened tabs: live heap $(mib "$heap"), working set $(mib "$rss") (at most $(mib "$peak") at any reading) | $(pass "$heap < 50000000 && $rss < 50000000 && $peak < 50000000 && $opened == $TABS") |"
        echo "| 3 | no WebSocket | $ws opened | $(pass "$ws == 0") |"
    fi
    if has network; then
        shown="$(value first-shown-ms "$NETWORK_SECTION")"; fb="$(value first-bytes "$NETWORK_SECTION")"; rb="$(value repeat-bytes "$NETWORK_SECTION")"; rs="$(value repeat-shown-ms "$NETWORK_SECTION")"
        echo "| 4 | ${LATENCY_MS} ms round trip, ${KBITS} kbit/s: figures shown ≤ 5 s, first view | $(awk -v v="$shown" 'BEGIN { printf "%.2f s", v / 1000 }') (repeat view $(awk -v v="$rs" 'BEGIN { printf "%.2f s", v / 1000 }')) | $(pass "$shown <= 5000") |"
        echo "| 4 | first view well under 250 KB transferred | $(awk -v v="$fb" 'BEGIN { printf "%.1f KB", v / 1000 }') (repeat view $(awk -v v="$rb" 'BEGIN { printf "%.1f KB", v / 1000 }')) | $(pass "$fb < 250000") |"
    fi
    if has lighthouse; then
        while read -r line; do
            page="$(value page "$line")"; perf="$(value perf "$line")"; a11y="$(value a11y "$line")"
            echo "| 5 | Lighthouse \`$page\` (mobile): performance ≥ 95 | $perf | $(pass "$perf >= 95") |"
            echo "| 5 | Lighthouse \`$page\`: accessibility 100 | $a11y | $(pass "$a11y >= 100") |"
        done < <(grep '^<!-- page=' <<<"$LIGHTHOUSE_SECTION")
    fi
    echo
    echo "## The static-file baseline"
    echo
    echo "The bytes the app sends for these pages, fetched from it (plain, and in Brotli and gzip from the"
    echo "output cache), saved into the published app's \`wwwroot\` and added to its static assets manifest,"
    echo "so that after a restart \`MapStaticAssets\` serves them as files, through the same middleware"
    echo "(security headers and all) but without rendering or reading the data version:"
    echo
    echo "$STATIC_SECTION"
    echo
    echo "Every client sends Chromium's \`Accept-Encoding: gzip, deflate, br, zstd\`, so the page and the"
    echo "file both answer in Brotli."
    echo
    if has cost; then
        echo "## 1. Server CPU per request: \`GET $YEAR_PAGE\`"
        echo
        echo "One request at a time on one connection (no queueing), $COST_ROUNDS rounds of $COST_REQUESTS requests"
        echo "per kind after $COST_WARMUP warm-up requests each, the kinds interleaved; CPU is the server process's user"
        echo "+ system time (/proc) over a round divided by its requests. A miss is made with a query"
        echo "parameter the page ignores and never repeats (\`&n=<salt>-<i>\`): the page is rendered and"
        echo "compressed (its figures come from the in-memory query cache) and stored in the output cache."
        echo "Load average: $COST_LOAD_BEFORE before, $COST_LOAD_AFTER after."
        echo
        echo "$COST_SECTION"
        echo
    fi
    if has load; then
        echo "## 2. \`GET /\` under $USERS users"
        echo
        echo "$USERS simulated users (one HttpClient, a connection each) request the address in a loop with no"
        echo "think time for ${SECONDS_PER_RUN} s, after 5 warm-up requests each: the overview, then its bytes as a"
        echo "static file. Load average: $LOADRUN_LOAD_BEFORE before, $LOADRUN_LOAD_AFTER after."
        echo
        echo "$LOAD_SECTION"
        echo
    fi
    if has tabs; then
        echo "## 3. Server memory for $TABS open tabs"
        echo
        echo "A fresh server process; one headless Chromium opens \`/\` in $TABS tabs, $TABS_PER_CONTEXT at a time in"
        echo "a new browser context each (a context is a separate profile, with its own cache and connections:"
        echo "another reader), and keeps them all open. Live managed heap: \`dotnet-gcdump collect\` (a full,"
        echo "blocking collection first), its \"GC Heap bytes\". Working set: \`VmRSS\` of /proc/PID/status."
        echo "Server connections: established TCP connections on the server's port (Chromium keeps idle"
        echo "connections open; Kestrel closes them after 130 s). Browser memory: proportional set size of the"
        echo "browser's processes. Load average: $TABS_LOAD_BEFORE before, $TABS_LOAD_AFTER after."
        echo
        echo "$TABS_SECTION"
        echo
    fi
    if has network; then
        echo "## 4. The overview on a slow network"
        echo
        echo "Chromium with \`Network.emulateNetworkConditions\`: latency ${LATENCY_MS} ms (the round trip before each"
        echo "response's headers), ${KBITS} kbit/s down and up ($(( KBITS * 1000 / 8 )) bytes/s), viewport 1280x720."
        echo "First view: a new context (empty cache); repeat view: the same tab going to the same address"
        echo "again. **Figures shown** = the first animation frame in which the first key figure is rendered"
        echo "in the viewport (Chromium runs no frame while render-blocking stylesheets load); times from the"
        echo "navigation's start (the document's first byte is its \`responseStart\`). Bytes = sum of \`encodedDataLength\` (headers and compressed bodies) of every"
        echo "response. Load average: $NETWORK_LOAD_BEFORE before, $NETWORK_LOAD_AFTER after."
        echo
        echo "$NETWORK_SECTION"
        echo
    fi
    if has lighthouse; then
        echo "## 5. Lighthouse"
        echo
        echo "\`CHROME_PATH=/usr/bin/chromium npx $LIGHTHOUSE <url> --chrome-flags=\"--headless=new --no-sandbox\""
        echo "--only-categories=performance,accessibility\`: the default mobile preset (simulated throttling:"
        echo "150 ms round trip, 1.6 Mbit/s, CPU slowed 4x), $LIGHTHOUSE_RUNS runs per page, each page asked for 20 times"
        echo "beforehand so the runs meet the output cache, as readers of a running server do. Load average:"
        echo "$LIGHTHOUSE_LOAD_BEFORE before, $LIGHTHOUSE_LOAD_AFTER after."
        echo
        echo "$LIGHTHOUSE_SECTION"
    fi
} >"$OUT"
cat "$OUT"
