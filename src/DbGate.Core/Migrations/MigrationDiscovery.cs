using DbGate.Core.Configuration;
using DbGate.Core.Migrations.EfCore;

namespace DbGate.Core.Migrations;

/// <summary>Finds the migrations in a folder, detecting the tool that wrote them when not told.</summary>
public static class MigrationDiscovery
{
    private static readonly PlainFolderFormat Plain = new();

    /// <summary>Every format, in the order detection reports them. Evolve shares Flyway's files (a project referencing Evolve picks it), RoundhousE grate's: only format: picks it.</summary>
    private static readonly IMigrationFormat[] Formats =
    [
        new GolangMigrateFormat(), new DieselFormat(), new DbmateFormat(), new FlywayFormat(), new EvolveFormat(),
        new LiquibaseFormat(), new SqitchFormat(), new GrateFormat(), new RoundhouseFormat(), new DbUpFormat(),
        new PrismaFormat(), new EfCoreFormat(), new CommandFormat(), Plain,
    ];

    public static IReadOnlyList<string> FormatNames => Formats.Select(f => f.Name).ToList();

    /// <summary>
    /// The formats whose files are in <paramref name="folder"/>: one for a clean project, several when it mixes tools,
    /// none when it holds no migrations. A plain folder of .sql files counts only when nothing else does.
    /// </summary>
    public static IReadOnlyList<string> Detect(string folder)
    {
        var directory = new DirectoryInfo(folder);
        return directory.Exists ? Recognised(directory).Select(f => f.Name).ToList() : [];
    }

    /// <summary>The migrations of a file-based format, in order; for tests and tools that need only the steps.</summary>
    public static IReadOnlyList<Migration> Discover(string folder, string projectRoot, string format = "auto") =>
        Open(folder, projectRoot, format, FormatOptions.Default).Migrations;

    /// <param name="format">A format name, or "auto" to detect it (command mode when dbgate.yml has a command: section).</param>
    public static MigrationSet Open(string folder, string projectRoot, string format, FormatOptions options)
    {
        var directory = new DirectoryInfo(folder);
        if (!directory.Exists)
            throw new ConfigurationException($"migrations folder not found: {folder}");
        MigrationSet set;
        var context = new DiscoveryContext(directory, projectRoot, options);
        try
        {
            var chosen = format == "auto" ? (options.Command is not null ? Named(CommandFormat.FormatName) : Detect(directory)) : Named(format);
            set = chosen.Discover(context);
            if (set.Migrations.Count == 0 && set.Commands is null)
                throw new ConfigurationException($"no {chosen.Name} migrations found in {folder}");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // Listing the folder or one of its subfolders failed; the exception does not say which, so name the folder.
            throw ScriptFiles.CannotRead($"the migrations folder {ProjectPaths.Relative(projectRoot, folder)}", e);
        }
        // Checked before any server starts, so an unreadable or escaping file costs nothing but one line. SQL a tool
        // generates at run time (EF Core) does not exist yet. A file discovery read is checked already.
        if (set.Preparation is null)
        {
            foreach (var script in set.Migrations.SelectMany(m => new[] { m.Up, m.Down, m.Verify }).OfType<MigrationScript>())
                context.Check(script.FullPath);
        }
        return set;
    }

    private static IMigrationFormat Named(string name) =>
        Formats.FirstOrDefault(f => f.Name == name)
        ?? throw new ConfigurationException($"unknown migration format '{name}'; known: auto, {string.Join(", ", FormatNames)}");

    private static List<IMigrationFormat> Recognised(DirectoryInfo directory)
    {
        var found = Formats.Where(f => f != Plain && f.Recognises(directory)).ToList();
        return found.Count == 0 && Plain.Recognises(directory) ? [Plain] : found;
    }

    /// <summary>The one format whose layout <paramref name="folder"/> follows, or null when none or several do.</summary>
    public static string? DetectFormat(string folder)
    {
        var directory = new DirectoryInfo(folder);
        var found = directory.Exists ? Recognised(directory) : [];
        return found.Count == 1 ? found[0].Name : null;
    }

    private static IMigrationFormat Detect(DirectoryInfo directory)
    {
        var found = Recognised(directory);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new ConfigurationException(
                $"no migrations found in {directory.FullName}: expected golang-migrate files (1_name.up.sql, 1_name.down.sql), diesel folders (2024-01-01-000000_name/up.sql), " +
                "Flyway (V1__name.sql), Liquibase, sqitch, dbmate, grate, DbUp, Prisma or EF Core migrations, ordered .sql files, or a command: section in dbgate.yml"),
            _ => throw new ConfigurationException(
                $"{directory.FullName} mixes migration formats ({string.Join(" and ", found.Select(f => f.Name))}); set format: in dbgate.yml"),
        };
    }
}
