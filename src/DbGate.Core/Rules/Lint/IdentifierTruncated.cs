namespace DbGate.Core.Rules.Lint;

/// <summary>PostgreSQL cut an identifier to 63 bytes, and said so only in a NOTICE.</summary>
public sealed class IdentifierTruncated : StatementRule
{
    public override string Id => "DBG126";

    // name_too_long: 'identifier "…" will be truncated to "…"'.
    private const string NameTooLong = "42622";

    protected override IEnumerable<LintIssue> Check(StatementContext context) =>
        // A statement PostgreSQL refused in a transaction block was parsed twice, and noticed twice.
        context.Statement.Notices.Where(n => n.SqlState == NameTooLong).DistinctBy(n => n.Message)
            .Select(n => new LintIssue(
                $"{context.Statement.Command}: {n.Message}, since PostgreSQL keeps at most 63 bytes of a name: the object gets the cut name, " +
                "which code and later migrations using the full one will not find, and two names that differ only past byte 63 collide; use a shorter name",
                [],
                [$"{n.Severity}: {n.Message}"]));
}
