namespace DbGate.Tests.Infrastructure;

/// <summary>Copies of the format fixtures (tests/fixtures), for tests that lay them out as a user's repository or change them.</summary>
public static class Fixtures
{
    /// <summary>The fixture's files less any build output a local run of it left.</summary>
    public static void Copy(string fixture, string target)
    {
        var source = RepoPaths.Fixture(fixture);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
