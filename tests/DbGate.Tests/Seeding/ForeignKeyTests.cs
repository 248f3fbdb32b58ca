using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

[Collection(PostgresServerGroup.Name)]
public sealed class ForeignKeyTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Every_foreign_key_points_at_a_parent_row_and_every_table_is_filled_in_order()
    {
        var (database, result) = await fixture.SeedAsync(Schemas.Shop, new SeedOptions().Rows(("customers", 50), ("orders", 200), ("order_items", 600)));
        await using var _ = database;

        Assert.Equal(["public.customers", "public.orders", "public.order_items"], result.Tables.Where(t => t.Source == SeedSource.Generated).Select(t => $"{t.Schema}.{t.Name}"));
        Assert.Equal(600L, await database.ScalarAsync<long>("SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id"));
        Assert.Equal(200L, await database.ScalarAsync<long>("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id"));
        // Children spread over their parents, not all on the first one.
        Assert.True(await database.ScalarAsync<long>("SELECT count(DISTINCT customer_id) FROM orders") > 40);
    }

    [Fact]
    public async Task A_cycle_through_a_nullable_key_is_loaded_as_null_and_then_updated()
    {
        // teams.lead_id → people (serial ids) and people.team_id → teams (identity ids): the server assigns both keys.
        var (database, _) = await fixture.SeedAsync(Schemas.Rich, new SeedOptions().Rows(("teams", 30), ("people", 200), ("memberships", 60)));
        await using var __ = database;

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM teams WHERE lead_id IS NULL"));
        Assert.Equal(30L, await database.ScalarAsync<long>("SELECT count(*) FROM teams t JOIN people p ON p.id = t.lead_id"));
    }

    [Fact]
    public async Task A_self_reference_forms_a_tree_of_earlier_rows()
    {
        var (database, _) = await fixture.SeedAsync(Schemas.Rich, new SeedOptions().Rows(("teams", 10), ("people", 300), ("memberships", 10)));
        await using var __ = database;

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM people WHERE manager_id IS NULL"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM people WHERE manager_id >= id"));
    }

    [Fact]
    public async Task A_not_null_self_reference_with_generated_keys_points_the_first_row_at_itself()
    {
        const string schema = "CREATE TABLE nodes (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES nodes);";
        var (database, _) = await fixture.SeedAsync(schema, new SeedOptions().Rows(("nodes", 100)));
        await using var __ = database;

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM nodes WHERE parent_id = id"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nodes WHERE parent_id > id"));
    }

    [Fact]
    public async Task A_not_null_cycle_with_keys_computed_here_loads_whole()
    {
        // Both keys NOT NULL: the generator knows both tables' keys, so the constraints are checked after loading.
        const string schema = """
            CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
            CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a);
            ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b;
            """;
        var (database, _) = await fixture.SeedAsync(schema, new SeedOptions().Rows(("a", 100), ("b", 80)));
        await using var __ = database;

        Assert.Equal(100L, await database.ScalarAsync<long>("SELECT count(*) FROM a JOIN b ON b.id = a.b_id"));
        Assert.Equal(80L, await database.ScalarAsync<long>("SELECT count(*) FROM b JOIN a ON a.id = b.a_id"));
    }

    [Fact]
    public async Task A_not_null_cycle_whose_keys_the_server_assigns_is_a_configuration_error_naming_the_key()
    {
        const string schema = """
            CREATE TABLE a (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b_id int NOT NULL);
            CREATE TABLE b (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, a_id int NOT NULL REFERENCES a);
            ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b;
            """;
        var message = await fixture.SeedErrorAsync(schema, new SeedOptions());

        Assert.Equal("seed: a(b_id): foreign key a_b_fk is part of a cycle of NOT NULL references to public.b, whose keys the server assigns; make it DEFERRABLE or nullable, or give the key column values with sql:", message);
    }

    [Fact]
    public async Task Zipf_puts_most_children_on_few_parents()
    {
        var options = new SeedOptions
        {
            Columns = [new ColumnOverride("orders.customer_id") { Distribution = SeedDistribution.Zipf, Skew = 1.2 }],
        }.Rows(("customers", 1000), ("orders", 5000), ("order_items", 0));
        var (database, _) = await fixture.SeedAsync(Schemas.Shop, options);
        await using var __ = database;

        // Uniformly, the busiest 10 customers would hold about 1 % of the orders; with s = 1.2 they hold about half.
        var top = await database.ScalarAsync<long>("SELECT sum(n)::bigint FROM (SELECT count(*) n FROM orders GROUP BY customer_id ORDER BY 1 DESC LIMIT 10) x");
        Assert.InRange(top, 1500, 4000);
        // The hottest customer is not simply the first.
        Assert.NotEqual(1L, await database.ScalarAsync<long>("SELECT customer_id FROM orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
    }

    [Fact]
    public async Task Rows_of_a_table_that_gets_none_leave_nullable_references_null_and_not_null_ones_an_error()
    {
        var (database, _) = await fixture.SeedAsync(Schemas.Rich, new SeedOptions().Rows(("people", 0), ("memberships", 0)));
        await using var __ = database;
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(lead_id) FROM teams"));

        var message = await fixture.SeedErrorAsync(Schemas.Shop, new SeedOptions().Rows(("customers", 0)));
        Assert.Equal("seed: orders.customer_id: foreign key orders_customer_id_fkey references public.customers, which gets no rows; give it rows or let the column be NULL", message);
    }
}
