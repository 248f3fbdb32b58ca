using System.Text.Json;
using System.Text.Json.Serialization;
using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Baselines;

/// <summary>
/// The committed list of findings a team accepts for now, keyed by fingerprint (rule and object, or rule, migration
/// and phase), never by line: editing a migration elsewhere keeps every entry. The message and location are there for
/// the reader of the file and of its diffs; only the fingerprint is compared.
/// </summary>
public static class BaselineFile
{
    public const string DefaultName = "dbgate.baseline.json";

    public const int CurrentVersion = 1;

    public static async Task<IReadOnlyList<BaselineEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        try
        {
            await using var stream = File.OpenRead(path);
            var document = await JsonSerializer.DeserializeAsync(stream, BaselineJsonContext.Default.BaselineDocument, cancellationToken)
                ?? throw new ConfigurationException($"{name}: empty baseline");
            if (document.Version != CurrentVersion)
                throw new ConfigurationException($"{name}: baseline version {document.Version} is not {CurrentVersion}; write it again with dotnet dbgate baseline");
            return document.Findings;
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{name}: not a DbGate baseline ({e.Message.Split('.')[0]}); write it again with dotnet dbgate baseline", e);
        }
    }

    public static async Task WriteAsync(string path, IEnumerable<Finding> findings, CancellationToken cancellationToken)
    {
        var entries = findings
            .Select(f => new BaselineEntry(f.Fingerprint, f.RuleId, f.Message, f.Location is { } at ? $"{at.Path}:{at.Line}" : f.Migration))
            .OrderBy(e => e.Fingerprint, StringComparer.Ordinal).ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        // As the reports are written: a run stopped midway leaves the committed file as it was, never half of one.
        await Reports.AtomicFile.WriteAsync(Path.GetFullPath(path),
            stream => Reports.ReportJson.WriteAsync(stream, new BaselineDocument(CurrentVersion, entries), Reports.ReportJson.Report, cancellationToken), cancellationToken);
    }
}

/// <param name="Fingerprint">What is compared: <see cref="Finding.Fingerprint"/>.</param>
/// <param name="Where">Where it was when accepted, for people; not compared.</param>
public sealed record BaselineEntry(string Fingerprint, string Rule, string Message, string? Where);

internal sealed record BaselineDocument(int Version, IReadOnlyList<BaselineEntry> Findings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(BaselineDocument))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
