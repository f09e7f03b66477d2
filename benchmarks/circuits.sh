#!/usr/bin/env bash
# Blazor Server circuit benchmark for EquityDashboard: server render time of GET / under
# concurrent users, and server memory per open circuit. See benchmarks/results/circuits.md.
#
#   bash benchmarks/circuits.sh
#
# Environment:
#   CIRCUITS_RENDER_RUNS="1:0 50:0 50:1000"  render runs as users:think-ms (think = wait between
#                            a user's requests); 1:0 is the single-user baseline, the target
#                            applies to the 50-user runs
#   CIRCUITS_SECONDS=60      duration of each render run
#   CIRCUITS_PAGES=40        headless Chromium pages (circuits) held open at the end
#   CIRCUITS_STEP=10         pages opened between two memory readings
#   CIRCUITS_PAGE_PATH=/     the page each circuit opens (it must set data-ready="true")
#   CIRCUITS_KEEP=1          keep the temp folder (published app, database, logs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RENDER_RUNS="${CIRCUITS_RENDER_RUNS-1:0 50:0 50:1000}"
SECONDS_PER_RUN="${CIRCUITS_SECONDS:-60}"
PAGES="${CIRCUITS_PAGES:-40}"
STEP="${CIRCUITS_STEP:-10}"
PAGE_PATH="${CIRCUITS_PAGE_PATH:-/}"
GCDUMP_VERSION=10.0.750501
OUT="$ROOT/benchmarks/results/circuits.md"
COMMAND="bash benchmarks/circuits.sh"
for v in CIRCUITS_RENDER_RUNS CIRCUITS_SECONDS CIRCUITS_PAGES CIRCUITS_STEP CIRCUITS_PAGE_PATH; do
    [[ -n "${!v:-}" ]] && COMMAND="$v=\"${!v}\" $COMMAND"
done

source "$ROOT/benchmarks/common.sh"
need_packages /usr/bin/chromium:chromium
for tool in dotnet curl /usr/bin/chromium; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/equity-circuits.XXXXXX")"
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    if [[ "${CIRCUITS_KEEP:-0}" == 1 ]]; then echo "Kept: $TMP" >&2; else rm -rf "$TMP"; fi
}
trap cleanup EXIT

echo "== Release builds" >&2
dotnet publish "$ROOT/src/EquityDashboard.Web/EquityDashboard.Web.csproj" -c Release -o "$TMP/web" --nologo -v quiet >&2
dotnet build "$ROOT/benchmarks/circuits-load/CircuitsLoad.csproj" -c Release -o "$TMP/load" --nologo -v quiet >&2
dotnet tool install dotnet-gcdump --version "$GCDUMP_VERSION" --tool-path "$TMP/tools" >/dev/null
LOAD=(dotnet "$TMP/load/CircuitsLoad.dll")

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

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
start_server seed
echo "== server up at $URL (pid $SERVER_PID)" >&2
RENDER_SECTIONS=""
for run in $RENDER_RUNS; do
    users="${run%%:*}"; think="${run##*:}"
    echo "== render: $users users, ${SECONDS_PER_RUN}s, think ${think} ms" >&2
    section="$("${LOAD[@]}" render "$URL" "$SERVER_PID" "$users" "$SECONDS_PER_RUN" "$think")" \
        || { echo "render run failed; server log:" >&2; tail -n 20 "$TMP/server-seed.log" >&2; exit 1; }
    RENDER_SECTIONS+=$'\n'"#### $users users, think time ${think} ms"$'\n\n'"$section"$'\n'
done
stop_server

# A fresh server process for the memory figures, so the render runs leave nothing behind.
start_server circuits
echo "== circuits: $PAGES pages, reading memory every $STEP (pid $SERVER_PID)" >&2
CIRCUITS_SECTION="$("${LOAD[@]}" circuits "$URL" "$SERVER_PID" "$PAGES" "$STEP" "$TMP/tools/dotnet-gcdump" "$PAGE_PATH")" \
    || { echo "circuit run failed; server log:" >&2; tail -n 20 "$TMP/server-circuits.log" >&2; exit 1; }
stop_server
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report ---------------------------------------------------------------------------------
value() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2" | head -n 1; }
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
mem_gib="$(awk '/MemTotal/ {printf "%.1f", $2/1024/1024}' /proc/meminfo)"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$ROOT" status --porcelain -- . ':!benchmarks/results/circuits.md' 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)"
heap_per="$(value heap-per-circuit-bytes "$CIRCUITS_SECTION")"
rss_per="$(value rss-per-circuit-bytes "$CIRCUITS_SECTION")"

{
    echo "# Circuit benchmark"
    echo
    echo "Run by \`$COMMAND\` on $(date -u '+%Y-%m-%d %H:%M') UTC."
    echo
    echo "| machine | |"
    echo "|---|---|"
    echo "| CPU | ${cpu:-unknown}, $(nproc) logical CPUs (\`nproc\`) |"
    echo "| memory | $mem_gib GiB |"
    echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
    echo "| .NET SDK | $(dotnet --version) (app: \`dotnet publish -c Release\`, Production environment, server GC) |"
    echo "| browser | $(/usr/bin/chromium --version 2>/dev/null | head -n 1) (headless, via Microsoft.Playwright) |"
    echo "| load average | $LOAD_START at start, $LOAD_END at end (the load generator and the browser share the machine with the server) |"
    echo "| commit | $commit$dirty |"
    echo "| data | the demo database the app seeds from \`seeds/\` on first start (SQLite, temporary file) |"
    echo
    echo "## Server render time: GET / (prerendered overview, default year)"
    echo
    echo "Simulated users on loopback, each requesting \`GET /\` in a loop for ${SECONDS_PER_RUN} s (HttpClient;"
    echo "20 warm-up requests first). Time to first byte = response headers received; full response ="
    echo "whole body read. One user without think time is the baseline cost of one render; 50 users"
    echo "without think time is a saturation test (every user requests again at once); with think time"
    echo "each user waits that long between requests."
    echo "$RENDER_SECTIONS"
    echo "## Memory per open circuit"
    echo
    echo "A fresh server process; $PAGES headless Chromium pages open \`$PAGE_PATH\` one after another and"
    echo "wait for \`[data-ready=true]\` (set once the page's circuit is interactive). Before the first and"
    echo "after every $STEP pages: live managed heap of the server (\`dotnet-gcdump collect\`, which forces a"
    echo "full blocking GC, then its \"GC Heap bytes\") and resident set size (\`VmRSS\` of /proc/PID/status)."
    echo "One page was opened and closed before the baseline (warm-up)."
    echo
    echo "$CIRCUITS_SECTION"
    echo
    echo "## Targets"
    echo
    echo "| target | result | met |"
    echo "|---|---|---|"
    for run in $RENDER_RUNS; do
        users="${run%%:*}"; think="${run##*:}"
        [[ "$users" -ge 50 ]] || continue
        section="$(awk -v h="#### $users users, think time ${think} ms" '$0==h {on=1; next} /^#### / {on=0} on' <<<"$RENDER_SECTIONS")"
        p95="$(value p95-full-ms "$section")"
        echo "| p95 render time < 200 ms ($users users, think ${think} ms, full response) | ${p95} ms | $(pass "$p95 < 200") |"
    done
    first_run="${RENDER_RUNS%% *}"
    section="$(awk -v h="#### ${first_run%%:*} users, think time ${first_run##*:} ms" '$0==h {on=1; next} /^#### / {on=0} on' <<<"$RENDER_SECTIONS")"
    cpu_ms="$(value cpu-ms-per-request "$section")"
    if [[ -n "$cpu_ms" ]]; then
        echo "| (for reading the above) server CPU time per render, ${first_run%%:*} user(s) | ${cpu_ms} ms: at most $(awk "BEGIN { printf \"%.0f\", $(nproc) * 1000 / $cpu_ms }") renders/s on $(nproc) CPUs with nothing else running | |"
    fi
    echo "| < 500 KB (500,000 bytes) per circuit, live managed heap | $(awk "BEGIN { printf \"%.0f KB\", $heap_per/1000 }") | $(pass "$heap_per < 500000") |"
    echo "| < 500 KB per circuit, RSS (includes heap headroom the GC keeps) | $(awk "BEGIN { printf \"%.0f KB\", $rss_per/1000 }") | $(pass "$rss_per < 500000") |"
} >"$OUT"
cat "$OUT"
