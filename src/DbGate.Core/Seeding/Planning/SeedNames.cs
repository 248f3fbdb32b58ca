using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// Matches dbgate.yml's table and column names to the schema: <c>orders</c> is the table of that name in whichever
/// schema has one (public first), <c>sales.orders</c> names the schema too. A name that matches nothing is an error
/// naming its line and the closest name that exists.
/// </summary>
internal sealed class SeedNames(SeedCatalog catalog)
{
    public SeedTable Table(string name, ConfigLocation? location, string subject)
    {
        var parts = name.Split('.');
        var matches = parts.Length == 2
            ? catalog.Tables.Where(t => t.Schema == parts[0] && t.Name == parts[1]).ToList()
            : catalog.Tables.Where(t => t.Name == name).ToList();
        if (matches.Count == 0)
            matches = catalog.Tables.Where(t => string.Equals(parts.Length == 2 ? t.QualifiedName : t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count > 1)
            matches = matches.Where(t => t.Schema == "public").ToList() is { Count: 1 } inPublic
                ? inPublic
                : throw LocatedError.At(location, subject, $"table '{name}' exists in several schemas ({string.Join(", ", matches.Select(t => t.Schema))}); write schema.table");
        if (matches.Count == 0)
            throw LocatedError.At(location, subject, $"table '{name}' does not exist{Suggest(name, catalog.Tables.Select(t => t.Display))}");
        var table = matches[0];
        if (table.Partition)
            throw LocatedError.At(location, subject, $"'{name}' is a partition: rows are seeded through its partitioned table");
        return table;
    }

    /// <param name="key"><c>table.column</c> or <c>schema.table.column</c>.</param>
    public (SeedTable Table, SeedColumn Column) Column(string key, ConfigLocation? location)
    {
        var subject = $"seed.columns.{key}";
        var dot = key.LastIndexOf('.');
        var table = Table(key[..dot], location, subject);
        var name = key[(dot + 1)..];
        var column = table.Column(name)
            ?? table.Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw LocatedError.At(location, subject, $"table {table.Display} has no column '{name}'{Suggest(name, table.Columns.Select(c => c.Name))}");
        return (table, column);
    }

    private static string Suggest(string name, IEnumerable<string> known) =>
        EditDistance.Closest(name, known.Order(StringComparer.Ordinal), ignoreCase: true) is { } closest ? $" (did you mean '{closest}'?)" : "";
}
