using System.Text;

namespace DbGate.Core.Reports;

/// <summary>
/// Makes text inert in GitHub-flavoured Markdown: a message must not break out of its table cell ('|', newlines),
/// open HTML ('&lt;'), or start code, emphasis or links.
/// </summary>
internal static class MarkdownText
{
    public static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in ControlCharacters.Escape(text))
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                '\n' => builder.Append("<br>"),
                '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '|' or '#' => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    /// <summary>A table's header row and its delimiter row.</summary>
    public static string TableHeader(params string[] columns) =>
        $"| {string.Join(" | ", columns)} |\n|{string.Concat(columns.Select(_ => " --- |"))}\n";

    /// <summary>Monospace without a code span: a backtick in the text cannot end an HTML code element early.</summary>
    public static string Code(string text)
    {
        var escaped = ControlCharacters.Escape(text).Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "&#124;", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return $"<code>{escaped}</code>";
    }
}
