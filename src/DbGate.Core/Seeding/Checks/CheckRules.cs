namespace DbGate.Core.Seeding.Checks;

/// <summary>One condition a CHECK puts on one column. Constants stay SQL text: the server evaluates them.</summary>
internal abstract record CheckRule(string Column)
{
    /// <summary>The same condition on another column: a domain's VALUE becomes the column using the domain.</summary>
    public CheckRule On(string column) => this switch
    {
        ComparisonRule c => c with { Column = column },
        ListRule l => l with { Column = column },
        LengthRule l => l with { Column = column },
        OrderingRule o => o with { Column = column },
        _ => this,
    };

    /// <summary>The rules of a domain's CHECKs, as rules on <paramref name="column"/>.</summary>
    public static IEnumerable<CheckRule> OfDomain(IEnumerable<string> clauses, string column) =>
        clauses.SelectMany(c => CheckRecognizer.Recognize(c, DomainValue).Rules).Select(r => r.On(column));

    private static readonly HashSet<string> DomainValue = new(StringComparer.Ordinal) { "VALUE" };
}

/// <summary><c>column op constant</c>, op one of = &lt;&gt; &lt; &lt;= &gt; &gt;= (BETWEEN arrives as two of these).</summary>
internal sealed record ComparisonRule(string Column, string Operator, string Constant) : CheckRule(Column);

/// <summary><c>column = ANY (array)</c> (IN), or <c>column &lt;&gt; ALL (array)</c> (NOT IN) when <paramref name="Excluded"/>.</summary>
internal sealed record ListRule(string Column, string Array, bool Excluded) : CheckRule(Column);

/// <summary><c>length(column) op constant</c>, and char_length and friends.</summary>
internal sealed record LengthRule(string Column, string Operator, string Constant) : CheckRule(Column);

/// <summary><c>column op other</c> between two columns: <c>ends_at &gt; starts_at</c>.</summary>
internal sealed record OrderingRule(string Column, string Operator, string Other) : CheckRule(Column);

/// <summary>What could be read from one CHECK; <paramref name="Complete"/> when nothing in it was beyond these shapes.</summary>
internal sealed record RecognizedCheck(IReadOnlyList<CheckRule> Rules, bool Complete)
{
    public static readonly RecognizedCheck Opaque = new([], false);
}
