namespace DbGate.Tests.Sql;

public sealed class QuotedLiteralTests
{
    [Fact]
    public void Semicolon_inside_single_quoted_string_does_not_split()
    {
        Assert.Equal(["INSERT INTO t VALUES ('a;b')", "SELECT 1"], Splits.Texts("INSERT INTO t VALUES ('a;b'); SELECT 1;"));
    }

    [Fact]
    public void Doubled_quote_escapes_a_quote()
    {
        Assert.Equal(["SELECT 'it''s; fine'", "SELECT 2"], Splits.Texts("SELECT 'it''s; fine'; SELECT 2"));
    }

    [Fact]
    public void Backslash_does_not_escape_in_a_standard_conforming_string()
    {
        Assert.Equal(["SELECT 'C:\\'", "SELECT 2"], Splits.Texts("SELECT 'C:\\'; SELECT 2"));
    }

    [Theory]
    [InlineData("SELECT E'it\\'s; fine'")]
    [InlineData("SELECT e'it\\'s; fine'")]
    [InlineData("SELECT E'a\\\\'")]
    [InlineData("SELECT E'\\''")]
    [InlineData("SELECT E'ends with escaped quote\\''")]
    public void Escape_string_ends_at_its_real_closing_quote(string statement)
    {
        Assert.Equal([statement, "SELECT 2"], Splits.Texts(statement + ";SELECT 2;"));
    }

    [Fact]
    public void Letter_e_at_the_end_of_a_word_does_not_open_an_escape_string()
    {
        // "date'..." is the word date followed by a plain string, in which the backslash is literal.
        Assert.Equal(["SELECT date'a\\'", "SELECT 2"], Splits.Texts("SELECT date'a\\'; SELECT 2"));
    }

    [Fact]
    public void Continued_escape_string_keeps_backslash_escapes_after_the_line_break()
    {
        // The server's reading; psql, lexing line by line, would split at the escaped quote.
        const string Statement = "SELECT E'first'\n  -- a comment between the parts\n  '\\';still inside'";
        Assert.Equal([Statement, "SELECT 2"], Splits.Texts(Statement + "; SELECT 2"));
    }

    [Fact]
    public void Strings_on_the_same_line_are_not_a_continuation()
    {
        // Without a line break the second string is a separate plain one, where the backslash is literal.
        Assert.Equal(["SELECT E'a' '\\'", "SELECT 2"], Splits.Texts("SELECT E'a' '\\'; SELECT 2"));
    }

    [Theory]
    [InlineData("SELECT U&'d\\0061t\\+000061;'")]
    [InlineData("SELECT B'10;01'")]
    [InlineData("SELECT X'1F;'")]
    [InlineData("SELECT N'nat;ional'")]
    [InlineData("SELECT u&'x'';'")]
    public void Prefixed_strings_hide_semicolons(string statement)
    {
        Assert.Equal([statement, "SELECT 2"], Splits.Texts(statement + ";SELECT 2"));
    }

    [Theory]
    [InlineData("SELECT 1 AS \"a;b\"")]
    [InlineData("SELECT 1 AS \"a\"\";b\"")]
    [InlineData("SELECT 1 AS U&\"a;\\0062\"")]
    public void Semicolon_inside_quoted_identifier_does_not_split(string statement)
    {
        Assert.Equal([statement, "SELECT 2"], Splits.Texts(statement + ";SELECT 2"));
    }

    [Fact]
    public void Quote_inside_a_quoted_identifier_does_not_open_a_string()
    {
        Assert.Equal(["SELECT 1 AS \"it's\"", "SELECT ';'"], Splits.Texts("SELECT 1 AS \"it's\"; SELECT ';'"));
    }

    [Fact]
    public void Double_quote_inside_a_string_does_not_open_an_identifier()
    {
        Assert.Equal(["SELECT '\"'", "SELECT \";\""], Splits.Texts("SELECT '\"'; SELECT \";\""));
    }
}
