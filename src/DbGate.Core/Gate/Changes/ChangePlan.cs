using DbGate.Core.Migrations;

namespace DbGate.Core.Gate.Changes;

/// <summary>
/// How a <c>--changed</c> run splits the migrations: the prefix the base already has, unchanged and in the same
/// order (applied forward only, or taken from the cache), and the rest, which gets the full gate.
/// </summary>
/// <param name="Base">The base as people know it, such as origin/main.</param>
/// <param name="Warnings">What production would trip over: a migration edited in place, one inserted before the last applied one, one deleted.</param>
internal sealed record ChangePlan(string Base, IReadOnlyList<Migration> Prefix, IReadOnlyList<Migration> Checked, IReadOnlyList<string> Warnings)
{
    /// <summary>Hash of each migration in <see cref="Prefix"/>, in order: the content part of the cache key.</summary>
    public IReadOnlyList<string> PrefixFingerprints { get; init; } = [];

    public static ChangePlan Everything(IReadOnlyList<Migration> migrations) => new("", [], migrations, []);
}
