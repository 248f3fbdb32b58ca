namespace DbGate.Core.Snapshots;

internal static class TriggerDiff
{
    public static void Compare(IEnumerable<TriggerDefinition> expected, IEnumerable<TriggerDefinition> actual, DifferenceCollector differences)
    {
        Matching.Match(expected, actual, Name,
            t => differences.Missing(SchemaObjectKind.Trigger, Name(t), Label(t)),
            t => differences.Unexpected(SchemaObjectKind.Trigger, Name(t), Label(t)),
            (e, a) => differences.Changed(SchemaObjectKind.Trigger, Name(e), Label(e),
                new ChangeList()
                    .Value("definition", e.Statement, a.Statement)
                    .Word("", e.Enabled, a.Enabled)
                    .Text("comment", e.Comment, a.Comment)));
    }

    private static string Name(TriggerDefinition trigger) => $"{trigger.QualifiedTable}.{trigger.Name}";

    private static string Label(TriggerDefinition trigger) => $"trigger {trigger.Name} on {trigger.QualifiedTable}";
}
