namespace DbGate.Core.Snapshots;

/// <summary>Functions, procedures and aggregates, matched by signature: a changed argument type is a different routine.</summary>
internal static class RoutineDiff
{
    public static void Compare(IEnumerable<RoutineDefinition> expected, IEnumerable<RoutineDefinition> actual, DifferenceCollector differences)
    {
        Matching.Match(expected, actual, r => r.Signature,
            r => differences.Missing(SchemaObjectKind.Routine, r.Signature, Label(r)),
            r => differences.Unexpected(SchemaObjectKind.Routine, r.Signature, Label(r)),
            (e, a) => differences.Changed(SchemaObjectKind.Routine, e.Signature, Label(e), Changes(e, a)));
    }

    private static string Label(RoutineDefinition routine) => $"{routine.Kind} {routine.Signature}";

    private static ChangeList Changes(RoutineDefinition e, RoutineDefinition a) =>
        new ChangeList()
            .Word("", e.Kind, a.Kind)
            .Value("arguments", $"({e.Arguments})", $"({a.Arguments})")
            .Value("return type", e.Returns, a.Returns)
            .Word("language", e.Language, a.Language)
            .Long("body", e.Body, a.Body)
            .Word("", e.Volatility, a.Volatility)
            .Flag("", e.Strict, a.Strict, "STRICT", "CALLED ON NULL INPUT")
            .Flag("", e.SecurityDefiner, a.SecurityDefiner, "SECURITY DEFINER", "SECURITY INVOKER")
            .Flag("", e.Leakproof, a.Leakproof, "LEAKPROOF", "NOT LEAKPROOF")
            .Word("", e.Parallel, a.Parallel)
            .Value("cost", e.Cost, a.Cost)
            .Value("rows", e.Rows, a.Rows)
            .List("settings", e.Settings, a.Settings)
            .Text("comment", e.Comment, a.Comment)
            .Privileges(e.Privileges, a.Privileges);
}
