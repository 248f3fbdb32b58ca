using System.Text.Json;
using DbGate.Core.Configuration;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using NJsonSchema;
using NJsonSchema.Generation;

namespace DbGate.Tests.Configuration;

/// <summary>
/// dbgate.yml's JSON schema, generated from the ConfigFile classes the strict reader uses (names snake_case, doc
/// comments as descriptions, unknown keys refused), plus the value sets the classes cannot state: levels,
/// providers, and the formats MigrationDiscovery knows. A key added to ConfigFile changes it; a test keeps the
/// committed copy in step.
/// </summary>
internal static class ConfigSchemaGenerator
{
    public const string Id = "https://raw.githubusercontent.com/dbgate-ci/dbgate/main/docs/schemas/dbgate.schema.json";

    public static string Generate()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower },
            SchemaType = SchemaType.JsonSchema,
            AlwaysAllowAdditionalObjectProperties = false,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.Null,
        };
        var schema = JsonSchema.FromType<ConfigFile>(settings);
        schema.Id = Id;
        schema.Title = "dbgate.yml";
        schema.Description = "DbGate's configuration. Every key is optional; command-line options override it. See README.md.";

        var levels = Enum.GetNames<Level>().Select(n => n.ToLowerInvariant()).ToArray();
        Restrict(schema.Properties["fail_on"], levels);
        Restrict(schema.Properties["format"], ["auto", .. MigrationDiscovery.FormatNames]);
        Restrict(Section(schema, "postgres").Properties["provider"], ["auto", "local", "docker", "external"]);
        var timeout = schema.Properties["statement_timeout"];
        timeout.Pattern = @"^\d+(\.\d+)?\s*(ms|s|min|m|h)?$";
        // A bare number is a number of seconds; YAML reads 30 as a number, the reader as "30".
        timeout.Type |= JsonObjectType.Number;
        Section(schema, "postgres").Properties["versions"].Item!.Type = JsonObjectType.String | JsonObjectType.Integer;
        // A parameter value is text to PostgreSQL, but YAML reads [[17]] as a number.
        var parameters = Section(schema, "benchmarks").Properties["queries"].Item!.ActualSchema.Properties["params"].Item!.Item!;
        parameters.Type |= JsonObjectType.Number | JsonObjectType.Integer | JsonObjectType.Boolean;
        // A listed value, min and max are written as YAML reads them (1, 2.5, true, 2020-01-01) and cast by the column's type.
        var column = Section(schema, "seed").Properties["columns"].ActualTypeSchema.AdditionalPropertiesSchema!.ActualTypeSchema;
        column.Properties["values"].Item!.Type = JsonObjectType.String | JsonObjectType.Number | JsonObjectType.Boolean | JsonObjectType.Null;
        foreach (var bound in new[] { "min", "max" })
            column.Properties[bound].Type = JsonObjectType.String | JsonObjectType.Number | JsonObjectType.Null;
        var rules = schema.Properties["rules"];
        var level = new JsonSchema { Type = JsonObjectType.String };
        foreach (var name in levels)
            level.Enumeration.Add(name);
        (rules.ActualTypeSchema ?? rules).AdditionalPropertiesSchema = level;
        return schema.ToJson().ReplaceLineEndings("\n") + "\n";
    }

    private static JsonSchema Section(JsonSchema schema, string key) => schema.Properties[key].ActualTypeSchema;

    private static void Restrict(JsonSchemaProperty property, IEnumerable<string> values)
    {
        property.Type = JsonObjectType.String | JsonObjectType.Null;
        foreach (var value in values)
            property.Enumeration.Add(value);
        property.Enumeration.Add(null);
    }
}
