namespace DbGate.Core.Seeding.Checks;

/// <summary>
/// Finds the common shapes in a CHECK as pg_get_constraintdef prints it: comparisons with constants, IN and NOT IN
/// lists, length bounds, comparisons between two columns, joined by AND, or <c>col IS NULL OR …</c>. Anything else
/// marks the check incomplete; the load then shows whether the generated rows satisfy it anyway.
/// </summary>
internal static class CheckRecognizer
{
    private static readonly string[] Comparisons = ["=", "<>", "!=", "<", "<=", ">", ">="];
    private static readonly string[] LengthFunctions = ["length", "char_length", "character_length", "octet_length"];

    /// <param name="columns">The names a column reference may take: the table's columns, or VALUE for a domain.</param>
    public static RecognizedCheck Recognize(string clause, IReadOnlySet<string> columns)
    {
        try
        {
            var items = ExpressionTree.Parse(clause);
            if (items is not [TokenItem check, GroupItem body, ..] || !check.IsWord("CHECK"))
                return RecognizedCheck.Opaque;
            var rules = new List<CheckRule>();
            var complete = Conjunction(clause, body.Items, columns, rules);
            return new RecognizedCheck(rules, complete);
        }
        catch (FormatException)
        {
            return RecognizedCheck.Opaque;
        }
    }

    private static bool Conjunction(string text, IReadOnlyList<ExpressionItem> items, IReadOnlySet<string> columns, List<CheckRule> rules)
    {
        items = Unwrap(items);
        if (Split(items, "AND") is { Count: > 1 } conjuncts)
            return conjuncts.Select(c => Conjunction(text, c, columns, rules)).ToList().All(x => x);
        if (Split(items, "OR") is { Count: > 1 } disjuncts)
        {
            // "col IS NULL OR condition": the condition binds every value that is not NULL.
            if (disjuncts.Count == 2 && disjuncts.FindIndex(d => IsNullTest(Unwrap(d), columns)) is var i and >= 0)
                return Conjunction(text, disjuncts[1 - i], columns, rules);
            return false;
        }
        if (Comparison(text, items, columns) is { } rule)
        {
            rules.Add(rule);
            return true;
        }
        return items.Count >= 4 && items[^3] is TokenItem isWord && isWord.IsWord("IS") && items[^2] is TokenItem n && n.IsWord("NOT")
            && items[^1] is TokenItem nul && nul.IsWord("NULL") && ColumnName(items.Take(items.Count - 3).ToList(), columns) is not null;
    }

    private static CheckRule? Comparison(string text, IReadOnlyList<ExpressionItem> items, IReadOnlySet<string> columns)
    {
        var at = -1;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is TokenItem { Kind: TokenKind.Operator } op && Comparisons.Contains(op.Text, StringComparer.Ordinal))
            {
                if (at >= 0)
                    return null;
                at = i;
            }
        }
        if (at <= 0 || at == items.Count - 1)
            return null;
        var operatorText = ((TokenItem)items[at]).Text == "!=" ? "<>" : ((TokenItem)items[at]).Text;
        var left = items.Take(at).ToList();
        var right = items.Skip(at + 1).ToList();
        if (right is [TokenItem quantifier, GroupItem array] && (quantifier.IsWord("ANY") || quantifier.IsWord("ALL")))
        {
            var excluded = quantifier.IsWord("ALL");
            return ColumnName(left, columns) is { } listed && IsConstant(array.Items, columns) && (excluded ? operatorText == "<>" : operatorText == "=")
                ? new ListRule(listed, text[array.Start..array.End], excluded)
                : null;
        }
        if (ColumnName(left, columns) is { } column)
        {
            if (ColumnName(right, columns) is { } other)
                return new OrderingRule(column, operatorText, other);
            return IsConstant(right, columns) ? new ComparisonRule(column, operatorText, Text(text, right)) : null;
        }
        if (ColumnName(right, columns) is { } flipped && IsConstant(left, columns))
            return new ComparisonRule(flipped, Flip(operatorText), Text(text, left));
        if (left is [TokenItem function, GroupItem argument] && LengthFunctions.Contains(function.Name, StringComparer.Ordinal)
            && ColumnName(argument.Items, columns) is { } measured && IsConstant(right, columns))
            return new LengthRule(measured, operatorText, Text(text, right));
        return null;
    }

    /// <summary>The column a reference names: <c>qty</c>, <c>"Qty"</c>, <c>(status)::text</c>.</summary>
    private static string? ColumnName(IReadOnlyList<ExpressionItem> items, IReadOnlySet<string> columns)
    {
        var cast = items.ToList().FindIndex(i => i is TokenItem { Kind: TokenKind.Cast });
        var operand = cast >= 0 ? items.Take(cast).ToList() : items;
        return operand switch
        {
            [TokenItem { Kind: TokenKind.Identifier or TokenKind.QuotedIdentifier } name] when columns.Contains(name.Text) => name.Text,
            [GroupItem group] => ColumnName(group.Items, columns),
            _ => null,
        };
    }

    private static bool IsNullTest(IReadOnlyList<ExpressionItem> items, IReadOnlySet<string> columns) =>
        items.Count >= 3 && items[^2] is TokenItem isWord && isWord.IsWord("IS") && items[^1] is TokenItem nul && nul.IsWord("NULL")
        && ColumnName(items.Take(items.Count - 2).ToList(), columns) is not null;

    /// <summary>No column is mentioned (type names after :: do not count), so the server can evaluate it alone.</summary>
    private static bool IsConstant(IReadOnlyList<ExpressionItem> items, IReadOnlySet<string> columns)
    {
        var afterCast = false;
        foreach (var item in items)
        {
            switch (item)
            {
                case GroupItem group when !IsConstant(group.Items, columns):
                    return false;
                case TokenItem { Kind: TokenKind.Cast }:
                    afterCast = true;
                    continue;
                case TokenItem { Kind: TokenKind.Identifier or TokenKind.QuotedIdentifier } name when !afterCast && columns.Contains(name.Text):
                    return false;
                case TokenItem { Kind: TokenKind.Identifier or TokenKind.QuotedIdentifier }:
                case TokenItem { Kind: TokenKind.Punctuation, Text: "." or "[" or "]" } when afterCast:
                    continue; // part of a type name after :: (timestamp with time zone, public.mood, integer[])
            }
            afterCast = false;
        }
        return items.Count > 0;
    }

    private static IReadOnlyList<ExpressionItem> Unwrap(IReadOnlyList<ExpressionItem> items)
    {
        while (items is [GroupItem only])
            items = only.Items;
        return items;
    }

    private static List<IReadOnlyList<ExpressionItem>> Split(IEnumerable<ExpressionItem> items, string word)
    {
        var parts = new List<IReadOnlyList<ExpressionItem>>();
        var current = new List<ExpressionItem>();
        foreach (var item in items)
        {
            if (item is TokenItem token && token.IsWord(word))
            {
                parts.Add(current);
                current = [];
            }
            else
            {
                current.Add(item);
            }
        }
        parts.Add(current);
        return parts;
    }

    private static string Flip(string op) => op switch
    {
        "<" => ">",
        "<=" => ">=",
        ">" => "<",
        ">=" => "<=",
        _ => op,
    };

    private static string Text(string text, List<ExpressionItem> items) => text[items[0].Start..items[^1].End];
}
