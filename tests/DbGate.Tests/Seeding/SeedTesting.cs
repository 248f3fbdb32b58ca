using DbGate.Core.Configuration;
using DbGate.Core.Seeding;
using DbGate.Tests.Infrastructure;
using Npgsql;

namespace DbGate.Tests.Seeding;

internal static class SeedTesting
{
    /// <summary>A fresh database with <paramref name="schema"/>, seeded with <paramref name="options"/>; the caller disposes it.</summary>
    public static async Task<(TestDatabase Database, SeedResult Result)> SeedAsync(this PostgresFixture fixture, string schema, SeedOptions options)
    {
        var database = await fixture.CreateDatabaseAsync();
        try
        {
            await database.ExecuteAsync(schema);
            return (database, await database.SeedAsync(options));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public static async Task<SeedResult> SeedAsync(this TestDatabase database, SeedOptions options)
    {
        await using var connection = await database.OpenAsync();
        return await Seeder.SeedAsync(connection, options, CancellationToken.None);
    }

    /// <summary>The configuration error seeding <paramref name="schema"/> gives, as the one line users see.</summary>
    public static async Task<string> SeedErrorAsync(this PostgresFixture fixture, string schema, SeedOptions options)
    {
        await using var database = await fixture.CreateDatabaseAsync();
        await database.ExecuteAsync(schema);
        var error = await Assert.ThrowsAsync<ConfigurationException>(() => database.SeedAsync(options));
        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    /// <summary>The seed options a dbgate.yml holding <paramref name="yaml"/> resolves to (files beside it as given).</summary>
    public static async Task<SeedOptions> OptionsAsync(this TempFolder folder, string yaml)
    {
        folder.Write("dbgate.yml", yaml);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(folder.Path), folder.Path, CancellationToken.None);
        return options.Seed;
    }

    public static async Task<T> ScalarAsync<T>(this TestDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<List<T>> ColumnAsync<T>(this TestDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
            values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    /// <summary>md5 over every row's text, in order: equal exactly when the tables hold the same rows.</summary>
    public static Task<string> ChecksumAsync(this TestDatabase database, string table, string columns = "t::text") =>
        database.ScalarAsync<string>($"SELECT md5(coalesce(string_agg({columns}, E'\\n' ORDER BY {columns}), '')) FROM {table} t");

    public static SeedOptions Rows(this SeedOptions options, params (string Table, long Rows)[] rows) =>
        options with { Rows = [.. rows.Select(r => new TableRowCount(r.Table, r.Rows))] };
}
