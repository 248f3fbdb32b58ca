namespace DbGate.Core.Migrations;

/// <summary>
/// DbUp: a .NET project referencing dbup-postgresql whose .sql files are embedded scripts, run once each in the order
/// of their resource names (the path with '.' for '/', compared ordinally), forward only. By default DbUp uses no
/// transaction and sends a script as one command, which PostgreSQL runs as one implicit transaction when it holds several statements.
/// </summary>
internal sealed class DbUpFormat : IMigrationFormat
{
    public string Name => "dbup";

    public bool Recognises(DirectoryInfo folder) =>
        folder.EnumerateFiles("*.csproj").Any(p => SourceText.LinesForDetection(p.FullName).Any(l => l.Contains("\"dbup", StringComparison.OrdinalIgnoreCase)));

    public MigrationSet Discover(DiscoveryContext context)
    {
        var root = context.Folder.FullName;
        var scripts = Directory.EnumerateFiles(root, "*.sql", SearchOption.AllDirectories)
            .Select(f => (File: f, Resource: ProjectPaths.Relative(root, f)))
            .Where(s => !s.Resource.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
            .OrderBy(s => s.Resource.Replace('/', '.'), StringComparer.Ordinal)
            .Select((s, index) => new Migration(s.Resource, Migration.PositionVersion(index), context.Script(s.File), null)
            {
                OneStatementRunsAlone = true,
                DownExpected = false,
                OutsideTransactionHint = "DbUp sends a script as one command: put the statement in a script of its own",
            })
            .ToList();
        return new MigrationSet(Name, scripts, HistoryScope.Of("schemaversions"), ForwardOnly: true);
    }
}
