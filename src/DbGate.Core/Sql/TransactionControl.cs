using System.Text;

namespace DbGate.Core.Sql;

/// <summary>What a transaction control statement does to the session's transaction.</summary>
public enum TransactionEffect
{
    /// <summary>Not transaction control.</summary>
    None,

    /// <summary>BEGIN, START TRANSACTION: opens a transaction block (only a warning inside one).</summary>
    Begin,

    /// <summary>COMMIT, END, PREPARE TRANSACTION: ends the block, keeping what it did.</summary>
    Commit,

    /// <summary>ROLLBACK, ABORT: ends the block, undoing what it did.</summary>
    Rollback,

    /// <summary>SAVEPOINT, RELEASE, ROLLBACK TO: works inside the block without ending it.</summary>
    Savepoint,

    /// <summary>COMMIT PREPARED, ROLLBACK PREPARED: acts on a prepared transaction and refuses to run inside a block.</summary>
    Prepared,
}

/// <summary>
/// Recognises statements that open, end or subdivide a transaction from their first words, which is all
/// the grammar needs: BEGIN is transaction control unless BEGIN ATOMIC, PREPARE and START only with TRANSACTION.
/// </summary>
internal static class TransactionControl
{
    public static bool IsTransactionControl(string statementText) => Classify(statementText).Effect != TransactionEffect.None;

    /// <param name="statementText">One statement, as the splitter returns it.</param>
    /// <returns>Its effect, and whether it is <c>AND CHAIN</c>, which opens a new block at once.</returns>
    public static (TransactionEffect Effect, bool Chains) Classify(string statementText)
    {
        var scanner = new SqlScanner(statementText);
        var words = new List<string>(3);
        while (words.Count < 3 && NextNonComment(scanner) is { } token)
        {
            // Keywords are short; a longer word cannot be one, and need not be copied.
            words.Add(token is { Kind: SqlTokenKind.Word, Length: <= 16 } ? statementText.Substring(token.Start, token.Length).ToUpperInvariant() : "");
        }

        var effect = words switch
        {
            ["BEGIN", "ATOMIC", ..] => TransactionEffect.None,
            ["BEGIN", ..] or ["START", "TRANSACTION", ..] => TransactionEffect.Begin,
            ["COMMIT" or "ROLLBACK", "PREPARED", ..] => TransactionEffect.Prepared,
            ["ROLLBACK", "TO", ..] or ["ROLLBACK", "WORK" or "TRANSACTION", "TO"] => TransactionEffect.Savepoint,
            ["SAVEPOINT" or "RELEASE", ..] => TransactionEffect.Savepoint,
            ["COMMIT" or "END", ..] or ["PREPARE", "TRANSACTION", ..] => TransactionEffect.Commit,
            ["ROLLBACK" or "ABORT", ..] => TransactionEffect.Rollback,
            _ => TransactionEffect.None,
        };
        var chains = effect is TransactionEffect.Commit or TransactionEffect.Rollback && Ascii.EqualsIgnoreCase(LastWords(statementText), "and chain");
        return (effect, chains);
    }

    /// <summary>The statement's last two words, for AND CHAIN, which may only end a COMMIT or ROLLBACK.</summary>
    private static string LastWords(string statementText)
    {
        var scanner = new SqlScanner(statementText);
        string? previous = null, last = null;
        while (NextNonComment(scanner) is { } token)
        {
            (previous, last) = (last, token.Kind == SqlTokenKind.Word ? statementText.Substring(token.Start, token.Length) : "");
        }

        return $"{previous} {last}";
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
}
