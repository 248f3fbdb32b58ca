using DbGate.Core.Rules;

namespace DbGate.Tests.Rules;

/// <summary>Which type changes DBG116 lets pass, on types as format_type prints them.</summary>
public sealed class ColumnTypesTests
{
    [Theory]
    [InlineData("character varying(50)", "character varying(100)")]
    [InlineData("character varying(50)", "character varying")]
    [InlineData("character varying(50)", "text")]
    [InlineData("character varying", "text")]
    [InlineData("character varying(50)[]", "text[]")]
    [InlineData("numeric(10,2)", "numeric(12,2)")]
    [InlineData("numeric(10,2)", "numeric")]
    [InlineData("timestamp(3) without time zone", "timestamp(6) without time zone")]
    [InlineData("timestamp(3) with time zone", "timestamp with time zone")]
    public void A_change_no_client_can_tell_is_compatible(string before, string after) =>
        Assert.True(ColumnTypes.Compatible(before, after));

    [Theory]
    [InlineData("integer", "bigint", false)]
    [InlineData("timestamp without time zone", "timestamp with time zone", false)]
    [InlineData("text", "character varying(20)", true)]
    [InlineData("character varying(100)", "character varying(50)", true)]
    [InlineData("numeric(10,2)", "numeric(10,0)", true)]
    [InlineData("numeric", "numeric(10,2)", true)]
    [InlineData("text[]", "text", false)]
    [InlineData("character(5)", "text", false)]
    public void A_change_clients_can_see_is_not_compatible_and_a_tighter_limit_is_narrower(string before, string after, bool narrower)
    {
        Assert.False(ColumnTypes.Compatible(before, after));
        Assert.Equal(narrower, ColumnTypes.Narrower(before, after));
    }
}
