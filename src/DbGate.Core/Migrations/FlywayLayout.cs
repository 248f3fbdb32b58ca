using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>How one tool of the Flyway family reads <c>V…__</c>, <c>U…__</c> and <c>R__</c> scripts.</summary>
/// <param name="FirstLineOptions">Evolve's: a first line naming <c>evolve-tx-off</c> runs the script outside a transaction,
/// <c>evolve-repeat-always</c> reruns a repeatable every time; null for a tool that reads no such comment.</param>
internal sealed record FlywayDialect(string Name, string DefaultTable, bool Undo, bool DetectsNonTransactional, bool StrictPlaceholders, string? FirstLineOptions = null);

/// <summary>
/// The Flyway family's layout, shared by Flyway and Evolve: versioned scripts in version order, then repeatables in
/// description order; undo scripts as the downs where the tool has them; placeholders replaced before anything runs.
/// </summary>
internal static partial class FlywayLayout
{
    private static readonly string[] ConventionalLocations = ["sql", "migrations", Path.Combine("db", "migration"), Path.Combine("src", "main", "resources", "db", "migration")];

    public static bool Recognises(DirectoryInfo folder) =>
        Locations(folder, FlywayConfig.Find(folder)).Any(l => Scripts(l).Any(f => f.Prefix is "V" or "R"));

    public static MigrationSet Discover(DiscoveryContext context, FlywayDialect dialect)
    {
        var config = FlywayConfig.Find(context.Folder);
        var table = config?.Table ?? dialect.DefaultTable;
        var values = new Dictionary<string, string>(config?.Placeholders ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in context.Options.Placeholders)
            values[key] = value;
        var scripts = Locations(context.Folder, config).SelectMany(Scripts).Where(s => dialect.Undo || s.Prefix != "U").ToList();

        MigrationScript Load(ScriptFile file)
        {
            var builtIn = new Dictionary<string, string>(values, StringComparer.Ordinal)
            {
                ["flyway:defaultSchema"] = "public",
                ["flyway:table"] = table,
                ["flyway:filename"] = file.Info.Name,
                ["flyway:workingDirectory"] = context.ProjectRoot,
            };
            var text = SourceText.Read(context, file.Info.FullName);
            if (config?.ReplacePlaceholders ?? true)
                text = Placeholders.Replace(text, builtIn, dialect.StrictPlaceholders, context.Relative(file.Info.FullName));
            return context.Script(file.Info.FullName) with { Text = text };
        }

        var undos = Versioned(scripts, "U", context);
        var migrations = new List<Migration>();
        foreach (var (version, file) in Versioned(scripts, "V", context).OrderBy(v => v.Key, FlywayVersion.Instance))
        {
            var up = Load(file);
            var down = undos.TryGetValue(version, out var undo) ? Load(undo) : null;
            migrations.Add(Step(file, FlywayVersion.Normalised(version), up, down, dialect, config) with { DownExpected = dialect.Undo });
        }
        var orphan = undos.Keys.FirstOrDefault(u => !migrations.Any(m => FlywayVersion.Instance.Equals(m.Version, u)));
        if (orphan is not null)
            throw new ConfigurationException($"{context.Relative(undos[orphan].Info.FullName)} undoes version {FlywayVersion.Normalised(orphan)}, which has no V script");
        foreach (var file in scripts.Where(s => s.Prefix == "R").OrderBy(s => s.Description, StringComparer.Ordinal))
        {
            var up = Load(file);
            var always = HasFirstLineOption(up, dialect, "repeat-always");
            migrations.Add(Step(file, "R:" + file.Description, up, null, dialect, config) with { DownExpected = false, Reruns = always ? Rerun.Always : Rerun.WhenChanged });
        }

        var forwardOnly = !dialect.Undo || undos.Count == 0;
        if (forwardOnly)
            migrations = [.. migrations.Select(m => m with { DownExpected = false })];
        return new MigrationSet(dialect.Name, migrations, HistoryScope.Of(table), forwardOnly) { Notices = config?.Ignored ?? [] };
    }

    private static Migration Step(ScriptFile file, string version, MigrationScript up, MigrationScript? down, FlywayDialect dialect, FlywayConfig? config)
    {
        // An undo is classified on its own, as Flyway parses each script on its own.
        up = up with { Transaction = (InTransaction(up, dialect, config), false) };
        down = down is null ? null : down with { Transaction = (InTransaction(down, dialect, config), false) };
        return new Migration(Path.GetFileNameWithoutExtension(file.Info.Name), version, up, down, up.Transaction.Value.RunInTransaction)
        {
            OutsideTransactionHint = dialect.DetectsNonTransactional
                ? "Flyway runs a migration without a transaction only when every statement in it refuses one: move the statement to a migration of its own (or set mixed = true)"
                : $"{dialect.Name} runs every migration in a transaction: move the statement to a migration of its own outside {dialect.Name}",
        };
    }

    /// <summary>A script's V…sql.conf decides; else Flyway's parser: no transaction when every statement refuses one (or some do, with mixed).</summary>
    private static bool InTransaction(MigrationScript script, FlywayDialect dialect, FlywayConfig? config)
    {
        var scriptConfig = script.FullPath + ".conf";
        var configured = SourceText.IsPlainFile(scriptConfig)
            ? File.ReadLines(scriptConfig).Select(l => ExecuteInTransaction().Match(l)).FirstOrDefault(m => m.Success)?.Groups["value"].Value
            : null;
        if (configured is not null)
            return !configured.Equals("false", StringComparison.OrdinalIgnoreCase);
        if (HasFirstLineOption(script, dialect, "tx-off"))
            return false;
        var kind = dialect.DetectsNonTransactional ? FlywayStatements.Classify(script.Text!) : FlywayStatements.Kind.Transactional;
        return kind == FlywayStatements.Kind.Transactional || (kind == FlywayStatements.Kind.Mixed && !(config?.Mixed ?? false));
    }

    /// <summary>As Evolve reads its options: anywhere on the script's first line, in any case (<c>-- evolve-tx-off</c>).</summary>
    private static bool HasFirstLineOption(MigrationScript script, FlywayDialect dialect, string option) =>
        dialect.FirstLineOptions is { } prefix
        && script.Text!.Split('\n', 2)[0].Contains($"{prefix}-{option}", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, ScriptFile> Versioned(List<ScriptFile> scripts, string prefix, DiscoveryContext context)
    {
        var versioned = new Dictionary<string, ScriptFile>(FlywayVersion.Instance);
        foreach (var script in scripts.Where(s => s.Prefix == prefix).OrderBy(s => s.Info.FullName, StringComparer.Ordinal))
        {
            if (!FlywayVersion.IsValid(script.Version))
                throw new ConfigurationException($"{context.Relative(script.Info.FullName)}: '{script.Version}' is not a version (digits separated by dots or underscores)");
            if (versioned.TryGetValue(script.Version, out var other))
                throw new ConfigurationException($"version {FlywayVersion.Normalised(script.Version)} is used by more than one migration: {context.Relative(other.Info.FullName)}, {context.Relative(script.Info.FullName)}");
            versioned[script.Version] = script;
        }
        return versioned;
    }

    private static IEnumerable<DirectoryInfo> Locations(DirectoryInfo folder, FlywayConfig? config)
    {
        if (config is { Locations.Count: > 0 })
            return config.Locations.Select(l => new DirectoryInfo(Path.GetFullPath(Unprefixed(l), config.Directory))).Where(d => d.Exists);
        return new[] { folder }.Concat(ConventionalLocations.Select(l => new DirectoryInfo(Path.Combine(folder.FullName, l)))).Where(d => d.Exists && Scripts(d).Any()).Take(1);
    }

    /// <summary>filesystem:sql is the folder sql; classpath:db/migration is where Maven and Gradle keep resources.</summary>
    private static string Unprefixed(string location) =>
        location.StartsWith("filesystem:", StringComparison.Ordinal) ? location["filesystem:".Length..]
        : location.StartsWith("classpath:", StringComparison.Ordinal) ? Path.Combine("src", "main", "resources", location["classpath:".Length..].TrimStart('/'))
        : location;

    private sealed record ScriptFile(FileInfo Info, string Prefix, string Version, string Description);

    private static IEnumerable<ScriptFile> Scripts(DirectoryInfo location) =>
        location.EnumerateFiles("*.sql", SourceText.Recursive)
            .Select(f => (File: f, Match: FileName().Match(f.Name)))
            .Where(x => x.Match.Success)
            .Select(x => new ScriptFile(x.File, x.Match.Groups["prefix"].Value, x.Match.Groups["version"].Value, x.Match.Groups["description"].Value));

    [GeneratedRegex(@"^(?<prefix>[VU])(?<version>[0-9][0-9._]*)__(?<description>.+)\.sql$|^(?<prefix>R)__(?<description>.+)\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^\s*executeInTransaction\s*=\s*(?<value>\w+)\s*$")]
    private static partial Regex ExecuteInTransaction();
}
