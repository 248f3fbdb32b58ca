namespace DbGate.Core.Snapshots;

/// <summary>A function, procedure, aggregate or window function, identified by name and argument types.</summary>
/// <param name="IdentityArguments">The input argument types that tell it apart from overloads, such as <c>integer, text</c>.</param>
/// <param name="Kind"><c>function</c>, <c>procedure</c>, <c>aggregate</c> or <c>window function</c>.</param>
/// <param name="Arguments">The full argument list with names, modes and defaults.</param>
/// <param name="Returns">The result type; null for procedures.</param>
/// <param name="Body">The source as written; for SQL-standard bodies the whole <c>pg_get_functiondef</c>; for aggregates
/// their support functions and state.</param>
/// <param name="Volatility"><c>IMMUTABLE</c>, <c>STABLE</c> or <c>VOLATILE</c>.</param>
/// <param name="Parallel"><c>PARALLEL SAFE</c>, <c>PARALLEL RESTRICTED</c> or <c>PARALLEL UNSAFE</c>.</param>
/// <param name="Settings">Settings from <c>SET name = value</c> clauses, such as <c>search_path=public</c>, sorted.</param>
public sealed record RoutineDefinition(
    string Schema,
    string Name,
    string IdentityArguments,
    string Kind,
    string Arguments,
    string? Returns,
    string Language,
    string Body,
    string Volatility,
    bool Strict,
    bool SecurityDefiner,
    bool Leakproof,
    string Parallel,
    double Cost,
    double Rows,
    ValueList<string> Settings,
    string? Comment,
    PrivilegeSet? Privileges)
{
    internal string Signature => $"{Schema}.{Name}({IdentityArguments})";
}
