using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

public sealed class LineCounterTests
{
    [Fact]
    public void Crlf_split_across_two_requests_still_counts_once()
    {
        var lines = new LineCounter("a\r\nb");
        Assert.Equal(new SqlLocation(2, 1), lines.LocationOf(2));
        Assert.Equal(new SqlLocation(2, 1), lines.LocationOf(3));
    }

    [Fact]
    public void Offsets_must_not_go_backwards()
    {
        var lines = new LineCounter("ab\ncd");
        lines.LocationOf(4);
        Assert.Throws<InvalidOperationException>(() => lines.LocationOf(1));
    }

    [Fact]
    public void Starting_location_shifts_only_the_first_line()
    {
        var lines = new LineCounter("ab\ncd", line: 7, column: 5);
        Assert.Equal(new SqlLocation(7, 6), lines.LocationOf(1));
        Assert.Equal(new SqlLocation(8, 2), lines.LocationOf(4));
    }
}
