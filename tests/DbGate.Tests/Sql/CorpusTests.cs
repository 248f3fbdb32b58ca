using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

/// <summary>Splits every migration of crates.io, a real project with plpgsql triggers and dollar quotes.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void Every_corpus_file_splits_into_slices_separated_only_by_whitespace_comments_and_semicolons()
    {
        var files = CorpusFiles();
        Assert.True(files.Count > 500, $"expected the crates.io corpus, found {files.Count} files");
        var failures = files.SelectMany(file => GapProblems(File.ReadAllText(file)).Select(problem => $"{file}: {problem}")).ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void Trigger_function_and_its_triggers_on_one_line_are_three_statements()
    {
        var source = File.ReadAllText(Path.Combine(CorpusRoot(), "20161115111957_dumped_migration_119", "up.sql"));
        var statements = SqlSplitter.Split(source);
        Assert.Equal(3, statements.Count);
        Assert.StartsWith("CREATE FUNCTION update_categories_crates_cnt()", statements[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("END $$ LANGUAGE plpgsql", statements[0].Text, StringComparison.Ordinal);
    }

    private static IEnumerable<string> GapProblems(string source)
    {
        var previousEnd = 0;
        foreach (var statement in SqlSplitter.Split(source))
        {
            if (statement.Offset < previousEnd)
            {
                yield return $"statement at {statement.Offset} overlaps the previous one";
            }
            else if (!IsOnlyTrivia(source.AsSpan(previousEnd, statement.Offset - previousEnd)))
            {
                yield return $"text before offset {statement.Offset} is not whitespace, comments or semicolons";
            }

            if (source.Substring(statement.Offset, statement.Text.Length) != statement.Text)
            {
                yield return $"statement at {statement.Offset} is not the slice at its offset";
            }

            if ((statement.Line, statement.Column) != NaiveLocation(source, statement.Offset))
            {
                yield return $"statement at {statement.Offset} has a wrong line or column";
            }

            previousEnd = statement.Offset + statement.Text.Length;
        }

        if (!IsOnlyTrivia(source.AsSpan(previousEnd)))
        {
            yield return "text after the last statement is not whitespace, comments or semicolons";
        }
    }

    /// <summary>Independent of the scanner on purpose: a gap may only hold what a reader would skip.</summary>
    private static bool IsOnlyTrivia(ReadOnlySpan<char> gap)
    {
        var depth = 0;
        for (var i = 0; i < gap.Length; i++)
        {
            var pair = gap[i..Math.Min(i + 2, gap.Length)];
            if (pair is "/*")
            {
                depth++;
                i++;
            }
            else if (depth > 0 && pair is "*/")
            {
                depth--;
                i++;
            }
            else if (depth == 0 && pair is "--")
            {
                var lineEnd = gap[i..].IndexOfAny('\n', '\r');
                i = lineEnd < 0 ? gap.Length : i + lineEnd;
            }
            else if (depth == 0 && !char.IsWhiteSpace(gap[i]) && gap[i] != ';' && gap[i] != '\uFEFF')
            {
                return false;
            }
        }

        return depth == 0;
    }

    private static (int Line, int Column) NaiveLocation(string source, int offset)
    {
        var before = source[..offset].Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
        var lastBreak = before.LastIndexOf('\n');
        return (before.Count(c => c == '\n') + 1, before.Length - lastBreak);
    }

    private static List<string> CorpusFiles() =>
        [.. Directory.EnumerateFiles(CorpusRoot(), "*.sql", SearchOption.AllDirectories)
            .Where(file => Path.GetFileName(file) is "up.sql" or "down.sql")
            .Order(StringComparer.Ordinal)];

    private static string CorpusRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DbGate.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var root = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "corpora", "crates-io", "migrations"));
        Assert.True(Directory.Exists(root), $"corpus not found at {root}");
        return root;
    }
}
