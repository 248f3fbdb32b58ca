using System.Xml.Linq;
using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>Sorts a result into JUnit test cases: findings go to the step named by their migration and phase, or to the findings suite.</summary>
internal sealed class JUnitCases
{
    private const string StepFailedType = "step-failed";

    public JUnitCases(GateResult result, Level failOn)
    {
        var steps = result.Steps.Select(s => (s.Migration, s.Phase)).ToHashSet();
        bool OnStep(Finding f) => f is { Migration: { } m, Phase: { } p } && steps.Contains((m, p));
        var byStep = result.Findings.Where(OnStep).ToLookup(f => (f.Migration!, f.Phase!.Value));
        var loose = result.Findings.Where(f => !OnStep(f)).ToList();

        StepCases = [.. result.Steps.Select(s => StepCase(s, [.. byStep[(s.Migration, s.Phase)]], failOn))];
        StepNotes = [.. result.Findings.Where(f => OnStep(f) && !Fails(f, failOn)).Select(FindingText.Block)];

        var findingCases = loose.Where(f => Fails(f, failOn)).Select(FindingCase).ToList();
        if (!result.Complete)
            findingCases.Add(IncompleteCase(result));
        FindingCases = findingCases;
        FindingNotes = [.. loose.Where(f => !Fails(f, failOn)).Select(FindingText.Block)];
    }

    public IReadOnlyList<XElement> StepCases { get; }

    public IReadOnlyList<string> StepNotes { get; }

    public IReadOnlyList<XElement> FindingCases { get; }

    public IReadOnlyList<string> FindingNotes { get; }

    /// <summary>XML 1.0 cannot carry most control characters at all, not even as references.</summary>
    public static string Xml(string text) => ControlCharacters.Escape(text);

    private static bool Fails(Finding finding, Level failOn) => failOn != Level.None && finding.Level >= failOn;

    private static XElement StepCase(StepResult step, IReadOnlyList<Finding> findings, Level failOn)
    {
        var testCase = Case(step.Migration, Formats.Name(step.Phase), Formats.Seconds(step.Duration));
        var failing = findings.Where(f => Fails(f, failOn)).ToList();
        if (failing.Count > 0)
        {
            var type = string.Join(",", failing.Select(f => f.RuleId).Distinct(StringComparer.Ordinal));
            testCase.Add(Outcome("failure", type, failing[0].Message, string.Join('\n', findings.Select(FindingText.Block))));
        }
        else if (step.Outcome == Results.Outcome.Failed && findings.Count == 0)
        {
            // No rule spoke for this step, so the step's own failure must; when one did at a level below fail-on,
            // the user chose not to fail on it and a JUnit failure would fail the build behind their back.
            testCase.Add(Outcome("failure", StepFailedType, step.Reason ?? "The step failed.", string.Join('\n', findings.Select(FindingText.Block))));
        }
        else if (step.Outcome == Results.Outcome.Skipped)
        {
            testCase.Add(new XElement("skipped", step.Reason is null ? null : new XAttribute("message", Xml(step.Reason))));
        }
        return testCase;
    }

    private static XElement FindingCase(Finding finding)
    {
        var name = finding.Location is { } at ? $"{finding.RuleId} {at}" : finding.RuleId;
        var testCase = Case(finding.Migration ?? "dbgate", name, "0.000");
        testCase.Add(Outcome("failure", finding.RuleId, finding.Message, FindingText.Block(finding)));
        return testCase;
    }

    private static XElement IncompleteCase(GateResult result)
    {
        var testCase = Case("dbgate", "run", "0.000");
        var why = Verdicts.WhyIncomplete(result);
        testCase.Add(Outcome("error", "incomplete", $"{FindingText.Capital(why)}; the results are what was seen before it stopped.", ""));
        return testCase;
    }

    private static XElement Case(string classname, string name, string time) =>
        new("testcase", new XAttribute("name", Xml(name)), new XAttribute("classname", Xml(classname)), new XAttribute("time", time));

    private static XElement Outcome(string element, string type, string message, string body) =>
        new(element, new XAttribute("type", Xml(type)), new XAttribute("message", Xml(message)), body.Length == 0 ? null : Xml(body) + "\n");
}
