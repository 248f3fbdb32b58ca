#!/usr/bin/env bash
# What a 100 MB migration costs: the gate on a 100 MB data migration (a thousand INSERTs of 105 KB) against the same
# thousand INSERTs with 105-byte values (0.1 MB), side by side in one run. Prints wall time and peak memory of each
# and their ratios.
#   bash bench/huge-file.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
build_cli
cli=src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

project() { # project NAME PAYLOAD_LENGTH
  mkdir -p "$work/$1"
  printf 'CREATE TABLE huge (id int, payload text);\n' > "$work/$1/1_create_huge.up.sql"
  printf 'DROP TABLE huge;\n' > "$work/$1/1_create_huge.down.sql"
  python3 -c "import sys; p='x'*int(sys.argv[1]); print(''.join(f\"INSERT INTO huge VALUES ({i}, '{p}');\n\" for i in range(1, 1001)), end='')" "$2" \
    > "$work/$1/2_backfill.up.sql"
  printf 'DELETE FROM huge;\n' > "$work/$1/2_backfill.down.sql"
}

measure() { # measure NAME -> "seconds kilobytes"
  /usr/bin/time -f '%e %M' -o "$work/$1.time" dotnet exec "$cli" check "$work/$1" >/dev/null 2>&1 || true
  cat "$work/$1.time"
}

project small 105
project huge 105000
printf 'file sizes: small %s bytes, huge %s bytes\n' "$(stat -c %s "$work/small/2_backfill.up.sql")" "$(stat -c %s "$work/huge/2_backfill.up.sql")"
read -r small_s small_kb < <(measure small)
read -r huge_s huge_kb < <(measure huge)
printf 'small: %s s, %s MB peak\nhuge:  %s s, %s MB peak\n' "$small_s" "$((small_kb / 1024))" "$huge_s" "$((huge_kb / 1024))"
printf 'ratio huge/small: time %.1f, memory %.1f\n' "$(echo "$huge_s / $small_s" | bc -l)" "$(echo "$huge_kb / $small_kb" | bc -l)"
