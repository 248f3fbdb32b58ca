using DbGate.Core.Results;

namespace DbGate.Core.Migrations.EfCore;

/// <summary>
/// Builds the EF Core project, lists its migrations with dotnet ef, and asks EF for each step's up and down SQL
/// (<c>migrations script previous this</c> and the reverse), kept as files the reports point to.
/// </summary>
internal sealed class EfPreparation(string project, EfOptions options, string projectRoot, IReadOnlyList<EfMigrationSource> sources, string output) : IMigrationPreparation
{
    public const string Hint =
        "EF runs each migration in a transaction: give the statement a migration of its own with migrationBuilder.Sql(…, suppressTransaction: true), or .IsCreatedConcurrently() for an index";

    public async Task<MigrationSet> PrepareAsync(Action<string> log, CancellationToken cancellationToken)
    {
        log($"building {ProjectPaths.Relative(projectRoot, project)} and asking dotnet ef for its migrations' SQL");
        var tool = await EfTool.RestoreAsync(project, options, cancellationToken);
        await tool.BuildAsync(projectRoot, cancellationToken);
        var ids = await tool.ListAsync(cancellationToken);
        Directory.CreateDirectory(output);
        // Two dotnet ef processes at a time per core: each spends most of its time starting up.
        using var slots = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
        var scripts = ids.SelectMany((id, i) => new[] { (From: i == 0 ? "0" : ids[i - 1], To: id, File: ScriptPath(id, "up")), (From: id, To: i == 0 ? "0" : ids[i - 1], File: ScriptPath(id, "down")) });
        await Task.WhenAll(scripts.Select(async s =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await tool.ScriptAsync(s.From, s.To, s.File, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        var migrations = ids.Select((id, i) => Migration(id, i)).ToList();
        return new MigrationSet("ef", migrations, EfCoreFormat.History);
    }

    private Migration Migration(string id, int index)
    {
        var source = sources.FirstOrDefault(s => s.Id == id);
        var fallback = new SourceLocation(ProjectPaths.Relative(projectRoot, project));
        // dotnet ef writes its files with a byte order mark; EF itself never sends one, so the text is read without it.
        MigrationScript Script(string direction, SourceLocation? origin) =>
            ProjectPaths.Script(projectRoot, ScriptPath(id, direction)) with { Origin = origin ?? fallback, Text = File.ReadAllText(ScriptPath(id, direction)) };

        // EF writes its transactions into the script (START TRANSACTION … COMMIT per migration, none around a
        // suppressed statement), so the script runs as written and its own transaction control decides.
        return new Migration(id, Migrations.Migration.PositionVersion(index), Script("up", source?.Up), Script("down", source?.Down), RunInTransaction: false)
        {
            OutsideTransactionHint = Hint,
        };
    }

    private string ScriptPath(string id, string direction) => Path.Combine(output, $"{id}.{direction}.sql");
}
