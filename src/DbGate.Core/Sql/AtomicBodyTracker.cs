using System.Text;

namespace DbGate.Core.Sql;

/// <summary>
/// Keeps semicolons inside a SQL-standard routine body (BEGIN ATOMIC … END) from ending the statement, with
/// psql's heuristic rather than a parser, so DbGate splits exactly where psql does: only in a statement that
/// starts CREATE [OR REPLACE] FUNCTION|PROCEDURE, and only outside parentheses, BEGIN opens a level, END
/// closes one, and CASE opens one too once inside a body, since its END would otherwise close the body.
/// </summary>
internal sealed class AtomicBodyTracker
{
    /// <summary>psql remembers the first letters of the first four words, enough for CREATE OR REPLACE FUNCTION.</summary>
    private const int RememberedWords = 4;

    private readonly char[] _leadingWordInitials = new char[RememberedWords];
    private int _wordCount;

    public int Depth { get; private set; }

    public void Reset()
    {
        Array.Clear(_leadingWordInitials);
        _wordCount = 0;
        Depth = 0;
    }

    public void OnWord(ReadOnlySpan<char> word, int parenthesisDepth)
    {
        if (_wordCount < RememberedWords)
        {
            if (IsAny(word, "create", "function", "procedure", "or", "replace"))
            {
                _leadingWordInitials[_wordCount] = char.ToLowerInvariant(word[0]);
            }

            _wordCount++;
        }

        if (!StartsCreateRoutine() || parenthesisDepth != 0)
        {
            return;
        }

        if (Ascii.EqualsIgnoreCase(word, "begin") || (Depth > 0 && Ascii.EqualsIgnoreCase(word, "case")))
        {
            Depth++;
        }
        else if (Depth > 0 && Ascii.EqualsIgnoreCase(word, "end"))
        {
            Depth--;
        }
    }

    private bool StartsCreateRoutine()
    {
        var initials = _leadingWordInitials;
        return initials[0] == 'c'
            && (initials[1] is 'f' or 'p' || (initials[1] == 'o' && initials[2] == 'r' && initials[3] is 'f' or 'p'));
    }

    private static bool IsAny(ReadOnlySpan<char> word, params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (Ascii.EqualsIgnoreCase(word, candidate))
            {
                return true;
            }
        }

        return false;
    }
}
