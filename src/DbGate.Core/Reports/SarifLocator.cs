using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>
/// Gives every result a physical location, because GitHub code scanning rejects the whole upload when one result
/// has none. A finding without a location borrows the file of another finding of its migration (line 1), or else
/// points at the fallback path (the configuration file); such results are marked locationInferred.
/// </summary>
internal sealed class SarifLocator
{
    private readonly Dictionary<string, string> _fileByMigration = new(StringComparer.Ordinal);
    private readonly string _fallbackPath;

    public SarifLocator(IEnumerable<Finding> findings, string fallbackPath)
    {
        _fallbackPath = fallbackPath;
        foreach (var finding in findings)
        {
            if (finding is { Migration: { } migration, Location: { } location })
                _fileByMigration.TryAdd(migration, location.Path);
        }
    }

    public int Inferred { get; private set; }

    public (SarifLocation Location, bool Inferred) Locate(Finding finding)
    {
        if (finding.Location is { } at)
        {
            var region = new SarifRegion(
                Math.Max(1, at.Line), Math.Max(1, at.Column),
                at.EndLine is { } endLine ? Math.Max(at.Line, endLine) : null,
                at.EndColumn is { } endColumn ? Math.Max(1, endColumn) : null);
            return (At(at.Path, region), false);
        }

        Inferred++;
        var borrowed = finding.Migration is { } m && _fileByMigration.TryGetValue(m, out var path) ? path : _fallbackPath;
        return (At(borrowed, new SarifRegion(1, 1)), true);
    }

    public static SarifPhysicalLocation Physical(SourceLocation at) =>
        new(new SarifArtifactLocation(SarifUris.Relative(at.Path), SarifUris.SourceRoot), new SarifRegion(Math.Max(1, at.Line), Math.Max(1, at.Column)));

    private static SarifLocation At(string path, SarifRegion region) =>
        new(new SarifPhysicalLocation(new SarifArtifactLocation(SarifUris.Relative(path), SarifUris.SourceRoot), region));
}
