using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Baselines;

/// <summary>
/// Splits a result by a baseline: findings it lists are accepted (counted, never failing), the rest are new; entries
/// nothing matched are stale. Entries are a multiset, so two identical accepted findings need two entries.
/// </summary>
public static class BaselineFilter
{
    public static async Task<GateResult> ApplyAsync(GateResult result, GateOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Baseline is not { } path || (!File.Exists(path) && !options.BaselineRequired))
            return result;
        if (!File.Exists(path))
            throw new ConfigurationException($"baseline file not found: {path} (write it with dotnet dbgate baseline)");
        var entries = await BaselineFile.ReadAsync(path, cancellationToken);
        return Apply(result, entries, Path.GetRelativePath(result.RootPath, path).Replace('\\', '/'));
    }

    public static GateResult Apply(GateResult result, IReadOnlyList<BaselineEntry> entries, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(entries);
        var remaining = entries.GroupBy(e => e.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var accepted = new List<Finding>();
        var fresh = new List<Finding>();
        foreach (var finding in result.Findings)
        {
            if (remaining.TryGetValue(finding.Fingerprint, out var count) && count > 0)
            {
                remaining[finding.Fingerprint] = count - 1;
                accepted.Add(finding);
            }
            else
            {
                fresh.Add(finding);
            }
        }
        // A run cut short saw only part of the schema: what it did not reach is not stale.
        var stale = result.Complete
            ? entries.Select(e => e.Fingerprint).Distinct(StringComparer.Ordinal).Where(f => remaining[f] > 0)
                .SelectMany(f => Enumerable.Repeat(f, remaining[f])).ToList()
            : [];
        return result with { Findings = fresh, Baseline = new BaselineSummary(displayPath, accepted, stale) };
    }
}
