using System.Text;

namespace DbGate.Tests.BadInput;

/// <summary>
/// One broken input, made in a scratch folder by code (bytes, links and sizes no fixture in git can hold), and what
/// the CLI must answer. <see cref="Expected"/> is a regular expression for the one error line (exit 2 or 3), or for
/// the one finding line on stdout (exit 1).
/// </summary>
/// <param name="Arguments">After "check"; "{dir}" is the case's folder, relative to the scratch root the CLI runs in.</param>
public sealed record BrokenInput(string Name, int ExitCode, string Expected, Action<string> Make, string[]? Arguments = null, bool NeedsServer = false, bool NeedsDeniedReads = false)
{
    public override string ToString() => Name;
}

/// <summary>Every broken input the fuzz-ish test feeds the real CLI.</summary>
internal static class BrokenInputs
{
    private const string Up = "CREATE TABLE t (id int PRIMARY KEY);\n";

    public static readonly BrokenInput[] All =
    [
        // Files that are not YAML text at all.
        new("empty-files", 0, "PASSED", dir => Write(dir, ("dbgate.yml", ""), ("1_empty.up.sql", ""), ("1_empty.down.sql", "")), NeedsServer: true),
        new("binary-garbage", 2, @"^dbgate: dbgate\.yml:\d+:\d+: the file holds a NUL byte \(at byte offset \d+\), so it is not YAML text; is it the file you meant\?$",
            dir => Bytes(dir, "dbgate.yml", Garbage(4096, withNul: true))),
        new("binary-garbage-without-nul", 2, @"^dbgate: dbgate\.yml:\d+:\d+: the file is not valid UTF-8 at byte offset \d+ \(0x[0-9A-F]{2}\): save it as UTF-8$",
            dir => Bytes(dir, "dbgate.yml", Garbage(4096, withNul: false))),
        new("latin1-config", 2, Exact("dbgate: dbgate.yml:1:17: the file is not valid UTF-8 at byte offset 16 (0xE9): save it as UTF-8"),
            dir => Bytes(dir, "dbgate.yml", Encoding.Latin1.GetBytes("fail_on: erreur \u00e9\n"))),
        // YAML allows UTF-16 with a byte order mark: it is read, and its bad value reported like any other.
        new("utf16-config", 2, Exact("dbgate: dbgate.yml:1:10: fail_on must be one of error, warning, note, none (got 'loud')"),
            dir => Bytes(dir, "dbgate.yml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("fail_on: loud\n")])),
        new("huge-config", 2, Exact("dbgate: zero is larger than 16 MB; a dbgate.yml is a few KB of YAML"), dir => Write(dir, ("1_a.up.sql", Up)), ["{dir}", "--config", "/dev/zero"]),

        // YAML that would crash or hang a reader.
        new("alias-bomb", 2, @"^dbgate: dbgate\.yml:\d+:\d+: its aliases expand to more than 100000 values; write the values out instead of repeating \*aliases$", dir => Write(dir, ("dbgate.yml", Laughs()))),
        new("alias-bomb-in-valid-keys", 2, @"^dbgate: dbgate\.yml:9:\d+: its aliases expand to more than 100000 values", dir => Write(dir, ("dbgate.yml", Quadratic()))),
        new("deep-lists", 2, Exact("dbgate: dbgate.yml:1:71: values nest more than 64 levels deep; dbgate.yml needs a few"),
            dir => Write(dir, ("dbgate.yml", "rules: " + new string('[', 100_000) + new string(']', 100_000) + "\n"))),
        new("deep-mappings", 2, @"^dbgate: dbgate\.yml:1:\d+: values nest more than 64 levels deep",
            dir => Write(dir, ("dbgate.yml", "lint: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000) + "\n"))),
        new("parser-lost", 2, Exact("dbgate: dbgate.yml:1:10: not valid YAML after this point; check its brackets, braces and quotes"),
            dir => Write(dir, ("dbgate.yml", "fail_on: [error\nrules: {}\n"))),
        new("unresolved-tag", 2, @"^dbgate: dbgate\.yml:1:10: .*tag", dir => Write(dir, ("dbgate.yml", "fail_on: !!python/object:os.system x\n"))),
        new("undefined-alias", 2, Exact("dbgate: dbgate.yml:1:10: *nosuch refers to no &nosuch anchor before it"), dir => Write(dir, ("dbgate.yml", "fail_on: *nosuch\n"))),

        // Numbers too large, and every kind of key given the wrong kind of value.
        new("huge-whole-number", 2, Exact("dbgate: dbgate.yml:2:21: lint.small_table_rows must be a whole number from -9223372036854775808 to 9223372036854775807 (got '99999999999999999999999')"),
            dir => Write(dir, ("dbgate.yml", "lint:\n  small_table_rows: 99999999999999999999999\n"))),
        new("huge-int", 2, Exact("dbgate: dbgate.yml:2:16: health.max_indexes must be a whole number from -2147483648 to 2147483647 (got '4294967296')"),
            dir => Write(dir, ("dbgate.yml", "health:\n  max_indexes: 4294967296\n"))),
        new("wrong-kind-int", 2, Exact("dbgate: dbgate.yml:2:16: health.max_indexes must be a whole number (got '1e3')"), dir => Write(dir, ("dbgate.yml", "health:\n  max_indexes: 1e3\n"))),
        new("wrong-kind-double", 2, Exact("dbgate: dbgate.yml:2:19: health.overflow_share must be a number, such as 0.5 or 1e6 (got 'half')"),
            dir => Write(dir, ("dbgate.yml", "health:\n  overflow_share: half\n"))),
        new("wrong-kind-bool", 2, Exact("dbgate: dbgate.yml:2:9: round_trip.data must be true or false (got '3')"), dir => Write(dir, ("dbgate.yml", "round_trip:\n  data: 3\n"))),
        new("wrong-kind-string", 2, Exact("dbgate: dbgate.yml:1:9: format must be a single value, not a mapping"), dir => Write(dir, ("dbgate.yml", "format: {a: 1}\n"))),
        new("wrong-kind-list", 2, Exact("dbgate: dbgate.yml:2:17: health.secret_words must be a list, not a mapping"), dir => Write(dir, ("dbgate.yml", "health:\n  secret_words: {a: b}\n"))),
        new("wrong-kind-map", 2, Exact("dbgate: dbgate.yml:1:8: rules must hold keys and values, such as DBG006: note, not the value 'strict'"), dir => Write(dir, ("dbgate.yml", "rules: strict\n"))),
        new("wrong-kind-section", 2, @"^dbgate: dbgate\.yml:1:11: postgres must hold keys \(provider, .*\), not a list$", dir => Write(dir, ("dbgate.yml", "postgres: [local]\n"))),
        new("wrong-kind-list-of-sections", 2, @"^dbgate: dbgate\.yml:1:12: overrides must be a list, such as \[a\], not the single value 'a'$", dir => Write(dir, ("dbgate.yml", "overrides: a\n"))),
        new("wrong-kind-map-of-sections", 2, @"^dbgate: dbgate\.yml:3:11: seed\.columns\.t\.id must hold keys \(.*\), not the value 'x'$", dir => Write(dir, ("dbgate.yml", "seed:\n  columns:\n    t.id: x\n"))),

        // Paths that lead nowhere readable.
        new("migrations-is-a-file", 2, Exact("dbgate: dbgate.yml:1:13: migrations: 1_a.up.sql is a file; give the folder that holds the migrations"),
            dir => Write(dir, ("dbgate.yml", "migrations: 1_a.up.sql\n"), ("1_a.up.sql", Up))),
        new("migrations-link-loop", 2, Exact("dbgate: dbgate.yml:1:13: migrations: loop is a symbolic link loop"), dir =>
        {
            Write(dir, ("dbgate.yml", "migrations: loop\n"));
            File.CreateSymbolicLink(Path.Combine(dir, "loop"), "loop");
        }),
        new("folder-link-loop", 2, Exact("dbgate: folder-link-loop is a symbolic link loop"), dir => File.CreateSymbolicLink(dir, Path.GetFileName(dir))),
        new("config-link-loop", 2, Exact("dbgate: dbgate.yml is a symbolic link loop"), dir => File.CreateSymbolicLink(Path.Combine(Write(dir, ("1_a.up.sql", Up)), "dbgate.yml"), "dbgate.yml")),
        new("config-link-dangling", 2, Exact("dbgate: dbgate.yml is a symbolic link to gone.yml, which does not exist"),
            dir => File.CreateSymbolicLink(Path.Combine(Write(dir, ("1_a.up.sql", Up)), "dbgate.yml"), "gone.yml")),
        new("config-is-a-folder", 2, Exact("dbgate: config-is-a-folder is a folder; give --config the dbgate.yml file"), dir => Write(dir, ("1_a.up.sql", Up)), ["{dir}", "--config", "{dir}"]),
        new("unreadable-folder", 2, Exact("dbgate: cannot read unreadable-folder: permission denied"), dir =>
        {
            Write(dir, ("1_a.up.sql", Up));
            FixtureBytes.Unreadable(dir);
        }, NeedsDeniedReads: true),

        // A migration the tool would send as bytes PostgreSQL refuses: its step fails, located at the byte.
        new("latin1-migration", 1, @"^latin1-migration/1_latin1\.up\.sql:1:\d+: error DBG001: up of 1_latin1 fails: the file is not valid UTF-8 at byte offset 11 \(0xE9\)",
            dir => Bytes(dir, "1_latin1.up.sql", Encoding.Latin1.GetBytes("SELECT 'caf\u00e9';\n")), NeedsServer: true),
    ];

    private static string Exact(string line) => "^" + System.Text.RegularExpressions.Regex.Escape(line) + "$";

    private static string Write(string dir, params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files)
            File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    private static void Bytes(string dir, string name, byte[] bytes)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), bytes);
    }

    private static byte[] Garbage(int length, bool withNul)
    {
        var bytes = new byte[length];
        new Random(20261201).NextBytes(bytes);
        if (!withNul)
            bytes = [.. bytes.Select(b => b == 0 ? (byte)0xFF : b)];
        return bytes;
    }

    /// <summary>The classic: each anchor a list of nine aliases of the one before, 9^12 values from a few hundred bytes.</summary>
    private static string Laughs()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x]" };
        for (var level = 'b'; level <= 'l'; level++)
            lines.Add($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 9))}]");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Only keys DbGate knows, each value of its kind: 400 aliases of a 400-value list, 160 000 values from 6 KB.</summary>
    private static string Quadratic() =>
        $"""
        seed:
          columns:
            t.id:
              values: &v [{string.Join(",", Enumerable.Repeat("x", 400))}]
        benchmarks:
          queries:
            - name: q
              sql: SELECT 1
              params: [{string.Join(",", Enumerable.Repeat("*v", 400))}]

        """;
}
