using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>CHECKs are read from the server (pg_get_constraintdef), their constants evaluated by the server.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CheckConstraintTests(PostgresFixture fixture)
{
    private const string Schema = """
        CREATE TYPE size AS ENUM ('xs', 's', 'm', 'l', 'xl');
        CREATE DOMAIN percent AS numeric(5,2) CHECK (VALUE BETWEEN 0 AND 100);
        CREATE TABLE items (
            id int PRIMARY KEY,
            quantity int NOT NULL CHECK (quantity BETWEEN 3 AND 7),
            price numeric(8,2) NOT NULL CHECK (price > 0.5 AND price < 2),
            discount percent NOT NULL,
            temperature int CHECK (temperature > -40) CHECK (temperature <= -10 OR temperature IS NULL),
            status text NOT NULL CHECK (status IN ('new', 'used', 'it''s complicated')),
            not_three int NOT NULL CHECK (not_three NOT IN (3) AND not_three >= 1 AND not_three <= 4),
            code varchar(10) NOT NULL CHECK (length(code) >= 8),
            short text NOT NULL CHECK (char_length(short) <= 2),
            size size NOT NULL CHECK (size <> 'xl' AND size <> 'xs'),
            made date NOT NULL CHECK (made >= '2023-03-01' AND made < '2023-04-01'),
            at timestamptz NOT NULL CHECK (at > '2030-01-01 00:00:00+00'),
            priority smallint NOT NULL CHECK (0 < priority)
        );
        """;

    [Fact]
    public async Task Every_row_satisfies_ranges_in_lists_lengths_enum_exclusions_and_domain_checks()
    {
        var (database, _) = await fixture.SeedAsync(Schema, new SeedOptions().Rows(("items", 2000)));
        await using var _ = database;

        // The load succeeding proves the server accepted every row; these show the whole allowed range is used.
        Assert.Equal("3 7", await database.ScalarAsync<string>("SELECT min(quantity) || ' ' || max(quantity) FROM items"));
        Assert.Equal("0.51 1.99", await database.ScalarAsync<string>("SELECT min(price) || ' ' || max(price) FROM items"));
        Assert.Equal("-39 -10", await database.ScalarAsync<string>("SELECT min(temperature) || ' ' || max(temperature) FROM items"));
        Assert.Equal(["it's complicated", "new", "used"], await database.ColumnAsync<string>("SELECT DISTINCT status FROM items ORDER BY 1"));
        Assert.Equal([1, 2, 4], await database.ColumnAsync<int>("SELECT DISTINCT not_three FROM items ORDER BY 1"));
        Assert.Equal(["s", "m", "l"], await database.ColumnAsync<string>("SELECT size::text AS label FROM items GROUP BY size ORDER BY size"));
        Assert.Equal("8 10", await database.ScalarAsync<string>("SELECT min(length(code)) || ' ' || max(length(code)) FROM items"));
        Assert.Equal(2, await database.ScalarAsync<int>("SELECT max(char_length(short)) FROM items"));
        Assert.Equal("2023-03-01 2023-03-31", await database.ScalarAsync<string>("SELECT min(made) || ' ' || max(made) FROM items"));
        Assert.True(await database.ScalarAsync<bool>("SELECT min(at) > '2030-01-01' AND max(discount) <= 100 AND min(priority) = 1 FROM items"));
    }

    [Fact]
    public async Task A_check_whose_bounds_leave_no_value_is_a_configuration_error_naming_the_column_and_check()
    {
        var message = await fixture.SeedErrorAsync("CREATE TABLE t (x int CONSTRAINT x_window CHECK (x > 10 AND x < 5));", new SeedOptions());

        Assert.Equal("seed: t.x: the CHECK bounds (and min/max) leave no value (CHECK x_window)", message);
    }

    [Fact]
    public async Task A_check_the_generated_rows_break_is_a_configuration_error_with_the_way_out()
    {
        const string schema = "CREATE TABLE t (x int NOT NULL CONSTRAINT x_even CHECK (x % 2 = 0));";

        var message = await fixture.SeedErrorAsync(schema, new SeedOptions());

        Assert.StartsWith("seed: t.x: generated rows violate CHECK x_even CHECK (((x % 2) = 0))", message, StringComparison.Ordinal);
        Assert.EndsWith("give the column values or sql in seed.columns", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comparison_between_two_columns_keeps_the_order()
    {
        const string schema = """
            CREATE TABLE bookings (
                id int PRIMARY KEY,
                starts_at timestamptz NOT NULL,
                ends_at timestamptz NOT NULL,
                low int NOT NULL CHECK (low >= 0),
                high int NOT NULL CHECK (high <= 2000),
                CHECK (ends_at > starts_at),
                CHECK (low <= high)
            );
            """;
        var (database, _) = await fixture.SeedAsync(schema, new SeedOptions().Rows(("bookings", 1000)));
        await using var _ = database;

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM bookings WHERE ends_at <= starts_at OR low > high"));
    }
}
