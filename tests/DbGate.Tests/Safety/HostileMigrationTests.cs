using DbGate.Core.Reports;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Safety;

/// <summary>
/// Migrations from a pull request run as a role that owns the work database and nothing else: each attempt to reach
/// the host, the server's files or another role's rights fails as the up of its migration, with a hint that says why
/// and how to opt in, and leaves no trace on the machine.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class HostileMigrationTests(PostgresFixture server) : IDisposable
{
    // Writable by the server's OS user, so the only thing stopping a write here is PostgreSQL's own refusal.
    private readonly TempFolder _host = WorldWritable(new TempFolder());

    public static TheoryData<string, string> Attacks => new()
    {
        { "COPY (SELECT 1) TO PROGRAM 'cat > {marker}'", "to COPY to or from an external program" },
        { "CREATE TABLE t (line text); COPY t FROM PROGRAM 'touch {marker}'", "to COPY to or from an external program" },
        { "COPY (SELECT 'owned') TO '{marker}'", "to COPY to a file" },
        { "CREATE TABLE t (line text); COPY t FROM '/etc/passwd'", "to COPY from a file" },
        { "SELECT pg_read_file('/etc/passwd')", "permission denied for function pg_read_file" },
        { "SELECT lo_import('/etc/passwd')", "permission denied for function lo_import" },
        { "SELECT pg_ls_dir('/')", "permission denied for function pg_ls_dir" },
        { "ALTER SYSTEM SET archive_command = 'touch {marker}'", "permission denied to set parameter \"archive_command\"" },
        { "CREATE EXTENSION file_fdw", "permission denied to create extension \"file_fdw\"" },
        { "CREATE EXTENSION adminpack", "permission denied to create extension \"adminpack\"" },
        { "SET ROLE dbgate", "permission denied to set role \"dbgate\"" },
        { "SET SESSION AUTHORIZATION dbgate", "permission denied to set session authorization" },
        { "CREATE ROLE intruder", "permission denied to create role" },
        { "ALTER ROLE CURRENT_USER SUPERUSER", "superuser" },
        { "CREATE FUNCTION getpid_c() RETURNS int LANGUAGE c AS 'libc.so.6', 'getpid'", "permission denied for language c" },
        { "LOAD 'auto_explain'", "access to library \"auto_explain\" is not allowed" },
        { "SELECT dbgate_privileged.create_extension('adminpack', false, NULL, NULL, NULL, false)", "schema \"dbgate_privileged\" does not exist" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_migration_reaching_past_its_database_fails_with_a_privilege_hint_and_leaves_no_trace(string attack, string error)
    {
        var marker = Path.Combine(_host.Path, "owned");
        using var project = Migration(attack.Replace("{marker}", marker, StringComparison.Ordinal));

        var result = await GateHarness.RunAsync(server, project.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("DBG001", finding.RuleId);
        Assert.Contains(error, finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Details, d => d is "SQLSTATE 42501" or "SQLSTATE 3F000");
        Assert.False(File.Exists(marker), $"{attack} reached the host");
        Assert.False(result.Privileged);
    }

    [Fact]
    public async Task A_permission_denied_finding_says_why_and_how_to_opt_in()
    {
        using var project = Migration("CREATE ROLE app_reader");

        var result = await GateHarness.RunAsync(server, project.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Contains("SQLSTATE 42501", finding.Details);
        Assert.Contains(finding.Details, d => d.Contains("unprivileged role that owns the work database", StringComparison.Ordinal) && d.Contains("postgres.superuser: true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_extension_not_listed_gets_a_hint_to_list_it()
    {
        using var project = Migration("CREATE EXTENSION pg_buffercache");

        var result = await GateHarness.RunAsync(server, project.Path);

        var finding = Assert.Single(result.Findings);
        Assert.Contains(finding.Details, d => d.Contains("postgres.extensions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrations_do_not_run_as_a_superuser_nor_with_any_role_membership()
    {
        using var project = Migration("""
            DO $$
            BEGIN
                IF (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = current_user)
                   OR EXISTS (SELECT FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = current_user) THEN
                    RAISE EXCEPTION 'privileged: %', current_user;
                END IF;
                IF (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) <> current_user THEN
                    RAISE EXCEPTION 'the migration role does not own the work database';
                END IF;
            END $$;
            """);

        var result = await GateHarness.RunAsync(server, project.Path);

        Assert.Empty(result.Findings);
        Assert.StartsWith("Least privilege: migrations ran as role dbgate_", result.RunAs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_postgres_superuser_the_migrations_run_as_superuser_and_the_result_says_so()
    {
        var marker = Path.Combine(_host.Path, "as-superuser");
        using var project = Migration($"COPY (SELECT 1) TO PROGRAM 'cat > {marker}'");

        var result = await GateHarness.RunAsync(server, project.Path, o => o with { Superuser = true });

        Assert.Empty(result.Findings);
        Assert.True(File.Exists(marker), "the opted-in superuser should have run the program");
        Assert.True(result.Privileged);
        Assert.StartsWith("SUPERUSER: migrations ran as superuser dbgate", result.RunAs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_report_of_a_superuser_run_says_so()
    {
        using var project = Migration("CREATE TABLE t (id int)", "DROP TABLE t");
        using var reports = new TempFolder();
        var result = await GateHarness.RunAsync(server, project.Path, o => o with { Superuser = true });

        foreach (var format in new[] { ReportFormat.Text, ReportFormat.Sarif, ReportFormat.JUnit, ReportFormat.Json, ReportFormat.Markdown })
        {
            var path = Path.Combine(reports.Path, format.ToString());
            await ReportWriters.WriteFileAsync(result, format, path);
            Assert.Contains("SUPERUSER: migrations ran as superuser dbgate", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Trusted_extensions_are_created_and_dropped_by_the_unprivileged_role_itself()
    {
        using var project = Migration(
            "CREATE EXTENSION IF NOT EXISTS pgcrypto SCHEMA public; CREATE EXTENSION citext; CREATE TABLE users (email citext, secret bytea DEFAULT gen_random_bytes(8))",
            "DROP TABLE users; DROP EXTENSION citext; DROP EXTENSION pgcrypto");

        var result = await GateHarness.RunAsync(server, project.Path, o => o with { CheckData = true });

        Assert.Empty(result.Findings);
        Assert.All(result.Steps, s => Assert.Equal(Outcome.Passed, s.Outcome));
    }

    [Fact]
    public async Task A_listed_untrusted_extension_is_created_updated_and_dropped_through_DbGate_and_its_round_trip_holds()
    {
        using var project = Migration(
            "CREATE EXTENSION IF NOT EXISTS pgstattuple; ALTER EXTENSION pgstattuple UPDATE; CREATE VIEW page_use AS SELECT * FROM pgstattuple('pg_class')",
            "DROP VIEW page_use; DROP EXTENSION pgstattuple");

        var result = await GateHarness.RunAsync(server, project.Path, o => o with { Extensions = ["pgstattuple"] });

        Assert.Empty(result.Findings);
        Assert.Equal(3, result.Steps.Count(s => s.Outcome == Outcome.Passed));
        Assert.False(result.Privileged);
    }

    [Fact]
    public async Task Listing_one_extension_does_not_let_the_role_create_another_through_DbGate()
    {
        using var project = Migration("SELECT dbgate_privileged.create_extension('adminpack', false, NULL, current_schema(), NULL, false)");

        var result = await GateHarness.RunAsync(server, project.Path, o => o with { Extensions = ["pgstattuple"] });

        var finding = Assert.Single(result.Findings);
        Assert.Contains("permission denied for extension \"adminpack\"", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbGate_leaves_no_database_and_no_role_of_its_own_behind()
    {
        using var project = Migration("CREATE TABLE t (id int)", "DROP TABLE t");
        var before = await LeftoversAsync();

        await GateHarness.RunAsync(server, project.Path, o => o with { Extensions = ["pgstattuple"] });

        Assert.Equal(before, await LeftoversAsync());
    }

    public void Dispose() => _host.Dispose();

    private static TempFolder Migration(string up, string? down = null)
    {
        var folder = new TempFolder();
        folder.Write("0001_attempt.up.sql", up);
        folder.Write("0001_attempt.down.sql", down ?? "SELECT 1");
        return folder;
    }

    private async Task<string> LeftoversAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT string_agg(n, ',' ORDER BY n) FROM (SELECT datname AS n FROM pg_database WHERE datname LIKE 'dbgate\\_%' UNION ALL SELECT rolname FROM pg_roles WHERE rolname LIKE 'dbgate\\_%') x",
            connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    private static TempFolder WorldWritable(TempFolder folder)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(folder.Path, (UnixFileMode)0x1FF);
        return folder;
    }
}
