#!/usr/bin/env bash
# The gate on the crates.io corpus with the zero-downtime lint and without it (lint.enabled: false), side by side:
# REPS alternating pairs in one run, so both see the same machine load. Prints each time and the ratio of medians.
#   bash bench/lint-overhead.sh [MIGRATIONS_FOLDER] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
reps=${2:-3}
dotnet build src/DbGate.Cli -c Release -v quiet -nologo >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf 'migrations: %s\n' "$corpus" > "$work/with.yml"
printf 'migrations: %s\nlint:\n  enabled: false\n' "$corpus" > "$work/without.yml"
now() { date +%s.%N; }
run() {
  local start; start=$(now)
  dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll check "$corpus" --config "$work/$1.yml" --provider local --json "$work/$1.json" >/dev/null 2>&1 || true
  echo "$(now) - $start" | bc
}
with=(); without=()
for ((i = 0; i < reps; i++)); do
  without+=("$(run without)"); with+=("$(run with)")
  printf 'pair %d: without lint %6.2f s, with lint %6.2f s\n' "$((i + 1))" "${without[-1]}" "${with[-1]}"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
w=$(median "${with[@]}"); wo=$(median "${without[@]}")
printf 'median without lint: %6.2f s\nmedian with lint:    %6.2f s\nratio with / without: %5.3f\n' "$wo" "$w" "$(echo "$w / $wo" | bc -l)"
printf 'lint findings: %s\n' "$(grep -o '"rule_id": *"DBG1[0-9][0-9]"' "$work/with.json" | wc -l)"
