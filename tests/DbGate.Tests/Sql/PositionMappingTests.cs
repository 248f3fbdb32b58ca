using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class PositionMappingTests
{
    [Fact]
    public void Position_in_a_multi_line_statement_maps_to_its_line_and_column()
    {
        const string Source = "-- header\n  CREATE TABLE t (\n    id int,\n    bad typo\n  );";
        var statement = Splits.Single(Source);
        var position = statement.Text.IndexOf("typo", StringComparison.Ordinal) + 1;
        Assert.Equal(new SqlLocation(4, 9), statement.LocationOf(position));
    }

    [Fact]
    public void Position_on_the_first_line_is_offset_by_the_statement_column()
    {
        var statements = SqlSplitter.Split("SELECT 1;   SELECT oops;");
        Assert.Equal(new SqlLocation(1, 13), statements[1].LocationOf(1));
        Assert.Equal(new SqlLocation(1, 20), statements[1].LocationOf(8));
    }

    [Fact]
    public void Position_after_crlf_and_lone_cr_counts_lines_like_the_splitter()
    {
        var statement = Splits.Single("SELECT\r\n1,\r2,\n  x");
        Assert.Equal(new SqlLocation(4, 3), statement.LocationOf(statement.Text.Length));
    }

    [Fact]
    public void Position_just_past_the_end_is_the_end_of_the_statement()
    {
        var statement = Splits.Single("SELECT (\n  1");
        Assert.Equal(new SqlLocation(2, 4), statement.LocationOf(statement.Text.Length + 1));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_count_once_in_positions_but_twice_in_columns()
    {
        // PostgreSQL counts characters; the emoji is one character but two UTF-16 columns.
        var statement = Splits.Single("SELECT '😀', bad");
        Assert.Equal(new SqlLocation(1, 14), statement.LocationOf(13));
    }

    [Fact]
    public void Position_on_line_one_after_a_byte_order_mark_ignores_the_mark()
    {
        var statement = Splits.Single("\uFEFFSELECT bad");
        Assert.Equal(new SqlLocation(1, 8), statement.LocationOf(8));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10)]
    public void Positions_outside_the_statement_are_rejected(int position)
    {
        var statement = Splits.Single("SELECT 1");
        Assert.Throws<ArgumentOutOfRangeException>(() => statement.LocationOf(position));
    }
}
