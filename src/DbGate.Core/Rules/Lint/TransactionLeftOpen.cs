namespace DbGate.Core.Rules.Lint;

/// <summary>A script that opens a transaction and never ends it: whether the migration is kept is up to what runs next.</summary>
public sealed class TransactionLeftOpen : StatementRule
{
    public override string Id => "DBG124";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        if (!TransactionScript.Opens(context.Statement) || TransactionScript.LeftOpen(context) != context.Statement)
            yield break;
        var file = context.Statement.Location.Path;
        var fate = context.Facts.Migration.OneStatementRunsAlone
            ? "golang-migrate sends the file as one query and leaves that transaction open on its connection, so the migration is committed only if the version update it then runs there commits it, and any other runner (psql -f, a deploy script) rolls it back on disconnect"
            : "the tool then records the migration inside that open transaction, which a later migration's COMMIT may or may not close: after the last one it is rolled back when the connection closes, and the migration that reported success is gone";
        yield return new LintIssue(
            $"{context.Statement.Command} on line {context.Statement.Location.Line} opens a transaction that nothing in {file} ends: {fate}; end the script with COMMIT",
            [],
            []);
    }
}
