namespace DbGate.Core.Snapshots;

/// <summary>Every identifier a user chose in a snapshot: schemas, relations, columns, constraints, routines, types.</summary>
internal static class SchemaNames
{
    public static IEnumerable<string> Of(SchemaSnapshot s) =>
        s.Schemas.Select(x => x.Name)
            .Concat(s.Tables.SelectMany(t => t.Columns.Select(c => c.Name).Prepend(t.Name)))
            .Concat(s.Views.SelectMany(v => v.Columns.Select(c => c.Name).Prepend(v.Name)))
            .Concat(s.Constraints.Select(x => x.Name))
            .Concat(s.Indexes.Select(x => x.Name))
            .Concat(s.Sequences.Select(x => x.Name))
            .Concat(s.Routines.Select(x => x.Name))
            .Concat(s.Triggers.Select(x => x.Name))
            .Concat(s.Policies.Select(x => x.Name))
            .Concat(s.Enums.Select(x => x.Name))
            .Concat(s.Domains.Select(x => x.Name))
            .Concat(s.CompositeTypes.Select(x => x.Name))
            .Distinct(StringComparer.Ordinal);
}
