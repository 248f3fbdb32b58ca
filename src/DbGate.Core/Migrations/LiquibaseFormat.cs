using System.Text.RegularExpressions;

namespace DbGate.Core.Migrations;

/// <summary>
/// Liquibase formatted SQL: each <c>--changeset</c> is a step, in changelog order; its <c>--rollback</c> is the down. A
/// changeset runs in a transaction unless <c>runInTransaction:false</c>; with <c>splitStatements:false</c> Liquibase sends
/// it as one statement, which PostgreSQL wraps in an implicit transaction when it holds several.
/// </summary>
internal sealed partial class LiquibaseFormat : IMigrationFormat
{
    private const string Hint = "move the statement to a changeset of its own with runInTransaction:false";

    public string Name => "liquibase";

    /// <summary>
    /// A root changelog here; or formatted SQL below and no root changelog in a subfolder, whose folder is then where
    /// Liquibase starts: from above it, the changelog's order would be lost to file-name order (init found the parent).
    /// </summary>
    public bool Recognises(DirectoryInfo folder) =>
        LiquibaseChangelog.Root(folder) is not null
        || (folder.EnumerateFiles("*.sql", SourceText.Recursive).Take(500).Any(f => LiquibaseSqlFile.IsFormatted(f.FullName))
            && !folder.EnumerateDirectories("*", SourceText.Recursive).Take(500).Any(d => LiquibaseChangelog.Root(d) is not null));

    public MigrationSet Discover(DiscoveryContext context)
    {
        var changesets = LiquibaseChangelog.Files(context)
            .SelectMany(file => LiquibaseSqlFile.Read(SourceText.Read(context, file), context.Relative(file)).Select(c => (File: file, Changeset: c)))
            .ToList();
        var notices = new List<string>();
        var migrations = new List<Migration>();
        var ambiguous = changesets.GroupBy(c => $"{c.Changeset.Author}:{c.Changeset.Id}").Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, changeset) in changesets)
        {
            var name = $"{changeset.Author}:{changeset.Id}";
            if (!changeset.AppliesToPostgres)
            {
                notices.Add($"{changeset.File}:{changeset.Line}: changeset {name} is skipped, as Liquibase skips it: its dbms is {changeset.Attribute("dbms")}");
                continue;
            }
            if (changeset.Preconditions.Count > 0)
                notices.Add($"{changeset.File}:{changeset.Preconditions[0]}: the preconditions of changeset {name} are not honoured: DbGate runs the changeset as if they held");
            migrations.Add(Step(context, file, changeset, ambiguous.Contains(name) ? $"{changeset.File}::{name}" : name, migrations.Count));
        }
        var forwardOnly = changesets.All(c => c.Changeset.Rollback is null && !c.Changeset.RollbackNotRequired);
        if (forwardOnly)
            migrations = [.. migrations.Select(m => m with { DownExpected = false })];
        return new MigrationSet(Name, migrations, HistoryScope.Of("databasechangelog", "databasechangeloglock"), forwardOnly) { Notices = notices };
    }

    private static Migration Step(DiscoveryContext context, string file, LiquibaseChangeset changeset, string id, int index)
    {
        var inTransaction = !changeset.Is("runInTransaction", "false");
        MigrationScript Script(string text, string split, string? delimiter)
        {
            var replaced = Placeholders.Replace(Delimited(text, delimiter), context.Options.Placeholders, strict: false, changeset.File);
            var oneQuery = changeset.Is(split, "false");
            return context.Script(file) with { Text = replaced, Transaction = (inTransaction || oneQuery, oneQuery && !inTransaction) };
        }

        var up = Script(changeset.Body, "splitStatements", changeset.Attribute("endDelimiter"));
        var down = changeset.Rollback is { } rollback ? Script(rollback, "rollbackSplitStatements", changeset.Attribute("rollbackEndDelimiter")) : null;
        return new Migration(id, Migration.PositionVersion(index), up, down, up.Transaction!.Value.RunInTransaction)
        {
            OneStatementRunsAlone = up.Transaction!.Value.OneStatementRunsAlone,
            DownExpected = !changeset.RollbackNotRequired,
            FailureTolerated = changeset.Is("failOnError", "false"),
            OutsideTransactionHint = Hint,
        };
    }

    /// <summary>
    /// With endDelimiter, Liquibase ends statements where the delimiter ends a line; DbGate's splitter ends them at
    /// semicolons, so the delimiter becomes one (padded to its width: columns do not move).
    /// </summary>
    private static string Delimited(string text, string? delimiter) =>
        string.IsNullOrEmpty(delimiter) || delimiter == ";"
            ? text
            : new Regex($"{Regex.Escape(delimiter)}(?=[ \\t]*(\\r?\\n|$))").Replace(text, ";" + new string(' ', delimiter.Length - 1));
}
