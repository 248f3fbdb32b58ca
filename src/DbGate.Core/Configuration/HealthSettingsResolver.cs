using System.Globalization;
using System.Text.RegularExpressions;
using DbGate.Core.Results;
using DbGate.Core.Rules;
using DbGate.Core.Rules.Schema;

namespace DbGate.Core.Configuration;

/// <summary>Turns dbgate.yml's health section into settings; every bad value is one line naming its key.</summary>
internal static class HealthSettingsResolver
{
    public static HealthSettings Settings(HealthSection? health)
    {
        if (health is null)
            return HealthSettings.Default;
        var defaults = HealthSettings.Default;
        if (health.MaxIndexes is < 1)
            throw new ConfigurationException($"health.max_indexes must be 1 or more (got {health.MaxIndexes})");
        if (health.OverflowShare is <= 0 or > 1)
            throw new ConfigurationException($"health.overflow_share must be above 0 and at most 1 (got {health.OverflowShare?.ToString(CultureInfo.InvariantCulture)})");
        var settings = defaults with
        {
            Enabled = health.Enabled ?? true,
            TenantColumns = health.TenantColumns ?? defaults.TenantColumns,
            MaxIndexes = health.MaxIndexes ?? defaults.MaxIndexes,
            LargeTableRows = health.LargeTableRows is { } large ? LintSettings.ParseRows(large, "health.large_table_rows") : defaults.LargeTableRows,
            OverflowShare = health.OverflowShare ?? defaults.OverflowShare,
            ApplicationRole = health.ApplicationRole is { Length: > 0 } role ? role : null,
            SecretWords = health.SecretWords?.Select(w => w.ToLowerInvariant()).ToList() ?? defaults.SecretWords,
            Naming = Naming(health.Naming),
            Exclusions = [.. (health.Exclude ?? []).Select(Exclusion)],
        };
        return settings;
    }

    private static NamingSettings Naming(NamingSection? naming) => naming is null ? new() : new(
        Pattern(naming.Pattern, "pattern") ?? NamingSettings.SnakeCase,
        Pattern(naming.Index, "index"),
        Pattern(naming.PrimaryKey, "primary_key"),
        Pattern(naming.ForeignKey, "foreign_key"),
        Pattern(naming.Unique, "unique"),
        Pattern(naming.Check, "check"),
        Pattern(naming.Exclusion, "exclusion"));

    private static string? Pattern(string? pattern, string key)
    {
        if (pattern is null)
            return null;
        try
        {
            _ = new Regex(pattern.Replace("{table}", "t", StringComparison.Ordinal).Replace("{columns}", "c", StringComparison.Ordinal), RegexOptions.CultureInvariant);
            return pattern;
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"health.naming.{key} is not a regular expression: {e.Message}", e);
        }
    }

    private static HealthExclusion Exclusion(ExcludeEntry entry, int index)
    {
        var what = $"health.exclude[{index}]";
        if (string.IsNullOrWhiteSpace(entry.Reason))
            throw new ConfigurationException($"{what} needs a reason: say why these findings are accepted, for whoever reads dbgate.yml next");
        var rules = entry.Rules ?? [];
        foreach (var rule in rules.Where(r => !RuleCatalog.All.Any(c => c.Id == r)))
            throw new ConfigurationException($"{what}.rules: no rule {rule} (see rules/ for the ids)");
        if (rules.Count == 0 && entry.Schema is null && entry.Table is null)
            throw new ConfigurationException($"{what} names no rules, schema or table: it would switch every check off everywhere");
        var level = entry.Level is null ? Level.None : OptionsResolver.ParseLevel(entry.Level, $"{what}.level");
        return new HealthExclusion(rules, entry.Schema, entry.Table, level, entry.Reason.Trim());
    }
}
