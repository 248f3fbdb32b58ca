namespace DbGate.Core.Configuration;

/// <summary>A place in a configuration file, for messages: <c>dbgate.yml:12:5</c>. Line and column count from 1.</summary>
public sealed record ConfigLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
