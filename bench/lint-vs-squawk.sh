#!/usr/bin/env bash
# DbGate's zero-downtime lint next to squawk's, case by case: on the fixtures in bench/lint-cases (each case run after
# bench/lint-cases/setup.up.sql, so the tables it changes already exist) and on the crates.io corpus. squawk-cli is
# installed from npm into a temporary prefix; DbGate runs on a local PostgreSQL (the machine's binaries).
#   bash bench/lint-vs-squawk.sh [MIGRATIONS_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error squawk-cli >/dev/null
squawk="$work/npm/node_modules/.bin/squawk"
source bench/lib.sh
build_cli
dbgate() { dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll check "$1" --provider local --json "$2" >/dev/null 2>&1 || true; }
echo "squawk $("$squawk" --version | awk '{print $2}') (default settings, --assume-in-transaction where the tool runs the file in one); DbGate $(git rev-parse --short HEAD) on PostgreSQL $(pg_config --version | awk '{print $2}')"

echo
echo "== Fixtures (bench/lint-cases): what each reports on the case's migrations; timeout rules left out (squawk require-lock-timeout, require-statement-timeout; DbGate DBG107)"
for case in bench/lint-cases/*/; do
  name=$(basename "$case"); dir="$work/cases/$name"; mkdir -p "$dir/migrations"
  cp bench/lint-cases/setup.up.sql "$dir/migrations/0001_setup.up.sql"
  cp bench/lint-cases/setup.down.sql "$dir/migrations/0001_setup.down.sql"
  cp "$case"*.sql "$dir/migrations/"
  dbgate "$dir/migrations" "$dir/dbgate.json"
  python3 bench/lint-vs-squawk.py squawk "$squawk" "$dir/migrations" "$dir/squawk.json"
done
python3 bench/lint-vs-squawk.py cases "$work"

echo
echo "== crates.io ($corpus)"
dbgate "$corpus" "$work/dbgate.json"
python3 bench/lint-vs-squawk.py squawk "$squawk" "$corpus" "$work/squawk.json"
python3 bench/lint-vs-squawk.py corpus "$work" "$corpus" "$squawk"
