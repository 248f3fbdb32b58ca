namespace DbGate.Core.Migrations;

/// <summary>Everything discovery learnt about a project's migrations: the steps, and how the tool around them behaves.</summary>
/// <param name="Format">The format's name, as dbgate.yml's <c>format:</c> spells it.</param>
/// <param name="History">The tool's own bookkeeping, left out of every schema comparison.</param>
/// <param name="ForwardOnly">The tool has no downs, so the round trip does not apply (said once, not per step).</param>
public sealed record MigrationSet(string Format, IReadOnlyList<Migration> Migrations, HistoryScope History, bool ForwardOnly = false)
{
    /// <summary>Things the tool would do that DbGate does not, one line each, said in the report.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>For tools whose SQL is generated at run time (EF Core): makes the scripts and returns the set they complete.</summary>
    public IMigrationPreparation? Preparation { get; init; }

    /// <summary>For command mode: the tool's own commands, run step by step once the server is up.</summary>
    public CommandSteps? Commands { get; init; }
}

/// <summary>A migration tool's history: tables by name (in any schema) and whole schemas.</summary>
public sealed record HistoryScope(IReadOnlyList<string> Tables, IReadOnlyList<string> Schemas)
{
    public static HistoryScope None { get; } = new([], []);

    public static HistoryScope Of(params string[] tables) => new(tables, []);

    public static HistoryScope OfSchema(string schema) => new([], [schema]);

    public override string ToString() =>
        string.Join(", ", Tables.Concat(Schemas.Select(s => $"schema {s}"))) is { Length: > 0 } text ? text : "none";
}

/// <summary>Work a format must do before its migrations can run, such as building a project and asking its tool for SQL.</summary>
public interface IMigrationPreparation
{
    Task<MigrationSet> PrepareAsync(Action<string> log, CancellationToken cancellationToken);
}
