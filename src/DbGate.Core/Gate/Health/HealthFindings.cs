using DbGate.Core.Provenance;
using DbGate.Core.Results;
using DbGate.Core.Rules.Schema;

namespace DbGate.Core.Gate.Health;

/// <summary>
/// Places a schema finding where its object came from: the location is the statement (or, when only the migration is
/// known, the up script) that created the object; the statements that changed it since and the origins of the other
/// objects involved are related locations. A problem made long ago is still reported, at its origin.
/// </summary>
internal static class HealthFindings
{
    public static Finding Place(SchemaFinding finding, SchemaProvenance provenance, Level level)
    {
        var history = provenance.Of(finding.Subject);
        var origin = history?.Created;
        var related = new List<RelatedLocation>();
        var details = new List<string>();
        // Without an origin: an existing database's objects, or with --changed those of the unchanged migrations, which
        // the run applied without stepping through them.
        details.Add(origin is not null
            ? $"{finding.Subject} was created by {origin.Migration}"
            : $"{finding.Subject} existed before the first migration this run checked");
        // Every statement that changed it, the last one last: a reviewer sees each step of how it came to be.
        var changes = history?.Changes ?? [];
        for (var i = 0; i < changes.Count; i++)
        {
            var changed = changes[i];
            if (changed.Location == origin?.Location || related.Any(r => r.Location == changed.Location))
                continue;
            var what = i == changes.Count - 1 ? "last changed" : "changed";
            related.Add(new RelatedLocation(changed.Location, $"{finding.Subject} {what} by {changed.Migration}"));
        }
        if (history?.LastChanged is { } last)
            details.Add($"last changed by {last.Migration} ({last.Location})");
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
