using System.Text.RegularExpressions;
using DbGate.Core.Configuration;
using DbGate.Core.Results;

namespace DbGate.Core.Migrations.EfCore;

/// <summary>An EF Core migration as its source files declare it: the id in [Migration("…")], and where its Up and Down are.</summary>
internal sealed record EfMigrationSource(string Id, string ClassName, SourceLocation? Up, SourceLocation? Down);

/// <summary>
/// An EF Core project on disk: its .csproj and the migrations its C# files declare. Reading the files (not building)
/// is enough to detect the format and to point findings at the Up and Down methods; EF itself lists the migrations.
/// </summary>
internal static partial class EfProject
{
    /// <summary>
    /// The project (ef.project, else the one EF Core project in the folder or its parent that declares migrations) and
    /// its migrations, each .cs file read once; locations are relative to <paramref name="projectRoot"/>.
    /// </summary>
    public static (string Project, IReadOnlyList<EfMigrationSource> Sources)? Find(DirectoryInfo folder, EfOptions options, string projectRoot)
    {
        if (options.Project is { } configured)
            return File.Exists(configured) ? (configured, Migrations(Path.GetDirectoryName(configured)!, projectRoot)) : throw new ConfigurationException($"ef.project {configured} does not exist");
        foreach (var directory in new[] { folder, folder.Parent }.OfType<DirectoryInfo>())
        {
            var projects = directory.EnumerateFiles("*.csproj").Where(p => SourceText.LinesForDetection(p.FullName).Any(l => l.Contains("EntityFrameworkCore", StringComparison.Ordinal))).ToList();
            if (projects.Count > 1)
                throw new ConfigurationException($"{directory.FullName} holds more than one EF Core project; set ef.project in dbgate.yml");
            if (projects.Count == 1 && Migrations(projects[0].DirectoryName!, projectRoot) is { Count: > 0 } sources)
                return (projects[0].FullName, sources);
        }
        return null;
    }

    /// <summary>Every migration declared under the project folder (bin/ and obj/ aside), by id.</summary>
    public static IReadOnlyList<EfMigrationSource> Migrations(string projectDirectory, string projectRoot)
    {
        var files = Directory.EnumerateFiles(projectDirectory, "*.cs", SourceText.Recursive)
            .Where(f => !Path.GetRelativePath(projectDirectory, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj") && SourceText.IsPlainFile(f))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToList();
        var sources = new List<EfMigrationSource>();
        foreach (var (path, text) in files)
        {
            foreach (Match attribute in MigrationAttribute().Matches(text))
            {
                var name = attribute.Groups["class"].Value;
                var body = files.FirstOrDefault(f => Regex.IsMatch(f.Text, $@"\bclass\s+{Regex.Escape(name)}\b") && f.Text.Contains("void Up(", StringComparison.Ordinal));
                sources.Add(new EfMigrationSource(
                    attribute.Groups["id"].Value,
                    name,
                    body.Path is null ? null : Method(body.Path, body.Text, "Up", projectRoot),
                    body.Path is null ? null : Method(body.Path, body.Text, "Down", projectRoot)));
            }
        }
        return [.. sources.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    private static SourceLocation? Method(string path, string text, string method, string projectRoot)
    {
        var match = Regex.Match(text, $@"override\s+void\s+(?<name>{method})\s*\(");
        if (!match.Success)
            return null;
        var at = match.Groups["name"].Index;
        var lineStart = text.LastIndexOf('\n', at) + 1;
        return new SourceLocation(ProjectPaths.Relative(projectRoot, path), text.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
    }

    /// <summary>[Migration("20240101000000_Name")] followed (after other attributes) by the partial class it marks.</summary>
    [GeneratedRegex(@"\[Migration\(""(?<id>[^""]+)""\)\](?:\s*\[[^\]]*\])*\s*(?:(?:public|internal|partial|sealed)\s+)*class\s+(?<class>\w+)")]
    private static partial Regex MigrationAttribute();
}
