using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class TransactionControlTests
{
    [Theory]
    [InlineData("BEGIN")]
    [InlineData("begin work")]
    [InlineData("BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE")]
    [InlineData("BEGIN READ ONLY")]
    [InlineData("START TRANSACTION")]
    [InlineData("COMMIT")]
    [InlineData("COMMIT AND CHAIN")]
    [InlineData("COMMIT PREPARED 'gid'")]
    [InlineData("END")]
    [InlineData("END TRANSACTION")]
    [InlineData("ROLLBACK")]
    [InlineData("ROLLBACK TO SAVEPOINT s")]
    [InlineData("ROLLBACK PREPARED 'gid'")]
    [InlineData("ABORT")]
    [InlineData("SAVEPOINT s")]
    [InlineData("RELEASE SAVEPOINT s")]
    [InlineData("RELEASE s")]
    [InlineData("PREPARE TRANSACTION 'gid'")]
    [InlineData("-- leading comment\nCOMMIT")]
    [InlineData("START /* between */ -- words\nTRANSACTION")]
    public void Transaction_control_statements_are_recognised(string text)
    {
        Assert.True(new SqlStatement(text, 0, 1, 1).IsTransactionControl);
    }

    [Theory]
    [InlineData("BEGIN ATOMIC SELECT 1; END")]
    [InlineData("begin /* c */ atomic select 1; end")]
    [InlineData("PREPARE q AS SELECT 1")]
    [InlineData("START")]
    [InlineData("SELECT 'BEGIN'")]
    [InlineData("\"begin\"")]
    [InlineData("CREATE INDEX CONCURRENTLY i ON t (c)")]
    [InlineData("CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC COMMIT; END")]
    [InlineData("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE")]
    [InlineData("beginning")]
    public void Other_statements_are_not_transaction_control(string text)
    {
        Assert.False(new SqlStatement(text, 0, 1, 1).IsTransactionControl);
    }

    [Fact]
    public void Split_statements_are_classified()
    {
        Assert.Equal([true, false, true], SqlSplitter.Split("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;").Select(statement => statement.IsTransactionControl));
    }
}
