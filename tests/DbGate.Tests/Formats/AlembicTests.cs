using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>
/// Command mode as `dotnet dbgate init` proposes it for Alembic, driving the real alembic: its revisions run in the
/// order of their down_revision links (which here is not their files' name order), one `upgrade +1` at a time.
/// </summary>
[Collection(PostgresServerGroup.Name)]
public sealed class AlembicTests(PostgresFixture server) : IDisposable
{
    private readonly TempFolder _project = new();

    [AlembicFact]
    public async Task Init_proposes_command_mode_and_the_check_runs_the_real_alembic_step_by_step_in_revision_order()
    {
        _project.Write("alembic.ini", "[alembic]\nscript_location = %(here)s/alembic\n");
        _project.Write("alembic/env.py", """
            import os
            from alembic import context
            from sqlalchemy import create_engine

            with create_engine(os.environ["DATABASE_URL"]).connect() as connection:
                context.configure(connection=connection)
                with context.begin_transaction():
                    context.run_migrations()
            """);
        Revision("b7_create_accounts.py", "b7", null, "CREATE TABLE accounts (id int PRIMARY KEY)", "DROP TABLE accounts");
        // Its down forgets the audit table.
        Revision("a3_add_events.py", "a3", "b7", "CREATE TABLE events (id int PRIMARY KEY); CREATE TABLE audit (id int PRIMARY KEY)", "DROP TABLE events");

        using var cli = CliProcess.Start(["init"], workingDirectory: _project.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, error);
        Assert.Contains(": 2 alembic migrations (command mode) in .\n", output, StringComparison.Ordinal);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(Provider: "external", Connection: server.AdminConnectionString), _project.Path, CancellationToken.None);

        var result = await GateRunner.RunAsync(options, _ => { }, CancellationToken.None);

        Assert.Equal(["b7", "a3"], result.Steps.Select(s => s.Migration).Distinct());
        var finding = Assert.Single(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        Assert.Equal(("DBG003", "a3", "alembic/versions/a3_add_events.py"), (finding.RuleId, finding.Migration, finding.Location?.Path));
        Assert.Contains("table public.audit was left behind", finding.Message, StringComparison.Ordinal);
        // alembic_version is Alembic's own: the first revision's down, which leaves it, restores the schema.
        Assert.All(result.Steps.Where(s => s.Migration == "b7"), s => Assert.Equal(Outcome.Passed, s.Outcome));
    }

    private void Revision(string file, string revision, string? down, string up, string revert) =>
        _project.Write($"alembic/versions/{file}", $"""
            from alembic import op

            revision = "{revision}"
            down_revision = {(down is null ? "None" : $"\"{down}\"")}

            def upgrade():
                op.execute("{up}")

            def downgrade():
                op.execute("{revert}")
            """);

    public void Dispose() => _project.Dispose();
}
