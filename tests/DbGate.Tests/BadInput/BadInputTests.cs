using System.Text.RegularExpressions;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.BadInput;

/// <summary>Each kind of bad input, run through the real CLI against a real server, as a user would meet it.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed partial class BadInputTests(PostgresFixture server)
{
    private static readonly string Fixtures = Path.Combine(RepoPaths.SolutionDirectory, "tests", "fixtures", "bad-input");

    public static TheoryData<string> Kinds => [.. BadInputCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bad_input_gets_its_exit_code_and_one_clear_line_or_a_located_finding_never_a_stack_trace(string kind)
    {
        var @case = BadInputCases.All.Single(c => c.Name == kind);
        using var scratch = new TempFolder();
        var project = Path.Combine(scratch.Path, kind);
        Infrastructure.Fixtures.Copy(Path.Combine("bad-input", kind), project);
        @case.Prepare?.Invoke(project);
        try
        {
            using var cli = CliProcess.Start(
                ["check", "."],
                new Dictionary<string, string> { ["DBGATE_CONNECTION"] = server.AdminConnectionString },
                workingDirectory: project,
                wrapper: @case.NeedsDeniedReads ? DeniedReads.Wrapper : null);
            var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(2));

            var expected = @case.Lines.Select(line => line.Replace("{dir}", project, StringComparison.Ordinal)).ToList();
            var errors = Lines(error);
            Assert.True(exit == @case.ExitCode, $"exit {exit}, expected {@case.ExitCode}\nstdout:\n{output}\nstderr:\n{error}");
            Assert.DoesNotMatch(StackFrame(), output + error);
            Assert.All(errors, line => Assert.StartsWith("dbgate: ", line, StringComparison.Ordinal));
            if (exit == 2)
            {
                Assert.Equal(expected, errors);
                Assert.Equal("", output);
            }
            else
            {
                // Exactly the errors expected: a bad script fails alone and disturbs no other step.
                Assert.Equal(expected.Order(StringComparer.Ordinal), Lines(output).Where(line => line.Contains(": error DBG", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
                Assert.Contains(exit == 0 ? "— PASSED" : "— FAILED", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            if (@case.NeedsDeniedReads)
                DeniedReads.Restore(project);
        }
    }

    [Fact]
    public void Every_fixture_folder_is_a_case_and_every_case_has_its_folder()
    {
        var folders = Directory.EnumerateDirectories(Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(BadInputCases.All.Select(c => c.Name).Order(StringComparer.Ordinal), folders);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A .NET stack frame ("   at Namespace.Type.Method(") anywhere in the output.</summary>
    [GeneratedRegex(@"(?m)^\s+at [\w.<>`]+\(")]
    private static partial Regex StackFrame();
}
