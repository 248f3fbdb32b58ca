using System.Text.Json;
using DbGate.Tests.Infrastructure;
using NJsonSchema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DbGate.Tests.Configuration;

/// <summary>The published schema for dbgate.yml: generated from the reader's own classes, and true of every dbgate.yml here.</summary>
public sealed class ConfigSchemaTests
{
    public static string SchemaPath => Path.Combine(RepoPaths.SolutionDirectory, "docs", "schemas", "dbgate.schema.json");

    [Fact]
    public void The_committed_schema_is_the_one_the_ConfigFile_classes_generate()
    {
        var generated = ConfigSchemaGenerator.Generate();
        var actual = SchemaPath.Replace(".json", ".actual.json", StringComparison.Ordinal);
        if (File.Exists(SchemaPath) && File.ReadAllText(SchemaPath).ReplaceLineEndings("\n") == generated)
        {
            File.Delete(actual);
            return;
        }
        File.WriteAllText(actual, generated);
        Assert.Fail($"dbgate.yml's keys changed: review {actual} and move it over {SchemaPath}.");
    }

    public static TheoryData<string> ConfigFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.SolutionDirectory, "dbgate.y*ml", SearchOption.AllDirectories)
            // tests/fixtures/bad-input holds dbgate.yml files that are wrong on purpose.
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bad-input/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.SolutionDirectory, file));
        }
        data.Add("README.md");
        return data;
    }

    [Theory]
    [MemberData(nameof(ConfigFiles))]
    public async Task Every_dbgate_yml_in_the_repository_is_valid_against_the_schema(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.SolutionDirectory, file));
        var yaml = file == "README.md" ? ReadmeBlock(text) : text;

        var errors = await ValidateAsync(yaml);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_schema_refuses_an_unknown_key_and_a_bad_level()
    {
        Assert.NotEmpty(await ValidateAsync("migrations: db\nmigratoins: x\n"));
        Assert.NotEmpty(await ValidateAsync("fail_on: sometimes\n"));
        Assert.NotEmpty(await ValidateAsync("rules:\n  DBG006: loud\n"));
    }

    /// <summary>Validates YAML as editors do: as the JSON it denotes.</summary>
    internal static async Task<IReadOnlyList<string>> ValidateAsync(string yaml)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = stream.Documents.Count == 0 ? "{}" : JsonSerializer.Serialize(Json(stream.Documents[0].RootNode));
        return Reports.SarifSchema.Flatten(schema.Validate(json));
    }

    /// <summary>YAML's core schema: plain true/false/null/numbers are typed, quoted scalars are strings.</summary>
    private static object? Json(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Json(p.Value)),
        YamlSequenceNode list => list.Children.Select(Json).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } plain => plain.Value switch
        {
            null or "" or "~" or "null" => null,
            "true" => true,
            "false" => false,
            var text when long.TryParse(text, out var number) => number,
            var text when double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            var text => text,
        },
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    /// <summary>The dbgate.yml block under README's "## dbgate.yml" heading.</summary>
    private static string ReadmeBlock(string readme)
    {
        var section = readme[readme.IndexOf("## dbgate.yml", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
