using System.Text;

namespace DbGate.Core.Seeding.Values;

/// <summary>
/// Counter-based randomness: every value is a pure function of (stream, row), never a draw from a shared generator,
/// so rows can be made in any order and adding a column or a rule never shifts the values of another. Streams are
/// derived from names (seed → table → column → purpose), as Snaplet keys values by path. Integer arithmetic only:
/// the same on every machine.
/// </summary>
internal static class SeedHash
{
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>SplitMix64's finalizer: a bijection on 64 bits that scatters nearby inputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A sub-stream named by a label; the same label always derives the same stream.</summary>
    public static ulong Derive(ulong stream, string label)
    {
        var hash = 0xCBF29CE484222325UL; // FNV-1a over UTF-8, so the derivation does not depend on the runtime's string hashing
        foreach (var b in Encoding.UTF8.GetBytes(label))
            hash = (hash ^ b) * 0x100000001B3UL;
        return Mix(stream ^ Mix(hash));
    }

    public static ulong Derive(ulong stream, long number) => Mix(stream ^ Mix((ulong)number * Golden + Golden));

    /// <summary>The stream's 64 random bits for this row.</summary>
    public static ulong At(ulong stream, long row) => Mix(stream + (ulong)row * Golden);

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, size) by multiply-shift: no division, no modulo bias worth the name.</summary>
    public static long Below(ulong bits, long size) => size <= 1 ? 0 : (long)Math.BigMul(bits, (ulong)size, out _);
}
