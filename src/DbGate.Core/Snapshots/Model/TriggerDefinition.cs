namespace DbGate.Core.Snapshots;

/// <summary>A user trigger (including constraint triggers) on a table, view or foreign table.</summary>
/// <param name="Statement">The <c>CREATE TRIGGER</c> as <c>pg_get_triggerdef</c> prints it.</param>
/// <param name="Enabled"><c>enabled</c>, <c>disabled</c>, <c>enabled on replica only</c> or <c>enabled always</c>.</param>
public sealed record TriggerDefinition(string Schema, string Table, string Name, string Statement, string Enabled, string? Comment)
{
    internal string QualifiedTable => Schema + "." + Table;
}
