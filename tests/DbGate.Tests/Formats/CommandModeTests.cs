using DbGate.Core.Configuration;
using DbGate.Core.Gate;
using DbGate.Core.Migrations;
using DbGate.Core.Results;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Formats;

/// <summary>Command mode driving real programs: the fixture's own migration tool (bash and psql), and small shell commands.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class CommandModeTests(PostgresFixture server)
{
    [Fact]
    public async Task The_tools_steps_run_one_by_one_and_the_down_that_forgets_a_table_is_reported_at_the_steps_source()
    {
        var lines = new List<string>();
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(RepoPaths.Fixture("command"), Provider: "external", Connection: server.AdminConnectionString), RepoPaths.SolutionDirectory, CancellationToken.None);

        var result = await GateRunner.RunAsync(options, lines.Add, CancellationToken.None);

        // The lint's (DBG1xx: the rewrite of 0003, its lock) and the health checks' findings are tested where they belong.
        var finding = Assert.Single(result.Findings, f => f.RuleId.StartsWith("DBG0", StringComparison.Ordinal));
        Assert.Equal(("DBG003", "0004_add_audit", "tests/fixtures/command/migrate.sh"), (finding.RuleId, finding.Migration, finding.Location?.Path));
        Assert.Contains("table public.account_audit was left behind", finding.Message, StringComparison.Ordinal);
        Assert.Equal(["0001_create_accounts", "0002_add_balance", "0003_widen_balance", "0004_add_audit"], result.Steps.Select(s => s.Migration).Distinct());
        // The tool's history table is its own, so the first step's down (which leaves it, emptied) restores the schema.
        Assert.All(result.Steps.Where(s => s.Migration != "0004_add_audit"), s => Assert.Equal(Outcome.Passed, s.Outcome));
        Assert.Contains("0003_widen_balance: up ok (rewrote index public.accounts_pkey, table public.accounts), down ok, redo ok", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("0002_add_balance: up ok (rewrote", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Commands_get_the_work_database_in_their_environment_and_nothing_on_their_command_line()
    {
        using var folder = new TempFolder();
        const string up = "printf '%s\\n' \"$DATABASE_URL\" \"$PGDATABASE\" > seen.txt; tr '\\0' ' ' < /proc/$$/cmdline >> seen.txt; psql -X -q -c 'CREATE TABLE t (a int)'";
        var commands = new CommandSteps(up, "psql -X -q -c 'DROP TABLE t'", "echo only", folder.Path, []);

        var result = await RunAsync(folder, commands);

        Assert.Empty(result.Findings);
        var seen = await File.ReadAllLinesAsync(Path.Combine(folder.Path, "seen.txt"));
        Assert.StartsWith("postgresql://", seen[0], StringComparison.Ordinal);
        Assert.EndsWith(seen[1], seen[0].Split('?')[0], StringComparison.Ordinal);
        Assert.StartsWith("dbgate_", seen[1], StringComparison.Ordinal);
        Assert.Equal($"/bin/sh -c {up} ", seen[2]);
    }

    [Fact]
    public async Task A_failing_up_is_reported_and_the_steps_after_it_are_not_run()
    {
        using var folder = new TempFolder();
        var commands = new CommandSteps("echo 'relation \"missing\" does not exist' >&2; exit 3", "true", "printf 'one\\ttools/one.py\\ntwo\\n'", folder.Path, []);

        var result = await RunAsync(folder, commands);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("DBG001", "one"), (finding.RuleId, finding.Migration));
        Assert.Equal("up of one fails: up command exited with code 3: relation \"missing\" does not exist", finding.Message);
        Assert.EndsWith("tools/one.py", finding.Location?.Path, StringComparison.Ordinal);
        Assert.Equal([Outcome.Skipped], result.Steps.Where(s => s.Migration == "two").Select(s => s.Outcome).Distinct());
    }

    [Fact]
    public async Task A_health_finding_names_the_step_that_made_its_object_at_the_source_file_the_list_gave()
    {
        using var folder = new TempFolder();
        folder.Write("up1.sql", "CREATE TABLE accounts (id int PRIMARY KEY);");
        folder.Write("down1.sql", "DROP TABLE accounts;");
        folder.Write("up2.sql", "CREATE TABLE events (at timestamptz NOT NULL);");
        folder.Write("down2.sql", "DROP TABLE events;");
        folder.Write("up3.sql", "ALTER TABLE events ADD COLUMN account_id int;");
        folder.Write("down3.sql", "ALTER TABLE events DROP COLUMN account_id;");
        var commands = new CommandSteps(CounterTool.Up, CounterTool.Down, "printf '1_accounts\\tsteps/1.py\\n2_events\\tsteps/2.py\\n3_event_account\\tsteps/3.py\\n'", folder.Path, []);

        var result = await GateHarness.RunAsync(server, folder.Path, o => o with
        {
            ProjectRoot = folder.Path,
            FormatOptions = FormatOptions.Default with { Command = commands with { ProjectRoot = folder.Path } },
            Health = Core.Rules.Schema.HealthSettings.Default,
        });

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG202");
        Assert.Equal(("2_events", new SourceLocation("steps/2.py")), (finding.Migration, finding.Location));
        Assert.Contains("table public.events was created by 2_events", finding.Details);
        Assert.Contains("last changed by 3_event_account (steps/3.py:1:1)", finding.Details);
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("DBG2", StringComparison.Ordinal) && f.Location is null);
    }

    [Fact]
    public async Task Benchmarks_run_on_the_schema_the_tools_steps_built_and_judge_its_plans()
    {
        using var folder = new TempFolder();
        folder.Write("up1.sql", Benchmarks.BenchmarkProject.Shop);
        folder.Write("down1.sql", "DROP TABLE orders; DROP TABLE customers;");
        folder.Write("dbgate.yml", """
            command:
              up: n=$(($(cat n 2>/dev/null || echo 0) + 1)); psql -X -q -v ON_ERROR_STOP=1 -f up$n.sql && echo $n > n
              down: n=$(cat n); psql -X -q -v ON_ERROR_STOP=1 -f down$n.sql && echo $((n - 1)) > n
              list: printf '1_shop\tsteps/1.py\n'
            seed:
              seed: 7
              rows: { customers: 50, orders: 2000 }
            benchmarks:
              defaults: { runs: 1, warmup: 0 }
              queries:
                - name: orders-of-customer
                  sql: SELECT id FROM orders WHERE customer_id = 3
                  forbid: [Seq Scan on orders]
            """);

        var result = await Benchmarks.BenchmarkProject.RunAsync(server, folder.Path);

        Assert.Single(result.Benchmarks);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("DBG405", finding.RuleId);
        Assert.Contains("Seq Scan on orders", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_change_against_the_benchmark_baseline_is_blamed_on_the_tools_step_applied_since()
    {
        using var folder = new TempFolder();
        folder.Write("up1.sql", Benchmarks.BenchmarkProject.Shop + "\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);\n");
        folder.Write("down1.sql", "DROP TABLE orders; DROP TABLE customers;");
        folder.Write("up2.sql", "DROP INDEX orders_customer_id_idx;");
        folder.Write("down2.sql", "CREATE INDEX orders_customer_id_idx ON orders (customer_id);");
        // The tool's steps are what steps.txt lists: the baseline is measured with the first only.
        folder.Write("steps.txt", "1_shop\tsteps/1.py\n");
        folder.Write("dbgate.yml", $$"""
            command:
              up: {{CounterTool.Up}}
              down: {{CounterTool.Down}}
              list: cat steps.txt
            seed:
              seed: 5
              rows: { customers: 100, orders: 5000 }
            benchmarks:
              queries:
                - name: orders-of-customer
                  sql: SELECT id, total FROM orders WHERE customer_id = $1
                  params: [[7]]
            """);
        var (exit, _, error) = await CliProcess.RunAsync("benchmark", folder.Path, "--update-baseline", "--connection", server.AdminConnectionString);
        Assert.True(exit == 0, error);
        // The counter is the tool's history in the folder: the next run starts from an empty database again.
        File.Delete(Path.Combine(folder.Path, "n"));
        folder.Write("steps.txt", "1_shop\tsteps/1.py\n2_drop_index\tsteps/2.py\n");

        var result = await Benchmarks.BenchmarkProject.RunAsync(server, folder.Path);

        var finding = Assert.Single(result.Findings, f => f.RuleId == "DBG408");
        Assert.Equal(
            "orders-of-customer with (7) reads public.orders by Seq Scan; the baseline read it by Bitmap Heap Scan; the plan changed with migration 2_drop_index, the last to change a table the query reads",
            finding.Message);
        Assert.Contains("benchmarks compared with dbgate.benchmarks.json, measured on the schema before 2_drop_index; changed since by 2_drop_index", result.Notices);
    }

    [Fact]
    public async Task A_list_command_that_fails_is_a_configuration_error()
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => RunAsync(folder, new CommandSteps("true", "true", "echo boom >&2; exit 1", folder.Path, [])));

        Assert.Equal("command.list (echo boom >&2; exit 1) exited with code 1: boom", error.Message);
    }

    private Task<GateResult> RunAsync(TempFolder folder, CommandSteps commands) =>
        GateHarness.RunAsync(server, folder.Path, o => o with
        {
            ProjectRoot = folder.Path,
            FormatOptions = FormatOptions.Default with { Command = commands with { ProjectRoot = folder.Path } },
        });
}
