using DbGate.Core.Configuration;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Cli;

/// <summary>
/// `dbgate init` in a fresh repository holding one tool's project (the format fixtures, one folder down): it finds
/// the folder, names the format and counts the migrations as that tool would, and its dbgate.yml reads back the same.
/// </summary>
public sealed class InitFormatDetectionTests : IDisposable
{
    private readonly TempFolder _repository = new();

    // Counts as the tool counts: Flyway's 5 versioned scripts and 1 repeatable (undos are downs, beforeMigrate a
    // callback); Liquibase's 9 changesets less the dbms:mysql one; grate's 6 scripts across its folder kinds.
    [Theory]
    [InlineData("dbmate", "database", "dbmate", 4)]
    [InlineData("dbup", "database", "dbup", 3)]
    [InlineData("efcore", "database/Shop", "ef", 4)]
    [InlineData("flyway", "database", "flyway", 6)]
    [InlineData("grate", "database", "grate", 6)]
    [InlineData("liquibase", "database", "liquibase", 8)]
    [InlineData("plain", "database", "plain", 4)]
    [InlineData("prisma", "database", "prisma", 4)]
    [InlineData("sqitch", "database", "sqitch", 4)]
    // Real projects (tests/fixtures/real). Liquibase's 13 changesets sit in four subfolders with no root changelog, so
    // the repository root is where Liquibase would start its includeAll (and the shallowest of equal counts).
    [InlineData("real/liquibase/liquibase-integration-tests", ".", "liquibase", 13)]
    [InlineData("real/sqitch/sqitch-intro", "database", "sqitch", 13)]
    [InlineData("real/dbmate/dbmate-testdata", "database", "dbmate", 2)]
    [InlineData("real/prisma/prisma-examples-heroku", "database", "prisma", 1)]
    public async Task Init_detects_the_format_and_counts_the_migrations_of_each_file_based_tool(string fixture, string folder, string format, int count)
    {
        Fixtures.Copy(fixture, Path.Combine(_repository.Path, "database"));

        using var cli = CliProcess.Start(["init"], workingDirectory: _repository.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, error);
        Assert.Contains($": {count} {format} migrations in {folder}\n", output, StringComparison.Ordinal);
        Assert.Contains($"format: {format}  ", File.ReadAllText(Path.Combine(_repository.Path, "dbgate.yml")), StringComparison.Ordinal);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None);
        Assert.Equal((Path.GetFullPath(Path.Combine(_repository.Path, folder)), format), (options.MigrationsPath, options.Format));
    }

    [Theory]
    [InlineData("rails", "Gemfile", "gem \"rails\", \"~> 7.1\"\n", "db/migrate", ".rb")]
    [InlineData("knex", "knexfile.js", "module.exports = { client: 'pg', connection: process.env.DATABASE_URL };\n", "migrations", ".js")]
    [InlineData("sequelize", ".sequelizerc", "const path = require('path');\nmodule.exports = { 'migrations-path': path.resolve('db', 'migrations') };\n", "db/migrations", ".js")]
    [InlineData("typeorm", "src/data-source.ts", "export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, migrations: ['src/migrations/*.ts'] });\n", "src/migrations", ".ts")]
    public async Task Init_proposes_command_mode_for_a_tool_that_migrates_in_code_and_its_list_prints_the_steps_in_the_tools_order(
        string tool, string marker, string markerText, string folder, string extension)
    {
        _repository.Write(marker, markerText);
        foreach (var name in new[] { "20240110000000_add_email", "20240102000000_create_users", "20240201000000_index_email" })
            _repository.Write($"{folder}/{name}{extension}", "// a step in code\n");

        using var cli = CliProcess.Start(["init"], workingDirectory: _repository.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, error);
        Assert.Contains($": 3 {tool} migrations (command mode) in .\n", output, StringComparison.Ordinal);
        var options = await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None);
        Assert.Equal("command", options.Format);
        var commands = options.FormatOptions.Command!;
        var list = await Processes.RunAsync("/bin/sh", ["-c", commands.List], commands.WorkingDirectory);
        var id = (string name) => tool is "rails" or "typeorm" ? name : name + extension;
        Assert.Equal(
            [$"{id("20240102000000_create_users")}\t{folder}/20240102000000_create_users{extension}", $"{id("20240110000000_add_email")}\t{folder}/20240110000000_add_email{extension}",
             $"{id("20240201000000_index_email")}\t{folder}/20240201000000_index_email{extension}"],
            list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // Each tool's own one-step commands (Sequelize's --to the first pending, TypeORM's runner over the next pending one:
    // neither CLI has a step), as the dbgate.yml init wrote reads them back; run against the real tools by hand (README).
    [Theory]
    [InlineData("rails", "Gemfile", "gem 'rails'\n", "db/migrate/20240102000000_create_users.rb", "bin/rails db:forward", "bin/rails db:rollback", "schema_migrations,ar_internal_metadata")]
    [InlineData("knex", "knexfile.ts", "export default {};\n", "migrations/20240102000000_create_users.ts", "npx knex migrate:up", "npx knex migrate:down", "knex_migrations,knex_migrations_lock")]
    [InlineData("sequelize", "config/config.json", "{ \"development\": { \"use_env_variable\": \"DATABASE_URL\" } }\n", "migrations/20240102000000-create-users.js",
        "npx sequelize-cli db:migrate --to \"$(npx sequelize-cli db:migrate:status | awk '$1 == \"down\" { print $2; exit }')\"", "npx sequelize-cli db:migrate:undo", "SequelizeMeta")]
    [InlineData("typeorm", "data-source.js", "exports.AppDataSource = new DataSource({ migrations: [__dirname + '/migrations/*.js'] });\n", "migrations/1704153600000-CreateUsers.js",
        "node -e 'const t=require(\"typeorm\"),{CommandUtils}=require(\"typeorm/commands/CommandUtils\");(async()=>{const ds=await CommandUtils.loadDataSource(require(\"path\").resolve(\"data-source.js\"));await ds.initialize();const [next]=await new t.MigrationExecutor(ds).getPendingMigrations();if(next){ds.migrations.splice(0,Infinity,next.instance);await ds.runMigrations()}await ds.destroy()})().catch(e=>{console.error(e.message);process.exit(1)})'",
        "npx typeorm migration:revert -d data-source.js", "migrations,typeorm_metadata")]
    [InlineData("alembic", "alembic.ini", "[alembic]\nscript_location = %(here)s/db\n", "db/versions/1975ea83b712_create_users.py", "alembic upgrade +1", "alembic downgrade -1", "alembic_version")]
    [InlineData("alembic", "alembic/env.py", "from alembic import context\n", "alembic/versions/1975ea83b712_create_users.py", "alembic upgrade +1", "alembic downgrade -1", "alembic_version")]
    public async Task Init_proposes_the_tools_own_one_step_up_and_down_and_its_history_tables(string tool, string marker, string markerText, string step, string up, string down, string history)
    {
        _repository.Write(marker, markerText);
        _repository.Write(step, "# a step in code\n");

        using var cli = CliProcess.Start(["init"], workingDirectory: _repository.Path);
        var (exit, output, error) = await cli.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 0, error);
        Assert.Contains($": 1 {tool} migrations (command mode) in .\n", output, StringComparison.Ordinal);
        var commands = (await OptionsResolver.ResolveAsync(new CheckArguments(), _repository.Path, CancellationToken.None)).FormatOptions.Command!;
        Assert.Equal((up, down, history), (commands.Up, commands.Down, string.Join(',', commands.HistoryTables)));
    }

    public void Dispose() => _repository.Dispose();
}
