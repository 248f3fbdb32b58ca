namespace DbGate.Core.Setup;

/// <summary>
/// A migration tool that migrates in code, recognised by its files, with the command mode init proposes for it: the
/// tool's own one-step up and down, and a list that prints its migration files in the order the tool runs them (by
/// name), each with its file, so a finding points at the step's source.
/// </summary>
/// <param name="Files">The tool's migrations, relative to the project folder, in its order.</param>
public sealed record CommandTool(string Name, string Up, string Down, string List, IReadOnlyList<string> HistoryTables, IReadOnlyList<string> Files)
{
    private static readonly string[] KnexFiles = ["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"];
    private static readonly string[] KnexExtensions = [".js", ".ts", ".cjs", ".mjs"];

    /// <summary>Rails (ActiveRecord) or Knex in <paramref name="folder"/>; null for neither. Reads files only.</summary>
    public static CommandTool? Recognise(DirectoryInfo folder)
    {
        var rails = Path.Combine(folder.FullName, "db", "migrate");
        if (Directory.Exists(rails) && Migrations.SourceText.LinesForDetection(Path.Combine(folder.FullName, "Gemfile")).Any(l => l.Contains("\"rails\"", StringComparison.Ordinal) || l.Contains("'rails'", StringComparison.Ordinal)))
        {
            return new CommandTool(
                "rails", "bin/rails db:forward", "bin/rails db:rollback",
                "for f in db/migrate/*.rb; do printf '%s\\t%s\\n' \"$(basename \"$f\" .rb)\" \"$f\"; done",
                ["schema_migrations", "ar_internal_metadata"], Names(rails, "db/migrate", [".rb"]));
        }
        var knex = Path.Combine(folder.FullName, "migrations");
        if (Directory.Exists(knex) && KnexFiles.Any(f => File.Exists(Path.Combine(folder.FullName, f))))
        {
            return new CommandTool(
                "knex", "npx knex migrate:up", "npx knex migrate:down",
                "for f in migrations/*.js migrations/*.ts migrations/*.cjs migrations/*.mjs; do [ -e \"$f\" ] && printf '%s\\t%s\\n' \"$(basename \"$f\")\" \"$f\"; done | LC_ALL=C sort",
                ["knex_migrations", "knex_migrations_lock"], Names(knex, "migrations", KnexExtensions));
        }
        return null;
    }

    private static List<string> Names(string directory, string relative, string[] extensions) =>
        [.. Directory.EnumerateFiles(directory).Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal)).Select(f => $"{relative}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal)];
}
