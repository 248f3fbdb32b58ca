using System.Text.RegularExpressions;

namespace DbGate.Tests.Hosts;

/// <summary>
/// The part of GitHub's expression language action.yml uses: <c>inputs.x</c>, <c>steps.id.outputs.x</c>, string
/// literals, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>always()</c> and <c>success()</c>. Anything else throws, so the
/// action cannot quietly grow an expression this simulation would get wrong.
/// </summary>
public sealed partial class ActionExpressions(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> stepOutputs, bool failedSoFar)
{
    /// <summary>Replaces every <c>${{ … }}</c> in <paramref name="text"/> with its value.</summary>
    public string Interpolate(string text) => Template().Replace(text, m => Evaluate(m.Groups["expression"].Value));

    /// <summary>A step's <c>if:</c>, with or without <c>${{ }}</c>; a missing one means success().</summary>
    public bool Condition(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return !failedSoFar;
        var expression = Template().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length ? m.Groups["expression"].Value : text;
        var terms = expression.Split("&&", StringSplitOptions.TrimEntries);
        // As on GitHub: without a status function, a condition only runs after success.
        var hasStatus = terms.Any(t => t is "always()" or "success()" or "failure()");
        return (hasStatus || !failedSoFar) && terms.All(t => Evaluate(t) == "true");
    }

    private string Evaluate(string expression)
    {
        expression = expression.Trim();
        foreach (var op in new[] { "!=", "==" })
        {
            var at = expression.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var equal = string.Equals(Evaluate(expression[..at]), Evaluate(expression[(at + 2)..]), StringComparison.OrdinalIgnoreCase);
                return (op == "==" ? equal : !equal) ? "true" : "false";
            }
        }
        if (expression is "always()")
            return "true";
        if (expression is "success()")
            return failedSoFar ? "false" : "true";
        if (expression.StartsWith('\'') && expression.EndsWith('\''))
            return expression[1..^1].Replace("''", "'", StringComparison.Ordinal);
        if (expression.StartsWith("inputs.", StringComparison.Ordinal))
            return inputs.TryGetValue(expression["inputs.".Length..], out var value) ? value : throw new InvalidOperationException($"unknown input in {expression}");
        if (StepOutput().Match(expression) is { Success: true } output)
            return stepOutputs.TryGetValue(output.Groups["step"].Value, out var outputs) && outputs.TryGetValue(output.Groups["name"].Value, out var v) ? v : "";
        throw new InvalidOperationException($"the simulated runner does not know the expression '{expression}'");
    }

    [GeneratedRegex(@"\$\{\{\s*(?<expression>.*?)\s*\}\}")]
    private static partial Regex Template();

    [GeneratedRegex(@"^steps\.(?<step>[\w-]+)\.outputs\.(?<name>[\w-]+)$")]
    private static partial Regex StepOutput();
}
