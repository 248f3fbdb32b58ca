namespace DbGate.Core.Setup;

/// <summary>
/// A migration tool that migrates in code, recognised by its files, with the command mode init proposes for it: the
/// tool's own one-step up and down, and a list that prints its steps in the order the tool runs them, each with its
/// file, so a finding points at the step's source.
/// </summary>
/// <param name="Files">The tool's migrations, relative to the project folder, in its order.</param>
/// <param name="Note">What the user must check before the proposal works (how the tool finds DATABASE_URL…), or null.</param>
public sealed record CommandTool(string Name, string Up, string Down, string List, IReadOnlyList<string> HistoryTables, IReadOnlyList<string> Files, string? Note = null)
{
    /// <summary>
    /// The tools init knows, most specific first: Rails, Knex, Sequelize, TypeORM, Alembic. Reads files only.
    /// </summary>
    private static readonly Func<DirectoryInfo, CommandTool?>[] Recognisers =
        [ScriptTools.Rails, NodeTools.Knex, NodeTools.Sequelize, NodeTools.TypeOrm, ScriptTools.Alembic];

    /// <summary>The tool that migrates in code in <paramref name="folder"/>; null for none.</summary>
    public static CommandTool? Recognise(DirectoryInfo folder) => Recognisers.Select(r => r(folder)).FirstOrDefault(t => t is not null);

    /// <summary>The files of <paramref name="directory"/> (shown as <paramref name="relative"/>) with these extensions, by name.</summary>
    internal static List<string> Names(string directory, string relative, string[] extensions) =>
        [.. Directory.EnumerateFiles(directory).Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal)).Select(f => $"{relative}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal)];

    /// <summary>
    /// A list command that prints the files of <paramref name="relative"/> by name (the order of tools that sort their
    /// migration files by name), each as its id (the file name, or without its extension) and its path.
    /// </summary>
    internal static string ListByName(string relative, string[] extensions, bool withExtension)
    {
        var globs = string.Join(' ', extensions.Select(e => $"{Quote(relative)}/*{e}"));
        var id = withExtension ? "\"$(basename \"$f\")\"" : "\"$(basename \"$f\" | sed 's/\\.[^.]*$//')\"";
        return $"for f in {globs}; do [ -e \"$f\" ] && printf '%s\\t%s\\n' {id} \"$f\"; done | LC_ALL=C sort";
    }

    /// <summary>A path for the shell: as it is when it is plain, else in single quotes.</summary>
    internal static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? path : $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
