using DbGate.Core.Results;
using DbGate.Core.Rules;

namespace DbGate.Core.Reports;

/// <summary>
/// tool.driver.rules: every catalogued rule, in id order, then any id a finding names that the catalog lacks.
/// All rules rather than only those with findings, so a rule keeps the same ruleIndex from run to run and the log
/// states what DbGate can report; the catalog is small, so the cost is a few kilobytes.
/// </summary>
internal sealed class SarifRules
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);

    public SarifRules(IEnumerable<RuleDescriptor> catalog, IEnumerable<Finding> findings)
    {
        var rules = new List<SarifRule>();
        foreach (var rule in catalog.OrderBy(r => r.Id, StringComparer.Ordinal))
            Add(rule.Id, Describe(rule), rules);
        foreach (var finding in findings)
            Add(finding.RuleId, Undocumented(finding.RuleId), rules);
        Descriptors = rules;
    }

    public IReadOnlyList<SarifRule> Descriptors { get; }

    public int IndexOf(string ruleId) => _indexById[ruleId];

    private void Add(string id, SarifRule rule, List<SarifRule> rules)
    {
        if (_indexById.TryAdd(id, rules.Count))
            rules.Add(rule);
    }

    private static SarifRule Describe(RuleDescriptor rule) => new(
        rule.Id,
        rule.Name,
        new SarifMessage(rule.Title),
        new SarifMessage(rule.Summary),
        new SarifHelp(rule.Help, rule.Help),
        rule.HelpUri,
        new SarifConfiguration(Formats.Name(rule.DefaultLevel)),
        new SarifTags([rule.Category]));

    // GitHub shows a rule by its shortDescription; the id is the only honest one for a rule we know nothing about.
    private static SarifRule Undocumented(string id) => new(id, null, new SarifMessage(id), null, null, null, null, null);
}
