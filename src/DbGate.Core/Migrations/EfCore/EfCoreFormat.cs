using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations.EfCore;

/// <summary>
/// EF Core (Npgsql): a .csproj whose C# files declare migrations. The SQL comes from EF itself at run time (see
/// <see cref="EfPreparation"/>); findings point at the migration's Up or Down method.
/// </summary>
internal sealed class EfCoreFormat : IMigrationFormat
{
    public static readonly HistoryScope History = HistoryScope.Of("__EFMigrationsHistory");

    public string Name => "ef";

    public bool Recognises(DirectoryInfo folder)
    {
        try
        {
            return EfProject.Find(folder, new EfOptions(), folder.FullName) is not null;
        }
        catch (ConfigurationException)
        {
            return true; // several projects: it is EF, and discovery will say which to choose
        }
    }

    public MigrationSet Discover(DiscoveryContext context)
    {
        var (project, sources) = EfProject.Find(context.Folder, context.Options.Ef, context.ProjectRoot)
            ?? throw new ConfigurationException($"no EF Core project with migrations found in {context.Folder.FullName}; set ef.project in dbgate.yml");
        var directory = Path.GetDirectoryName(project)!;
        var output = context.Options.Ef.SqlOutput ?? Path.Combine(directory, "obj", "dbgate");
        var preparation = new EfPreparation(project, context.Options.Ef, context.ProjectRoot, sources, output);
        var declared = sources.Select((s, i) => new Migration(
            s.Id, Migration.PositionVersion(i), context.Script(Path.Combine(output, s.Id + ".up.sql")) with { Origin = s.Up },
            context.Script(Path.Combine(output, s.Id + ".down.sql")) with { Origin = s.Down },
            RunInTransaction: false));
        return new MigrationSet(Name, [.. declared], History) { Preparation = preparation };
    }
}
