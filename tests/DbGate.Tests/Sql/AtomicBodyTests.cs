namespace DbGate.Tests.Sql;

public sealed class AtomicBodyTests
{
    [Fact]
    public void Semicolons_inside_begin_atomic_body_do_not_split()
    {
        const string Function = """
            CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              INSERT INTO calls DEFAULT VALUES;
              SELECT i + 1;
            END
            """;
        Assert.Equal([Function, "SELECT add_one(1)"], Splits.Texts(Function + ";\nSELECT add_one(1);"));
    }

    [Theory]
    [InlineData("CREATE FUNCTION")]
    [InlineData("create or replace function")]
    [InlineData("CREATE PROCEDURE")]
    [InlineData("Create Or Replace Procedure")]
    public void Every_routine_header_form_enables_body_tracking(string header)
    {
        var routine = header + " r() LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
        Assert.Equal([routine, "SELECT 3"], Splits.Texts(routine + "; SELECT 3"));
    }

    [Fact]
    public void Case_end_inside_an_atomic_body_does_not_close_the_body()
    {
        const string Procedure = """
            CREATE OR REPLACE PROCEDURE classify(n int) LANGUAGE sql
            BEGIN ATOMIC
              INSERT INTO labels SELECT CASE WHEN n > 0 THEN 'positive' ELSE CASE WHEN n < 0 THEN 'negative' ELSE 'zero' END END;
              DELETE FROM labels WHERE label IS NULL;
            END
            """;
        Assert.Equal([Procedure, "CALL classify(1)"], Splits.Texts(Procedure + ";\nCALL classify(1);"));
    }

    [Fact]
    public void Case_inside_parentheses_is_not_counted_in_an_atomic_body()
    {
        const string Function = """
            create function sign_of(n int) returns text language sql
            begin atomic
              select (case when n > 0 then '+' else '-' end);
            end
            """;
        Assert.Equal([Function, "select 1"], Splits.Texts(Function + ";select 1"));
    }

    [Fact]
    public void Begin_outside_a_routine_definition_is_a_statement_of_its_own()
    {
        Assert.Equal(["BEGIN", "SELECT CASE WHEN true THEN 1 END", "END"], Splits.Texts("BEGIN; SELECT CASE WHEN true THEN 1 END; END;"));
    }

    [Fact]
    public void Begin_inside_a_dollar_quoted_body_is_not_tracked()
    {
        const string Function = "CREATE FUNCTION f() RETURNS void AS $$ BEGIN PERFORM 1; END $$ LANGUAGE plpgsql";
        Assert.Equal([Function, "SELECT 1"], Splits.Texts(Function + "; SELECT 1;"));
    }

    [Fact]
    public void Begin_inside_the_parameter_list_is_not_tracked()
    {
        const string Function = "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN 1";
        Assert.Equal([Function, "SELECT 1"], Splits.Texts(Function + "; SELECT 1;"));
    }

    [Fact]
    public void Tracking_restarts_with_each_statement()
    {
        const string Function = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 1; END";
        Assert.Equal([Function, "SELECT 1", "BEGIN", "COMMIT"], Splits.Texts(Function + "; SELECT 1; BEGIN; COMMIT;"));
    }

    [Fact]
    public void Create_table_is_not_a_routine_definition()
    {
        Assert.Equal(["CREATE TABLE begin_end (x int)", "BEGIN"], Splits.Texts("CREATE TABLE begin_end (x int); BEGIN;"));
    }
}
