using System.Text;

namespace DbGate.Core.Sql;

/// <summary>
/// Recognises statements that open, end or subdivide a transaction from their first two words, which is all
/// the grammar needs: BEGIN is transaction control unless BEGIN ATOMIC, PREPARE and START only with TRANSACTION.
/// </summary>
internal static class TransactionControl
{
    public static bool IsTransactionControl(string statementText)
    {
        var scanner = new SqlScanner(statementText);
        var first = NextNonComment(scanner);
        if (first is not { Kind: SqlTokenKind.Word } firstWord)
        {
            return false;
        }

        var keyword = statementText.AsSpan(firstWord.Start, firstWord.Length);
        var second = NextNonComment(scanner);
        var nextWord = second is { Kind: SqlTokenKind.Word } secondWord
            ? statementText.AsSpan(secondWord.Start, secondWord.Length)
            : [];

        if (Is(keyword, "begin"))
        {
            return !Is(nextWord, "atomic");
        }

        if (Is(keyword, "start") || Is(keyword, "prepare"))
        {
            return Is(nextWord, "transaction");
        }

        return Is(keyword, "commit") || Is(keyword, "end") || Is(keyword, "rollback") || Is(keyword, "abort")
            || Is(keyword, "savepoint") || Is(keyword, "release");
    }

    private static SqlToken? NextNonComment(SqlScanner scanner)
    {
        while (scanner.TryRead(out var token))
        {
            if (!token.IsComment)
            {
                return token;
            }
        }

        return null;
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => Ascii.EqualsIgnoreCase(word, keyword);
}
