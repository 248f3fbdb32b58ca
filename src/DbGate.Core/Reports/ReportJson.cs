using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DbGate.Core.Reports;

/// <summary>Serializer settings for the two JSON formats: camelCase names, lowercase enum strings, readable Unicode.</summary>
internal static class ReportJson
{
    /// <summary>DbGate's own report keeps null members, so every documented key is always present.</summary>
    public static readonly JsonSerializerOptions Report = Create(JsonIgnoreCondition.Never);

    /// <summary>SARIF omits absent members: its schema types most of them without null.</summary>
    public static readonly JsonSerializerOptions Sarif = Create(JsonIgnoreCondition.WhenWritingNull);

    public static async Task WriteAsync<T>(Stream output, T document, JsonSerializerOptions options, CancellationToken ct)
    {
        await JsonSerializer.SerializeAsync(output, document, options, ct).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    private static JsonSerializerOptions Create(JsonIgnoreCondition ignore) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = ignore,
        WriteIndented = true,
        // Reports are files, never embedded in HTML, so there is no reason to turn '<' or 'é' into \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
    };
}
