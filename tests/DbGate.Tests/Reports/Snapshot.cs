using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Reports;

/// <summary>
/// Compares output with Expected/&lt;name&gt;; on a mismatch writes &lt;name&gt;.actual beside it (git ignores those)
/// so the reviewer can diff the two and, if the change is right, copy it over the expected file.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name)
    {
        var expectedPath = Path.Combine(RepoPaths.Expected, name);
        var actualPath = Path.Combine(RepoPaths.Expected, Path.GetFileNameWithoutExtension(name) + ".actual" + Path.GetExtension(name));
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {expectedPath} yet; review {actualPath} and rename it."
            : $"Output differs from {expectedPath}; diff it with {actualPath}.");
    }
}
