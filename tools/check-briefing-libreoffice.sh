#!/usr/bin/env bash
# Opens briefing workbooks in LibreOffice Calc (headless), converts them to PDF and checks the
# result: the file opens, every sheet prints, the totals row's formulas show the national USD
# per person in need, header rows repeat on every page, and renders the pages as PNG to look at.
#
#   bash tools/check-briefing-libreoffice.sh [output-folder]
#
# Environment: BRIEF_NO_BUILD=1 skips the Release build of the CLI.
# Installs libreoffice-calc, poppler-utils and Carlito (metric-compatible with Calibri, the
# workbook's font, so pages break as in Excel) with apt-get when they are missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$(mktemp -d "${TMPDIR:-/tmp}/briefing-lo.XXXXXX")}"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/briefing-lo-work.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { echo "FAIL: $*" >&2; exit 1; }

PACKAGES=(libreoffice-calc poppler-utils fonts-crosextra-carlito)
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 || ! fc-list | grep -qi carlito; then
    log "Installing ${PACKAGES[*]}"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get install -y "${PACKAGES[@]}" >/dev/null \
        || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${PACKAGES[@]}" >/dev/null; }
fi

if [[ "${BRIEF_NO_BUILD:-0}" != 1 ]]; then
    log "Building the CLI (Release)"
    dotnet build "$ROOT/src/EquityDashboard.Cli" -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL="$(find "$ROOT/src/EquityDashboard.Cli/bin/Release" -name equity.dll -path '*/net*/*' | head -n 1)"
[[ -f "$DLL" ]] || fail "equity.dll not found under src/EquityDashboard.Cli/bin/Release"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 Equity__SeedFolder="$ROOT/seeds"
equity() { dotnet "$DLL" --db "$WORK/demo.db" "$@"; }

log "Seeding a demo database"
equity seed >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; fail "seed"; }

log "Writing three workbooks"
equity export --year 2019 --out "$WORK/national-2019.xlsx" >/dev/null
equity export --year 2019 --baseline population --region South --out "$WORK/south-2019-population.xlsx" >/dev/null
equity export --year 2019 --governorate Ninewa --out "$WORK/ninewa-2019.xlsx" >/dev/null

log "Converting to PDF with LibreOffice"
soffice -env:UserInstallation="file://$WORK/lo-profile" --headless --convert-to pdf --outdir "$OUT" \
    "$WORK/national-2019.xlsx" "$WORK/south-2019-population.xlsx" "$WORK/ninewa-2019.xlsx" >"$WORK/soffice.log" 2>&1 \
    || { cat "$WORK/soffice.log" >&2; fail "LibreOffice could not convert the workbooks"; }

# The national USD per person in need, as the totals row's formula shows it.
RATE=$(equity gaps --year 2019 --format json | python3 -c 'import json, sys; print("USD {:,.2f}".format(json.load(sys.stdin)["usdPerPin"]))')

check() {
    local pdf="$OUT/$1.pdf"; shift
    [[ -s "$pdf" ]] || fail "$pdf was not written"
    local pages
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    ((pages > 0)) || fail "$pdf has no pages"
    pdftotext -layout "$pdf" "$WORK/$(basename "$pdf" .pdf).txt"
    for expected in "$@"; do
        grep -qF -- "$expected" "$WORK/$(basename "$pdf" .pdf).txt" || fail "$pdf does not show '$expected'"
    done
    pdftoppm -r 70 -png "$pdf" "$OUT/$(basename "$pdf" .pdf)"
    echo "ok   $pdf ($pages pages; PNG pages beside it)"
}
check national-2019 "Funding and need briefing: Iraq" "Key findings" "Total" "$RATE" \
    "Governorates" "Regions" "Clusters" "Donors" "Presence" "Organisations" "Methodology" "Sources" "ILLUSTRATIVE"
check south-2019-population "Funding and need briefing: South, Iraq" "Total, South" "Iraq (national)" "USD per resident"
check ninewa-2019 "Ninewa (IQG15): funding and need briefing" "Trend" "Incidents" "Iraq (national)"

# The header row repeats on every printed page of a long sheet (print titles).
PAGES=$(grep -cE "^Organisations +Page [0-9]+ of" "$WORK/national-2019.txt" || true)
HEADERS=$(grep -cE "^Governorate +P-code +Cluster +Organisation" "$WORK/national-2019.txt" || true)
((PAGES > 1)) || fail "the Organisations sheet printed on $PAGES page(s); expected several"
((HEADERS == PAGES)) || fail "the Organisations header is on $HEADERS of its $PAGES pages"
echo "ok   the Organisations header repeats on all its $PAGES pages"
echo "LibreOffice opened and printed every workbook; the totals row shows $RATE."
