using System.Text;
using DbGate.Core.Execution;

namespace DbGate.Tests.Execution;

public sealed class ScriptDecoderTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, 0x53, 0, 0, 0 }, "the file is UTF-32LE")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, 0x53 }, "the file is UTF-32BE")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, 0x53 }, "the file is UTF-16BE")]
    [InlineData(new byte[] { 0x53, 0x45, 0xC3 }, "the file is not valid UTF-8 at byte offset 2 (0xC3)")]
    [InlineData(new byte[] { 0x53, 0xED, 0xA0, 0x80 }, "the file is not valid UTF-8 at byte offset 1 (0xED)")]
    public void Bytes_the_tool_cannot_send_are_named(byte[] bytes, string problem)
    {
        Assert.StartsWith(problem, ScriptDecoder.Decode(bytes).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_beyond_ascii_decodes_unchanged()
    {
        const string Sql = "CREATE TABLE café (naïve text DEFAULT '😀');\r\n";

        var decoded = ScriptDecoder.Decode(Encoding.UTF8.GetBytes(Sql));

        Assert.Equal((Sql, (string?)null), (decoded.Text, decoded.Problem));
    }

    [Fact]
    public void An_invalid_byte_is_located_in_utf16_columns_like_every_other_position()
    {
        var bytes = Encoding.UTF8.GetBytes("SELECT 1;\n-- 😀 é\n'").Append((byte)0xE9).ToArray();

        var decoded = ScriptDecoder.Decode(bytes);

        // Line 2 is "-- 😀 é" (7 UTF-16 characters), line 3 holds the quote, then the bad byte at column 2.
        Assert.Equal((3, 2), (decoded.Where.Line, decoded.Where.Column));
    }
}
