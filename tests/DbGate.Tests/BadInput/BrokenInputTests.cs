using System.Text.RegularExpressions;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.BadInput;

/// <summary>
/// Fuzz-ish: broken files, YAML built to crash or hang a reader, wrong kinds of value for every kind of key, and
/// paths that lead nowhere, each through the real CLI. Each gets its exit code and one line, never a stack trace.
/// Only the cases that get as far as running a migration use the shared server; the others would fail to reach
/// port 1 if they ever got that far.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed partial class BrokenInputTests(PostgresFixture server)
{
    private const string Nowhere = "Host=127.0.0.1;Port=1;Timeout=2";

    public static TheoryData<string> Names => [.. BrokenInputs.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_broken_input_gets_its_exit_code_and_one_line_never_a_stack_trace(string name)
    {
        var input = BrokenInputs.All.Single(c => c.Name == name);
        using var scratch = new TempFolder();
        input.Make(Path.Combine(scratch.Path, name));
        try
        {
            using var cli = CliProcess.Start(
                ["check", .. (input.Arguments ?? ["{dir}"]).Select(a => a.Replace("{dir}", name, StringComparison.Ordinal))],
                new Dictionary<string, string> { ["DBGATE_CONNECTION"] = input.NeedsServer ? server.AdminConnectionString : Nowhere },
                workingDirectory: scratch.Path,
                wrapper: input.NeedsDeniedReads ? DeniedReads.Wrapper : null);
            var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(2));

            var context = $"exit {exit}\nstdout:\n{output}\nstderr:\n{error}";
            Assert.True(exit == input.ExitCode, $"expected exit {input.ExitCode}, got {context}");
            Assert.False(StackFrame().IsMatch(output + error), $"a stack trace: {context}");
            var errors = Lines(error);
            Assert.All(errors, line => Assert.StartsWith("dbgate: ", line, StringComparison.Ordinal));
            if (exit is 2 or 3)
            {
                Assert.True(errors is [var line] && Regex.IsMatch(line, input.Expected), $"expected one line matching {input.Expected}, got {context}");
                Assert.Equal("", output);
            }
            else if (exit == 1)
            {
                Assert.True(Lines(output).Where(l => l.Contains(": error DBG", StringComparison.Ordinal)).ToList() is [var finding] && Regex.IsMatch(finding, input.Expected), $"expected one finding matching {input.Expected}, got {context}");
            }
            else
            {
                Assert.Contains(input.Expected, output, StringComparison.Ordinal);
            }
        }
        finally
        {
            if (input.NeedsDeniedReads)
                DeniedReads.Restore(scratch.Path);
        }
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A .NET stack frame ("   at Namespace.Type.Method(") anywhere in the output.</summary>
    [GeneratedRegex(@"(?m)^\s+at [\w.<>`]+\(")]
    private static partial Regex StackFrame();
}
