using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Tests.Infrastructure;
using DbGate.Tests.Providers.Docker;

namespace DbGate.Tests.Lint;

/// <summary>On a version matrix the lint runs on every version, and a finding says where it holds.</summary>
public sealed class LintVersionMatrixTests
{
    [DockerFact]
    public async Task A_rewrite_possible_only_on_postgresql_17_is_reported_there_and_an_index_build_on_both()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "CREATE TABLE t (id int, price int, doubled int GENERATED ALWAYS AS (price * 2) STORED);");
        folder.Write("2_index.up.sql", "CREATE INDEX t_price_idx ON t (price);");
        // ALTER COLUMN … SET EXPRESSION is new in PostgreSQL 17; it recomputes the stored column, rewriting the table.
        folder.Write("3_expression.up.sql", "ALTER TABLE t ALTER COLUMN doubled SET EXPRESSION AS (price * 3);");
        var options = new GateOptions(folder.Path, folder.Path, Image: "dbgate/postgres:" + VersionMatrix.VersionPlaceholder) { Versions = ["15", "17"] };

        var result = await GateRunner.RunAsync(options, log: null, CancellationToken.None);

        var index = Assert.Single(result.Findings, f => f.RuleId == "DBG101");
        Assert.Equal("2_index", index.Migration);
        Assert.Equal(["15", "17"], index.Versions);
        Assert.DoesNotContain("(on PostgreSQL", index.Message, StringComparison.Ordinal);
        var rewrite = Assert.Single(result.Findings, f => f.RuleId == "DBG102");
        Assert.Equal("3_expression", rewrite.Migration);
        Assert.Equal(["17"], rewrite.Versions);
        Assert.EndsWith("(on PostgreSQL 17 only)", rewrite.Message, StringComparison.Ordinal);
        Assert.Equal(["15"], Assert.Single(result.Findings, f => f.RuleId == "DBG001").Versions);
    }
}
