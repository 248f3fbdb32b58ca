using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>
/// Command mode, for tools that migrate in code (Alembic, Knex, Rails, FluentMigrator, EF Core bundles…): no files are
/// read; dbgate.yml's command: section names the tool's up-one, down-one and list commands, run once the server is up.
/// </summary>
internal sealed class CommandFormat : IMigrationFormat
{
    public const string FormatName = "command";

    public string Name => FormatName;

    public bool Recognises(DirectoryInfo folder) => false;

    public MigrationSet Discover(DiscoveryContext context)
    {
        var commands = context.Options.Command
            ?? throw new ConfigurationException("format: command needs a command: section in dbgate.yml with up, down and list");
        var tables = commands.HistoryTables.Where(t => !t.EndsWith(".*", StringComparison.Ordinal)).ToList();
        var schemas = commands.HistoryTables.Where(t => t.EndsWith(".*", StringComparison.Ordinal)).Select(t => t[..^2]).ToList();
        return new MigrationSet(Name, [], new HistoryScope(tables, schemas)) { Commands = commands with { ProjectRoot = context.ProjectRoot } };
    }
}
