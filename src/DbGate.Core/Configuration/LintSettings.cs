using System.Globalization;
using System.Text.RegularExpressions;
using DbGate.Core.Observation;
using DbGate.Core.Observation.Statistics;

namespace DbGate.Core.Configuration;

/// <summary>dbgate.yml's lint and overrides sections, turned into options.</summary>
internal static partial class LintSettings
{
    public static async Task<LintOptions> ResolveAsync(LintSection? section, string configDirectory, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, TableSize>(StringComparer.Ordinal);
        if (section?.Stats is { Length: > 0 } stats)
        {
            foreach (var (name, size) in await StatsFile.ReadAsync(Path.GetFullPath(stats, configDirectory), cancellationToken))
                tables[name] = size;
        }
        foreach (var (name, rows) in section?.Tables ?? [])
            tables[name] = new TableSize(ParseRows(rows, $"lint.tables.{name}"));
        var small = section?.SmallTableRows ?? ProductionSizes.DefaultSmallTableRows;
        if (small < 0)
            throw new ConfigurationException($"lint.small_table_rows must be zero or more (got {small})");
        return new LintOptions(section?.Enabled ?? true) { Sizes = new ProductionSizes(tables, small) };
    }

    /// <summary>"50M", "1.5B", "120k", "3000", "10,000".</summary>
    public static double ParseRows(string text, string what)
    {
        var match = Rows().Match(text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal));
        if (!match.Success)
            throw new ConfigurationException($"{what} must be a row count such as 50M, 120k or 3000 (got '{text}')");
        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        return value * match.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "K" => 1e3,
            "M" => 1e6,
            "B" or "G" => 1e9,
            _ => 1,
        };
    }

    public static IReadOnlyList<PathRuleLevels> Overrides(List<OverrideSection>? sections, string configDirectory, string projectRoot) =>
        (sections ?? []).Select((section, i) =>
        {
            if (section.Paths is not { Count: > 0 } paths)
                throw new ConfigurationException($"overrides[{i}] needs paths: a list of globs");
            var levels = (section.Rules ?? []).ToDictionary(r => r.Key, r => OptionsResolver.ParseLevel(r.Value, $"overrides[{i}].rules.{r.Key}"), StringComparer.Ordinal);
            // Written relative to dbgate.yml; findings are located relative to the project root.
            var prefix = Path.GetRelativePath(projectRoot, configDirectory).Replace('\\', '/');
            var rooted = paths.Select(p => prefix is "." ? p : $"{prefix}/{p}").ToList();
            return new PathRuleLevels(rooted, levels);
        }).ToList();

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?)\s*(?<unit>[kKmMbBgG]?)$")]
    private static partial Regex Rows();
}
