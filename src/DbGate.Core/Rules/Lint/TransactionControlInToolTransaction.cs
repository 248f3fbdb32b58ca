namespace DbGate.Core.Rules.Lint;

/// <summary>BEGIN or COMMIT in a script the migration tool already runs in a transaction of its own.</summary>
public sealed class TransactionControlInToolTransaction : StatementRule
{
    public override string Id => "DBG125";

    protected override IEnumerable<LintIssue> Check(StatementContext context)
    {
        var statement = context.Statement;
        if (!TransactionScript.ToolTransaction(context) || !(TransactionScript.Opens(statement) || TransactionScript.Ends(statement)))
            yield break;
        var file = statement.Location.Path;
        var after = context.Script.Skip(context.Index + 1).Where(s => !s.IsTransactionControl).ToList();
        var rest = after.Count == 0
            ? "the tool's record of the migration then runs outside any transaction"
            : $"the {after.Count} statement{(after.Count == 1 ? "" : "s")} after it (from line {after[0].Location.Line}) and the tool's record of the migration then run outside any transaction, so a failure among them leaves the migration half applied and unrecorded, and a rerun fails on what was kept";
        var message = statement.Command switch
        {
            "BEGIN" or "START" => $"{statement.Command} inside the transaction the migration tool already runs {file} in does nothing but warn (there is already a transaction in progress); remove it",
            "ROLLBACK" or "ABORT" => $"{statement.Command} undoes every statement before it in the transaction the migration tool runs {file} in, and {rest}; remove it",
            _ => $"{statement.Command} ends the transaction the migration tool runs {file} in: {rest}; remove it, or run the migration outside the tool's transaction{Hint(context)} and manage the transactions in the script",
        };
        yield return new LintIssue(message, [], ["DbGate does not send it, so that its own transaction around the script stays whole; the rest of the script was observed as if it were absent"]);
    }

    private static string Hint(StatementContext context) =>
        context.Facts.Migration.OutsideTransactionHint is { } hint ? $" ({hint})" : "";
}
