using System.CommandLine;
using System.Text.RegularExpressions;
using DbGate.Cli;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

public sealed class HelpTests
{
    [Fact]
    public void The_fast_top_level_help_is_what_System_CommandLine_prints_for_the_full_command_tree()
    {
        var output = new StringWriter();
        CommandLine.Build().Parse("--help").Invoke(new InvocationConfiguration { Output = output });

        // In the test host the root command is named after the host's executable; the tool's is dotnet-dbgate.
        var rendered = Regex.Replace(output.ToString(), @"(?m)^  \S+ \[command\] \[options\]$", "  dotnet-dbgate [command] [options]");
        Assert.Equal(rendered.ReplaceLineEndings("\n"), RootHelp.Text.ReplaceLineEndings("\n") + "\n");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Top_level_help_lists_every_command_and_exits_0(string option)
    {
        var (exit, output, error) = await CliProcess.RunAsync(option);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        foreach (var command in new[] { "check <path>", "init <path>", "hook", "stats", "baseline <path>", "docs <path>", "explain <sql> <path>", "benchmark <path>" })
            Assert.Contains($"\n  {command} ", output, StringComparison.Ordinal);
    }
}
