using System.Text.Json.Serialization;

namespace DbGate.Core.Snapshots;

/// <summary>The snapshot query names its fields in snake_case.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
// ValueList items are read through their own type info, so every item type is listed.
[JsonSerializable(typeof(SchemaSnapshot))]
[JsonSerializable(typeof(SchemaDefinition))]
[JsonSerializable(typeof(ExtensionDefinition))]
[JsonSerializable(typeof(TableDefinition))]
[JsonSerializable(typeof(ColumnDefinition))]
[JsonSerializable(typeof(ConstraintDefinition))]
[JsonSerializable(typeof(IndexDefinition))]
[JsonSerializable(typeof(ViewDefinition))]
[JsonSerializable(typeof(SequenceDefinition))]
[JsonSerializable(typeof(RoutineDefinition))]
[JsonSerializable(typeof(TriggerDefinition))]
[JsonSerializable(typeof(PolicyDefinition))]
[JsonSerializable(typeof(EnumDefinition))]
[JsonSerializable(typeof(DomainDefinition))]
[JsonSerializable(typeof(DomainConstraintDefinition))]
[JsonSerializable(typeof(CompositeTypeDefinition))]
[JsonSerializable(typeof(DefaultPrivilegeDefinition))]
[JsonSerializable(typeof(PrivilegeSet))]
[JsonSerializable(typeof(string))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
