namespace DbGate.Tests.Sql;

public sealed class CommentTests
{
    [Fact]
    public void Semicolon_inside_line_comment_does_not_split()
    {
        Assert.Equal(["SELECT 1 -- one; two\n  + 1"], Splits.Texts("SELECT 1 -- one; two\n  + 1;"));
    }

    [Fact]
    public void Line_comment_ends_at_a_lone_carriage_return()
    {
        Assert.Equal(["SELECT 1 -- x\r+ 1", "SELECT 2"], Splits.Texts("SELECT 1 -- x\r+ 1; SELECT 2"));
    }

    [Fact]
    public void Semicolon_inside_block_comment_does_not_split()
    {
        Assert.Equal(["SELECT /* ; */ 1"], Splits.Texts("SELECT /* ; */ 1;"));
    }

    [Fact]
    public void Block_comments_nest()
    {
        Assert.Equal(["SELECT /* outer /* inner; */ still a comment; */ 1", "SELECT 2"],
            Splits.Texts("SELECT /* outer /* inner; */ still a comment; */ 1; SELECT 2"));
    }

    [Fact]
    public void Stars_and_slashes_inside_a_block_comment_only_count_in_pairs()
    {
        Assert.Equal(["SELECT /*/ ** / */ 1", "SELECT 2"], Splits.Texts("SELECT /*/ ** / */ 1; SELECT 2"));
    }

    [Fact]
    public void Comment_markers_inside_strings_are_text()
    {
        Assert.Equal(["SELECT '--', '/*'", "SELECT 2"], Splits.Texts("SELECT '--', '/*'; SELECT 2"));
    }

    [Fact]
    public void Comment_markers_end_an_operator()
    {
        // As in the server's lexer, "*/*" is the operator "*" followed by a comment.
        Assert.Equal(["SELECT 2 */* ; */ 3", "SELECT 1"], Splits.Texts("SELECT 2 */* ; */ 3; SELECT 1 --; no split"));
    }

    [Fact]
    public void Quotes_inside_comments_are_text()
    {
        Assert.Equal(["SELECT 1", "SELECT 2"], Splits.Texts("-- it's\nSELECT 1; /* \"it's\" */ SELECT 2"));
    }
}
