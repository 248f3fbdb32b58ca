namespace DbGate.Core.Migrations;

/// <summary>
/// One migration tool's layout and behaviour: which files are its steps, in what order it runs them, in a transaction
/// or not, which down pairs with which up, and which history table is its own. One small class per tool; each checks
/// its own files and throws ConfigurationException, one line, on a malformed project.
/// </summary>
internal interface IMigrationFormat
{
    /// <summary>The name used in dbgate.yml's <c>format:</c> key.</summary>
    string Name { get; }

    /// <summary>True when the folder holds migrations laid out this way. Reads files only; never runs anything.</summary>
    bool Recognises(DirectoryInfo folder);

    /// <summary>The migrations in the order the tool applies them.</summary>
    MigrationSet Discover(DiscoveryContext context);
}

/// <param name="Folder">The migrations folder (or project folder) the user pointed at.</param>
/// <param name="ProjectRoot">Locations in reports are relative to this.</param>
public sealed record DiscoveryContext(DirectoryInfo Folder, string ProjectRoot, FormatOptions Options)
{
    public string Relative(string fullPath) => ProjectPaths.Relative(ProjectRoot, fullPath);

    public MigrationScript Script(string fullPath) => ProjectPaths.Script(ProjectRoot, fullPath);

    /// <summary>Files already checked (inside the project, readable) while discovery read them: not checked again.</summary>
    internal HashSet<string> Checked { get; } = new(StringComparer.Ordinal);

    /// <summary>Checks a file once per discovery, however many steps it holds (Liquibase changesets, dbmate sections).</summary>
    internal void Check(string fullPath)
    {
        if (Checked.Add(fullPath))
            ScriptFiles.Check(ProjectRoot, fullPath, [ProjectRoot, Folder.FullName]);
    }
}
