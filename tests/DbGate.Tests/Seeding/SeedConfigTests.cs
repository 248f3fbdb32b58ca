using DbGate.Core.Configuration;
using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>dbgate.yml's seed section, read strictly, before any server is involved.</summary>
public sealed class SeedConfigTests
{
    [Fact]
    public async Task Every_key_of_the_issues_contract_is_read_with_where_it_is_written()
    {
        using var folder = new TempFolder();
        folder.Write("seeds/reference.sql", "SELECT 1;");
        var options = await folder.OptionsAsync("""
            seed:
              seed: 42
              default_rows: 100
              rows: { customers: 20000, orders: 300000 }
              columns:
                orders.status: { values: [pending, paid, shipped], weights: [1, 8, 1] }
                orders.customer_id: { distribution: zipf, skew: 1.1 }
                customers.deleted_at: { null_fraction: 0.95 }
                orders.placed_at: { min: 2020-01-01, max: 2025-12-31 }
                customers.email: { sql: "'user' || n || '@example.com'" }
              sql: [seeds/reference.sql]
            """);

        Assert.Equal(42, options.Seed);
        Assert.Equal(100, options.DefaultRows);
        Assert.Equal(["customers 20000 dbgate.yml:4:11", "orders 300000 dbgate.yml:4:29"], options.Rows.Select(r => $"{r.Table} {r.Rows} {r.Location}"));
        var status = options.Columns.Single(c => c.Column == "orders.status");
        Assert.Equal(["pending", "paid", "shipped"], status.Values!);
        Assert.Equal([1.0, 8.0, 1.0], status.Weights!);
        Assert.Equal("dbgate.yml:6:5", status.Location!.ToString());
        Assert.Equal("dbgate.yml:6:56", status.LocationOf("weights")!.ToString());
        Assert.Equal((SeedDistribution.Zipf, 1.1), options.Columns.Single(c => c.Column == "orders.customer_id") is var z ? (z.Distribution, z.Skew) : default);
        Assert.Equal(0.95, options.Columns.Single(c => c.Column == "customers.deleted_at").NullFraction);
        Assert.Equal(("2020-01-01", "2025-12-31"), options.Columns.Single(c => c.Column == "orders.placed_at") is var p ? (p.Min, p.Max) : default);
        Assert.Equal("'user' || n || '@example.com'", options.Columns.Single(c => c.Column == "customers.email").Sql);
        Assert.Equal("seeds/reference.sql", Assert.Single(options.Scripts).RelativePath);
    }

    [Fact]
    public async Task Without_a_seed_section_the_defaults_apply()
    {
        using var folder = new TempFolder();

        var options = await folder.OptionsAsync("fail_on: error\n");

        Assert.Equal(SeedOptions.Default, options);
        Assert.Equal(100, options.DefaultRows);
    }

    [Theory]
    [InlineData("seed:\n  default_row: 5\n", "dbgate.yml:2:3: unknown key 'default_row' (did you mean 'default_rows'?)")]
    [InlineData("seed:\n  columns:\n    t.c: { nul_fraction: 0.5 }\n", "dbgate.yml:3:12: unknown key 'nul_fraction' (did you mean 'null_fraction'?)")]
    [InlineData("seed:\n  columns:\n    t.c: { weights: [1] }\n", "dbgate.yml:3:12: seed.columns.t.c: weights need values to weigh")]
    [InlineData("seed:\n  columns:\n    t.c: { values: [a, b], weights: [1] }\n", "dbgate.yml:3:28: seed.columns.t.c: 1 weights for 2 values")]
    [InlineData("seed:\n  columns:\n    t.c: { skew: 2 }\n", "dbgate.yml:3:12: seed.columns.t.c: skew applies to distribution: zipf")]
    [InlineData("seed:\n  columns:\n    t.c: { distribution: normal }\n", "dbgate.yml:3:12: seed.columns.t.c: distribution must be one of uniform, zipf (got 'normal')")]
    [InlineData("seed:\n  columns:\n    t.c: { null_fraction: 1.5 }\n", "dbgate.yml:3:12: seed.columns.t.c: null_fraction must be between 0 and 1 (got 1.5)")]
    [InlineData("seed:\n  columns:\n    t.c: { sql: 'n', min: 1 }\n", "dbgate.yml:3:22: seed.columns.t.c: sql gives the whole value; min cannot be combined with it (write it into the expression)")]
    [InlineData("seed:\n  columns:\n    column_only: { min: 1 }\n", "dbgate.yml:3:5: seed.columns.column_only: name a column as table.column or schema.table.column")]
    [InlineData("seed:\n  rows: { t: -1 }\n", "dbgate.yml:2:11: seed.rows.t: must be 0 or more (got -1)")]
    [InlineData("seed:\n  sql: [seeds/missing.sql]\n", "dbgate.yml:2:9: seed.sql: file not found: seeds/missing.sql")]
    public async Task A_seed_section_that_is_wrong_whatever_the_schema_is_a_located_one_line_error(string yaml, string expected)
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => folder.OptionsAsync(yaml));

        Assert.Equal(expected, error.Message);
    }
}
