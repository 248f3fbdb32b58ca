using System.Text.RegularExpressions;
using DbGate.Core.Sql;

namespace DbGate.Core.Migrations;

/// <summary>
/// The statements Flyway's PostgreSQL parser knows cannot run in a transaction (its own list, matched on the
/// statement's first words); a migration holding one runs without a transaction, and one mixing them with others
/// is refused unless <c>mixed</c> is on.
/// </summary>
internal static partial class FlywayStatements
{
    public enum Kind
    {
        Transactional,
        NonTransactional,
        Mixed,
    }

    public static Kind Classify(string sql)
    {
        IReadOnlyList<SqlStatement> statements;
        try
        {
            statements = SqlSplitter.Split(sql);
        }
        catch (SqlSyntaxException)
        {
            return Kind.Transactional; // the run reports the syntax error where it is
        }
        var outside = statements.Where(s => s.Kind == SqlStatementKind.Sql).Select(s => RefusesTransaction(s.Text)).ToList();
        return outside.All(o => o) && outside.Count > 0 ? Kind.NonTransactional : outside.Any(o => o) ? Kind.Mixed : Kind.Transactional;
    }

    private static bool RefusesTransaction(string statement) => NonTransactional().IsMatch(Whitespace().Replace(statement.Trim(), " "));

    [GeneratedRegex(@"^((CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)|ALTER SYSTEM|(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY|REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)|VACUUM|DISCARD ALL)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonTransactional();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
