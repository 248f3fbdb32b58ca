namespace DbGate.Core.Snapshots;

/// <summary>Schemas, extensions and default privileges: what sits above individual tables.</summary>
internal static class DatabaseDiff
{
    /// <param name="vanished">Receives the schemas that are missing or left behind, whose contents go unreported.</param>
    public static void Compare(SchemaSnapshot expected, SchemaSnapshot actual, DifferenceCollector differences, ISet<string> vanished)
    {
        Matching.Match(expected.Schemas, actual.Schemas, s => s.Name,
            s =>
            {
                vanished.Add(s.Name);
                differences.Missing(SchemaObjectKind.Schema, s.Name, $"schema {s.Name}");
            },
            s =>
            {
                vanished.Add(s.Name);
                differences.Unexpected(SchemaObjectKind.Schema, s.Name, $"schema {s.Name}");
            },
            (e, a) => differences.Changed(SchemaObjectKind.Schema, e.Name, $"schema {e.Name}",
                new ChangeList().Text("comment", e.Comment, a.Comment).Privileges(e.Privileges, a.Privileges)));

        Matching.Match(expected.Extensions, actual.Extensions, x => x.Name,
            x => differences.Missing(SchemaObjectKind.Extension, x.Name, $"extension {x.Name}"),
            x => differences.Unexpected(SchemaObjectKind.Extension, x.Name, $"extension {x.Name}"),
            (e, a) => differences.Changed(SchemaObjectKind.Extension, e.Name, $"extension {e.Name}",
                new ChangeList()
                    .Value("version", e.Version, a.Version)
                    .Value("schema", e.Schema, a.Schema)
                    .Text("comment", e.Comment, a.Comment)));

        Matching.Match(expected.DefaultPrivileges, actual.DefaultPrivileges, p => p.Key,
            p => differences.Missing(SchemaObjectKind.DefaultPrivileges, p.Key, Label(p)),
            p => differences.Unexpected(SchemaObjectKind.DefaultPrivileges, p.Key, Label(p)),
            (e, a) => differences.Changed(SchemaObjectKind.DefaultPrivileges, e.Key, Label(e),
                new ChangeList().List("grants", e.Acl, a.Acl)));
    }

    private static string Label(DefaultPrivilegeDefinition p) =>
        $"default privileges of {p.Role} on {p.ObjectType} in {(p.Schema is null ? "all schemas" : "schema " + p.Schema)}";
}
