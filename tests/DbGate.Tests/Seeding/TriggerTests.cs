using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>
/// Tables whose triggers write elsewhere, or refuse direct inserts: generated rows load with the tables' own triggers
/// off, so an audit table filled by a trigger holds its generated rows once, and the triggers end as they were.
/// The team's seed.sql runs with them on, and what its triggers fill is not generated again.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class TriggerTests(PostgresFixture fixture)
{
    private const string Audited = """
        CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
        CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), total numeric(10, 2) NOT NULL);
        CREATE TABLE order_audit (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          order_id bigint NOT NULL REFERENCES orders (id),
          at timestamptz NOT NULL DEFAULT now()
        );
        CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO order_audit (order_id) VALUES (NEW.id); RETURN NEW; END $$;
        CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();
        CREATE FUNCTION no_direct_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'customers are created through create_customer()'; END $$;
        CREATE TRIGGER customers_guard BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION no_direct_insert();
        CREATE TRIGGER orders_always AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();
        ALTER TABLE orders ENABLE ALWAYS TRIGGER orders_always;
        CREATE TRIGGER orders_off AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();
        ALTER TABLE orders DISABLE TRIGGER orders_off;
        """;

    private const string Triggers = "SELECT string_agg(tgname || '=' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger WHERE NOT tgisinternal";

    [Fact]
    public async Task A_table_a_trigger_fills_holds_its_generated_rows_once_and_a_refusing_trigger_does_not_fail_the_seed()
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync(Audited);
        var before = await database.ScalarAsync<string>(Triggers);

        var result = await database.SeedAsync(new SeedOptions { Seed = 4 }.Rows(("customers", 20), ("orders", 500), ("order_audit", 30)));

        Assert.Equal(30L, await database.ScalarAsync<long>("SELECT count(*) FROM order_audit"));
        Assert.Equal(500L, await database.ScalarAsync<long>("SELECT count(*) FROM orders"));
        Assert.Equal(550L, result.Tables.Sum(t => t.Rows));
        Assert.Equal("customers_guard=O,orders_always=A,orders_audit=O,orders_off=D", before);
        Assert.Equal(before, await database.ScalarAsync<string>(Triggers));
        // Restored, not only listed: the trigger fires again on the next insert.
        await database.ExecuteAsync("INSERT INTO orders (id, customer_id, total) SELECT 1000000, min(id), 1 FROM customers");
        Assert.Equal(31L, await database.ScalarAsync<long>("SELECT count(*) FROM order_audit"));
    }

    [Fact]
    public async Task Seed_sql_runs_with_the_triggers_on_and_the_table_they_fill_is_not_generated_again()
    {
        using var folder = new TempFolder();
        folder.Write("seeds/orders.sql", """
            ALTER TABLE customers DISABLE TRIGGER customers_guard;
            INSERT INTO customers (id, email) VALUES (1, 'a@example.com');
            ALTER TABLE customers ENABLE TRIGGER customers_guard;
            INSERT INTO orders (id, customer_id, total) VALUES (1, 1, 10), (2, 1, 20), (3, 1, 30);
            """);
        var options = await folder.OptionsAsync("seed:\n  seed: 4\n  rows: { order_audit: 30 }\n  sql: [seeds/orders.sql]\n");
        var (database, result) = await fixture.SeedAsync(Audited, options);
        await using var _ = database;

        Assert.Equal([1L, 2L, 3L], await database.ColumnAsync<long>("SELECT order_id FROM order_audit ORDER BY order_id"));
        Assert.Contains(result.Tables, t => t is { Name: "order_audit", Source: SeedSource.Existing, Rows: 3 });
    }

    [Fact]
    public async Task With_triggers_the_same_seed_gives_the_same_rows()
    {
        var options = new SeedOptions { Seed = 9 }.Rows(("customers", 10), ("orders", 200), ("order_audit", 50));
        var (first, _) = await fixture.SeedAsync(Audited, options);
        await using var one = first;
        var (second, _) = await fixture.SeedAsync(Audited, options);
        await using var two = second;

        Assert.Equal(await one.ChecksumAsync("order_audit"), await two.ChecksumAsync("order_audit"));
        Assert.Equal(await one.ChecksumAsync("orders"), await two.ChecksumAsync("orders"));
    }
}
