using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// One contract for every format: detected from its files alone, the same steps whether detected or named, in the
/// tool's order, each up run in a transaction exactly when the tool does, every script a real file under the project
/// with a '/' path, downs paired with their ups (none at all for a forward-only tool), and only its own history left out.
/// </summary>
public sealed class FormatContractTests
{
    public static TheoryData<FormatCase> Cases => new(FormatCases.All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fixture_is_detected_as_its_format_and_as_nothing_else(FormatCase format) =>
        Assert.Equal([format.Format], MigrationDiscovery.Detect(Path.GetFullPath(RepoPaths.Fixture(format.Fixture))));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Naming_the_format_finds_the_same_steps_as_detecting_it(FormatCase format)
    {
        var (detected, named) = (Open(format, "auto"), Open(format, format.Format));

        Assert.Equal(format.Format, detected.Format);
        Assert.Equal(detected.Migrations.Select(m => m.Id), named.Migrations.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Steps_come_in_the_tools_order_each_in_a_transaction_exactly_when_the_tool_uses_one(FormatCase format)
    {
        var set = Open(format, format.Format);

        var steps = new List<string>();
        foreach (var migration in set.Migrations)
        {
            var up = await LoadedScript.LoadAsync(migration.Up, CancellationToken.None);
            var transaction = TransactionSemantics.RunsInTransaction(migration, up) ? "in" : "out";
            steps.Add($"{migration.Id} {transaction} {(migration.Down is null ? "-" : Path.GetFileName(migration.Down.FullPath))}");
        }
        if (format.Steps.Count > 0)
            Assert.Equal(format.Steps, steps);
        Assert.Equal(set.Migrations.Count, set.Migrations.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_script_is_a_file_under_the_project_named_by_a_relative_path_with_slashes(FormatCase format)
    {
        var root = Path.GetFullPath(RepoPaths.Fixture(format.Fixture));
        var scripts = Open(format, format.Format).Migrations.SelectMany(m => new[] { m.Up, m.Down, m.Verify }).OfType<MigrationScript>().ToList();

        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(File.Exists(s.FullPath), s.FullPath));
        Assert.All(scripts, s => Assert.Equal(Path.GetRelativePath(root, s.FullPath).Replace('\\', '/'), s.RelativePath));
        Assert.All(scripts, s => Assert.False(s.RelativePath.StartsWith("..", StringComparison.Ordinal), s.RelativePath));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_forward_only_tool_has_no_downs_and_expects_none_and_the_others_pair_downs_with_ups(FormatCase format)
    {
        var set = Open(format, format.Format);

        Assert.Equal(format.ForwardOnly, set.ForwardOnly);
        if (format.ForwardOnly)
            Assert.All(set.Migrations, m => Assert.True(m.Down is null && !m.DownExpected, m.Id));
        else
            Assert.Contains(set.Migrations, m => m.Down is not null && (m.Down.FullPath != m.Up.FullPath || m.Down.Text != m.Up.Text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_the_tools_own_history_is_left_out_of_the_schema_comparison(FormatCase format)
    {
        var history = Open(format, format.Format).History;

        Assert.Equal(format.History.Tables, history.Tables);
        Assert.Equal(format.History.Schemas, history.Schemas);
    }

    [Theory]
    [InlineData("evolve", "flyway", "changelog")]
    [InlineData("roundhouse", "grate", "schema RoundhousE")]
    public void A_tool_sharing_anothers_files_reads_the_same_steps_with_its_own_history(string format, string sibling, string history)
    {
        var root = Path.GetFullPath(RepoPaths.Fixture(sibling));

        var (own, shared) = (MigrationDiscovery.Open(root, root, format, FormatOptions.Default), MigrationDiscovery.Open(root, root, sibling, FormatOptions.Default));

        Assert.Equal(shared.Migrations.Select(m => m.Id), own.Migrations.Select(m => m.Id));
        Assert.Equal(history, own.History.ToString());
        Assert.True(own.ForwardOnly);
    }

    private static MigrationSet Open(FormatCase format, string name)
    {
        var root = Path.GetFullPath(RepoPaths.Fixture(format.Fixture));
        return MigrationDiscovery.Open(root, root, name, FormatOptions.Default);
    }
}
