using DbGate.Core.Results;

namespace DbGate.Core.Migrations;

/// <summary>One migration step: an up script and, usually, the down that should undo it.</summary>
/// <param name="Id">The name users know it by: the diesel folder name, the golang-migrate file stem, the Liquibase author:id.</param>
/// <param name="Version">The ordering key, compared ordinally after normalisation by the format.</param>
/// <param name="RunInTransaction">False when the tool runs the step outside a transaction (statement by statement).</param>
public sealed record Migration(string Id, string Version, MigrationScript Up, MigrationScript? Down, bool RunInTransaction = true)
{
    /// <summary>
    /// True for tools that send a whole script as one query (golang-migrate, Prisma): PostgreSQL wraps several
    /// statements in an implicit transaction, but runs a script of one statement outside any.
    /// </summary>
    public bool OneStatementRunsAlone { get; init; }

    /// <summary>False for a step that has no down by design (a Flyway repeatable, any step of a forward-only tool).</summary>
    public bool DownExpected { get; init; } = true;

    /// <summary>sqitch: the script run after the up to prove it worked; its failure is a finding.</summary>
    public MigrationScript? Verify { get; init; }

    /// <summary>How this tool runs a statement outside a transaction, for the hint when one refuses to run inside one.</summary>
    public string? OutsideTransactionHint { get; init; }

    /// <summary>The tool carries on when the up fails (Liquibase failOnError:false), so a failure is a warning.</summary>
    public bool FailureTolerated { get; init; }

    /// <summary>When the tool runs the step again on a database that has it: a Flyway repeatable or grate's any-time scripts when their checksum changes, grate's every-time scripts always.</summary>
    public Rerun Reruns { get; init; }

    /// <summary>The version of the step at <paramref name="index"/> (0-based) for tools that order steps by position, not by a version of their own.</summary>
    public static string PositionVersion(int index) => (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A SQL file of a migration. <paramref name="RelativePath"/> is relative to the project root, with '/'.</summary>
public sealed record MigrationScript(string FullPath, string RelativePath)
{
    /// <summary>
    /// The SQL the tool sends when it is not the whole file as written (a section of it, placeholders replaced),
    /// laid out so that each of its lines is the same line of the file; null to read the file.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// Where findings about this script point when the SQL was generated from another source (EF Core: the
    /// migration's Up or Down method); the generated file's own position is then a detail.
    /// </summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>This script's own transaction semantics when they differ from its migration's (dbmate's per-section options).</summary>
    public (bool RunInTransaction, bool OneStatementRunsAlone)? Transaction { get; init; }
}

/// <summary>When a migration tool runs a step again after it was applied once.</summary>
public enum Rerun
{
    /// <summary>Once: a versioned migration.</summary>
    Never,

    /// <summary>Again whenever its file changed (a Flyway repeatable, a grate any-time script).</summary>
    WhenChanged,

    /// <summary>On every run (grate's every-time scripts: permissions/, beforeMigration/, afterMigration/).</summary>
    Always,
}
