using System.Text;
using DbGate.Core.Migrations;

namespace DbGate.Tests.BadInput;

/// <summary>
/// Every kind of bad input and what DbGate answers. A project that cannot be checked is exit 2 with one line; a
/// script the migration tool could not run is a DBG001 finding at the byte or statement that breaks it (exit 1),
/// since it is one migration's problem and the others are still worth checking.
/// </summary>
internal static class BadInputCases
{
    private const string Bom = "the file starts with a UTF-8 byte order mark, which the migration tool sends to PostgreSQL in front of the first statement, where it is a syntax error: save it as UTF-8 without a byte order mark";
    private const string Utf16 = "the migration tool sends it to PostgreSQL as UTF-8, which rejects it: save it as UTF-8 without a byte order mark";
    private const string MetaCommand = "is not SQL; migration tools send files to the server, which rejects it";

    public static readonly BadInputCase[] All =
    [
        // The folder's layout.
        new("mixed-formats", 2, ["dbgate: {dir} mixes migration formats (golang-migrate and diesel); set format: in dbgate.yml"]),
        new("unknown-format", 2, ["dbgate: no migrations found in {dir}: expected golang-migrate files (1_name.up.sql, 1_name.down.sql), diesel folders (2024-01-01-000000_name/up.sql), Flyway (V1__name.sql), Liquibase, sqitch, dbmate, grate, DbUp, Prisma or EF Core migrations, ordered .sql files, or a command: section in dbgate.yml"]),
        new("unknown-format-name", 2, [$"dbgate: dbgate.yml:1:9: format must be auto or one of {string.Join(", ", MigrationDiscovery.FormatNames)} (got 'golang_migrate') (did you mean 'golang-migrate'?)"]),
        new("duplicate-version-golang-migrate", 2, ["dbgate: version 1 is used by more than one migration: 001_create_orders.up.sql, 1_create_users.up.sql"]),
        new("duplicate-version-diesel", 2, ["dbgate: version 20240101000000 is used by more than one migration: 2024-01-01-000000_create_users, 20240101000000_create_orders"]),
        new("ambiguous-pair", 2, ["dbgate: 1_create_users.up.sql and 1_create_accounts.down.sql share version 1 but not a name, so it is unclear which migration the down undoes: rename one to match"]),
        new("down-without-up-golang-migrate", 2, ["dbgate: 2_create_orders.down.sql has no matching .up.sql"]),
        new("down-without-up-diesel", 2, ["dbgate: 2024-01-02-000000_create_orders/ has down.sql but no up.sql"]),
        new("symlink-loop", 2, ["dbgate: 2_loop.up.sql is a symbolic link loop"], dir => FixtureBytes.Link(Path.Combine(dir, "2_loop.up.sql"), "2_loop.up.sql")),
        new("symlink-out-of-project", 2, ["dbgate: 2_read_host.up.sql leads through a symbolic link to /etc/passwd, outside the project: DbGate reads migrations only from inside it"],
            dir => FixtureBytes.Link(Path.Combine(dir, "2_read_host.up.sql"), "/etc/passwd")),

        // Files DbGate may not read.
        new("unreadable-file", 2, ["dbgate: cannot read 2_create_orders.up.sql: permission denied"],
            dir => FixtureBytes.Unreadable(Path.Combine(dir, "2_create_orders.up.sql")), NeedsDeniedReads: true),
        new("unreadable-folder", 2, ["dbgate: cannot read 2024-01-01-000000_create_users/: permission denied"],
            dir => FixtureBytes.Unreadable(Path.Combine(dir, "2024-01-01-000000_create_users")), NeedsDeniedReads: true),
        new("unreadable-config", 2, ["dbgate: cannot read dbgate.yml: permission denied"],
            dir => FixtureBytes.Unreadable(Path.Combine(dir, "dbgate.yml")), NeedsDeniedReads: true),

        // dbgate.yml.
        new("config-unknown-key", 2, ["dbgate: dbgate.yml:3:3: unknown key 'conection' (did you mean 'connection'?)"]),
        new("config-wrong-kind-section", 2, ["dbgate: dbgate.yml:1:10: reports must hold keys (sarif, junit, json, markdown), not the value 'out/dbgate.sarif'"]),
        new("config-wrong-kind-bool", 2, ["dbgate: dbgate.yml:2:9: round_trip.data must be true or false (got 'sometimes')"]),
        new("config-wrong-kind-list", 2, ["dbgate: dbgate.yml:2:17: round_trip.irreversible must be a list, such as [1_create_users], not the single value '1_create_users'"]),
        new("config-wrong-kind-value", 2, ["dbgate: dbgate.yml:2:3: statement_timeout must be a single value, not a mapping"]),
        new("config-bad-value", 2, ["dbgate: dbgate.yml:2:11: rules.DBG005 must be one of error, warning, note, none (got 'loud')"]),
        new("config-env-unset", 2, ["dbgate: dbgate.yml:2:15: postgres.connection refers to ${DBGATE_TEST_NEVER_SET}, which is not set"]),
        new("config-duplicate-key", 2, ["dbgate: dbgate.yml:2:1: Duplicate key fail_on"]),
        new("config-tab-indent", 2, ["dbgate: dbgate.yml:2:1: a tab indents this line; YAML indents with spaces only"]),
        new("config-two-documents", 2, ["dbgate: dbgate.yml:3:1: the file holds 2 YAML documents; DbGate reads one"]),
        new("config-bad-seed", 2, ["dbgate: dbgate.yml:4:33: seed.columns.users.id: 3 weights for 2 values"]),

        // Bytes the migration tool cannot send (each file is its own migration, so each fails alone).
        new("encodings", 1,
        [
            $"1_utf8_bom.up.sql:1:1: error DBG001: up of 1_utf8_bom fails: {Bom}",
            $"2_utf16_bom.up.sql:1:1: error DBG001: up of 2_utf16_bom fails: the file is UTF-16LE (it starts with a byte order mark); {Utf16}",
            "3_utf16_without_bom.up.sql:1:2: error DBG001: up of 3_utf16_without_bom fails: the file holds a NUL byte (at byte offset 1), which PostgreSQL accepts nowhere in SQL text; it looks like UTF-16 without a byte order mark: save it as UTF-8",
            "4_latin1.up.sql:2:27: error DBG001: up of 4_latin1 fails: the file is not valid UTF-8 at byte offset 50 (0xE9); the migration tool sends it to PostgreSQL as UTF-8, which rejects it: save it as UTF-8 (it may be Latin-1 or Windows-1252)",
            "5_nul_byte.up.sql:3:9: error DBG001: up of 5_nul_byte fails: the file holds a NUL byte (at byte offset 44), which PostgreSQL accepts nowhere in SQL text",
            // CRLF is fine; this one fails in PostgreSQL, and the error lands on its token all the same.
            "6_crlf.up.sql:3:11: error DBG001: up of 6_crlf fails: type \"nosuchtype\" does not exist",
            // A down is read the same way.
            $"7_down_with_bom.down.sql:1:1: error DBG002: down of 7_down_with_bom fails: {Bom}",
        ],
        dir =>
        {
            FixtureBytes.PrefixBom(Path.Combine(dir, "1_utf8_bom.up.sql"));
            FixtureBytes.Reencode(Path.Combine(dir, "2_utf16_bom.up.sql"), Encoding.Unicode, withPreamble: true);
            FixtureBytes.Reencode(Path.Combine(dir, "3_utf16_without_bom.up.sql"), Encoding.Unicode, withPreamble: false);
            FixtureBytes.Reencode(Path.Combine(dir, "4_latin1.up.sql"), FixtureBytes.Latin1, withPreamble: false);
            FixtureBytes.Replace(Path.Combine(dir, "5_nul_byte.up.sql"), "{NUL}", "\0");
            FixtureBytes.ToCrlf(Path.Combine(dir, "6_crlf.up.sql"));
            FixtureBytes.PrefixBom(Path.Combine(dir, "7_down_with_bom.down.sql"));
        }),
        new("huge-file", 1,
            [$"2_backfill.up.sql:{FixtureBytes.HugeStatements + 1}:8: error DBG001: up of 2_backfill fails: column \"nosuch\" does not exist"],
            dir => FixtureBytes.WriteHugeBackfill(Path.Combine(dir, "2_backfill.up.sql"))),

        // SQL the splitter cannot end, or that only psql understands.
        new("unterminated", 1,
        [
            "1_dollar_quote.up.sql:1:55: error DBG001: up of 1_dollar_quote fails: unterminated dollar-quoted string starting at line 1, column 55",
            "2_string.up.sql:2:52: error DBG001: up of 2_string fails: unterminated quoted string starting at line 2, column 52",
            "3_comment.up.sql:1:1: error DBG001: up of 3_comment fails: unterminated /* comment starting at line 1, column 1",
        ]),
        new("psql-meta-commands", 1,
        [
            $"1_include.up.sql:1:1: error DBG001: up of 1_include fails: psql meta-command \\i {MetaCommand}",
            $"2_set.up.sql:1:1: error DBG001: up of 2_set fails: psql meta-command \\set {MetaCommand}",
            $"3_connect.up.sql:2:1: error DBG001: up of 3_connect fails: psql meta-command \\connect {MetaCommand}",
            $"4_copy.up.sql:2:1: error DBG001: up of 4_copy fails: psql meta-command \\copy {MetaCommand}",
        ]),

        // Transaction control that does not fit the tool's transaction.
        new("transaction-left-open", 1,
        [
            "2024-01-01-000000_create_users/up.sql:1:1: error DBG001: up of 2024-01-01-000000_create_users fails: BEGIN here opens a transaction that nothing ends: the migration leaves it open, so its work is rolled back when the migration tool disconnects (or committed by whatever the tool runs next); end it with COMMIT",
        ]),
        new("transaction-ended-inside-the-tools", 1,
        [
            "2024-01-01-000000_commit/up.sql:2:1: error DBG001: up of 2024-01-01-000000_commit fails: COMMIT here commits the transaction the migration tool runs this script in, which the script did not begin, so what the tool does after the script is no longer atomic with it: remove it",
            "2024-01-02-000000_rollback/up.sql:2:1: error DBG001: up of 2024-01-02-000000_rollback fails: ROLLBACK here ends the transaction the migration tool runs this script in, undoing the script's work, yet the tool goes on to record the migration as applied: remove it",
            "2024-01-03-000000_after_commit/up.sql:3:1: error DBG001: up of 2024-01-03-000000_after_commit fails: COMMIT here ends the transaction early: the statements after it run outside any transaction, so a failure among them leaves the migration half applied; end the transaction after the last statement",
        ]),

        // Unusual but sound: UTF-8 beyond ASCII, CRLF, a savepoint rolled back inside the script's own transaction.
        new("accepted", 0, [], dir =>
        {
            FixtureBytes.ToCrlf(Path.Combine(dir, "2_crlf.up.sql"));
            FixtureBytes.ToCrlf(Path.Combine(dir, "2_crlf.down.sql"));
        }),
    ];
}
