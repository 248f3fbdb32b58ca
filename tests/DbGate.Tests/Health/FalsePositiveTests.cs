using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Health;

/// <summary>Cases where a rule reading catalog rows alone would report, and DbGate asks the server instead (found on crates.io).</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class FalsePositiveTests(PostgresFixture server)
{
    [Fact]
    public async Task Of_two_sql_functions_in_indexes_only_the_one_failing_with_an_empty_search_path_is_reported_and_a_time_column_is_not()
    {
        using var project = new HealthProject();
        project.Migration(
            "CREATE FUNCTION canon_name(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT replace(lower($1), '-', '_') $$;\n"
            + "CREATE TABLE packages (id bigint PRIMARY KEY, name text NOT NULL, time timestamptz NOT NULL);\n"
            + "CREATE UNIQUE INDEX packages_canon_name ON packages (canon_name(name));\n",
            "DROP TABLE packages; DROP FUNCTION canon_name(text);");
        project.Migration(
            "CREATE TABLE aliases (name text PRIMARY KEY, canonical text NOT NULL);\n"
            + "CREATE FUNCTION alias_of(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT canonical FROM aliases WHERE name = $1 $$;\n"
            + "CREATE INDEX packages_alias ON packages (alias_of(name));\n",
            "DROP INDEX packages_alias; DROP FUNCTION alias_of(text); DROP TABLE aliases;");

        var result = await project.RunAsync(server);

        Assert.Equal(["DBG230 routine public.alias_of(text)"], result.Health());
    }
}
