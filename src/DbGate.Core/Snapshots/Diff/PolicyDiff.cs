namespace DbGate.Core.Snapshots;

internal static class PolicyDiff
{
    public static void Compare(IEnumerable<PolicyDefinition> expected, IEnumerable<PolicyDefinition> actual, DifferenceCollector differences)
    {
        Matching.Match(expected, actual, Name,
            p => differences.Missing(SchemaObjectKind.Policy, Name(p), Label(p)),
            p => differences.Unexpected(SchemaObjectKind.Policy, Name(p), Label(p)),
            (e, a) => differences.Changed(SchemaObjectKind.Policy, Name(e), Label(e),
                new ChangeList()
                    .Word("command", e.Command, a.Command)
                    .Flag("", e.Permissive, a.Permissive, "PERMISSIVE", "RESTRICTIVE")
                    .List("roles", e.Roles, a.Roles)
                    .Value("USING", e.Using, a.Using)
                    .Value("WITH CHECK", e.WithCheck, a.WithCheck)
                    .Text("comment", e.Comment, a.Comment)));
    }

    private static string Name(PolicyDefinition policy) => $"{policy.QualifiedTable}.{policy.Name}";

    private static string Label(PolicyDefinition policy) => $"policy {policy.Name} on {policy.QualifiedTable}";
}
