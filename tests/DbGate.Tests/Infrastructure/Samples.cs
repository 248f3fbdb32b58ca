namespace DbGate.Tests.Infrastructure;

/// <summary>Copies of the bundled samples, for tests that need them somewhere else (a repository, a workspace).</summary>
public static class Samples
{
    /// <summary>The sample's files less its committed reports, with a dbgate.yml that writes none.</summary>
    public static void Copy(string sample, string target)
    {
        if (Directory.Exists(target))
            Directory.Delete(target, recursive: true);
        var source = RepoPaths.Sample(sample);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/out/", StringComparison.Ordinal)))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        File.WriteAllText(Path.Combine(target, "dbgate.yml"), "migrations: migrations\n");
    }
}
