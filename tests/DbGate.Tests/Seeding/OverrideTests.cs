using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>dbgate.yml's seed.columns, exactly as the issue writes them.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class OverrideTests(PostgresFixture fixture)
{
    private const string Yaml = """
        seed:
          seed: 42
          default_rows: 100
          rows: { customers: 2000, orders: 5000, order_items: 0 }
          columns:
            orders.status: { values: [pending, paid, shipped], weights: [1, 8, 1] }
            orders.customer_id: { distribution: zipf, skew: 1.1 }
            customers.deleted_at: { null_fraction: 0.95 }
            orders.placed_at: { min: 2020-01-01, max: 2025-12-31 }
            customers.email: { sql: "'user' || n || '@example.com'" }
            orders.total: { min: 10, max: 20 }
        """;

    [Fact]
    public async Task The_issues_example_columns_get_the_values_weights_skew_nulls_bounds_and_sql_asked_for()
    {
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync(Yaml);
        var (database, _) = await fixture.SeedAsync(Schemas.Shop, options);
        await using var _ = database;

        var paid = await database.ScalarAsync<long>("SELECT count(*) FROM orders WHERE status = 'paid'");
        Assert.InRange(paid, 3700, 4300); // 80 % of 5000
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM orders WHERE placed_at < '2020-01-01' OR placed_at > '2025-12-31'"));
        Assert.Equal("10.00 20.00", await database.ScalarAsync<string>("SELECT min(total) || ' ' || max(total) FROM orders"));
        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE deleted_at IS NULL"), 1840, 1960);
        Assert.Equal(2000L, await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE email = 'user' || id || '@example.com'"));
        var busiest = await database.ScalarAsync<long>("SELECT max(n) FROM (SELECT count(*) n FROM orders GROUP BY customer_id) x");
        Assert.True(busiest > 200, $"the hottest customer has {busiest} of 5000 orders; uniformly it would have about 2.5");
    }

    [Fact]
    public async Task Values_listing_null_leave_their_share_null()
    {
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync("seed:\n  rows: { customers: 1000, orders: 0, order_items: 0 }\n  columns:\n    customers.deleted_at: { values: [null, '2024-01-01'], weights: [3, 1] }\n");
        var (database, _) = await fixture.SeedAsync(Schemas.Shop, options);
        await using var _ = database;

        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE deleted_at IS NULL"), 700, 800);
        Assert.Equal(["2024-01-01"], await database.ColumnAsync<string>("SELECT DISTINCT deleted_at::date::text FROM customers WHERE deleted_at IS NOT NULL"));
    }

    [Theory]
    [InlineData("customers.id: { null_fraction: 0.1 }", "dbgate.yml:4:21: seed.columns.customers.id: customers.id is NOT NULL")]
    [InlineData("customers.email: { min: 3 }", "dbgate.yml:4:24: seed.columns.customers.email: min and max bound numbers, dates, times and intervals, not text; use values or sql")]
    [InlineData("orders.total: { values: [cheap] }", "dbgate.yml:4:21: seed.columns.orders.total: values do not fit numeric(10,2): invalid input syntax for type numeric: \"cheap\"")]
    [InlineData("orders.placed_at: { max: someday }", "dbgate.yml:4:25: seed.columns.orders.placed_at: max is not a timestamp with time zone: invalid input syntax for type timestamp with time zone: \"someday\"")]
    [InlineData("orders.status: { values: [lost] }", "dbgate.yml:4:22: seed.columns.orders.status: values do not fit public.order_status: invalid input value for enum order_status: \"lost\"")]
    [InlineData("orders.total: { min: 50, max: 40 }", "dbgate.yml:4:5: seed: orders.total: the CHECK bounds (and min/max) leave no value (CHECK orders_total_check)")]
    [InlineData("customers.email: { sql: \"'x' ||| n\" }", "dbgate.yml:4:34: seed.columns.customers.email: sql: operator does not exist: unknown ||| bigint")]
    public async Task An_override_the_column_cannot_take_is_a_configuration_error_at_its_line(string entry, string expected)
    {
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync($"seed:\n  rows: {{ customers: 10, orders: 10, order_items: 0 }}\n  columns:\n    {entry}\n");

        Assert.Equal(expected, await fixture.SeedErrorAsync(Schemas.Shop, options));
    }

    [Theory]
    [InlineData("customers.email: { sql: \"(10 / (n - 3))::text\" }", "dbgate.yml:3:24: seed.columns.customers.email: sql: division by zero")]
    [InlineData("customers.deleted_at: { sql: \"now()\" }\n    customers.email: { sql: \"(10 / (n - 3))::text\" }", "dbgate.yml:4:24: seed.columns.customers.email: sql: division by zero")]
    [InlineData("customers.email: { sql: \"(10 / (n - 3))::text\" }\n    customers.deleted_at: { sql: \"now()\" }", "dbgate.yml:3:24: seed.columns.customers.email: sql: division by zero")]
    [InlineData("customers.email: { sql: \"NULL\" }", "dbgate.yml:3:24: seed: customers.email: column email got NULL")]
    [InlineData("customers.email: { sql: \"'same'\" }", "dbgate.yml:3:24: seed: customers.email: generated rows repeat a key of customers_email_key")]
    public async Task An_sql_expression_that_fails_on_a_row_is_a_configuration_error_at_its_entry_not_at_the_seed_section(string entries, string expected)
    {
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync($"seed:\n  columns:\n    {entries}\n");

        Assert.StartsWith(expected, await fixture.SeedErrorAsync(Schemas.Shop, options), StringComparison.Ordinal);
    }
}
