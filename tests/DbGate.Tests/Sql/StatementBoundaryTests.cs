using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class StatementBoundaryTests
{
    [Fact]
    public void Semicolons_separate_statements()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Splits.Texts("SELECT 1;SELECT 2;"));
    }

    [Fact]
    public void Last_statement_without_semicolon_counts()
    {
        Assert.Equal(["CREATE TABLE a (id int)", "DROP TABLE b"], Splits.Texts("CREATE TABLE a (id int);\nDROP TABLE b\n"));
    }

    [Fact]
    public void Empty_statements_produce_nothing()
    {
        Assert.Equal(["SELECT 1"], Splits.Texts(";;  ;\n SELECT 1;;\n;"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t\r\n")]
    [InlineData("-- only a comment\n/* and another */\n")]
    [InlineData(";\n-- nothing here ;\n")]
    public void Files_without_statements_produce_nothing(string source)
    {
        Assert.Empty(SqlSplitter.Split(source));
    }

    [Fact]
    public void Text_is_the_exact_slice_without_surrounding_whitespace_and_terminator()
    {
        const string Source = "\n  -- why\n  ALTER TABLE a\n    ADD COLUMN b int  \n ;  ";
        var statement = Splits.Single(Source);
        Assert.Equal("ALTER TABLE a\n    ADD COLUMN b int", statement.Text);
        Assert.Equal(statement.Text, Source.Substring(statement.Offset, statement.Text.Length));
    }

    [Fact]
    public void Comments_between_the_last_token_and_the_terminator_are_not_part_of_the_text()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Splits.Texts("SELECT 1 /* one */ -- still one\n;\nSELECT 2 -- two"));
    }

    [Fact]
    public void Comments_inside_a_statement_stay_in_its_text()
    {
        Assert.Equal(["SELECT 1, -- first\n  2 /* second */ + 3"], Splits.Texts("SELECT 1, -- first\n  2 /* second */ + 3;"));
    }

    [Fact]
    public void Semicolon_inside_parentheses_does_not_split()
    {
        // psql keeps reading until the parentheses balance; the server then reports the stray semicolon.
        Assert.Equal(["SELECT (1; 2)", "SELECT 3"], Splits.Texts("SELECT (1; 2); SELECT 3;"));
    }

    [Fact]
    public void Unbalanced_closing_parenthesis_does_not_keep_later_semicolons_from_splitting()
    {
        Assert.Equal(["SELECT 1)", "SELECT (2)"], Splits.Texts("SELECT 1); SELECT (2);"));
    }

    [Fact]
    public void Unclosed_parenthesis_runs_to_the_end_of_the_file()
    {
        Assert.Equal(["SELECT (1; SELECT 2;"], Splits.Texts("SELECT (1; SELECT 2;"));
    }

    [Fact]
    public void Null_source_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SqlSplitter.Split(null!));
    }

    [Fact]
    public void Statements_keep_their_offsets_in_order()
    {
        const string Source = "SELECT 1;\n  SELECT 2;";
        Assert.Equal([0, 12], SqlSplitter.Split(Source).Select(statement => statement.Offset));
    }
}
