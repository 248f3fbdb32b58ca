using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Types;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// Decides, column by column, how a table is filled: left to the server (generated, identity, serial), computed by
/// dbgate.yml's SQL, or generated from its type with the conditions its CHECKs and domains put on it.
/// </summary>
internal static class ColumnFactory
{
    public static void Plan(TableWork work, IReadOnlyDictionary<string, ColumnOverride> overrides, ServerValues server, List<string> warnings)
    {
        var table = work.Table;
        var names = table.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var rules = table.Checks.SelectMany(c => CheckRecognizer.Recognize(c.Clause, names).Rules).Concat(PartitionRules.Of(table.PartitionBounds, names)).ToList();
        work.Orderings.AddRange(rules.OfType<OrderingRule>());
        foreach (var column in table.Columns)
        {
            var display = $"{table.Display}.{column.Name}";
            overrides.TryGetValue(column.Name, out var entry);
            if (column.ServerFilled)
            {
                if (entry is not null)
                    throw LocatedError.At(entry.Location, $"seed.columns.{entry.Column}", $"{display} is {(column.Generated ? "a generated column" : column.Identity ? "an identity column" : "numbered by a sequence")}: the server fills it");
                work.Omitted.Add(column.Name);
                continue;
            }
            if (entry?.Sql is { } sql)
            {
                work.Computed.Add(new ComputedColumn(column, sql, entry.LocationOf("sql"), entry.SqlPlaces));
                continue;
            }
            if (ColumnTypes.For(column.Type) is not { } type)
            {
                Unsupported(work, column, entry, warnings);
                continue;
            }
            var domainRules = CheckRule.OfDomain(column.Type.DomainChecks, column.Name);
            var spec = new DomainSpec(column.Name, column.Type, [.. rules.Where(r => r.Column == column.Name && r is not OrderingRule), .. domainRules], entry, SeedHash.Derive(work.Stream, column.Name));
            var planned = type.Plan(table, column, entry, spec);
            try
            {
                type.Register(spec, server);
            }
            catch (UnsatisfiableException e)
            {
                throw LocatedError.At(entry?.LocationOf(entry.Min is not null ? "min" : "max") ?? work.Location, $"seed.columns.{entry?.Column ?? display}", e.Message);
            }
            if (entry?.Values?.OfType<string>().ToList() is { Count: > 0 } values)
                planned.Values = type.AskValues(column.SqlType, values, server);
            work.Columns.Add(planned);
        }
    }

    /// <summary>A type DbGate cannot make: NULL or the default where the column allows, otherwise a configuration error.</summary>
    private static void Unsupported(TableWork work, SeedColumn column, ColumnOverride? entry, List<string> warnings)
    {
        var display = $"{work.Table.Display}.{column.Name}";
        var type = column.SqlType;
        if (entry is not null)
            throw LocatedError.At(entry.Location, $"seed.columns.{entry.Column}", $"DbGate cannot generate values of type {type}; give them as sql: (an expression of n)");
        if (!column.NotNull && !column.Type.DomainNotNull)
            warnings.Add($"{display}: DbGate cannot generate values of type {type}; left NULL (give seed.columns.{display} a sql: expression to fill it)");
        else if (column.HasDefault)
            warnings.Add($"{display}: DbGate cannot generate values of type {type}; left to its default");
        else
            throw LocatedError.At(work.Location, $"seed: {display}", $"DbGate cannot generate values of type {type} and the column is NOT NULL without a default; give seed.columns.{display} a sql: expression");
        work.Omitted.Add(column.Name);
    }
}
