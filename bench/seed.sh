#!/usr/bin/env bash
# DbGate's seed generator against the server's own INSERT … SELECT … FROM generate_series: one million rows over
# three related tables (customers, orders, order_items: a unique column, enums, CHECKs, foreign keys), alternately
# in one run, on one local PostgreSQL. Prints each round, the median generator time and the median ratio.
#   bash bench/seed.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release bench/seed-bench.cs -- "${1:-5}" bench/seed-bench.cs
