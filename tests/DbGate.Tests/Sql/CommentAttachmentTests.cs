using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class CommentAttachmentTests
{
    private static string[] Texts(IEnumerable<SqlComment> comments) => [.. comments.Select(comment => comment.Text)];

    [Fact]
    public void Comments_before_a_statement_lead_it_with_their_locations()
    {
        const string Source = "-- dbgate:ignore DBG001 because\n/* block\n comment */ CREATE INDEX i ON t (c);";
        var statement = Splits.Single(Source);
        Assert.Equal(["-- dbgate:ignore DBG001 because", "/* block\n comment */"], Texts(statement.LeadingComments));
        Assert.Equal([(1, 1, 0), (2, 1, 32)], statement.LeadingComments.Select(comment => (comment.Line, comment.Column, comment.Offset)));
        Assert.All(statement.LeadingComments, comment => Assert.Equal(comment.Text, Source.Substring(comment.Offset, comment.Text.Length)));
    }

    [Fact]
    public void Leading_comments_start_after_the_previous_statement()
    {
        var statements = SqlSplitter.Split("-- first\nSELECT 1;\n-- second\nSELECT 2;");
        Assert.Equal(["-- first"], Texts(statements[0].LeadingComments));
        Assert.Equal(["-- second"], Texts(statements[1].LeadingComments));
    }

    [Fact]
    public void Comment_after_the_terminator_on_the_same_line_trails_the_statement_and_leads_the_next()
    {
        var statements = SqlSplitter.Split("CREATE INDEX i ON t (c); -- dbgate:ignore DBG001 ok\n-- next\nSELECT 1;");
        Assert.Equal(["-- dbgate:ignore DBG001 ok"], Texts(statements[0].TrailingComments));
        Assert.Equal(["-- dbgate:ignore DBG001 ok", "-- next"], Texts(statements[1].LeadingComments));
        Assert.Equal(1, statements[0].TrailingComments[0].Line);
    }

    [Fact]
    public void Comments_before_the_terminator_trail_the_statement_only()
    {
        var statements = SqlSplitter.Split("SELECT 1 /* a */\n-- b\n; SELECT 2;");
        Assert.Equal(["/* a */", "-- b"], Texts(statements[0].TrailingComments));
        Assert.Empty(statements[1].LeadingComments);
    }

    [Fact]
    public void Comment_starting_on_a_later_line_does_not_trail()
    {
        var statements = SqlSplitter.Split("SELECT 1; /* spans\nlines */ -- later line\nSELECT 2;");
        Assert.Equal(["/* spans\nlines */"], Texts(statements[0].TrailingComments));
        Assert.Equal(["/* spans\nlines */", "-- later line"], Texts(statements[1].LeadingComments));
    }

    [Fact]
    public void Last_statement_without_terminator_keeps_its_same_line_comment_as_trailing()
    {
        var statement = Splits.Single("SELECT 1 -- note\n-- footer\n");
        Assert.Equal("SELECT 1", statement.Text);
        Assert.Equal(["-- note"], Texts(statement.TrailingComments));
    }

    [Fact]
    public void Comments_before_a_meta_command_lead_it()
    {
        var statements = SqlSplitter.Split("SELECT 1 -- same line\n-- run it\n\\gexec");
        Assert.Equal(["-- same line"], Texts(statements[0].TrailingComments));
        Assert.Equal(["-- same line", "-- run it"], Texts(statements[1].LeadingComments));
    }

    [Fact]
    public void Comments_inside_a_statement_are_not_attached()
    {
        var statements = SqlSplitter.Split("SELECT 1, -- inner\n 2;");
        Assert.Empty(statements[0].LeadingComments);
        Assert.Empty(statements[0].TrailingComments);
    }
}
