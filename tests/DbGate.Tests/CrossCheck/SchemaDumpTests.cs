namespace DbGate.Tests.CrossCheck;

/// <summary>The dump normalisation on text shaped like pg_dump's, without a server.</summary>
public sealed class SchemaDumpTests
{
    private const string Preamble = """
        --
        -- PostgreSQL database dump
        --

        \restrict KEY

        SET statement_timeout = 0;
        SELECT pg_catalog.set_config('search_path', '', false);
        SET check_function_bodies = false;

        """;

    private static SchemaDump Dump(string body, string key = "abc") =>
        SchemaDump.Parse(Preamble.Replace("KEY", key, StringComparison.Ordinal) + body + $"\n--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict {key}\n");

    [Fact]
    public void Comments_meta_commands_and_session_settings_are_not_statements()
    {
        var dump = Dump("SET default_tablespace = '';\n\n--\n-- Name: t; Type: TABLE; Schema: public; Owner: -\n--\n\nCREATE TABLE public.t (\n    id integer\n);\n");

        Assert.Equal(["CREATE TABLE public.t (\n    id integer\n);"], dump.Statements);
    }

    [Fact]
    public void Random_restrict_keys_do_not_make_dumps_differ() =>
        Assert.True(Dump("CREATE SCHEMA s;", "one").Compare(Dump("CREATE SCHEMA s;", "two")).Equal);

    [Fact]
    public void Semicolons_and_dashes_inside_bodies_strings_and_identifiers_do_not_split()
    {
        const string function = "CREATE FUNCTION public.f() RETURNS integer\n    LANGUAGE plpgsql\n    AS $_$\n-- a comment; inside\nBEGIN RETURN 1; END\n$_$;";
        const string view = "CREATE VIEW public.\"v;--\" AS\n SELECT ';--'::text AS x, E'\\';'::text AS y;";

        Assert.Equal([function, view], Dump(function + "\n\n" + view + "\n").Statements);
    }

    [Fact]
    public void The_same_statements_in_another_order_are_the_same_schema() =>
        Assert.True(Dump("CREATE SCHEMA a;\nCREATE SCHEMA b;\n").Compare(Dump("CREATE SCHEMA b;\nCREATE SCHEMA a;\n")).Equal);

    [Fact]
    public void A_table_with_its_columns_in_another_order_differs_only_by_column_order()
    {
        var comparison = Dump("CREATE TABLE public.t (\n    id integer,\n    a text\n);").Compare(Dump("CREATE TABLE public.t (\n    a text,\n    id integer\n);"));

        Assert.False(comparison.Equal);
        Assert.True(comparison.OnlyColumnOrder);
        Assert.Equal("~ CREATE TABLE public.t (: same lines in another order", comparison.Summary);
    }

    [Fact]
    public void A_changed_column_is_more_than_column_order()
    {
        var comparison = Dump("CREATE TABLE public.t (\n    id integer,\n    a text\n);").Compare(Dump("CREATE TABLE public.t (\n    a text NOT NULL,\n    id integer\n);"));

        Assert.False(comparison.OnlyColumnOrder);
        Assert.Equal("~ CREATE TABLE public.t (: -a text, +a text NOT NULL", comparison.Summary);
    }

    [Fact]
    public void A_statement_left_behind_is_reported_as_unexpected()
    {
        var comparison = Dump("CREATE SCHEMA a;").Compare(Dump("CREATE SCHEMA a;\nCREATE INDEX i ON public.t USING btree (a);"));

        Assert.Empty(comparison.Missing);
        Assert.Equal("+ CREATE INDEX i ON public.t USING btree (a);", comparison.Summary);
    }
}
