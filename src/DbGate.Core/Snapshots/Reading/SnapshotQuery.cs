using System.Text;

namespace DbGate.Core.Snapshots;

/// <summary>
/// Assembles the snapshot statement from one SQL file per object kind: a shared prelude of CTEs, then one
/// <c>json_build_object</c> whose keys are the <see cref="SchemaSnapshot"/> properties in snake_case, sent as UTF-8
/// bytes so that the client neither decodes it into a string nor encodes it back for the JSON reader.
/// </summary>
internal static class SnapshotQuery
{
    private static readonly string[] Kinds =
    [
        "schemas", "extensions", "tables", "constraints", "indexes", "views", "sequences", "routines",
        "triggers", "policies", "enums", "domains", "composite_types", "default_privileges",
    ];

    public static string Statement { get; } = Build();

    private static string Build()
    {
        var sql = new StringBuilder(Load("prelude")).AppendLine("SELECT convert_to(json_build_object(");
        for (var i = 0; i < Kinds.Length; i++)
        {
            sql.Append('\'').Append(Kinds[i]).AppendLine("', (")
                .Append(Load(Kinds[i]))
                .AppendLine(i + 1 < Kinds.Length ? ")," : ")");
        }
        return sql.AppendLine(")::text, 'UTF8')").ToString();
    }

    internal static string Load(string name)
    {
        var resource = $"snapshots/{name}.sql";
        using var stream = typeof(SnapshotQuery).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
