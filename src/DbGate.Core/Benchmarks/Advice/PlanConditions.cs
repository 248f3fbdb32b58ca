using DbGate.Core.Sql;

namespace DbGate.Core.Benchmarks.Advice;

/// <summary>
/// Reads the conditions EXPLAIN (VERBOSE) prints, such as <c>((orders.customer_id = '17'::bigint) AND (orders.deleted_at IS NULL))</c>,
/// into the columns they constrain and how. Only the plain shapes an index serves are recognised: a column compared
/// with anything by =, &lt;, &gt;, &lt;=, &gt;=, = ANY, BETWEEN, or tested with IS [NOT] NULL; a conjunct of any other
/// shape (a function of the column, an OR) is left out, and so is a column the table does not have.
/// </summary>
internal static class PlanConditions
{
    public static IReadOnlyList<PlanCondition> Of(string? expression, string? alias, IReadOnlySet<string> columns)
    {
        if (expression is null)
            return [];
        var conditions = new List<PlanCondition>();
        foreach (var conjunct in Conjuncts(Tokens(expression)))
        {
            if (Condition(conjunct, alias, columns) is { } condition && !conditions.Contains(condition))
                conditions.Add(condition);
        }
        return conditions;
    }

    /// <summary>
    /// The table's columns a join condition matches for equality with anything: <c>(o.customer_id = c.id)</c> gives
    /// customer_id for alias o, id for alias c. An index on them lets a nested loop look each row up.
    /// </summary>
    public static IEnumerable<string> JoinColumns(string? expression, string? alias, IReadOnlySet<string> columns)
    {
        if (expression is null || alias is null)
            yield break;
        foreach (var conjunct in Conjuncts(Tokens(expression)))
        {
            var tokens = conjunct;
            while (tokens.Count >= 2 && tokens[0].Kind == SqlTokenKind.OpenParenthesis && tokens[^1].Kind == SqlTokenKind.CloseParenthesis)
                tokens = tokens[1..^1];
            var equals = tokens.FindIndex(t => t.Text == "=");
            if (equals < 0 || tokens.Count(t => t.Text == "=") != 1)
                continue;
            foreach (var start in new[] { 0, equals + 1 })
            {
                var (column, next) = ColumnAt(tokens, start, alias, columns);
                if (column is not null && (next == equals || next == tokens.Count) && tokens[start].Text == alias)
                    yield return column;
            }
        }
    }

    /// <summary>The column when <paramref name="expression"/> is just a column of the table (an Output entry), else null.</summary>
    public static string? Column(string expression, string? alias, IReadOnlySet<string> columns)
    {
        var tokens = Tokens(expression);
        var (column, next) = ColumnAt(tokens, 0, alias, columns);
        return next == tokens.Count ? column : null;
    }

    /// <summary>The Sort Key entries that are plain columns of the table, in order; null when any entry is not (the index cannot serve the order).</summary>
    public static IReadOnlyList<SortColumn>? Sort(IReadOnlyList<string> keys, string? alias, IReadOnlySet<string> columns)
    {
        var sort = new List<SortColumn>();
        foreach (var key in keys)
        {
            var tokens = Tokens(key);
            var (column, next) = ColumnAt(tokens, 0, alias, columns);
            if (column is null)
                return null;
            var words = tokens.Skip(next).Select(t => t.Text.ToUpperInvariant()).ToList();
            var descending = words.FirstOrDefault() == "DESC";
            var nulls = words.IndexOf("NULLS") is var at and >= 0 && at + 1 < words.Count ? words[at + 1] : null;
            if (words.Except(["ASC", "DESC", "NULLS", "FIRST", "LAST"]).Any())
                return null;
            sort.Add(new SortColumn(column, descending, nulls));
        }
        return sort;
    }

    private static PlanCondition? Condition(List<(SqlTokenKind Kind, string Text)> tokens, string? alias, IReadOnlySet<string> columns)
    {
        while (tokens.Count >= 2 && tokens[0].Kind == SqlTokenKind.OpenParenthesis && tokens[^1].Kind == SqlTokenKind.CloseParenthesis)
            tokens = tokens[1..^1];
        var (column, next) = ColumnAt(tokens, 0, alias, columns);
        if (column is null || next >= tokens.Count)
            return null;
        var rest = tokens.Skip(next).ToList();
        var first = rest[0].Text.ToUpperInvariant();
        if (first == "IS")
        {
            var words = string.Join(" ", rest.Skip(1).Select(t => t.Text.ToUpperInvariant()));
            return words switch
            {
                "NULL" => new PlanCondition(column, ConditionKind.IsNull),
                "NOT NULL" => new PlanCondition(column, ConditionKind.IsNotNull),
                _ => null,
            };
        }
        if (first == "BETWEEN")
            return new PlanCondition(column, ConditionKind.Range);
        var op = string.Concat(rest.TakeWhile(t => t.Kind == SqlTokenKind.Other).Select(t => t.Text));
        return op switch
        {
            "=" => new PlanCondition(column, ConditionKind.Equality),
            "<" or ">" or "<=" or ">=" => new PlanCondition(column, ConditionKind.Range),
            _ => null,
        };
    }

    /// <summary>A column reference at <paramref name="index"/>: <c>alias.column</c> or <c>column</c>; the index after it.</summary>
    private static (string? Column, int Next) ColumnAt(List<(SqlTokenKind Kind, string Text)> tokens, int index, string? alias, IReadOnlySet<string> columns)
    {
        if (index + 2 < tokens.Count && tokens[index + 1].Text == "." && Name(tokens[index]) is { } qualifier)
        {
            if (alias is not null && qualifier != alias)
                return (null, index);
            return Name(tokens[index + 2]) is { } qualified && columns.Contains(qualified) && !IsCall(tokens, index + 3) ? (qualified, index + 3) : (null, index);
        }
        return index < tokens.Count && Name(tokens[index]) is { } bare && columns.Contains(bare) && !IsCall(tokens, index + 1) ? (bare, index + 1) : (null, index);
    }

    private static bool IsCall(List<(SqlTokenKind Kind, string Text)> tokens, int index) =>
        index < tokens.Count && tokens[index].Kind == SqlTokenKind.OpenParenthesis;

    private static string? Name((SqlTokenKind Kind, string Text) token) => token.Kind switch
    {
        SqlTokenKind.Word => token.Text,
        SqlTokenKind.QuotedIdentifier => token.Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal),
        _ => null,
    };

    /// <summary>The top-level AND operands, after the parentheses that wrap the whole expression.</summary>
    private static IEnumerable<List<(SqlTokenKind Kind, string Text)>> Conjuncts(List<(SqlTokenKind Kind, string Text)> tokens)
    {
        while (tokens.Count >= 2 && tokens[0].Kind == SqlTokenKind.OpenParenthesis && Closes(tokens, 0) == tokens.Count - 1)
            tokens = tokens[1..^1];
        var depth = 0;
        var current = new List<(SqlTokenKind Kind, string Text)>();
        foreach (var token in tokens)
        {
            depth += token.Kind switch { SqlTokenKind.OpenParenthesis => 1, SqlTokenKind.CloseParenthesis => -1, _ => 0 };
            if (depth == 0 && token.Kind == SqlTokenKind.Word && string.Equals(token.Text, "AND", StringComparison.OrdinalIgnoreCase))
            {
                yield return current;
                current = [];
                continue;
            }
            current.Add(token);
        }
        yield return current;
    }

    private static int Closes(List<(SqlTokenKind Kind, string Text)> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].Kind switch { SqlTokenKind.OpenParenthesis => 1, SqlTokenKind.CloseParenthesis => -1, _ => 0 };
            if (depth == 0)
                return i;
        }
        return -1;
    }

    private static List<(SqlTokenKind Kind, string Text)> Tokens(string text)
    {
        var scanner = new SqlScanner(text);
        var tokens = new List<(SqlTokenKind, string)>();
        while (scanner.TryRead(out var token))
            tokens.Add((token.Kind, text[token.Start..token.End]));
        return tokens;
    }
}
