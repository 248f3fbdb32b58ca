namespace DbGate.Core.Migrations;

/// <summary>One migration step: an up script and, usually, the down that should undo it.</summary>
/// <param name="Id">The name users know it by: the diesel folder name, or the golang-migrate file stem.</param>
/// <param name="Version">The ordering key, compared ordinally after normalisation by the format.</param>
/// <param name="RunInTransaction">False when the format's metadata says the step must run outside a transaction.</param>
public sealed record Migration(string Id, string Version, MigrationScript Up, MigrationScript? Down, bool RunInTransaction = true)
{
    /// <summary>
    /// True for tools that send a whole file as one query (golang-migrate): PostgreSQL wraps several statements in
    /// an implicit transaction, but runs a file of one statement outside any.
    /// </summary>
    public bool OneStatementRunsAlone { get; init; }
}

/// <summary>A SQL file of a migration. <paramref name="RelativePath"/> is relative to the project root, with '/'.</summary>
public sealed record MigrationScript(string FullPath, string RelativePath);
