using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Hosts;

/// <summary>First contact as a user has it: the packed tool installed into a local tool manifest, then run.</summary>
[Collection(PackagesGroup.Name)]
public sealed class ToolPackageTests(PackagesFixture packages)
{
    [Fact]
    public async Task The_packed_tool_installs_into_a_local_manifest_and_dotnet_dbgate_prints_its_version_and_checks_a_sample()
    {
        using var repository = await GitRepository.CreateAsync(packages);
        Samples.Copy("shop", Path.Combine(repository.Path, "db"));

        var version = await repository.RunAsync("dotnet", "dbgate", "--version");
        var check = await repository.RunAsync("dotnet", "dbgate", "check", "db", "--provider", "local");

        Assert.Equal(0, version.ExitCode);
        Assert.StartsWith(packages.Version, version.Output.Trim(), StringComparison.Ordinal);
        Assert.True(check.ExitCode == 0, check.All);
        Assert.Contains("21 steps, 0 errors, 0 warnings", check.Output, StringComparison.Ordinal);
        Assert.EndsWith("PASSED", check.Output.Trim(), StringComparison.Ordinal);
    }
}
