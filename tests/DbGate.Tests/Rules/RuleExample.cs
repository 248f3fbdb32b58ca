using System.Text.RegularExpressions;

namespace DbGate.Tests.Rules;

/// <summary>
/// The failing and passing examples of a rules/&lt;ID&gt;.md page, as migrations: each ```sql up block starts a
/// migration, and a ```sql down block after it is that migration's down; a ```sql verify block makes the example a
/// sqitch project, whose changes have verify scripts.
/// </summary>
public sealed partial record RuleExample(string RuleId, bool ShouldFail, IReadOnlyList<(string Up, string? Down, string? Verify)> Migrations)
{
    public static IEnumerable<RuleExample> From(string ruleId, string help)
    {
        foreach (var (heading, shouldFail) in new[] { ("## Failing example", true), ("## Passing example", false) })
        {
            var start = help.IndexOf(heading, StringComparison.Ordinal);
            if (start < 0)
                continue;
            var end = help.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
            var section = end < 0 ? help[start..] : help[start..end];
            var migrations = new List<(string Up, string? Down, string? Verify)>();
            foreach (Match block in Block().Matches(section))
            {
                var sql = block.Groups["sql"].Value;
                migrations.Add(block.Groups["direction"].Value switch
                {
                    "up" => (sql, null, null),
                    "down" => (migrations[^1].Up, sql, migrations[^1].Verify),
                    _ => (migrations[^1].Up, migrations[^1].Down, sql),
                });
                if (block.Groups["direction"].Value != "up")
                    migrations.RemoveAt(migrations.Count - 2);
            }
            yield return new RuleExample(ruleId, shouldFail, migrations);
        }
    }

    /// <summary>Writes the example as golang-migrate files into <paramref name="folder"/> (a sqitch project when it has verify scripts).</summary>
    public void WriteTo(string folder)
    {
        if (Migrations.Any(m => m.Verify is not null))
        {
            WriteSqitch(folder);
            return;
        }
        for (var i = 0; i < Migrations.Count; i++)
        {
            var stem = Path.Combine(folder, $"{i + 1:0000}_example");
            File.WriteAllText(stem + ".up.sql", Migrations[i].Up);
            if (Migrations[i].Down is { } down)
                File.WriteAllText(stem + ".down.sql", down);
        }
    }

    private void WriteSqitch(string folder)
    {
        var plan = new System.Text.StringBuilder("%syntax-version=1.0.0\n%project=example\n\n");
        for (var i = 0; i < Migrations.Count; i++)
        {
            var name = $"change{i + 1}";
            plan.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name} 2024-01-01T00:00:0{i}Z DbGate <dbgate@example.com> # example\n");
            foreach (var (directory, sql) in new[] { ("deploy", Migrations[i].Up), ("revert", Migrations[i].Down), ("verify", Migrations[i].Verify) })
            {
                if (sql is null)
                    continue;
                Directory.CreateDirectory(Path.Combine(folder, directory));
                File.WriteAllText(Path.Combine(folder, directory, name + ".sql"), sql);
            }
        }
        File.WriteAllText(Path.Combine(folder, "sqitch.plan"), plan.ToString());
    }

    public override string ToString() => $"{RuleId} {(ShouldFail ? "failing" : "passing")} example";

    [GeneratedRegex(@"```sql (?<direction>up|down|verify)\n(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
