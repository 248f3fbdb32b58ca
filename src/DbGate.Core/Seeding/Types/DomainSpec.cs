using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Planning;

namespace DbGate.Core.Seeding.Types;

/// <summary>What a column's values must satisfy, gathered from its CHECKs, its domains and dbgate.yml.</summary>
internal sealed class DomainSpec(string column, SeedType type, IReadOnlyList<CheckRule> rules, ColumnOverride? columnOverride, ulong stream)
{
    public string Column { get; } = column;

    public SeedType Type { get; } = type;

    /// <summary>Conditions on this column (a domain's VALUE already renamed to the column).</summary>
    public IReadOnlyList<CheckRule> Rules { get; } = rules;

    public ColumnOverride? Override { get; } = columnOverride;

    public ulong Stream { get; } = stream;

    /// <summary>How many distinct values are needed: the rows, for a column that must be unique by itself.</summary>
    public long Capacity { get; set; } = 1;

    /// <summary>The server's evaluation of each rule's constant, as the type asked for it.</summary>
    public List<(CheckRule Rule, ServerValue Value)> Evaluated { get; } = [];

    public ServerValue<decimal>? Min { get; set; }

    public ServerValue<decimal>? Max { get; set; }

    /// <summary>A lowest grid point imposed from outside: another column this one must stay above.</summary>
    public long? LowK { get; set; }

    /// <summary>Rules this type could not use: the CHECKs holding them are not fully understood.</summary>
    public List<CheckRule> Unused { get; } = [];
}

/// <summary>No value can satisfy what a column asks; the planner names the column and the dbgate.yml line.</summary>
internal sealed class UnsatisfiableException(string message) : Exception(message)
{
    public UnsatisfiableException()
        : this("no value satisfies the column's constraints") { }

    public UnsatisfiableException(string message, Exception innerException)
        : this(message + ": " + innerException.Message) { }
}
