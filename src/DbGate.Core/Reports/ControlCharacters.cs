using System.Globalization;
using System.Text;

namespace DbGate.Core.Reports;

/// <summary>
/// Makes text from PostgreSQL or from migration files safe to show: XML 1.0 forbids most C0 controls, and a terminal
/// obeys ESC and the C1 controls, so a hostile error message could rewrite the screen. They become visible \uXXXX.
/// </summary>
internal static class ControlCharacters
{
    public static string Escape(string text)
    {
        text = text.ReplaceLineEndings("\n");
        if (!NeedsEscaping(text))
            return text;

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                builder.Append('\uFFFD');
            else if (IsUnsafe(c))
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c) || char.IsSurrogate(c))
                return true;
        }
        return false;
    }

    private static bool IsUnsafe(char c) =>
        c is < ' ' and not '\n' and not '\t' or >= '\u007F' and <= '\u009F' or '\uFFFE' or '\uFFFF';
}
