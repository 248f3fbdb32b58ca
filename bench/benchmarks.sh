#!/usr/bin/env bash
# What the EXPLAIN benchmarks add to a run of the gate, on samples/shop-queries (21 000 seeded rows, two queries, three
# parameter sets): the gate without its seed and benchmarks sections; with them as committed (orders-of-customer breaks
# its thresholds, so the index advisor builds and measures its candidates); and with the advised index in a third
# migration (every benchmark passes, no advice; the third step's up, down and redo and the index kept up to date while
# seeding are in its time too, so it is not the benchmarks' cost without the advisor, only the fixed project's). REPS alternating rounds in one run, so all see the same machine load; prints each
# run's wall-clock and CPU time (the gate and the PostgreSQL it starts), then the medians and their ratios to the run
# without benchmarks. On a loaded machine the CPU ratio is the steadier figure.
#   bash bench/benchmarks.sh [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
source bench/lib.sh
build_cli
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for variant in without with fixed; do
  mkdir -p "$work/$variant" && cp -r samples/shop-queries/migrations "$work/$variant/"
done
sed -n '/^seed:/q;p' samples/shop-queries/dbgate.yml | grep -v '^reports:\|^  [a-z]*: out/' > "$work/without/dbgate.yml"
grep -v '^reports:\|^  [a-z]*: out/' samples/shop-queries/dbgate.yml > "$work/with/dbgate.yml"
cp "$work/with/dbgate.yml" "$work/fixed/dbgate.yml"
# Without CONCURRENTLY, so the step is checked in a transaction like the others rather than in a clone: the difference
# to "with" is then the benchmarks' own, not the clone's.
echo 'CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);' > "$work/fixed/migrations/0003_index.up.sql"
echo 'DROP INDEX orders_customer_id_idx;' > "$work/fixed/migrations/0003_index.down.sql"
# Prints "wall cpu" in seconds for one run of the gate on one variant.
run() {
  local code=0 TIMEFORMAT='%R %U %S'
  { time dotnet src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll check "$work/$1" --provider local >/dev/null 2>"$work/$1.err" || code=$?; } 2>"$work/$1.time"
  if ((code > 1)); then echo "run $1 exited $code: $(tail -1 "$work/$1.err")" >&2; exit 1; fi
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/$1.time"
}
declare -A wall cpu
order=(without with fixed)
for ((i = 0; i < reps; i++)); do
  line="round $((i + 1)):"
  for variant in "${order[@]}"; do
    r=$(run "$variant"); wall[$variant]+="${r% *} "; cpu[$variant]+="${r#* } "
    line+=$(printf ' %s %6.2f s wall %6.2f s CPU;' "$variant" "${r% *}" "${r#* }")
  done
  echo "$line load average $(cut -d' ' -f1-3 /proc/loadavg)"
  order=("${order[2]}" "${order[0]}" "${order[1]}")  # rotate, so no variant always runs first
done
wo=$(median "${wall[without]}"); co=$(median "${cpu[without]}")
for variant in without with fixed; do
  w=$(median "${wall[$variant]}"); c=$(median "${cpu[$variant]}")
  printf 'median %-7s %6.2f s wall (ratio %5.3f), %6.2f s CPU (ratio %5.3f)\n' "$variant" "$w" "$(echo "$w / $wo" | bc -l)" "$c" "$(echo "$c / $co" | bc -l)"
done
