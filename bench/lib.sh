# What the bench/ scripts share. Source it from the repository root: `source bench/lib.sh`.

# The Release CLI, as the scripts that time the gate itself run it: dotnet "$cli" check ...
cli=src/DbGate.Cli/bin/Release/net10.0/dotnet-dbgate.dll
build_cli() { dotnet build src/DbGate.Cli -c Release -v quiet -nologo >/dev/null; }

# The median of the numbers given (one argument each, or several in one space-separated argument), else of those on
# stdin, one a line. Arguments are split on purpose, so "${wall[x]}" holding "1.2 1.3 1.1 " works as well.
median() {
  # shellcheck disable=SC2048,SC2086
  { if (($#)); then printf '%s\n' $*; else cat; fi; } |
    sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Packs the tool (Release) into WORK/feed and sets $version. NuGet's packages folder and the CLI's home move into WORK:
# the SDK's local-tool cache (~/.dotnet/toolResolverCache) knows a package by id and version only, and would point
# `dotnet dbgate` at an earlier run's packages.
pack_tool() {
  export NUGET_PACKAGES="$1/packages" DOTNET_CLI_HOME="$1/cli-home" NO_COLOR=1 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
  dotnet pack src/DbGate.Cli -c Release -o "$1/feed" -v quiet -nologo >/dev/null
  version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
}

# In the current folder, as a user sets a repository up: a nuget.config that knows only WORK/feed, a tool manifest,
# and the packed DbGate installed into it (so `dotnet dbgate` works here).
install_local_tool() {
  mkdir -p .config
  printf '<configuration><packageSources><clear /><add key="feed" value="%s" /></packageSources></configuration>\n' "$1/feed" > nuget.config
  echo '{ "version": 1, "isRoot": true, "tools": {} }' > .config/dotnet-tools.json
  dotnet tool install DbGate --version "$version" >/dev/null
}
