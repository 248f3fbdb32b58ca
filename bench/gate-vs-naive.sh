#!/usr/bin/env bash
# The whole gate on the crates.io corpus (start PostgreSQL; every step up, down and up again with schema checks;
# reports) against the naive baseline a team would write: a fresh cluster and one psql per up.sql, forward only.
# Prints both wall times and their ratio, measured in this one run.
#   bash bench/gate-vs-naive.sh [MIGRATIONS_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/crates-io/migrations}
bindir=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin | tail -1)
as_server_user=()
[[ $(id -u) -eq 0 ]] && as_server_user=(setpriv --reuid=postgres --regid=postgres --clear-groups --)

source bench/lib.sh
build_cli
now() { date +%s.%N; }

naive() {
  local dir; dir=$(mktemp -d); chmod 755 "$dir"; [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
  "${as_server_user[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -N >/dev/null
  "${as_server_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -o "-k $dir -c listen_addresses= -c fsync=off" -l "$dir/log" -w start >/dev/null
  # diesel order: the version before the first '_', with '-' removed.
  while IFS= read -r migration; do
    local single=(--single-transaction)
    grep -qs 'run_in_transaction *= *false' "$migration/metadata.toml" && single=()
    psql -X -q -h "$dir" -U postgres -d postgres -v ON_ERROR_STOP=1 "${single[@]}" -f "$migration/up.sql" >/dev/null 2>&1
  done < <(for d in "$corpus"/*/; do [[ -f "$d/up.sql" ]] || continue; v=$(basename "$d"); v=${v%%_*}; printf '%s\t%s\n' "${v//-/}" "$d"; done | sort | cut -f2)
  "${as_server_user[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null
  rm -rf "$dir"
}

start=$(now); naive; naive_s=$(echo "$(now) - $start" | bc)
start=$(now)
dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll check "$corpus" --provider local --json /tmp/dbgate-bench.json >/dev/null 2>&1 || true
gate_s=$(echo "$(now) - $start" | bc)
printf 'naive psql loop, forward only:          %6.2f s\n' "$naive_s"
printf 'dbgate check (up, down, redo, checks):  %6.2f s\n' "$gate_s"
printf 'ratio dbgate / naive:                   %6.2f\n' "$(echo "$gate_s / $naive_s" | bc -l)"
