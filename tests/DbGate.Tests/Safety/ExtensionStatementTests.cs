using DbGate.Core.Execution.Privileges;

namespace DbGate.Tests.Safety;

public sealed class ExtensionStatementTests
{
    [Theory]
    [InlineData("CREATE EXTENSION pg_buffercache", "SELECT dbgate_privileged.create_extension('pg_buffercache', false, NULL, current_schema(), NULL, false)")]
    [InlineData("create extension if not exists \"uuid-ossp\" with schema ext version '1.1' cascade", "SELECT dbgate_privileged.create_extension('uuid-ossp', true, 'ext', current_schema(), '1.1', true)")]
    [InlineData("CREATE EXTENSION Postgis CASCADE SCHEMA \"Geo\"", "SELECT dbgate_privileged.create_extension('postgis', false, 'Geo', current_schema(), NULL, true)")]
    [InlineData("ALTER EXTENSION pgstattuple UPDATE TO '1.5'", "SELECT dbgate_privileged.update_extension('pgstattuple', '1.5')")]
    [InlineData("ALTER EXTENSION pgstattuple UPDATE", "SELECT dbgate_privileged.update_extension('pgstattuple', NULL)")]
    [InlineData("DROP EXTENSION IF EXISTS a, \"b-c\" CASCADE", "SELECT dbgate_privileged.drop_extension(ARRAY['a', 'b-c']::text[], true, true)")]
    [InlineData("DROP EXTENSION a RESTRICT", "SELECT dbgate_privileged.drop_extension(ARRAY['a']::text[], false, false)")]
    public void A_whole_extension_statement_becomes_the_equivalent_gateway_call(string statement, string call)
    {
        var parsed = ExtensionStatement.Parse(statement);

        Assert.Equal(call, parsed?.ToGatewayCall());
    }

    [Theory]
    [InlineData("CREATE EXTENSION a; COPY (SELECT 1) TO PROGRAM 'id'")]
    [InlineData("CREATE EXTENSION \"a'; DROP TABLE t; --\"")]
    [InlineData("CREATE EXTENSION a /* a comment */")]
    [InlineData("CREATE EXTENSION a VERSION 'x\\'")]
    [InlineData("ALTER EXTENSION a ADD FUNCTION f()")]
    [InlineData("CREATE TABLE extension (id int)")]
    public void Anything_but_a_plain_extension_statement_is_left_as_written(string statement)
    {
        Assert.Null(ExtensionStatement.Parse(statement));
    }
}
