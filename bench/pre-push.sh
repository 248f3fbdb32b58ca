#!/usr/bin/env bash
# What a pre-push hook costs. The packed tool, installed as users install it (a local tool manifest), in a git
# repository holding the crates.io migrations on main plus one new migration, all measured in this one run:
#   - the full check of all migrations;
#   - check --changed, cold (it builds the prefix cache) and warm (median of 3): target at most 1/4 of the full check.
# Startup (dotnet dbgate --version) has its own script: bench/startup.sh.
#   bash bench/pre-push.sh [MIGRATIONS_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(realpath "${1:-../shared/corpora/crates-io/migrations}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -n "${KEEP:-}" ]] && trap - EXIT && echo "work: $work"
source bench/lib.sh
export DBGATE_CACHE="$work/cache"
export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com

pack_tool "$work"

repo="$work/repo"
mkdir -p "$repo"
cd "$repo"
git init -q -b main
cp -r "$corpus" migrations
install_local_tool "$work"
git add -A && git commit -q -m "crates.io migrations"
git checkout -q -b feature
new=migrations/2099-12-31-000000-0000_add_users_nickname
mkdir "$new"
echo 'ALTER TABLE users ADD COLUMN nickname text;' > "$new/up.sql"
echo 'ALTER TABLE users DROP COLUMN nickname;' > "$new/down.sql"
git add -A && git commit -q -m "one new migration"

now() { date +%s.%N; }
# Exit 1 (findings: crates.io has real broken downs) is a finished run; anything above it stops the bench.
seconds() {
  local start status=0
  start=$(now)
  "$@" >"$work/last.log" 2>&1 || status=$?
  if ((status > 1)); then echo "exit $status: $*" >&2; cat "$work/last.log" >&2; return 1; fi
  echo "$(now) - $start" | bc
}

full=$(seconds dotnet dbgate check migrations --provider local)
cold=$(seconds dotnet dbgate check migrations --provider local --changed --base main)
warm=$(for _ in 1 2 3; do seconds dotnet dbgate check migrations --provider local --changed --base main; done | median)

ratio=$(echo "scale=3; $warm / $full" | bc)
printf '%-52s %8s\n' "what (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))" "seconds"
printf '%-52s %8.2f\n' "full check, $(ls -d migrations/*/ | wc -l) migrations" "$full"
printf '%-52s %8.2f\n' "check --changed, cold (builds the prefix cache)" "$cold"
printf '%-52s %8.2f\n' "check --changed, warm (median of 3)" "$warm"
printf 'warm --changed / full check = %s (target <= 0.25): %s\n' "$ratio" "$( (( $(echo "$ratio <= 0.25" | bc) )) && echo met || echo MISSED)"
