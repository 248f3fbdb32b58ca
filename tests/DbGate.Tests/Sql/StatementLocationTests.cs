using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class StatementLocationTests
{
    private static (int Line, int Column)[] Locations(string source) =>
        [.. SqlSplitter.Split(source).Select(statement => (statement.Line, statement.Column))];

    [Fact]
    public void Statements_start_after_leading_whitespace_and_comments()
    {
        Assert.Equal([(2, 3), (4, 1)], Locations("-- header\n  SELECT 1; /* c */\n\nSELECT 2"));
    }

    [Fact]
    public void Statement_on_the_same_line_as_the_previous_terminator_starts_at_its_column()
    {
        Assert.Equal([(1, 1), (1, 11)], Locations("SELECT 1; SELECT 2;"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_counts_as_one_line(string newline)
    {
        var source = $"SELECT 1;{newline}{newline}  SELECT{newline}2;{newline}SELECT 3;";
        Assert.Equal([(1, 1), (3, 3), (5, 1)], Locations(source));
    }

    [Fact]
    public void Mixed_line_endings_count_one_line_each()
    {
        Assert.Equal([(1, 1), (2, 1), (3, 1), (4, 1), (6, 1)], Locations("SELECT 1;\r\nSELECT 2;\rSELECT 3;\nSELECT 4;\n\rSELECT 5;"));
    }

    [Fact]
    public void Byte_order_mark_is_skipped_and_takes_no_column()
    {
        const string Source = "\uFEFFSELECT 1; SELECT 2;\nSELECT 3;";
        var statements = SqlSplitter.Split(Source);
        Assert.Equal(["SELECT 1", "SELECT 2", "SELECT 3"], statements.Select(statement => statement.Text));
        Assert.Equal([(1, 1), (1, 11), (2, 1)], statements.Select(statement => (statement.Line, statement.Column)));
        Assert.Equal(1, statements[0].Offset);
    }

    [Fact]
    public void Byte_order_mark_before_crlf_lines_keeps_later_lines_right()
    {
        Assert.Equal([(2, 5)], Locations("\uFEFF-- header\r\n    SELECT 1;\r\n"));
    }

    [Fact]
    public void Multi_line_constructs_advance_the_line_count()
    {
        const string Source = "SELECT 'a\nb', $$\n\n$$, /* \r\n */ 1;\nSELECT 2;";
        Assert.Equal([(1, 1), (6, 1)], Locations(Source));
    }
}
