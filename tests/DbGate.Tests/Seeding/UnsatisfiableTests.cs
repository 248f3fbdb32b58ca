using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Seeding;

/// <summary>Requests no data can meet are configuration errors naming the table, the column and the dbgate.yml line.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class UnsatisfiableTests(PostgresFixture fixture)
{
    private const string Schema = """
        CREATE TYPE traffic_light AS ENUM ('red', 'amber', 'green');
        CREATE TABLE flags (id int PRIMARY KEY, on_off boolean NOT NULL UNIQUE);
        CREATE TABLE lights (id int PRIMARY KEY, colour traffic_light NOT NULL UNIQUE);
        CREATE TABLE dice (id int PRIMARY KEY, face int NOT NULL UNIQUE CHECK (face BETWEEN 1 AND 10));
        CREATE TABLE pairs (a boolean NOT NULL, b traffic_light NOT NULL, UNIQUE (a, b));
        CREATE DOMAIN grade AS int CHECK (VALUE BETWEEN 1 AND 5);
        CREATE TABLE grades (id int PRIMARY KEY, grade grade NOT NULL UNIQUE);
        """;

    [Theory]
    [InlineData("rows: { flags: 1000 }", "dbgate.yml:2:11: seed: flags.on_off: unique key flags_on_off_key needs 1000 distinct values, but the columns hold at most 2 (boolean)")]
    [InlineData("rows: { lights: 1000 }", "dbgate.yml:2:11: seed: lights.colour: unique key lights_colour_key needs 1000 distinct values, but the columns hold at most 3 (enum public.traffic_light (3 labels))")]
    [InlineData("rows: { dice: 1000 }", "dbgate.yml:2:11: seed: dice.face: unique key dice_face_key needs 1000 distinct values, but the columns hold at most 10 (integer)")]
    [InlineData("rows: { pairs: 7 }", "dbgate.yml:2:11: seed: pairs.a, pairs.b: unique key pairs_a_b_key needs 7 distinct values, but the columns hold at most 2 (boolean) × 3 (enum public.traffic_light (3 labels))")]
    [InlineData("rows: { grades: 6 }", "dbgate.yml:2:11: seed: grades.grade: unique key grades_grade_key needs 6 distinct values, but the columns hold at most 5 (integer)")]
    [InlineData("rows: { flagz: 10 }", "dbgate.yml:2:11: seed.rows.flagz: table 'flagz' does not exist (did you mean 'flags'?)")]
    [InlineData("columns:\n    dice.fase: { min: 1 }", "dbgate.yml:3:5: seed.columns.dice.fase: table dice has no column 'fase' (did you mean 'face'?)")]
    [InlineData("columns:\n    nowhere.face: { min: 1 }", "dbgate.yml:3:5: seed.columns.nowhere.face: table 'nowhere' does not exist")]
    [InlineData("default_rows: 20", "dbgate.yml:2:3: seed: dice.face: unique key dice_face_key needs 20 distinct values, but the columns hold at most 10 (integer)")]
    public async Task An_impossible_request_is_one_line_at_the_dbgate_yml_entry_that_asked(string entry, string expected)
    {
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync($"seed:\n  {entry}\n");

        Assert.Equal(expected, await fixture.SeedErrorAsync(Schema, options with { DefaultRows = entry.StartsWith("default", StringComparison.Ordinal) ? options.DefaultRows : 2 }));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(12_000)]
    public async Task A_unique_key_the_rows_break_is_one_line_naming_the_table_and_column_loaded_row_by_row_or_in_bulk(long rows)
    {
        // The generator cannot see that x % 10 holds ten values: the server's refusal is the error.
        const string schema = "CREATE TABLE t (id int PRIMARY KEY, x int NOT NULL); CREATE UNIQUE INDEX t_x_mod ON t ((x % 10));";
        using var folder = new TempFolder();
        var options = await folder.OptionsAsync($"seed:\n  rows: {{ t: {rows} }}\n");

        var message = await fixture.SeedErrorAsync(schema, options);

        Assert.StartsWith("dbgate.yml:2:11: seed: t.x: generated rows repeat a key of t_x_mod", message, StringComparison.Ordinal);
        Assert.DoesNotContain("redacted", message, StringComparison.Ordinal);
        Assert.EndsWith("give the column values or sql in seed.columns", message, StringComparison.Ordinal);
    }
}
