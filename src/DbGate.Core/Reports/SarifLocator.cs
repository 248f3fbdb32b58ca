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
            var region = Start(at) with
            {
                EndLine = at.EndLine is { } endLine ? Math.Max(at.Line, endLine) : null,
                EndColumn = at.EndColumn is { } endColumn ? Math.Max(1, endColumn) : null,
            };
            return (new SarifLocation(Physical(at.Path, region)), false);
        }

        Inferred++;
        var borrowed = finding.Migration is { } m && _fileByMigration.TryGetValue(m, out var path) ? path : _fallbackPath;
        return (new SarifLocation(Physical(borrowed, new SarifRegion(1, 1))), true);
    }

    /// <summary>A related location: where it starts.</summary>
    public static SarifPhysicalLocation Physical(SourceLocation at) => Physical(at.Path, Start(at));

    // SARIF lines and columns start at 1.
    private static SarifRegion Start(SourceLocation at) => new(Math.Max(1, at.Line), Math.Max(1, at.Column));

    private static SarifPhysicalLocation Physical(string path, SarifRegion region) =>
        new(new SarifArtifactLocation(SarifUris.Relative(path), SarifUris.SourceRoot), region);
}
