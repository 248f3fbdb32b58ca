using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

[Collection(PostgresServerGroup.Name)]
public sealed class UniqueKeyTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Primary_keys_are_numbered_from_one_and_unique_columns_never_repeat()
    {
        var (database, _) = await fixture.SeedAsync(Schemas.Shop, new SeedOptions().Rows(("customers", 3000), ("orders", 0), ("order_items", 0)));
        await using var _ = database;

        Assert.Equal("1 3000 3000", await database.ScalarAsync<string>("SELECT min(id) || ' ' || max(id) || ' ' || count(DISTINCT id) FROM customers"));
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(DISTINCT email) FROM customers"));
        Assert.Equal(3000L, await database.ScalarAsync<long>("SELECT count(*) FROM customers WHERE email LIKE '%@example.com'"));
    }

    [Fact]
    public async Task A_composite_key_holds_when_no_column_of_it_is_unique_alone()
    {
        // order_items (order_id, line): 200 orders × lines 1..50 hold the 5000 rows only together.
        var (database, _) = await fixture.SeedAsync(Schemas.Shop, new SeedOptions().Rows(("customers", 20), ("orders", 200), ("order_items", 5000)));
        await using var _ = database;

        Assert.Equal(5000L, await database.ScalarAsync<long>("SELECT count(DISTINCT (order_id, line)) FROM order_items"));
        Assert.Equal("1 50", await database.ScalarAsync<string>("SELECT min(line) || ' ' || max(line) FROM order_items"));
    }

    [Fact]
    public async Task A_partial_unique_index_holds_when_the_rows_outnumber_its_keys()
    {
        // One owner per team, 400 memberships over 40 teams: only as many owners as teams, the rest are members.
        var (database, _) = await fixture.SeedAsync(Schemas.Rich, new SeedOptions().Rows(("teams", 40), ("people", 500), ("memberships", 400)));
        await using var _ = database;

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM (SELECT team_id FROM memberships WHERE role = 'owner' GROUP BY 1 HAVING count(*) > 1) x"));
        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM memberships WHERE role = 'owner'"), 10, 40);
        Assert.Equal(400L, await database.ScalarAsync<long>("SELECT count(DISTINCT (person_id, team_id)) FROM memberships"));
    }

    [Fact]
    public async Task A_partial_unique_index_on_rows_not_deleted_confines_the_nulls()
    {
        const string schema = """
            CREATE TABLE accounts (id int PRIMARY KEY, plan text NOT NULL CHECK (plan IN ('free', 'pro')), deleted_at date);
            CREATE UNIQUE INDEX one_live_account_per_plan ON accounts (plan) WHERE deleted_at IS NULL;
            """;
        var options = new SeedOptions { Columns = [new ColumnOverride("accounts.deleted_at") { NullFraction = 0.5 }] }.Rows(("accounts", 500));
        var (database, _) = await fixture.SeedAsync(schema, options);
        await using var _ = database;

        Assert.InRange(await database.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE deleted_at IS NULL"), 0, 2);
    }

    [Fact]
    public async Task A_unique_expression_index_holds()
    {
        const string schema = "CREATE TABLE users (id int PRIMARY KEY, login varchar(6) NOT NULL); CREATE UNIQUE INDEX ON users (lower(login));";
        var (database, _) = await fixture.SeedAsync(schema, new SeedOptions().Rows(("users", 20000)));
        await using var _ = database;

        Assert.Equal(20000L, await database.ScalarAsync<long>("SELECT count(DISTINCT lower(login)) FROM users"));
    }
}
