using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Core.Sql;

namespace DbGate.Core.Execution;

/// <summary>A script read from disk and split into statements, or the reason it could not be.</summary>
public sealed record LoadedScript(MigrationScript Script, IReadOnlyList<SqlStatement> Statements, ScriptFailure? SplitFailure)
{
    /// <summary>Routes listed untrusted extensions through DbGate's privileged functions; null when none are listed.</summary>
    internal Privileges.ExtensionGateway? Gateway { get; init; }

    /// <summary>What is sent to the server for <paramref name="statement"/>: the statement itself, or its gateway call.</summary>
    internal string TextToSend(SqlStatement statement) => Gateway?.TextFor(statement) ?? statement.Text;

    public static async Task<LoadedScript> LoadAsync(MigrationScript script, CancellationToken cancellationToken)
    {
        string text;
        if (script.Text is { } given)
        {
            text = given;
        }
        else
        {
            var decoded = ScriptDecoder.Decode(await ScriptFiles.ReadAsync(script, cancellationToken));
            if (decoded.Problem is not null)
                return Failed(script, decoded.Problem, decoded.Where.Line, decoded.Where.Column);
            text = decoded.Text;
        }
        try
        {
            return new LoadedScript(script, SqlSplitter.Split(text), null);
        }
        catch (SqlSyntaxException e)
        {
            return Failed(script, e.Message, e.Line, e.Column);
        }
    }

    public SourceLocation Start => Script.Origin ?? new(Script.RelativePath, Statements.Count > 0 ? Statements[0].Line : 1, Statements.Count > 0 ? Statements[0].Column : 1);

    /// <summary>A script that cannot be sent; for generated SQL, located at its source with the generated place kept.</summary>
    private static LoadedScript Failed(MigrationScript script, string message, int line, int column)
    {
        var at = new SourceLocation(script.RelativePath, line, column);
        return new(script, [], new ScriptFailure(message, null, script.Origin ?? at) { GeneratedAt = script.Origin is null ? null : at });
    }
}
