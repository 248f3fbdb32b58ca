namespace DbGate.Tests.Sql;

public sealed class DollarQuoteTests
{
    [Fact]
    public void Semicolon_inside_dollar_quote_does_not_split()
    {
        const string Function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
        Assert.Equal([Function, "SELECT f()"], Splits.Texts(Function + ";\nSELECT f();"));
    }

    [Fact]
    public void Tagged_dollar_quote_ends_only_at_the_same_tag()
    {
        const string Function = "CREATE FUNCTION f() RETURNS text AS $fn$ SELECT $$;$$ || $x$;$x$; $fn$ LANGUAGE sql";
        Assert.Equal([Function, "SELECT 2"], Splits.Texts(Function + ";SELECT 2"));
    }

    [Fact]
    public void Tags_are_case_sensitive()
    {
        const string Statement = "SELECT $Q$ $q$; $Q$";
        Assert.Equal([Statement, "SELECT 2"], Splits.Texts(Statement + ";SELECT 2"));
    }

    [Theory]
    [InlineData("$_tag$")]
    [InlineData("$t4g$")]
    [InlineData("$ünïcode$")]
    public void Tags_may_hold_letters_digits_underscores_and_non_ascii(string tag)
    {
        var statement = $"SELECT {tag};{tag}";
        Assert.Equal([statement, "SELECT 2"], Splits.Texts(statement + ";SELECT 2"));
    }

    [Fact]
    public void Positional_parameter_is_not_a_dollar_quote()
    {
        Assert.Equal(["SELECT $1", "SELECT $2", "SELECT $3"], Splits.Texts("SELECT $1; SELECT $2; SELECT $3"));
    }

    [Fact]
    public void Parameter_followed_by_dollar_quote_still_opens_it()
    {
        Assert.Equal(["SELECT $1$$;$$", "SELECT 2"], Splits.Texts("SELECT $1$$;$$; SELECT 2"));
    }

    [Fact]
    public void Dollar_with_a_tag_but_no_closing_dollar_is_not_a_quote()
    {
        Assert.Equal(["SELECT $abc", "SELECT 2"], Splits.Texts("SELECT $abc; SELECT 2"));
    }

    [Fact]
    public void Dollar_signs_inside_an_identifier_do_not_open_a_quote()
    {
        Assert.Equal(["SELECT price$$", "SELECT $$;$$"], Splits.Texts("SELECT price$$; SELECT $$;$$"));
    }

    [Fact]
    public void Quotes_and_comment_markers_inside_a_dollar_quote_mean_nothing()
    {
        const string Statement = "SELECT $$ it's \"/* -- $$";
        Assert.Equal([Statement, "SELECT 2"], Splits.Texts(Statement + "; SELECT 2"));
    }

    [Fact]
    public void Dollar_quote_may_be_empty()
    {
        Assert.Equal(["SELECT $$$$", "SELECT $a$$a$"], Splits.Texts("SELECT $$$$; SELECT $a$$a$;"));
    }
}
