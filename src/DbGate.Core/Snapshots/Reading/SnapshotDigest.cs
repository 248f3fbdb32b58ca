using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace DbGate.Core.Snapshots;

/// <summary>
/// The SHA-256 of the document each snapshot was read from. The query's output is a pure function of the schema, so
/// equal digests settle equality at once, and the gate's common case, "the down restored the schema exactly", never walks
/// the snapshots. Kept beside the snapshot, keyed by identity, rather than in it: a <c>with</c> expression copies
/// fields, and a copied digest would vouch for content the copy no longer has.
/// </summary>
internal static class SnapshotDigest
{
    private static readonly ConditionalWeakTable<SchemaSnapshot, byte[]> Digests = [];

    public static void Remember(SchemaSnapshot snapshot, ReadOnlySpan<byte> document) =>
        Digests.AddOrUpdate(snapshot, SHA256.HashData(document));

    /// <summary>The hash of the document the snapshot was read from, in hex: the same schema gives the same fingerprint.</summary>
    public static string? Fingerprint(SchemaSnapshot snapshot) =>
        Digests.TryGetValue(snapshot, out var digest) ? Convert.ToHexStringLower(digest)[..16] : null;

    /// <summary>True when both were read from identical documents; false says nothing.</summary>
    public static bool ReadFromSameDocument(SchemaSnapshot one, SchemaSnapshot other) =>
        Digests.TryGetValue(one, out var digest)
        && Digests.TryGetValue(other, out var otherDigest)
        && digest.AsSpan().SequenceEqual(otherDigest);
}
