using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class UnterminatedConstructTests
{
    [Theory]
    [InlineData("SELECT 1;\nSELECT 'abc;\n", 2, 8, "quoted string")]
    [InlineData("SELECT 1;\nSELECT E'abc\\';\n", 2, 8, "quoted string")]
    [InlineData("SELECT 1;\nSELECT E'abc\\", 2, 8, "quoted string")]
    [InlineData("SELECT U&'abc", 1, 8, "quoted string")]
    [InlineData("SELECT N'abc", 1, 8, "quoted string")]
    [InlineData("SELECT B'01", 1, 8, "bit string literal")]
    [InlineData("SELECT X'1F", 1, 8, "hexadecimal string literal")]
    [InlineData("SELECT 1 AS \"a\"\"b;", 1, 13, "quoted identifier")]
    [InlineData("SELECT 1 AS U&\"ab", 1, 13, "quoted identifier")]
    [InlineData("CREATE FUNCTION f() AS $body$\n  SELECT 1; $$\n", 1, 24, "dollar-quoted string")]
    [InlineData("SELECT 1;\r\n  /* outer /* inner */ still open", 2, 3, "/* comment")]
    [InlineData("SELECT 1 /* inside a statement", 1, 10, "/* comment")]
    [InlineData("SELECT 'a'\n'b", 1, 8, "quoted string")]
    public void Unterminated_construct_reports_where_it_began(string source, int line, int column, string construct)
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlSplitter.Split(source));
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"unterminated {construct} starting at line {line}, column {column}", error.Message);
    }

    [Fact]
    public void Unterminated_construct_after_a_byte_order_mark_is_located_without_it()
    {
        var error = Assert.Throws<SqlSyntaxException>(() => SqlSplitter.Split("\uFEFF$$ never closed"));
        Assert.Equal((1, 1), (error.Line, error.Column));
    }
}
