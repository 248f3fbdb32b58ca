namespace DbGate.Core.Results;

/// <summary>
/// A place in a migration file. <paramref name="Path"/> is relative to the project root and uses '/',
/// so reports stay the same on every machine; lines and columns are 1-based.
/// </summary>
public sealed record SourceLocation(string Path, int Line = 1, int Column = 1, int? EndLine = null, int? EndColumn = null)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
