namespace DbGate.Core.Migrations;

internal static class ProjectPaths
{
    /// <summary>A path relative to the project root with '/', as SARIF and reviewers expect.</summary>
    public static string Relative(string projectRoot, string fullPath) =>
        Path.GetRelativePath(projectRoot, fullPath).Replace('\\', '/');

    public static MigrationScript Script(string projectRoot, string fullPath) => new(fullPath, Relative(projectRoot, fullPath));
}
