#!/usr/bin/env bash
# What starting DbGate costs beside what starting .NET costs, all in this one run and interleaved round by round, so
# the machine's load falls on each command alike (median of ROUNDS, default 15):
#   - dotnet --version: the SDK's own start, which `dotnet dbgate` pays first (the SDK finds the tool in the manifest);
#   - a minimal console app (one Console.WriteLine) under dotnet exec: the runtime's floor;
#   - dotnet exec dotnet-dbgate.dll --version, --help and check --help: the tool alone; check --help is the first
#     call that builds the System.CommandLine tree;
#   - dotnet dbgate --version and --help: as a hook or a user calls it, from a local tool manifest.
# Target (issue 19): dotnet dbgate --version under 0.3 s.
#   bash bench/startup.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private NuGet folder and CLI home, as in pre-push.sh: the SDK's tool cache knows a package by id and version only.
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_HOME="$work/cli-home" NO_COLOR=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet pack src/DbGate.Cli -c Release -o "$work/feed" -v quiet -nologo >/dev/null
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)

# The floor: the smallest console app, built with the same target framework and invariant globalization as the tool.
mkdir "$work/hello"
printf '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup></Project>\n' > "$work/hello/hello.csproj"
echo 'System.Console.WriteLine("0.1.0");' > "$work/hello/Program.cs"
dotnet build "$work/hello" -c Release -o "$work/hello/out" -v quiet -nologo >/dev/null

mkdir -p "$work/repo/.config"
cd "$work/repo"
printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>\n' "$work/feed" > nuget.config
echo '{ "version": 1, "isRoot": true, "tools": {} }' > .config/dotnet-tools.json
dotnet tool install DbGate --version "$version" >/dev/null
dll="$NUGET_PACKAGES/dbgate/$version/tools/net10.0/any/dotnet-dbgate.dll"

labels=("dotnet --version" "minimal console app (dotnet exec)" "dotnet exec dotnet-dbgate.dll --version"
  "dotnet exec dotnet-dbgate.dll --help" "dotnet exec dotnet-dbgate.dll check --help" "dotnet dbgate --version" "dotnet dbgate --help")
run() {
  case $1 in
    0) dotnet --version ;;
    1) dotnet exec "$work/hello/out/hello.dll" ;;
    2) dotnet exec "$dll" --version ;;
    3) dotnet exec "$dll" --help ;;
    4) dotnet exec "$dll" check --help ;;
    5) dotnet dbgate --version ;;
    6) dotnet dbgate --help ;;
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
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -a m
printf '%-48s %8s\n' "what, median of $rounds (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))" "seconds"
for i in "${!labels[@]}"; do
  m[i]=$(median "$work/t$i")
  printf '%-48s %8.3f\n' "${labels[i]}" "${m[i]}"
done
floor=$(echo "${m[0]} + ${m[1]}" | bc)
printf 'the tool alone: --version = %s x the minimal app\n' "$(echo "scale=2; ${m[2]} / ${m[1]}" | bc)"
printf 'dotnet dbgate --version = %s x (dotnet --version + minimal app = %s s), the floor of any `dotnet TOOL`\n' "$(echo "scale=2; ${m[5]} / $floor" | bc)" "$floor"
printf 'dotnet dbgate --version = %s s (target < 0.3 s): %s\n' "${m[5]}" "$( (($(echo "${m[5]} < 0.3" | bc))) && echo met || echo "MISSED on this machine")"
