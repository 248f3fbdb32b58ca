using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class MetaCommandTests
{
    private static (string Text, SqlStatementKind Kind)[] Split(string source) =>
        [.. SqlSplitter.Split(source).Select(statement => (statement.Text, statement.Kind))];

    [Fact]
    public void Backslash_line_is_a_meta_command_of_its_own()
    {
        Assert.Equal(
            [("SELECT 1", SqlStatementKind.Sql), ("\\i other.sql", SqlStatementKind.PsqlMetaCommand), ("SELECT 2", SqlStatementKind.Sql)],
            Split("SELECT 1;\n\\i other.sql\nSELECT 2;"));
    }

    [Fact]
    public void Meta_command_runs_to_the_end_of_its_line_without_trailing_whitespace()
    {
        var statements = SqlSplitter.Split("  \\set ON_ERROR_STOP on  \r\n\\connect db\n");
        Assert.Equal(["\\set ON_ERROR_STOP on", "\\connect db"], statements.Select(statement => statement.Text));
        Assert.Equal([(1, 3), (2, 1)], statements.Select(statement => (statement.Line, statement.Column)));
        Assert.All(statements, statement => Assert.Equal(SqlStatementKind.PsqlMetaCommand, statement.Kind));
    }

    [Fact]
    public void Semicolon_in_a_meta_command_line_belongs_to_the_command()
    {
        Assert.Equal([("\\echo a; b", SqlStatementKind.PsqlMetaCommand), ("SELECT 1", SqlStatementKind.Sql)], Split("\\echo a; b\nSELECT 1;"));
    }

    [Fact]
    public void Meta_command_after_a_statement_on_the_same_line_is_still_a_meta_command()
    {
        Assert.Equal([("SELECT 1", SqlStatementKind.Sql), ("\\echo done", SqlStatementKind.PsqlMetaCommand)], Split("SELECT 1; \\echo done"));
    }

    [Fact]
    public void Meta_command_ends_a_statement_without_semicolon_as_psql_sends_it_on_gexec()
    {
        Assert.Equal(
            [("SELECT format('DROP TABLE %I', name) FROM old_tables", SqlStatementKind.Sql), ("\\gexec", SqlStatementKind.PsqlMetaCommand)],
            Split("SELECT format('DROP TABLE %I', name) FROM old_tables\n\\gexec\n"));
    }

    [Fact]
    public void Backslash_inside_strings_comments_and_dollar_quotes_is_not_a_meta_command()
    {
        const string Source = "SELECT '\n\\x', $$\n\\y$$ /*\n\\z */;\n-- \\w\n";
        Assert.Equal([("SELECT '\n\\x', $$\n\\y$$", SqlStatementKind.Sql)], Split(Source));
    }

    [Fact]
    public void Meta_commands_are_never_transaction_control()
    {
        Assert.False(Splits.Single("\\begin").IsTransactionControl);
    }
}
