using DbGate.Core.Snapshots;

namespace DbGate.Core.Observation;

/// <summary>Names catalog rows the way the snapshot model names the objects they describe.</summary>
internal static class ObjectKeys
{
    /// <summary>The object a row describes or belongs to; null for rows no snapshot object stands for (TOAST, row types).</summary>
    public static ObjectId? Of(CatalogRow row, CatalogMirror mirror) => row.Catalog switch
    {
        "class" when row.Schema is "pg_toast" => null,
        "class" => RelationKind(row.Kind) is { } kind ? new ObjectId(kind, row.QualifiedName) : null,
        "attribute" or "default" => ColumnOf(row, mirror),
        "constraint" when row.Kind == "n" => null,
        "constraint" => Child(row.Relation ?? row.References, mirror, row.Name, SchemaObjectKind.Constraint),
        "trigger" => Child(row.Relation, mirror, row.Name, SchemaObjectKind.Trigger),
        "policy" => Child(row.Relation, mirror, row.Name, SchemaObjectKind.Policy),
        "routine" => new ObjectId(SchemaObjectKind.Routine, row.QualifiedName),
        "type" => TypeKind(row.Kind) is { } kind ? new ObjectId(kind, row.QualifiedName) : null,
        "enum" => mirror.Get(new RowKey("type", row.Relation ?? 0, 0)) is { } type ? new ObjectId(SchemaObjectKind.EnumType, type.QualifiedName) : null,
        "schema" => new ObjectId(SchemaObjectKind.Schema, row.Name ?? ""),
        "extension" => new ObjectId(SchemaObjectKind.Extension, row.Name ?? ""),
        "view" or "sequence" => mirror.Relation(row.Oid) is { } relation ? Of(relation, mirror) : null,
        "acl" when row.Sub == 0 => mirror.Relation(row.Oid) is { } relation ? Of(relation, mirror) : null,
        "acl" => ColumnOf(row, mirror),
        // A comment's kind is the catalog of what it is on, as the mirror names it.
        "comment" when row.Kind == "attribute" => ColumnOf(row, mirror),
        "comment" => row.Kind is { } catalog && mirror.Get(new RowKey(catalog, row.Oid, 0)) is { } owner ? Of(owner, mirror) : null,
        "default_acl" => DefaultPrivilegesType(row.Kind) is { } type
            ? new ObjectId(SchemaObjectKind.DefaultPrivileges, new DefaultPrivilegeDefinition(row.Name ?? "", row.Schema, type, []).Key)
            : null,
        _ => null,
    };

    public static SchemaObjectKind? RelationKind(string? relkind) => relkind switch
    {
        "r" or "p" or "f" => SchemaObjectKind.Table,
        "v" => SchemaObjectKind.View,
        "m" => SchemaObjectKind.MaterializedView,
        "S" => SchemaObjectKind.Sequence,
        "i" or "I" => SchemaObjectKind.Index,
        _ => null,
    };

    // As the snapshot spells pg_default_acl.defaclobjtype.
    private static string? DefaultPrivilegesType(string? objtype) => objtype switch
    {
        "r" => "TABLES",
        "S" => "SEQUENCES",
        "f" => "FUNCTIONS",
        "T" => "TYPES",
        "n" => "SCHEMAS",
        _ => null,
    };

    private static SchemaObjectKind? TypeKind(string? typtype) => typtype switch
    {
        "e" => SchemaObjectKind.EnumType,
        "d" => SchemaObjectKind.Domain,
        "c" => SchemaObjectKind.CompositeType,
        _ => null,
    };

    // Only a table's columns are objects of the snapshot; an index's or a view's follow from its definition.
    private static ObjectId? ColumnOf(CatalogRow row, CatalogMirror mirror)
    {
        if (mirror.Relation(row.Oid) is not { Kind: "r" or "p" or "f" } table)
            return null;
        var name = row.Catalog == "attribute" ? row.Name : mirror.Get(new RowKey("attribute", row.Oid, row.Sub))?.Name;
        return name is null || row.Dropped == true ? null : new ObjectId(SchemaObjectKind.Column, $"{table.QualifiedName}.{name}");
    }

    private static ObjectId? Child(long? owner, CatalogMirror mirror, string? name, SchemaObjectKind kind)
    {
        var parent = owner is { } oid ? mirror.Relation(oid) ?? mirror.Get(new RowKey("type", oid, 0)) : null;
        return parent is null ? null : new ObjectId(kind, $"{parent.QualifiedName}.{name}");
    }
}
