#!/usr/bin/env bash
# What the schema health checks cost on the crates.io corpus: the whole gate with them and without them
# (health.enabled: false), alternating, ROUNDS times each in this one run; prints every time, the medians and their
# ratio. Then the docs command (ups only, one snapshot, the data dictionary) against the gate with health.
#   bash bench/health-cost.sh [MIGRATIONS_FOLDER] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
rounds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source bench/lib.sh
build_cli
tool=(dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll)
printf 'migrations: %s\nhealth:\n  enabled: true\n' "$corpus" >"$work/on.yml"
printf 'migrations: %s\nhealth:\n  enabled: false\n' "$corpus" >"$work/off.yml"
now() { date +%s.%N; }
timed() { local start; start=$(now); "$@" >/dev/null 2>&1 || true; echo "$(now) - $start" | bc; }

: >"$work/on.txt"; : >"$work/off.txt"; : >"$work/docs.txt"
for round in $(seq "$rounds"); do
  on=$(timed "${tool[@]}" check "$work" --config "$work/on.yml" --provider local); echo "$on" >>"$work/on.txt"
  off=$(timed "${tool[@]}" check "$work" --config "$work/off.yml" --provider local); echo "$off" >>"$work/off.txt"
  docs=$(timed "${tool[@]}" docs "$corpus" --provider local --out "$work/docs"); echo "$docs" >>"$work/docs.txt"
  printf 'round %d: gate with health %6.2f s, without %6.2f s, docs %6.2f s\n' "$round" "$on" "$off" "$docs"
done
on=$(median <"$work/on.txt"); off=$(median <"$work/off.txt"); docs=$(median <"$work/docs.txt")
printf 'median gate with health:    %6.2f s\n' "$on"
printf 'median gate without health: %6.2f s\n' "$off"
printf 'ratio with / without:       %6.3f\n' "$(echo "$on / $off" | bc -l)"
printf 'median docs (ups only):     %6.2f s, %.2f of the gate with health\n' "$docs" "$(echo "$docs / $on" | bc -l)"
