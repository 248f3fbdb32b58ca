using System.Text.RegularExpressions;
using DbGate.Core.Migrations;

namespace DbGate.Core.Setup;

/// <summary>Knex, Sequelize and TypeORM: Node tools whose migrations are files sorted by name.</summary>
internal static partial class NodeTools
{
    private static readonly string[] KnexFiles = ["knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs"];
    private static readonly string[] KnexExtensions = [".js", ".ts", ".cjs", ".mjs"];
    private static readonly string[] SequelizeExtensions = [".js", ".cjs"];
    private static readonly string[] TypeOrmExtensions = [".ts", ".js"];
    private static readonly string[] DataSourceFolders = ["", "src", "src/db", "src/database", "src/config"];
    private static readonly string[] DataSourceNames = ["data-source.ts", "data-source.js", "datasource.ts", "datasource.js", "ormconfig.ts", "ormconfig.js"];
    private static readonly string[] TypeOrmMigrationFolders = ["migrations", "migration", "database/migrations", "db/migrations"];

    /// <summary>A knexfile and migrations/: <c>knex migrate:up</c> and <c>migrate:down</c> move one step.</summary>
    public static CommandTool? Knex(DirectoryInfo folder)
    {
        var knex = Path.Combine(folder.FullName, "migrations");
        if (!Directory.Exists(knex) || !KnexFiles.Any(f => File.Exists(Path.Combine(folder.FullName, f))))
            return null;
        return new CommandTool(
            "knex", "npx knex migrate:up", "npx knex migrate:down",
            CommandTool.ListByName("migrations", KnexExtensions, withExtension: true),
            ["knex_migrations", "knex_migrations_lock"], CommandTool.Names(knex, "migrations", KnexExtensions), "the knexfile connects to process.env.DATABASE_URL");
    }

    /// <summary>
    /// .sequelizerc (its migrations-path when written as path.resolve('a', 'b')), else config/config.json with
    /// migrations/. sequelize-cli has no one-step up, but <c>db:migrate --to NAME</c> stops at a named one: the up asks
    /// <c>db:migrate:status</c> for the first pending (its "down" lines, in its order) and migrates to it.
    /// </summary>
    public static CommandTool? Sequelize(DirectoryInfo folder)
    {
        var rc = Path.Combine(folder.FullName, ".sequelizerc");
        if (!File.Exists(rc) && !(File.Exists(Path.Combine(folder.FullName, "config", "config.json")) && Directory.Exists(Path.Combine(folder.FullName, "migrations"))))
            return null;
        var relative = MigrationsPath(string.Join('\n', SourceText.LinesForDetection(rc))) ?? "migrations";
        var directory = Path.Combine(folder.FullName, relative);
        return new CommandTool(
            "sequelize",
            "npx sequelize-cli db:migrate --to \"$(npx sequelize-cli db:migrate:status | awk '$1 == \"down\" { print $2; exit }')\"",
            "npx sequelize-cli db:migrate:undo",
            CommandTool.ListByName(relative, SequelizeExtensions, withExtension: true),
            ["SequelizeMeta"], Directory.Exists(directory) ? CommandTool.Names(directory, relative, SequelizeExtensions) : [],
            "the config reads its connection from the environment (\"use_env_variable\": \"DATABASE_URL\")");
    }

    /// <summary>
    /// A TypeORM DataSource file (data-source.ts, ormconfig.js…) and its migrations folder. TypeORM's CLI has no
    /// one-step up (<c>migration:run</c> runs every pending one), so the up loads the data source as the CLI does and
    /// runs TypeORM's own runner over the next pending migration alone (its transaction as configured); the down is
    /// the CLI's <c>migration:revert</c>, which reverts the last one.
    /// </summary>
    public static CommandTool? TypeOrm(DirectoryInfo folder)
    {
        var dataSource = DataSourceFolders.SelectMany(d => DataSourceNames.Select(n => d.Length == 0 ? n : $"{d}/{n}"))
            .FirstOrDefault(f => SourceText.LinesForDetection(Path.Combine(folder.FullName, f)).Any(l => l.Contains("DataSource", StringComparison.Ordinal)));
        if (dataSource is null)
            return null;
        var near = Path.GetDirectoryName(dataSource)!.Replace('\\', '/');
        var migrations = TypeOrmMigrationFolders.SelectMany(m => new[] { near.Length == 0 ? m : $"{near}/{m}", m, $"src/{m}" }).Distinct()
            .FirstOrDefault(m => Directory.Exists(Path.Combine(folder.FullName, m))) ?? "src/migrations";
        var directory = Path.Combine(folder.FullName, migrations);
        var ts = dataSource.EndsWith(".ts", StringComparison.Ordinal);
        var load = $"CommandUtils.loadDataSource(require(\"path\").resolve(\"{dataSource}\"))";
        var up = $"node {(ts ? "-r ts-node/register " : "")}-e 'const t=require(\"typeorm\"),{{CommandUtils}}=require(\"typeorm/commands/CommandUtils\");(async()=>{{const ds=await {load};await ds.initialize();const [next]=await new t.MigrationExecutor(ds).getPendingMigrations();if(next){{ds.migrations.splice(0,Infinity,next.instance);await ds.runMigrations()}}await ds.destroy()}})().catch(e=>{{console.error(e.message);process.exit(1)}})'";
        return new CommandTool(
            "typeorm", up, $"npx {(ts ? "typeorm-ts-node-commonjs" : "typeorm")} migration:revert -d {CommandTool.Quote(dataSource)}",
            CommandTool.ListByName(migrations, TypeOrmExtensions, withExtension: false),
            ["migrations", "typeorm_metadata"], Directory.Exists(directory) ? CommandTool.Names(directory, migrations, TypeOrmExtensions) : [],
            $"{dataSource} connects to process.env.DATABASE_URL (the up runs the next pending migration alone with TypeORM's runner: migration:run has no step)");
    }

    private static string? MigrationsPath(string rc) =>
        MigrationsPathPattern().Match(rc) is { Success: true } match
            && string.Join('/', QuotedPart().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).Where(p => p is not ("." or ""))) is { Length: > 0 } path
            ? path
            : null;

    [GeneratedRegex(@"['""]migrations-path['""]\s*:\s*path\.resolve\(([^)]*)\)")]
    private static partial Regex MigrationsPathPattern();

    [GeneratedRegex(@"['""]([^'""]*)['""]")]
    private static partial Regex QuotedPart();
}
