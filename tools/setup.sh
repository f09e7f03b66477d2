#!/usr/bin/env bash
# Sets up a Debian or Ubuntu machine to build, run and test EquityDashboard: the system packages
# (Chromium for the browser tests, fonts and libgdiplus for the workbooks, sqlite3), then the
# .NET packages and tools. Run it as root (apt-get directly) or as a user who may use sudo.
#
#   bash tools/setup.sh              # the packages, restore and tools
#   bash tools/setup.sh --postgres   # also PostgreSQL: starts the machine's cluster and makes the
#                                    # role the tests use (equity/equity, may create databases)
set -euo pipefail
cd "$(dirname "$0")/.."

postgres=false
for arg in "$@"; do
  case "$arg" in
    --postgres) postgres=true ;;
    *) echo "unknown option: $arg (known: --postgres)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Run this as root, or install sudo: the system packages need root." >&2
  exit 1
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

packages=(chromium fonts-dejavu-core libgdiplus sqlite3)
if $postgres; then packages+=(postgresql); fi
as_root apt-get update
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${packages[@]}"

dotnet restore EquityDashboard.sln
dotnet tool restore

if $postgres; then
  read -r version cluster port < <(pg_lsclusters --no-header | awk 'NR == 1 { print $1, $2, $3 }')
  [ -n "${version:-}" ] || { echo "No PostgreSQL cluster on this machine (pg_createcluster makes one)." >&2; exit 1; }
  as_root pg_ctlcluster "$version" "$cluster" start 2>/dev/null || true
  if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'equity'")" != "1" ]; then
    as_postgres psql -c "CREATE ROLE equity LOGIN CREATEDB PASSWORD 'equity'"
  fi
  echo "PostgreSQL $version/$cluster is running; for the tests:"
  echo "  export EQUITY_TEST_POSTGRES=\"Host=127.0.0.1;Port=$port;Username=equity;Password=equity\""
fi
