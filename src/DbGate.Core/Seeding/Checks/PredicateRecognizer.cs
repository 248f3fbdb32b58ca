namespace DbGate.Core.Seeding.Checks;

/// <summary>When a partial unique index applies to a row: one column equal to a constant, NULL or not, true or false.</summary>
/// <param name="Constant">For <see cref="PredicateKind.Equals"/>, the constant's SQL, for the server to evaluate.</param>
internal sealed record Predicate(string Column, PredicateKind Kind, string? Constant = null);

internal enum PredicateKind
{
    Equals,
    IsNull,
    IsNotNull,
    IsTrue,
    IsFalse,
}

/// <summary>Reads a partial index's WHERE as pg_get_expr prints it, in the few shapes the seeder can steer.</summary>
internal static class PredicateRecognizer
{
    public static Predicate? Recognize(string predicate, IReadOnlySet<string> columns)
    {
        try
        {
            var items = Unwrap(ExpressionTree.Parse(predicate));
            if (items is [TokenItem only] && IsColumn(only, columns))
                return new Predicate(only.Text, PredicateKind.IsTrue);
            if (items is [TokenItem not, var operand] && not.IsWord("NOT") && Unwrap([operand]) is [TokenItem negated] && IsColumn(negated, columns))
                return new Predicate(negated.Text, PredicateKind.IsFalse);
            if (items is [TokenItem tested, TokenItem isWord, TokenItem nul] && IsColumn(tested, columns) && isWord.IsWord("IS") && nul.IsWord("NULL"))
                return new Predicate(tested.Text, PredicateKind.IsNull);
            if (items is [TokenItem notNull, TokenItem isNot, TokenItem notWord, TokenItem nul2] && IsColumn(notNull, columns) && isNot.IsWord("IS") && notWord.IsWord("NOT") && nul2.IsWord("NULL"))
                return new Predicate(notNull.Text, PredicateKind.IsNotNull);
            if (CheckRecognizer.Recognize($"CHECK ({predicate})", columns) is { Complete: true, Rules: [ComparisonRule { Operator: "=" } equals] })
                return new Predicate(equals.Column, PredicateKind.Equals, equals.Constant);
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsColumn(TokenItem token, IReadOnlySet<string> columns) =>
        token.Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier && columns.Contains(token.Text);

    private static IReadOnlyList<ExpressionItem> Unwrap(IReadOnlyList<ExpressionItem> items)
    {
        while (items is [GroupItem only])
            items = only.Items;
        return items;
    }
}
