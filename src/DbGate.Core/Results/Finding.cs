namespace DbGate.Core.Results;

/// <summary>One thing a rule found. Every report format is written from these.</summary>
/// <param name="RuleId">The permanent id of the rule, such as DBG002.</param>
/// <param name="Level">The effective level, after configuration.</param>
/// <param name="Message">One sentence a reviewer can act on.</param>
/// <param name="Location">Where the cause is, when it is in a file.</param>
/// <param name="Migration">The migration the finding is about, when there is one.</param>
/// <param name="Details">Supporting lines, such as the schema differences, one fact each.</param>
/// <param name="Phase">The step of <paramref name="Migration"/> that showed it, so reports can pin it to that step.</param>
public sealed record Finding(
    string RuleId,
    Level Level,
    string Message,
    SourceLocation? Location = null,
    string? Migration = null,
    IReadOnlyList<string>? Details = null,
    Phase? Phase = null)
{
    public IReadOnlyList<string> Details { get; init; } = Details ?? [];

    /// <summary>In a version matrix, the PostgreSQL major versions the finding holds on; empty for a single run.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The schema object a finding about the final schema is about, such as <c>index public.users_email_idx</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>Other statements involved: the one that last changed the object, those that created the objects it involves.</summary>
    public IReadOnlyList<RelatedLocation> Related { get; init; } = [];

    /// <summary>
    /// What a baseline keys on: the rule and the object (<c>DBG201 constraint public.posts.posts_author_id_fkey</c>), or
    /// for findings about a step the rule, migration and phase; never a line number, so edits elsewhere keep it.
    /// </summary>
    public string Fingerprint => Subject is { } subject ? $"{RuleId} {subject}" : $"{RuleId} {Migration ?? "-"} {Phase?.ToString().ToLowerInvariant() ?? "-"}";
}

/// <summary>A place that explains a finding without being its cause, such as the migration that last changed the object.</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);
