using DbGate.Core.Benchmarks;
using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Benchmarks;

/// <summary>dbgate.yml's benchmarks section, read strictly, before any server is involved.</summary>
public sealed class BenchmarkConfigTests
{
    private static async Task<BenchmarkOptions> OptionsAsync(TempFolder folder, string yaml)
    {
        folder.Write("dbgate.yml", yaml);
        folder.Write("1_t.up.sql", "CREATE TABLE t (id int);");
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None);
        return options.Benchmarks;
    }

    [Fact]
    public async Task The_issues_contract_is_read_with_defaults_inherited_and_each_query_located_at_its_name()
    {
        using var folder = new TempFolder();
        folder.Write("queries/top.sql", "-- the best customers\nSELECT id FROM customers ORDER BY id LIMIT 10;\n");
        var options = await OptionsAsync(folder, """
            benchmarks:
              defaults: { runs: 5, warmup: 1, max_time_ms: 100 }
              queries:
                - name: orders-of-customer
                  sql: SELECT id, total FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC LIMIT 20
                  params: [[17], [4000]]
                  max_cost: 1000
                  max_buffers: 200
                  forbid: [Seq Scan]
                - name: top-customers
                  file: queries/top.sql
                  runs: 3
                  max_rows_removed_ratio: 0.5
                  max_misestimate: 10
                  forbid: ["Seq Scan on customers, sales.orders", Sort spilling to disk]
            """);

        var orders = options.Queries[0];
        Assert.Equal(("orders-of-customer", "dbgate.yml:4:7"), (orders.Name, orders.Location.ToString()));
        Assert.Equal(["17", "4000"], orders.ParameterSets.Select(p => Assert.Single(p)));
        Assert.Equal(new BenchmarkLimits(5, 1, 100, 1000, 200), orders.Limits with { Forbid = [] });
        Assert.Equal(("Seq Scan", 0), (Assert.Single(orders.Limits.Forbid).NodeType, orders.Limits.Forbid[0].Tables.Count));
        var top = options.Queries[1];
        Assert.Equal("SELECT id FROM customers ORDER BY id LIMIT 10", top.Sql);
        Assert.Equal(("queries/top.sql", "queries/top.sql:2:1"), (top.File, top.SqlLocation.ToString()));
        Assert.Equal(new BenchmarkLimits(3, 1, 100, null, null, 0.5, 10), top.Limits with { Forbid = [] });
        Assert.Equal([[]], top.ParameterSets);
        Assert.Equal(["customers", "sales.orders"], top.Limits.Forbid[0].Tables);
        Assert.True(top.Limits.Forbid[1].OnlySpillingToDisk);
    }

    [Fact]
    public async Task Without_a_benchmarks_section_nothing_is_benchmarked()
    {
        using var folder = new TempFolder();

        Assert.Empty((await OptionsAsync(folder, "fail_on: error\n")).Queries);
    }

    [Theory]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      max_cots: 5\n", "dbgate.yml:5:7: unknown key 'max_cots' (did you mean 'max_cost'?)")]
    [InlineData("benchmarks:\n  default: { runs: 2 }\n", "dbgate.yml:2:3: unknown key 'default' (did you mean 'defaults'?)")]
    [InlineData("benchmarks:\n  queries:\n    - sql: SELECT 1\n", "dbgate.yml:3:7: benchmarks.queries[0]: give the query a name, such as name: orders-of-customer")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n", "dbgate.yml:3:7: benchmark q: give the statement as sql: SELECT … or file: queries/name.sql")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      file: q.sql\n", "dbgate.yml:3:7: benchmark q: give sql or file, not both")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      file: missing.sql\n", "dbgate.yml:4:7: benchmark q: file not found: missing.sql")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n    - name: q\n      sql: SELECT 2\n", "dbgate.yml:5:7: benchmark q: the name q is used by an earlier query; names must be unique")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1; SELECT 2\n", "dbgate.yml:4:7: benchmark q: holds 2 statements; a benchmark is one statement")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 'open\n", "dbgate.yml:4:7: benchmark q: unterminated quoted string")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      runs: 0\n", "dbgate.yml:5:7: benchmark q: must be between 1 and 1000 (got 0)")]
    [InlineData("benchmarks:\n  defaults: { max_rows_removed_ratio: 2 }\n", "dbgate.yml:2:15: benchmarks.defaults.max_rows_removed_ratio: must be between 0 and 1, the share of the rows a node reads that its filter may remove (got 2)")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      max_misestimate: 0.5\n", "dbgate.yml:5:7: benchmark q: must be 1 or more, a factor between estimated and actual rows (got 0.5)")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      forbid: [Seq Scna]\n", "dbgate.yml:5:16: benchmark q: forbid: 'Seq Scna' is not a plan node type (did you mean 'Seq Scan'?); write one as EXPLAIN names it, such as Seq Scan, optionally with 'on TABLE'")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      forbid: Seq Scan\n", "dbgate.yml:5:15: benchmarks.queries[].forbid must be a list, such as [Seq Scan], not the single value 'Seq Scan'")]
    [InlineData("benchmarks:\n  queries:\n    - name: q\n      sql: SELECT 1\n      max_cost: lots\n", "dbgate.yml:5:17:")]
    [InlineData("benchmarks:\n  tolerance: -5\n", "dbgate.yml:2:3: benchmarks.tolerance: must be a percentage between 0 and 1000 (got -5)")]
    [InlineData("benchmarks:\n  queries: []\n", null)]
    public async Task A_bad_benchmarks_entry_is_one_line_at_its_place(string yaml, string? expected)
    {
        using var folder = new TempFolder();

        if (expected is null)
        {
            Assert.Empty((await OptionsAsync(folder, yaml)).Queries);
            return;
        }
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => OptionsAsync(folder, yaml));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Each_character_of_inline_sql_is_placed_at_its_dbgate_yml_line_and_column_in_every_yaml_style()
    {
        using var folder = new TempFolder();
        var options = await OptionsAsync(folder, """
            benchmarks:
              queries:
                - name: plain
                  sql: SELECT id FROM t WHERE nope = 1
                - name: quoted
                  sql: "SELECT id FROM t WHERE \"k\" = 1 AND nope = 2"
                - name: single
                  sql: 'SELECT ''a'' AS x FROM t WHERE nope = 3'
                - name: block
                  sql: |
                    SELECT id
                    FROM t
                    WHERE nope = 4
                - name: folded
                  sql: SELECT id
                    FROM t WHERE
                    nope = 5
            """);

        (int, int) PlaceOfNope(string name)
        {
            var query = options.Queries.Single(q => q.Name == name);
            return query.InlinePlaces!.At(query.Statement!.Offset + query.Sql.IndexOf("nope", StringComparison.Ordinal));
        }

        Assert.Equal((4, 35), PlaceOfNope("plain"));
        Assert.Equal((6, 50), PlaceOfNope("quoted"));
        Assert.Equal((8, 44), PlaceOfNope("single"));
        Assert.Equal((13, 15), PlaceOfNope("block"));
        Assert.Equal((17, 9), PlaceOfNope("folded"));
        Assert.Null(options.Queries.Single(q => q.Name == "plain").File);
    }
}
