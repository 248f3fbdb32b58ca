using DbGate.Core.Migrations;

namespace DbGate.Core.Setup;

/// <summary>
/// The dbgate.yml that <c>init</c> writes: what was found, the keys people change first with their defaults, and
/// the rest commented out. The schema line lets editors complete and check it.
/// </summary>
public static class ConfigTemplate
{
    public const string SchemaUrl = "https://raw.githubusercontent.com/dbgate-ci/dbgate/main/docs/schemas/dbgate.schema.json";

    public static string Render(string configDirectory, FoundMigrations found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var folder = ProjectPaths.Relative(configDirectory, found.Folder);
        return $$"""
            # yaml-language-server: $schema={{SchemaUrl}}
            # DbGate's configuration, written by `dotnet dbgate init`. Every key is optional; see README.md.
            migrations: {{folder}}{{Pad("migrations: " + folder)}}# {{found.Summary}} found here
            format: {{found.Format}}{{Pad("format: " + found.Format)}}# named, so a stray file cannot change what auto would detect
            {{Commands(found.Tool)}}fail_on: error                   # the lowest level that fails the gate: error, warning, note or none
            statement_timeout: 5min          # bounds every statement, so a hung migration cannot hang CI
            postgres:
              provider: auto                 # local binaries, else Docker; or an existing server with connection
              # image: postgres:17           # for the docker provider
              # connection: ${PG_CONNECTION} # for an existing server: read from the environment, never written here
              # versions: [15, 17]           # run the whole gate once per PostgreSQL version
            # reports:
            #   sarif: out/dbgate.sarif
            #   junit: out/dbgate.junit.xml
            #   json: out/dbgate.json
            #   markdown: out/dbgate.md
            # round_trip:
            #   data: false                  # also check that rows in existing tables survive each up and down
            #   irreversible: []             # migrations that are one-way on purpose: no DBG005 for them
            # rules:
            #   DBG006: note                 # re-level a rule, or switch it off with none

            """;
    }

    /// <summary>For command mode, the tool's commands as proposed (run in the project folder, which the list's paths start from).</summary>
    private static string Commands(CommandTool? tool) => tool is null ? "" : $$"""
        command:                         # {{tool.Name}} migrates in code: DbGate runs its commands with DATABASE_URL and PG* set
        {{(tool.Note is null ? "" : $"  # check: {tool.Note}\n")}}  up: {{Scalar(tool.Up)}}
          down: {{Scalar(tool.Down)}}
          list: {{Scalar(tool.List)}}
          history_tables: [{{string.Join(", ", tool.HistoryTables)}}]

        """;

    /// <summary>
    /// A command as a YAML scalar: plain when YAML reads it back unchanged, else single-quoted (a quote doubled), as a
    /// command holding ": " or " #" would otherwise be read as a mapping or cut at a comment.
    /// </summary>
    private static string Scalar(string value) =>
        value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.EndsWith(':') || "'\"{[&*!|>%@`#,?:-".Contains(value[0], StringComparison.Ordinal)
            ? $"'{value.Replace("'", "''", StringComparison.Ordinal)}'"
            : value;

    /// <summary>Spaces that line a comment up with the others (column 34), or one when the value is longer.</summary>
    private static string Pad(string line) => new(' ', Math.Max(1, 33 - line.Length));
}
