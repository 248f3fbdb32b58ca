#!/usr/bin/env bash
# Where starting DbGate spends its time, all in this one run and interleaved round by round, so the machine's load
# falls on each command alike (median of ROUNDS, default 15):
#   - dotnet --version: the SDK's own start, which every `dotnet TOOL` pays first;
#   - a minimal console app (one Console.WriteLine) under dotnet exec: the runtime's floor;
#   - dotnet exec dotnet-dbgate.dll --version, --help and check --help: the tool alone; check --help is the first
#     call that builds the System.CommandLine tree;
#   - dotnet dbgate --version and --help from a local tool manifest, as a hook or a user calls it: the SDK starts,
#     finds the tool in the manifest, and starts it as a second process (`dotnet <dll>`);
#   - the same tool installed globally: `dotnet dbgate --version` (the SDK finds dotnet-dbgate on PATH and starts
#     it) and the global tool's own launcher `dotnet-dbgate --version`, which the pre-push hook runs when no tool
#     manifest pins DbGate: no SDK at all;
#   - dotnet dbgate --version with the SDK's telemetry on (its default; every other row runs with it off, as the hook
#     runs dotnet dbgate).
# Target (issue 19): dotnet dbgate --version under 0.3 s.
#   bash bench/startup.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
rounds=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pack_tool "$work"

# The floor: the smallest console app, built with the same target framework and invariant globalization as the tool.
mkdir "$work/hello"
printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup></Project>\n' > "$work/hello/hello.csproj"
echo 'System.Console.WriteLine("0.1.0");' > "$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -o "$work/hello/out" -v quiet -nologo >/dev/null

mkdir -p "$work/repo"
cd "$work/repo"
install_local_tool "$work"
dll="$NUGET_PACKAGES/dbgate/$version/tools/net10.0/any/dotnet-dbgate.dll"
# The global install, in a folder of its own (what `dotnet tool install -g` does under ~/.dotnet/tools).
dotnet tool install DbGate --version "$version" --tool-path "$work/global" >/dev/null
mkdir "$work/elsewhere" # no tool manifest here: `dotnet dbgate` must find the global tool on PATH

labels=("dotnet --version" "minimal console app (dotnet exec)" "dotnet exec dotnet-dbgate.dll --version"
  "dotnet exec dotnet-dbgate.dll --help" "dotnet exec dotnet-dbgate.dll check --help" "dotnet dbgate --version (local tool)"
  "dotnet dbgate --help (local tool)" "dotnet dbgate --version (global tool)" "dotnet-dbgate --version (global launcher)"
  "dotnet dbgate --version (local, SDK telemetry on)")
run() {
  case $1 in
    0) dotnet --version ;;
    1) dotnet exec "$work/hello/out/hello.dll" ;;
    2) dotnet exec "$dll" --version ;;
    3) dotnet exec "$dll" --help ;;
    4) dotnet exec "$dll" check --help ;;
    5) dotnet dbgate --version ;;
    6) dotnet dbgate --help ;;
    7) (cd "$work/elsewhere" && PATH="$work/global:$PATH" dotnet dbgate --version) ;;
    8) "$work/global/dotnet-dbgate" --version ;;
    9) env -u DOTNET_CLI_TELEMETRY_OPTOUT dotnet dbgate --version ;;
  esac
}
for i in "${!labels[@]}"; do run "$i" >/dev/null; done # warm the file cache and the SDK's tool cache
for ((r = 0; r < rounds; r++)); do
  for i in "${!labels[@]}"; do
    start=$(date +%s%N)
    run "$i" >/dev/null
    echo "scale=4; ($(date +%s%N) - $start) / 1000000000" | bc >> "$work/t$i"
  done
done
declare -a m
printf '%-48s %8s\n' "what, median of $rounds (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))" "seconds"
for i in "${!labels[@]}"; do
  m[i]=$(median < "$work/t$i")
  printf '%-48s %8.3f\n' "${labels[i]}" "${m[i]}"
done
floor=$(echo "${m[0]} + ${m[1]}" | bc)
printf 'the tool alone: --version = %s x the minimal app\n' "$(echo "scale=2; ${m[2]} / ${m[1]}" | bc)"
printf 'dotnet dbgate --version (local) = %s x (dotnet --version + minimal app = %s s), the floor of any `dotnet TOOL`\n' "$(echo "scale=2; ${m[5]} / $floor" | bc)" "$floor"
printf 'of dotnet dbgate --version (local): the tool %s s, the SDK before and around it %s s\n' "${m[2]}" "$(echo "${m[5]} - ${m[2]}" | bc)"
printf 'dotnet dbgate --version = %s s (target < 0.3 s): %s\n' "${m[5]}" "$( (($(echo "${m[5]} < 0.3" | bc))) && echo met || echo "MISSED on this machine")"
printf 'the global launcher = %s x dotnet dbgate --version (local)\n' "$(echo "scale=2; ${m[8]} / ${m[5]}" | bc)"
printf 'SDK telemetry on = %s x off, for dotnet dbgate --version (local)\n' "$(echo "scale=2; ${m[9]} / ${m[5]}" | bc)"
