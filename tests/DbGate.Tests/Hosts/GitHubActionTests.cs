using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>action.yml as GitHub sees it (a YAML parser, action-validator) and as it runs (its steps under a simulated runner).</summary>
[Collection(PackagesGroup.Name)]
public sealed class GitHubActionTests(PackagesFixture packages) : IDisposable
{
    private readonly TempFolder _runner = new();

    [Fact]
    public void Action_yml_is_a_composite_action_whose_scripts_take_every_input_from_env()
    {
        var action = ActionFile.Load(ActionFile.PathInRepository);

        Assert.Equal("composite", action.Using);
        Assert.All(action.Steps.Where(s => s.Run is not null), step => Assert.DoesNotContain("${{", step.Run, StringComparison.Ordinal));
        Assert.Subset(action.InputDefaults.Keys.ToHashSet(), new HashSet<string> { "path", "config", "provider", "image", "versions", "fail-on", "upload-sarif", "working-directory", "version", "tool-source" });
        Assert.Equal(["errors", "warnings", "notes", "passed", "sarif", "junit", "json", "markdown"], action.OutputValues.Keys);
    }

    [ActionValidatorFact]
    public async Task Action_validator_accepts_action_yml()
    {
        var result = await Processes.RunAsync(ActionValidatorFactAttribute.Find() ?? ActionValidatorFactAttribute.Command, [ActionFile.PathInRepository], RepoPaths.SolutionDirectory);

        Assert.True(result.ExitCode == 0, result.All);
    }

    [Fact]
    public void Sarif_is_uploaded_only_when_asked_and_a_report_exists()
    {
        var upload = ActionFile.Load(ActionFile.PathInRepository).Steps.Single(s => s.Uses?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        bool Uploads(string asked, string sarif, bool failed) => new ActionExpressions(
            new Dictionary<string, string> { ["upload-sarif"] = asked },
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["check"] = new Dictionary<string, string> { ["sarif"] = sarif } },
            failed).Condition(upload.If);

        Assert.False(Uploads("false", "/tmp/dbgate.sarif", failed: false));
        Assert.True(Uploads("true", "/tmp/dbgate.sarif", failed: false));
        Assert.True(Uploads("true", "/tmp/dbgate.sarif", failed: true));
        Assert.False(Uploads("true", "", failed: false));
    }

    [Fact]
    public async Task The_action_installs_the_packed_tool_and_on_broken_migrations_annotates_summarizes_sets_outputs_and_fails_and_on_clean_ones_passes()
    {
        var workspace = Directory.CreateDirectory(Path.Combine(_runner.Path, "workspace")).FullName;
        await Processes.RunAsync("git", ["init", "-q"], workspace);
        Samples.Copy("shop-broken", Path.Combine(workspace, "db"));
        var runner = new SimulatedRunner(workspace, Directory.CreateDirectory(Path.Combine(_runner.Path, "home")).FullName, Directory.CreateDirectory(Path.Combine(_runner.Path, "temp")).FullName);

        var run = await runner.RunAsync(ActionFile.Load(ActionFile.PathInRepository), new Dictionary<string, string>
        {
            ["path"] = "db",
            ["provider"] = "local",
            ["version"] = packages.Version,
            ["tool-source"] = packages.Feed,
        });

        var install = run.Step("Install DbGate");
        Assert.True(install.ExitCode == 0, install.Output + install.Error);
        var check = run.Step("Check migrations");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
        var annotations = check.Output.Split('\n').Where(l => l.StartsWith("::", StringComparison.Ordinal)).ToList();
        // The six broken round trips, and the lint's two ups that would lock production out (DBG101, DBG102).
        Assert.Equal(8, annotations.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Single(annotations, l => l.StartsWith("::error file=db/migrations/2024-01-02-000001_index_customer_email/up.sql,line=1,col=1,title=DBG101 ", StringComparison.Ordinal));
        Assert.Single(annotations, l => l.StartsWith("::error file=db/migrations/2024-01-03-000001_widen_score/up.sql,line=1,col=1,title=DBG102 ", StringComparison.Ordinal));
        Assert.Contains("::error file=db/migrations/2024-01-04-000001_create_orders/down.sql,line=3,col=6,title=DBG002 Down migration fails::down of 2024-01-04-000001_create_orders fails: syntax error at or near \"TABEL\"%0ASQLSTATE 42601", annotations);
        Assert.Single(annotations, l => l.StartsWith("::warning file=db/migrations/2024-01-05-000001_create_audit_log/up.sql,line=1,col=1,title=DBG005 ", StringComparison.Ordinal));
        Assert.Contains("## ❌ DbGate failed", run.Summary, StringComparison.Ordinal);

        // Fewer than GitHub's ten of each kind, so every finding is an annotation and the outputs count them.
        Assert.Equal("8", run.Outputs["errors"]);
        Assert.Equal(annotations.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["warnings"]);
        Assert.Equal(annotations.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture), run.Outputs["notes"]);
        Assert.Equal(("8", "4"), (run.Outputs["warnings"], run.Outputs["notes"]));
        Assert.Equal("false", run.Outputs["passed"]);
        foreach (var report in new[] { "sarif", "junit", "json", "markdown" })
            Assert.True(File.Exists(run.Outputs[report]), $"{report}: {run.Outputs[report]}");

        Assert.False(run.Step("Upload SARIF").Ran);
        Assert.Equal(1, run.Step("Verdict").ExitCode);
        Assert.True(run.Failed);

        // The same runner (its HOME keeps the installed tool, so no second install from scratch) on the clean sample,
        // asking for the SARIF upload this time: the gate passes and so does every step.
        Samples.Copy("shop", Path.Combine(workspace, "shop"));
        var clean = await runner.RunAsync(ActionFile.Load(ActionFile.PathInRepository), new Dictionary<string, string>
        {
            ["path"] = "shop",
            ["provider"] = "local",
            ["version"] = packages.Version,
            ["tool-source"] = packages.Feed,
            ["upload-sarif"] = "true",
        });

        var cleanCheck = clean.Step("Check migrations");
        Assert.True(cleanCheck.ExitCode == 0, cleanCheck.Output + cleanCheck.Error);
        Assert.Equal("0", cleanCheck.Outputs["exit-code"]);
        Assert.DoesNotContain(cleanCheck.Output.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Equal(("true", "0"), (clean.Outputs["passed"], clean.Outputs["errors"]));
        Assert.Contains("## ✅ DbGate passed", clean.Summary, StringComparison.Ordinal);
        Assert.Equal(clean.Outputs["sarif"], clean.Step("Upload SARIF").With["sarif_file"]);
        Assert.True(File.Exists(clean.Outputs["sarif"]), clean.Outputs["sarif"]);
        Assert.True(clean.Step("Verdict").Ran);
        Assert.Equal(0, clean.Step("Verdict").ExitCode);
        Assert.False(clean.Failed);
    }

    public void Dispose() => _runner.Dispose();
}
