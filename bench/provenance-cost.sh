#!/usr/bin/env bash
# What statement-level provenance costs with the lint off: with `lint: enabled: false` the health checks still observe
# each up (not the downs) so that origins are statements, not migrations. Runs the gate on the crates.io corpus with
# the lint off and health on, with this build and with a build of an earlier commit that observed nothing with the lint
# off (BASE_DLL), alternating, ROUNDS times each in this one run; also this build with the lint on, for scale. Prints
# every time, the medians and the ratios.
#   BASE_DLL=/path/to/base/src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll bash bench/provenance-cost.sh [MIGRATIONS_FOLDER] [ROUNDS]
# A base build: git archive <commit> | tar -x -C DIR && (cd DIR && dotnet build src/DbGate.Cli -c Release)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
rounds=${2:-3}
base=${BASE_DLL:?set BASE_DLL to the dotnet-dbgate.dll of a build to compare with}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/DbGate.Cli -c Release -v quiet -nologo >/dev/null
tool=(dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll)
printf 'migrations: %s\nlint:\n  enabled: false\n' "$corpus" >"$work/off.yml"
printf 'migrations: %s\n' "$corpus" >"$work/on.yml"
now() { date +%s.%N; }
timed() { local start; start=$(now); "$@" >/dev/null 2>&1 || true; echo "$(now) - $start" | bc; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/new.txt"; : >"$work/base.txt"; : >"$work/lint.txt"
for round in $(seq "$rounds"); do
  new=$(timed "${tool[@]}" check "$work" --config "$work/off.yml" --provider local); echo "$new" >>"$work/new.txt"
  old=$(timed dotnet "$base" check "$work" --config "$work/off.yml" --provider local); echo "$old" >>"$work/base.txt"
  lint=$(timed "${tool[@]}" check "$work" --config "$work/on.yml" --provider local); echo "$lint" >>"$work/lint.txt"
  printf 'round %d: lint off, ups observed %6.2f s; lint off, nothing observed (base) %6.2f s; lint on %6.2f s\n' "$round" "$new" "$old" "$lint"
done
new=$(median <"$work/new.txt"); old=$(median <"$work/base.txt"); lint=$(median <"$work/lint.txt")
printf 'median lint off, ups observed:          %6.2f s\n' "$new"
printf 'median lint off, nothing observed:      %6.2f s\n' "$old"
printf 'median lint on:                         %6.2f s\n' "$lint"
printf 'ratio ups observed / nothing observed:  %6.3f\n' "$(echo "$new / $old" | bc -l)"
printf 'ratio lint on / nothing observed:       %6.3f\n' "$(echo "$lint / $old" | bc -l)"
