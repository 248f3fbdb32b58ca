namespace DbGate.Core.Migrations;

/// <summary>One <c>--changeset author:id</c> of a formatted SQL file, with its attributes and rollback, as written.</summary>
/// <param name="Line">1-based line of the --changeset comment.</param>
/// <param name="Body">The changeset's SQL, laid out at its place in the file.</param>
/// <param name="Rollback">The --rollback lines or block, laid out likewise; null when there is none.</param>
/// <param name="Attributes">name → value, as in <c>runInTransaction:false</c>.</param>
/// <param name="Preconditions">1-based lines of the --precondition comments DbGate does not honour.</param>
internal sealed record LiquibaseChangeset(
    string File,
    int Line,
    string Author,
    string Id,
    IReadOnlyDictionary<string, string> Attributes,
    string Body,
    string? Rollback,
    IReadOnlyList<int> Preconditions)
{
    public bool RollbackNotRequired { get; init; }

    public bool Is(string attribute, string value) =>
        Attributes.TryGetValue(attribute, out var actual) && actual.Equals(value, StringComparison.OrdinalIgnoreCase);

    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    /// <summary>dbms: names the databases the changeset is for (or, with '!', not for); Liquibase skips it on the others.</summary>
    public bool AppliesToPostgres
    {
        get
        {
            if (Attribute("dbms") is not { } dbms)
                return true;
            var list = dbms.Split(',').Select(d => d.Trim().ToLowerInvariant()).ToList();
            if (list.Contains("!postgresql"))
                return false;
            return list.All(d => d.StartsWith('!')) || list.Contains("postgresql") || list.Contains("all");
        }
    }
}
