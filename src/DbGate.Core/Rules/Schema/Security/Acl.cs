namespace DbGate.Core.Rules.Schema.Security;

/// <summary>Reads aclitem text (<c>grantee=privileges/grantor</c>, an empty grantee meaning PUBLIC).</summary>
internal static class Acl
{
    /// <summary>What PUBLIC holds, as privilege names such as SELECT, INSERT; empty when nothing.</summary>
    public static IReadOnlyList<string> Public(IEnumerable<string>? items) =>
        [.. (items ?? []).Where(i => i.StartsWith('=')).SelectMany(i => Names(i[1..i.IndexOf('/', StringComparison.Ordinal)])).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> Names(string letters) => letters.Where(c => c != '*').Select(c => c switch
    {
        'r' => "SELECT",
        'a' => "INSERT",
        'w' => "UPDATE",
        'd' => "DELETE",
        'D' => "TRUNCATE",
        'x' => "REFERENCES",
        't' => "TRIGGER",
        'X' => "EXECUTE",
        'U' => "USAGE",
        'C' => "CREATE",
        'c' => "CONNECT",
        'T' => "TEMPORARY",
        'm' => "MAINTAIN",
        _ => c.ToString(),
    });
}
