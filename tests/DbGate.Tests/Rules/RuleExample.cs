using System.Text.RegularExpressions;

namespace DbGate.Tests.Rules;

/// <summary>
/// The failing and passing examples of a rules/&lt;ID&gt;.md page, as migrations: each ```sql up block starts a
/// migration, and a ```sql down block after it is that migration's down.
/// </summary>
/// <param name="Config">A ```yaml dbgate.yml block: the dbgate.yml the example runs with (production sizes, say).</param>
public sealed partial record RuleExample(string RuleId, bool ShouldFail, IReadOnlyList<(string Up, string? Down)> Migrations, string? Config = null)
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
            var migrations = new List<(string Up, string? Down)>();
            string? config = null;
            foreach (Match block in Block().Matches(section))
            {
                if (block.Groups["direction"].Value == "dbgate.yml")
                    config = block.Groups["sql"].Value;
                else if (block.Groups["direction"].Value == "up")
                    migrations.Add((block.Groups["sql"].Value, null));
                else
                    migrations[^1] = (migrations[^1].Up, block.Groups["sql"].Value);
            }
            yield return new RuleExample(ruleId, shouldFail, migrations, config);
        }
    }

    /// <summary>Writes the example as golang-migrate files into <paramref name="folder"/>.</summary>
    public void WriteTo(string folder)
    {
        if (Config is not null)
            File.WriteAllText(Path.Combine(folder, "dbgate.yml"), Config);
        for (var i = 0; i < Migrations.Count; i++)
        {
            var stem = Path.Combine(folder, $"{i + 1:0000}_example");
            File.WriteAllText(stem + ".up.sql", Migrations[i].Up);
            if (Migrations[i].Down is { } down)
                File.WriteAllText(stem + ".down.sql", down);
        }
    }

    public override string ToString() => $"{RuleId} {(ShouldFail ? "failing" : "passing")} example";

    [GeneratedRegex(@"```(?:sql|yaml) (?<direction>up|down|dbgate\.yml)\n(?<sql>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
