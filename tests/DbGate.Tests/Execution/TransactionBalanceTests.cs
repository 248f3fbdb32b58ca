using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Sql;

namespace DbGate.Tests.Execution;

public sealed class TransactionBalanceTests
{
    [Theory]
    // Outside the tool's transaction only an open end changes the outcome.
    [InlineData("BEGIN;\nCREATE TABLE t (id int);", false, "1:1 BEGIN here opens a transaction that nothing ends")]
    [InlineData("START TRANSACTION;\nCREATE TABLE t (id int);\nCOMMIT AND CHAIN;", false, "3:1 COMMIT here opens a transaction that nothing ends")]
    [InlineData("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;", false, null)]
    [InlineData("CREATE TABLE t (id int);\nCOMMIT;", false, null)]
    [InlineData("BEGIN;\nSELECT 1;\nROLLBACK;", false, null)]
    // Inside it, whatever ends the tool's transaction does.
    [InlineData("CREATE TABLE t (id int);\nCOMMIT;", true, "2:1 COMMIT here commits the transaction")]
    [InlineData("CREATE TABLE t (id int);\nEND;", true, "2:1 END here commits the transaction")]
    [InlineData("CREATE TABLE t (id int);\nABORT;", true, "2:1 ABORT here ends the transaction")]
    [InlineData("BEGIN;\nCREATE TABLE t (id int);\nROLLBACK;", true, "3:1 ROLLBACK here ends the transaction")]
    [InlineData("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nCREATE INDEX i ON t (id);", true, "3:1 COMMIT here ends the transaction early")]
    [InlineData("CREATE TABLE t (id int);\nPREPARE TRANSACTION 'x';", true, "2:1 PREPARE here commits the transaction")]
    [InlineData("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;", true, null)]
    [InlineData("BEGIN;\nCREATE TABLE t (id int);", true, null)]
    [InlineData("SAVEPOINT s;\nCREATE TABLE t (id int);\nROLLBACK TO SAVEPOINT s;\nRELEASE s;", true, null)]
    [InlineData("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN COMMIT; RETURN 1; END $$;", true, null)]
    public void Only_transaction_control_that_changes_what_production_ends_up_with_fails(string sql, bool inToolTransaction, string? expected)
    {
        var script = new LoadedScript(new MigrationScript("/x/up.sql", "up.sql"), SqlSplitter.Split(sql), null);

        var failure = TransactionBalance.Check(script, inToolTransaction);

        var actual = failure is null ? null : $"{failure.Location.Line}:{failure.Location.Column} {failure.Message}";
        if (expected is null)
            Assert.Null(actual);
        else
            Assert.StartsWith(expected, actual, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("COMMIT PREPARED 'x'", TransactionEffect.Prepared, false)]
    [InlineData("ROLLBACK PREPARED 'x'", TransactionEffect.Prepared, false)]
    [InlineData("ROLLBACK WORK TO s", TransactionEffect.Savepoint, false)]
    [InlineData("rollback and chain", TransactionEffect.Rollback, true)]
    [InlineData("COMMIT AND NO CHAIN", TransactionEffect.Commit, false)]
    [InlineData("END TRANSACTION", TransactionEffect.Commit, false)]
    [InlineData("BEGIN ISOLATION LEVEL SERIALIZABLE", TransactionEffect.Begin, false)]
    [InlineData("BEGIN ATOMIC SELECT 1; END", TransactionEffect.None, false)]
    public void Transaction_control_is_classified_by_what_it_does(string text, TransactionEffect effect, bool chains)
    {
        var statement = new SqlStatement(text, 0, 1, 1);

        Assert.Equal((effect, chains), (statement.TransactionEffect, statement.ChainsTransaction));
    }
}
