using System.Text.RegularExpressions;

namespace DbGate.Tests.Rules;

/// <summary>
/// The failing and passing examples of a rules/&lt;ID&gt;.md page, as migrations: each ```sql up block starts a
/// migration, and a ```sql down block after it is that migration's down; a ```sql verify block makes the example a
/// sqitch project, whose changes have verify scripts.
/// </summary>
/// <param name="Config">A ```yaml dbgate.yml block: the dbgate.yml the example runs with (production sizes, say).</param>
/// <param name="Diesel">A block written ```sql up diesel: the example is a diesel project, whose tool runs each up in a
/// transaction of its own (golang-migrate files otherwise).</param>
public sealed partial record RuleExample(string RuleId, bool ShouldFail, IReadOnlyList<(string Up, string? Down, string? Verify)> Migrations, string? Config = null, bool Diesel = false)
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
            string? config = null;
            var diesel = false;
            foreach (Match block in Block().Matches(section))
            {
                diesel |= block.Groups["diesel"].Success;
                var sql = block.Groups["sql"].Value;
                switch (block.Groups["direction"].Value)
                {
                    case "dbgate.yml":
                        config = sql;
                        break;
                    case "up":
                        migrations.Add((sql, null, null));
                        break;
                    case "down":
                        migrations[^1] = (migrations[^1].Up, sql, migrations[^1].Verify);
                        break;
                    default:
                        migrations[^1] = (migrations[^1].Up, migrations[^1].Down, sql);
                        break;
                }
            }
            yield return new RuleExample(ruleId, shouldFail, migrations, config, diesel);
        }
    }

    /// <summary>
    /// Writes the example as golang-migrate files (or diesel folders) into <paramref name="folder"/>, a sqitch
    /// project when it has verify scripts.
    /// </summary>
    public void WriteTo(string folder)
    {
        if (Config is not null)
            File.WriteAllText(Path.Combine(folder, "dbgate.yml"), Config);
        if (Migrations.Any(m => m.Verify is not null))
        {
            WriteSqitch(folder);
            return;
        }
        for (var i = 0; i < Migrations.Count; i++)
        {
            var (up, down) = (Path.Combine(folder, $"{i + 1:0000}_example.up.sql"), Path.Combine(folder, $"{i + 1:0000}_example.down.sql"));
            if (Diesel)
            {
                var step = Directory.CreateDirectory(Path.Combine(folder, $"2024-01-01-{i + 1:000000}_example")).FullName;
                (up, down) = (Path.Combine(step, "up.sql"), Path.Combine(step, "down.sql"));
            }
            File.WriteAllText(up, Migrations[i].Up);
            if (Migrations[i].Down is { } downSql)
                File.WriteAllText(down, downSql);
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

    [GeneratedRegex(@"```(?:sql|yaml) (?<direction>up|down|verify|dbgate\.yml)(?<diesel> diesel)?\n(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
