using System.Globalization;
using System.Text;

namespace DbGate.Tests.CrossCheck;

/// <summary>The two sides' verdicts, step by step: the agreement table and every disagreement with both sides' evidence.</summary>
internal sealed class VerdictComparison
{
    private readonly IReadOnlyList<string> _migrations;
    private readonly IReadOnlyDictionary<string, StepVerdict> _dbgate;
    private readonly IReadOnlyDictionary<string, StepVerdict> _pgDump;

    public VerdictComparison(IReadOnlyList<string> migrations, IReadOnlyDictionary<string, StepVerdict> dbgate, IReadOnlyDictionary<string, StepVerdict> pgDump)
    {
        _migrations = migrations;
        _dbgate = dbgate;
        _pgDump = pgDump;
        Disagreements = migrations
            .Select(id => new Disagreement(id, Of(dbgate, id), Of(pgDump, id)))
            .Where(d => d.DbGate.Verdict != d.PgDump.Verdict)
            .ToList();
    }

    public sealed record Disagreement(string Migration, StepVerdict DbGate, StepVerdict PgDump);

    public IReadOnlyList<Disagreement> Disagreements { get; }

    /// <summary>Counts per verdict on each side, as a Markdown table.</summary>
    public string Table()
    {
        var verdicts = _migrations.SelectMany(id => new[] { Of(_dbgate, id).Verdict, Of(_pgDump, id).Verdict }).Distinct().Order(StringComparer.Ordinal);
        var table = new StringBuilder("| verdict | DbGate | pg_dump |\n|---|---:|---:|\n");
        foreach (var verdict in verdicts)
            table.Append(CultureInfo.InvariantCulture, $"| {verdict} | {Count(_dbgate, verdict)} | {Count(_pgDump, verdict)} |\n");
        return table.Append(CultureInfo.InvariantCulture, $"| total | {_migrations.Count} | {_migrations.Count} |").ToString();
    }

    public string Report()
    {
        var report = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Disagreements.Count} disagreements\n");
        foreach (var d in Disagreements)
            report.Append(CultureInfo.InvariantCulture, $"{d.Migration}\n  DbGate:  {d.DbGate.Verdict}: {d.DbGate.Evidence}\n  pg_dump: {d.PgDump.Verdict}: {d.PgDump.Evidence}\n");
        return report.ToString();
    }

    private int Count(IReadOnlyDictionary<string, StepVerdict> side, string verdict) => _migrations.Count(id => Of(side, id).Verdict == verdict);

    private static StepVerdict Of(IReadOnlyDictionary<string, StepVerdict> side, string id) =>
        side.TryGetValue(id, out var verdict) ? verdict : new StepVerdict("missing");
}
