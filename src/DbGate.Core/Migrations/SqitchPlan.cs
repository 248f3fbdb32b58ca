using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Core.Migrations;

/// <summary>One change of a sqitch.plan, in plan order.</summary>
/// <param name="ScriptNames">Its scripts' possible file names without .sql: the name, or for a change reworked later name@tag
/// for each tag between it and its rework, in plan order (sqitch takes the first whose deploy script exists).</param>
/// <param name="Requires">Changes it depends on (same project), each as named in the plan.</param>
/// <param name="Conflicts">Changes that must not be deployed when it is.</param>
internal sealed record SqitchChange(string Name, IReadOnlyList<string> ScriptNames, int Line, IReadOnlyList<string> Requires, IReadOnlyList<string> Conflicts);

/// <summary>
/// Reads sqitch.plan: changes in order, <c>@tags</c>, <c>[dependencies]</c>; checks each dependency is planned earlier,
/// as sqitch does before it deploys anything.
/// </summary>
internal static partial class SqitchPlan
{
    public static IReadOnlyList<SqitchChange> Read(string text, string relativePath)
    {
        var project = "";
        var entries = new List<(string Name, int Line, string[] Dependencies)>();
        var tagsAfter = new List<(int Entries, string Tag)>(); // each tag with the number of changes planned before it
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.StartsWith("%project=", StringComparison.Ordinal))
                project = line["%project=".Length..].Trim();
            if (line.Length == 0 || line[0] is '#' or '%')
                continue;
            if (line[0] == '@')
            {
                tagsAfter.Add((entries.Count, line[1..].Split(' ', 2)[0]));
                continue;
            }
            var match = Change().Match(line);
            if (!match.Success)
                throw new ConfigurationException($"{relativePath}:{lineNumber}: not a sqitch plan line: {line}");
            entries.Add((match.Groups["name"].Value, lineNumber, match.Groups["deps"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        var changes = new List<SqitchChange>();
        var planned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var (name, line, dependencies) = entries[i];
            var rework = entries.FindIndex(i + 1, e => e.Name == name);
            var reworkedLater = rework > 0;
            // The tags between the change and its rework: the rework may name any of them, and sqitch looks for each.
            var reworkTags = reworkedLater ? tagsAfter.Where(t => t.Entries > i && t.Entries <= rework).Select(t => t.Tag).ToList() : [];
            if (reworkedLater && reworkTags.Count == 0)
                throw new ConfigurationException($"{relativePath}:{line}: change {name} is planned again without a tag between");
            var own = dependencies.Select(d => Local(d, project)).OfType<string>().ToList();
            var requires = own.Where(d => !d.StartsWith('!')).ToList();
            var conflicts = own.Where(d => d.StartsWith('!')).Select(d => d[1..]).ToList();
            var missing = requires.FirstOrDefault(d => !planned.Contains(d.Split('@')[0]));
            if (missing is not null)
                throw new ConfigurationException($"{relativePath}:{line}: change {name} requires {missing}, which is not planned before it");
            var conflicting = conflicts.FirstOrDefault(planned.Contains);
            if (conflicting is not null && !reworkedLater)
                throw new ConfigurationException($"{relativePath}:{line}: change {name} conflicts with {conflicting}, which is deployed before it");
            changes.Add(new SqitchChange(name, reworkedLater ? reworkTags.Select(t => $"{name}@{t}").ToList() : [name], line, requires, conflicts));
            planned.Add(name);
        }
        return changes;
    }

    /// <summary>A dependency on this project's change, without the project prefix; null for another project's.</summary>
    private static string? Local(string dependency, string project)
    {
        var bang = dependency.StartsWith('!') ? "!" : "";
        var name = dependency.TrimStart('!');
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return bang + name;
        return name[..colon] == project ? bang + name[(colon + 1)..] : null;
    }

    [GeneratedRegex(@"^[+-]?(?<name>[^\s\[@#]+)\s*(\[(?<deps>[^\]]*)\])?\s*\d{4}-\d{2}-\d{2}T")]
    private static partial Regex Change();
}
