using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>
/// The seed section exactly as issue 18 writes it, from a dbgate.yml through OptionsResolver to the rows, on a schema
/// with what makes seeding hard: a table seed.sql fills, identity and generated columns, a cycle, composite and
/// partial unique keys, and a table big enough for the bulk load. Same seed, same rows, in two databases.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class SeedContractTests(PostgresFixture fixture)
{
    private const string Schema = """
        CREATE TYPE plan AS ENUM ('free', 'pro', 'team');
        CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL);
        CREATE TABLE customers (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            email text NOT NULL UNIQUE,
            country char(2) NOT NULL REFERENCES countries,
            plan plan NOT NULL,
            deleted_at timestamptz,
            email_domain text GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED
        );
        CREATE UNIQUE INDEX customers_live_email ON customers (lower(email)) WHERE deleted_at IS NULL;
        CREATE TABLE orders (
            id bigint PRIMARY KEY,
            customer_id bigint NOT NULL REFERENCES customers,
            status text NOT NULL,
            placed_at timestamptz NOT NULL,
            line_no int NOT NULL CHECK (line_no BETWEEN 1 AND 500),
            UNIQUE (customer_id, line_no)
        );
        ALTER TABLE customers ADD COLUMN first_order_id bigint REFERENCES orders;
        """;

    private const string Yaml = """
        seed:
          seed: 42
          default_rows: 60
          rows: { orders: 12000 }
          columns:
            orders.status: { values: [pending, paid, shipped], weights: [1, 8, 1] }
            orders.customer_id: { distribution: zipf, skew: 1.1 }
            customers.deleted_at: { null_fraction: 0.5 }
            orders.placed_at: { min: 2020-01-01, max: 2025-12-31 }
            customers.email: { sql: "'user' || n || '@example.com'" }
          sql: [seeds/reference.sql]
        """;

    private static readonly string[] Tables = ["countries", "customers", "orders"];

    [Fact]
    public async Task Every_key_of_the_contract_works_from_dbgate_yml_and_the_schemas_constraints_hold()
    {
        var (database, result) = await SeedAsync(Yaml);
        await using var _ = database;

        Assert.Equal(["countries Existing 3", "customers Generated 60", "orders Generated 12000"],
            result.Tables.Select(t => $"{t.Name} {t.Source} {t.Rows}").Order(StringComparer.Ordinal));
        Assert.Equal(42, result.Seed);
        Assert.Equal("de fr jp", await database.ScalarAsync<string>("SELECT string_agg(code, ' ' ORDER BY code) FROM countries"));
        // Identity and generated columns are the server's; the sql expression numbers rows from 1.
        Assert.Equal("1 60 60", await database.ScalarAsync<string>("SELECT min(id) || ' ' || max(id) || ' ' || count(DISTINCT email) FROM customers"));
        Assert.Equal(60L, await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE email ~ '^user[0-9]+@example\\.com$' AND email_domain = 'example.com'"));
        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE deleted_at IS NULL"), 18, 42);
        // The cycle customers → orders was loaded as NULL and set afterwards; the foreign key is back and holds.
        Assert.True(await database.ScalarAsync<long>("SELECT count(first_order_id) FROM customers") > 0);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'customers'::regclass"));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conname = 'orders_customer_id_line_no_key' AND contype = 'u'"));
        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM orders WHERE status = 'paid'"), 9000, 10200);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM orders WHERE placed_at < '2020-01-01' OR placed_at > '2025-12-31'"));
        // 60 customers × 500 line numbers hold 12 000 distinct pairs only when spread evenly: Zipf yields, and says so.
        Assert.Equal(["orders(customer_id): unique key orders_customer_id_line_no_key spreads its combinations evenly, so its weights or Zipf skew are not applied"], result.Warnings);
        Assert.InRange(await database.ScalarAsync<long>("SELECT max(n) FROM (SELECT count(*) n FROM orders GROUP BY customer_id) x"), 200, 500);
    }

    [Fact]
    public async Task The_same_dbgate_yml_gives_the_same_rows_in_two_databases_and_another_seed_other_rows()
    {
        var (first, firstResult) = await SeedAsync(Yaml);
        var (second, secondResult) = await SeedAsync(Yaml);
        var (other, otherResult) = await SeedAsync(Yaml.Replace("seed: 42", "seed: 43", StringComparison.Ordinal));
        await using var _ = first;
        await using var __ = second;
        await using var ___ = other;

        foreach (var table in Tables)
            Assert.Equal(await first.ChecksumAsync(table), await second.ChecksumAsync(table));
        Assert.Equal(firstResult.Fingerprint, secondResult.Fingerprint);
        Assert.NotEqual(await first.ChecksumAsync("orders"), await other.ChecksumAsync("orders"));
        Assert.NotEqual(await first.ChecksumAsync("customers"), await other.ChecksumAsync("customers"));
        Assert.NotEqual(firstResult.Fingerprint, otherResult.Fingerprint);
    }

    private async Task<(TestDatabase Database, SeedResult Result)> SeedAsync(string yaml)
    {
        using var folder = new TempFolder();
        folder.Write("seeds/reference.sql", "INSERT INTO countries VALUES ('de', 'Germany'), ('fr', 'France'), ('jp', 'Japan');\n");
        var options = await folder.OptionsAsync(yaml);
        return await fixture.SeedAsync(Schema, options);
    }
}
