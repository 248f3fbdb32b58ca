using System.Text.Json.Serialization;

namespace DbGate.Core.Snapshots;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(SchemaFacts))]
internal sealed partial class SchemaFactsJsonContext : JsonSerializerContext;
