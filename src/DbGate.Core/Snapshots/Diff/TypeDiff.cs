namespace DbGate.Core.Snapshots;

/// <summary>Enums, domains and composite types.</summary>
internal static class TypeDiff
{
    public static void Compare(SchemaSnapshot expected, SchemaSnapshot actual, DifferenceCollector differences)
    {
        Matching.Match(expected.Enums, actual.Enums, t => t.QualifiedName,
            t => differences.Missing(SchemaObjectKind.EnumType, t.QualifiedName, $"enum {t.QualifiedName}"),
            t => differences.Unexpected(SchemaObjectKind.EnumType, t.QualifiedName, $"enum {t.QualifiedName}"),
            (e, a) => differences.Changed(SchemaObjectKind.EnumType, e.QualifiedName, $"enum {e.QualifiedName}",
                new ChangeList()
                    .List("labels", e.Labels, a.Labels)
                    .Text("comment", e.Comment, a.Comment)
                    .Privileges(e.Privileges, a.Privileges)));

        Matching.Match(expected.Domains, actual.Domains, t => t.QualifiedName,
            t => differences.Missing(SchemaObjectKind.Domain, t.QualifiedName, $"domain {t.QualifiedName}"),
            t => differences.Unexpected(SchemaObjectKind.Domain, t.QualifiedName, $"domain {t.QualifiedName}"),
            (e, a) => DomainDiff.Compare(e, a, differences));

        Matching.Match(expected.CompositeTypes, actual.CompositeTypes, t => t.QualifiedName,
            t => differences.Missing(SchemaObjectKind.CompositeType, t.QualifiedName, $"type {t.QualifiedName}"),
            t => differences.Unexpected(SchemaObjectKind.CompositeType, t.QualifiedName, $"type {t.QualifiedName}"),
            (e, a) =>
            {
                differences.Changed(SchemaObjectKind.CompositeType, e.QualifiedName, $"type {e.QualifiedName}",
                    new ChangeList().Text("comment", e.Comment, a.Comment).Privileges(e.Privileges, a.Privileges));
                ColumnDiff.Compare(e.QualifiedName, SchemaObjectKind.CompositeType, "attribute", e.Attributes, a.Attributes, differences);
            });
    }
}
