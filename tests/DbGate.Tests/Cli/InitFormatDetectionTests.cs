using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>
/// `dbgate init` in a fresh repository holding one tool's project (the format fixtures, one folder down): it finds
/// the folder, names the format and counts the migrations as that tool would, and its dbgate.yml reads back the same.
/// </summary>
public sealed class InitFormatDetectionTests : IDisposable
{
    private readonly TempFolder _repository = new();

    // Counts as the tool counts: Flyway's 5 versioned scripts and 1 repeatable (undos are downs, beforeMigrate a
    // callback); Liquibase's 9 changesets less the dbms:mysql one; grate's 6 scripts across its folder kinds.
    [Theory]
    [InlineData("dbmate", "database", "dbmate", 4)]
    [InlineData("dbup", "database", "dbup", 3)]
    [InlineData("efcore", "database/Shop", "ef", 4)]
    [InlineData("flyway", "database", "flyway", 6)]
    [InlineData("grate", "database", "grate", 6)]
    [InlineData("liquibase", "database", "liquibase", 8)]
    [InlineData("plain", "database", "plain", 4)]
    [InlineData("prisma", "database", "prisma", 4)]
    [InlineData("sqitch", "database", "sqitch", 4)]
    // Real projects (tests/fixtures/real). Liquibase's 13 changesets sit in four subfolders with no root changelog, so
    // the repository root is where Liquibase would start its includeAll (and the shallowest of equal counts).
    [InlineData("real/liquibase/liquibase-integration-tests", ".", "liquibase", 13)]
    [InlineData("real/dbup/edfi-dms-configuration-service", "database", "dbup", 27)]
    [InlineData("real/sqitch/sqitch-intro", "database", "sqitch", 13)]
    [InlineData("real/dbmate/dbmate-testdata", "database", "dbmate", 2)]
    [InlineData("real/prisma/prisma-examples-heroku", "database", "prisma", 1)]
    public async Task Init_detects_the_format_and_counts_the_migrations_of_each_file_based_tool(string fixture, string folder, string format, int count)
    {
        Fixtures.Copy(fixture, Path.Combine(_repository.Path, "database"));

        using var cli = CliProcess.Start(["init"], workingDirectory: _repository.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, error);
        Assert.Contains($": {count} {format} migrations in {folder}\n", output, StringComparison.Ordinal);
        Assert.Contains($"format: {format}  ", File.ReadAllText(Path.Combine(_repository.Path, "dbgate.yml")), StringComparison.Ordinal);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None);
        Assert.Equal((Path.GetFullPath(Path.Combine(_repository.Path, folder)), format), (options.MigrationsPath, options.Format));
    }

    [Theory]
    [InlineData("rails", "Gemfile", "gem \"rails\", \"~> 7.1\"\n", "db/migrate", ".rb")]
    [InlineData("knex", "knexfile.js", "module.exports = { client: 'pg', connection: process.env.DATABASE_URL };\n", "migrations", ".js")]
    public async Task Init_proposes_command_mode_for_a_tool_that_migrates_in_code_and_its_list_prints_the_steps_in_the_tools_order(
        string tool, string marker, string markerText, string folder, string extension)
    {
        _repository.Write(marker, markerText);
        foreach (var name in new[] { "20240110000000_add_email", "20240102000000_create_users", "20240201000000_index_email" })
            _repository.Write($"{folder}/{name}{extension}", "// a step in code\n");

        using var cli = CliProcess.Start(["init"], workingDirectory: _repository.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, error);
        Assert.Contains($": 3 {tool} migrations (command mode) in .\n", output, StringComparison.Ordinal);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None);
        Assert.Equal("command", options.Format);
        var commands = options.FormatOptions.Command!;
        var list = await Processes.RunAsync("/bin/sh", ["-c", commands.List], commands.WorkingDirectory);
        var id = (string name) => tool == "rails" ? name : name + extension;
        Assert.Equal(
            [$"{id("20240102000000_create_users")}\t{folder}/20240102000000_create_users{extension}", $"{id("20240110000000_add_email")}\t{folder}/20240110000000_add_email{extension}",
             $"{id("20240201000000_index_email")}\t{folder}/20240201000000_index_email{extension}"],
            list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose() => _repository.Dispose();
}
