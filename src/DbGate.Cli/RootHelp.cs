namespace DbGate.Cli;

/// <summary>
/// The top-level <c>--help</c>, answered before System.CommandLine is loaded: building and rendering its tree
/// JIT-compiles most of that library, which costs about 0.2 s on every call. The text is what System.CommandLine
/// prints for the full tree (at unlimited width, as when output is redirected); a test renders the real tree and
/// compares, so a changed command or description fails the build until this text follows.
/// </summary>
internal static class RootHelp
{
    public static bool Asks(string[] args) => args is ["--help"] or ["-h"] or ["-?"];

    public const string Text = """
        Description:
          DbGate: a CI quality gate for PostgreSQL migrations.

        Usage:
          dotnet-dbgate [command] [options]

        Options:
          -?, -h, --help  Show help and usage information
          --version       Show version information

        Commands:
          check <path>          Apply every migration forward, back and forward again on an ephemeral PostgreSQL, and report what breaks.
          init <path>           Find the migrations folder and format, and write a commented dbgate.yml
          hook                  Manage the git pre-push hook
          stats                 Production statistics for the lint.
          baseline <path>       Run the gate and write the findings it reports to a baseline file: check then fails only on new ones.
          docs <path>           Apply every up and write a Markdown data dictionary per schema with a Mermaid ER diagram.
          explain <sql> <path>  Apply every up, seed as dbgate.yml says, and show the statement's EXPLAIN ANALYZE plan as a tree, offending nodes marked.
          benchmark <path>      Run the gate and its EXPLAIN benchmarks; with --update-baseline, record them as the baseline check compares with.

        """;
}
