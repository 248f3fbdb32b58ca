using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>dbgate.yml's migration-tool keys: placeholders, command and ef, read strictly like every other key.</summary>
public sealed class FormatConfigurationTests
{
    [Fact]
    public async Task Placeholders_command_and_ef_sections_are_read_with_paths_relative_to_dbgate_yml()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", """
            placeholders:
              schema: app
              owner: ${DBGATE_TEST_OWNER}
            command:
              up: bin/migrate up
              down: bin/migrate down
              list: bin/migrate list
              working_directory: tools
              history_tables: [alembic_version, sqitch.*]
            ef:
              project: src/Shop/Shop.csproj
              context: ShopContext
            """);
        Environment.SetEnvironmentVariable("DBGATE_TEST_OWNER", "team-a");

        var options = (await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None)).FormatOptions;

        Assert.Equal(new Dictionary<string, string> { ["schema"] = "app", ["owner"] = "team-a" }, options.Placeholders);
        Assert.Equal(("bin/migrate up", "bin/migrate down", "bin/migrate list"), (options.Command?.Up, options.Command?.Down, options.Command?.List));
        Assert.Equal(Path.Combine(folder.Path, "tools"), options.Command?.WorkingDirectory);
        Assert.Equal(["alembic_version", "sqitch.*"], options.Command?.HistoryTables);
        Assert.Equal((Path.Combine(folder.Path, "src", "Shop", "Shop.csproj"), "ShopContext"), (options.Ef.Project, options.Ef.Context));
    }

    [Fact]
    public async Task A_command_section_without_its_down_is_a_one_line_error()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "command:\n  up: a\n  list: c\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None));

        Assert.Equal("command.down is missing: command mode needs up, down and list", error.Message);
    }

    [Fact]
    public async Task A_misspelt_key_in_the_command_section_is_located_and_the_key_meant_suggested()
    {
        using var folder = new TempFolder();
        folder.Write("dbgate.yml", "command:\n  up: a\n  dwon: b\n");

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None));

        Assert.Equal("dbgate.yml:3:3: unknown key 'dwon' (did you mean 'down'?)", error.Message);
    }
}
