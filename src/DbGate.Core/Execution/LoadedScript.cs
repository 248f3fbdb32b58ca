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
        var bytes = await ScriptFiles.ReadAsync(script, cancellationToken);
        var decoded = ScriptDecoder.Decode(bytes);
        if (decoded.Problem is not null)
            return Failed(script, decoded.Problem, decoded.Where.Line, decoded.Where.Column);
        try
        {
            return new LoadedScript(script, SqlSplitter.Split(decoded.Text), null);
        }
        catch (SqlSyntaxException e)
        {
            return Failed(script, e.Message, e.Line, e.Column);
        }
    }

    public SourceLocation Start => new(Script.RelativePath, Statements.Count > 0 ? Statements[0].Line : 1, Statements.Count > 0 ? Statements[0].Column : 1);

    private static LoadedScript Failed(MigrationScript script, string message, int line, int column) =>
        new(script, [], new ScriptFailure(message, null, new SourceLocation(script.RelativePath, line, column)));
}
