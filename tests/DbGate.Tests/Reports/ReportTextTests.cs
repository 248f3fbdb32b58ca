using DbGate.Core.Reports;

namespace DbGate.Tests.Reports;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData("migrations/0001 init/up.sql", "migrations/0001%20init/up.sql")]
    [InlineData("./migrations/ñandú/up.sql", "migrations/%C3%B1and%C3%BA/up.sql")]
    [InlineData("migrations\\win\\up.sql", "migrations/win/up.sql")]
    [InlineData("a#b/c%d?.sql", "a%23b/c%25d%3F.sql")]
    public void Artifact_uris_are_relative_and_percent_encoded_per_segment(string path, string expected) =>
        Assert.Equal(expected, SarifUris.Relative(path));

    [Theory]
    [InlineData("/home/ci/my repo", "file:///home/ci/my%20repo/")]
    [InlineData("/home/ci/repo/", "file:///home/ci/repo/")]
    [InlineData("relative/root", null)]
    [InlineData("", null)]
    public void The_source_root_is_an_absolute_file_uri_ending_in_a_slash(string root, string? expected) =>
        Assert.Equal(expected, SarifUris.Root(root));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tand\r\nnewline", "tab\tand\nnewline")]
    [InlineData("nul\0 bell\a esc\u001b del\u007f csi\u009b", "nul\\u0000 bell\\u0007 esc\\u001B del\\u007F csi\\u009B")]
    [InlineData("emoji 🐘 stays", "emoji 🐘 stays")]
    [InlineData("non-character \uFFFE", "non-character \\uFFFE")]
    public void Control_characters_become_visible_escapes(string text, string expected) =>
        Assert.Equal(expected, ControlCharacters.Escape(text));

    // Not a theory: attribute arguments are stored as UTF-8, which cannot carry a lone surrogate.
    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character() =>
        Assert.Equal("lone \uFFFD surrogate \uFFFD", ControlCharacters.Escape("lone \ud800 surrogate \udc00"));
}
