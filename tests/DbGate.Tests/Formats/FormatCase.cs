using DbGate.Core.Migrations;

namespace DbGate.Tests.Formats;

/// <summary>What one format's fixture must discover: its steps in the tool's order, and how the tool runs each.</summary>
/// <param name="Steps">Each step as "id [in|out|implicit] [down-file|-]": the transaction the up runs in, then its down's file name.</param>
public sealed record FormatCase(string Format, string Fixture, HistoryScope History, bool ForwardOnly, IReadOnlyList<string> Steps)
{
    public override string ToString() => Format;
}
