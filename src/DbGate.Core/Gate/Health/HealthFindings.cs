using DbGate.Core.Provenance;
using DbGate.Core.Results;
using DbGate.Core.Rules.Schema;

namespace DbGate.Core.Gate.Health;

/// <summary>
/// Places a schema finding where its object came from: the location is the statement (or, while only the migration is
/// known, the up script) that created the object; the one that last changed it and the origins of the other objects
/// involved are related locations. A problem made long ago is still reported, at its origin.
/// </summary>
internal static class HealthFindings
{
    public static Finding Place(SchemaFinding finding, SchemaProvenance provenance, Level level)
    {
        var history = provenance.Of(finding.Subject);
        var origin = history?.Created;
        var related = new List<RelatedLocation>();
        var details = new List<string>();
        if (origin is not null)
            details.Add($"{finding.Subject} was created by {origin.Migration}");
        else
            details.Add($"{finding.Subject} was there before the first migration");
        if (history?.LastChanged is { } changed)
        {
            related.Add(new RelatedLocation(changed.Location, $"{finding.Subject} last changed by {changed.Migration}"));
            details.Add($"last changed by {changed.Migration} ({changed.Location.Path})");
        }
        foreach (var other in finding.Related.Distinct())
        {
            // Where the finding itself points already says nothing new.
            if (provenance.Of(other)?.Created is { } created && created.Location != origin?.Location && related.All(r => r.Location != created.Location))
                related.Add(new RelatedLocation(created.Location, $"{other} created by {created.Migration}"));
        }
        return new Finding(finding.RuleId, level, finding.Message, origin?.Location, origin?.Migration, [.. details, .. finding.Details], origin is null ? null : Phase.Up)
        {
            Subject = finding.Subject.ToString(),
            Related = related,
        };
    }
}
