#!/usr/bin/env bash
# The gate on the crates.io corpus with the zero-downtime lint and without it (lint.enabled: false), side by side:
# REPS alternating pairs in one run, so both see the same machine load. Prints each run's wall-clock time and CPU
# time (user + system of the gate and of the PostgreSQL server it starts, which are its children), then the ratios
# of the medians. On a loaded machine the CPU ratio is the steadier figure: wall time there mostly measures waiting.
# With the lint off, the health checks (on by default) still observe the ups for their provenance, so "without lint"
# is what a user who turns the lint off runs, not a gate that observes nothing. HEALTH=off adds
# `health.enabled: false` to both configs: then "without lint" observes nothing, and the ratio prices the lint with all
# of its observation.
#   [HEALTH=off] bash bench/lint-overhead.sh [MIGRATIONS_FOLDER] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
reps=${2:-3}
case ${HEALTH:-on} in
  on) extra='' ;;
  off) extra='health:\n  enabled: false\n' ;;
  *) echo "HEALTH must be on or off, not ${HEALTH}" >&2; exit 2 ;;
esac
source bench/lib.sh
build_cli
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
printf "migrations: %s\\n$extra" "$corpus" > "$work/with.yml"
printf "migrations: %s\\nlint:\\n  enabled: false\\n$extra" "$corpus" > "$work/without.yml"
# Prints "wall cpu" in seconds for one run of the gate.
run() {
  local code=0 TIMEFORMAT='%R %U %S'
  # 0 passed, 1 findings; anything else means the run did not measure the gate.
  { time dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll check "$corpus" --config "$work/$1.yml" --provider local --json "$work/$1.json" >/dev/null 2>"$work/$1.err" || code=$?; } 2>"$work/$1.time"
  if ((code > 1)); then echo "run $1 exited $code: $(tail -1 "$work/$1.err")" >&2; exit 1; fi
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/$1.time"
}
wall_with=(); cpu_with=(); wall_without=(); cpu_without=()
for ((i = 0; i < reps; i++)); do
  # Alternate which goes first, so neither always runs on a warmer (or busier) machine.
  if ((i % 2 == 0)); then a=$(run without); b=$(run with); else b=$(run with); a=$(run without); fi
  # Both runs must have applied the same migrations: a broken observation fails every up (DBG001) yet exits 1.
  ups() { grep -o '"ruleId": *"DBG001"' "$work/$1.json" | wc -l; }
  if (($(ups with) != $(ups without))); then echo "the runs differ in failed ups ($(ups with) with, $(ups without) without): not a measurement" >&2; exit 1; fi
  wall_without+=("${a% *}"); cpu_without+=("${a#* }"); wall_with+=("${b% *}"); cpu_with+=("${b#* }")
  printf 'pair %d: without lint %7.2f s wall %7.2f s CPU, with lint %7.2f s wall %7.2f s CPU (load average %s)\n' \
    "$((i + 1))" "${a% *}" "${a#* }" "${b% *}" "${b#* }" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
ww=$(median "${wall_with[@]}"); wo=$(median "${wall_without[@]}"); cw=$(median "${cpu_with[@]}"); co=$(median "${cpu_without[@]}")
printf 'median wall: without lint %7.2f s, with lint %7.2f s, ratio %5.3f\n' "$wo" "$ww" "$(echo "$ww / $wo" | bc -l)"
printf 'median CPU:  without lint %7.2f s, with lint %7.2f s, ratio %5.3f\n' "$co" "$cw" "$(echo "$cw / $co" | bc -l)"
echo "health checks: ${HEALTH:-on}"
printf 'lint findings: %s\n' "$(grep -o '"ruleId": *"DBG1[0-9][0-9]"' "$work/with.json" | wc -l)"
