using DbGate.Tests.Infrastructure;
using NJsonSchema;
using NJsonSchema.Validation;

namespace DbGate.Tests.Reports;

/// <summary>The OASIS SARIF 2.1.0 schema, loaded once; NJsonSchema resolves its internal #/definitions references.</summary>
internal static class SarifSchema
{
    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(RepoPaths.SarifSchema));

    public static Task<JsonSchema> LoadAsync() => Schema.Value;

    public static async Task<IReadOnlyList<string>> ValidateAsync(string json) => Flatten((await LoadAsync()).Validate(json));

    /// <summary>Errors under "runs" (typed array-or-null) arrive nested; unfold them so a failure names the real culprit.</summary>
    public static IReadOnlyList<string> Flatten(IEnumerable<ValidationError> errors) =>
        [.. errors.SelectMany(e => e switch
        {
            MultiTypeValidationError multi => Flatten(multi.Errors.SelectMany(pair => pair.Value)),
            ChildSchemaValidationError child => Flatten(child.Errors.SelectMany(pair => pair.Value)),
            _ => [$"{e.Path}: {e.Kind}"],
        })];
}
