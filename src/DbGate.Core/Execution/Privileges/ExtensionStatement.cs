using System.Text.RegularExpressions;

namespace DbGate.Core.Execution.Privileges;

/// <summary>
/// CREATE, ALTER … UPDATE and DROP EXTENSION recognised by their whole shape, so DbGate can route a listed untrusted
/// extension through its privileged functions. Anything else, comments inside included, is not recognised and runs as
/// written (and fails as an unprivileged role would). Names are kept to plain characters, so the call built from them
/// needs no escaping beyond doubled quotes.
/// </summary>
internal sealed partial record ExtensionStatement(string Verb, IReadOnlyList<string> Names, bool Conditional, string? Schema, string? Version, bool Cascade)
{
    public static ExtensionStatement? Parse(string text)
    {
        if (Create().Match(text) is { Success: true } create)
            return Build("create", [create.Groups["name"].Value], create.Groups["cond"].Success, create.Groups["schema"], create.Groups["version"], create.Groups["cascade"].Success);
        if (Update().Match(text) is { Success: true } update)
            return Build("update", [update.Groups["name"].Value], false, null, update.Groups["version"], false);
        if (Drop().Match(text) is { Success: true } drop)
            return Build("drop", drop.Groups["name"].Captures.Select(c => c.Value).ToList(), drop.Groups["cond"].Success, null, null, drop.Groups["cascade"].Success);
        return null;
    }

    /// <summary>The call that does the same through the privileged functions, in the caller's transaction.</summary>
    public string ToGatewayCall() => Verb switch
    {
        "create" => $"SELECT dbgate_privileged.create_extension({Literal(Names[0])}, {Bool(Conditional)}, {Literal(Schema)}, current_schema(), {Literal(Version)}, {Bool(Cascade)})",
        "update" => $"SELECT dbgate_privileged.update_extension({Literal(Names[0])}, {Literal(Version)})",
        _ => $"SELECT dbgate_privileged.drop_extension(ARRAY[{string.Join(", ", Names.Select(Literal))}]::text[], {Bool(Conditional)}, {Bool(Cascade)})",
    };

    private static ExtensionStatement? Build(string verb, IReadOnlyList<string> names, bool conditional, Group? schema, Group? version, bool cascade)
    {
        var unquoted = names.Select(Identifier).ToList();
        var schemaName = schema is { Success: true } ? Identifier(schema.Value) : null;
        var versionText = version is { Success: true } ? Unquote(version.Value) : null;
        return unquoted.Append(schemaName).Append(versionText).All(v => v is null || Plain().IsMatch(v))
            ? new ExtensionStatement(verb, unquoted, conditional, schemaName, versionText, cascade)
            : null;
    }

    private static string Identifier(string text) =>
        text.StartsWith('"') ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text.ToLowerInvariant();

    private static string Unquote(string text) =>
        text.StartsWith('\'') ? text[1..^1].Replace("''", "'", StringComparison.Ordinal) : Identifier(text);

    private static string Literal(string? value) => value is null ? "NULL" : $"'{value}'";

    private static string Bool(bool value) => value ? "true" : "false";

    private const string Name = @"(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*)";
    private const string VersionText = @"(?:'(?:[^']|'')*'|" + Name + ")";

    [GeneratedRegex(@"^CREATE\s+EXTENSION\s+(?<cond>IF\s+NOT\s+EXISTS\s+)?(?<name>" + Name + @")(?:\s+(?:WITH|SCHEMA\s+(?<schema>" + Name + @")|VERSION\s+(?<version>" + VersionText + @")|(?<cascade>CASCADE)))*\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Create();

    [GeneratedRegex(@"^ALTER\s+EXTENSION\s+(?<name>" + Name + @")\s+UPDATE(?:\s+TO\s+(?<version>" + VersionText + @"))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Update();

    [GeneratedRegex(@"^DROP\s+EXTENSION\s+(?<cond>IF\s+EXISTS\s+)?(?<name>" + Name + @")(?:\s*,\s*(?<name>" + Name + @"))*(?:\s+(?:(?<cascade>CASCADE)|RESTRICT))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Drop();

    [GeneratedRegex(@"^[A-Za-z0-9_$.\- ]+$")]
    private static partial Regex Plain();
}
