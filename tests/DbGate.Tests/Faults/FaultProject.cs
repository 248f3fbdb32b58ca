using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Faults;

/// <summary>
/// A scratch project for one fault: its migrations, its reports, and a private TMPDIR, so that whatever a run leaves
/// behind (a server directory, a process working in it) is found there and nowhere else.
/// </summary>
internal sealed class FaultProject : IDisposable
{
    /// <summary>How long a test waits for a run to end: a safety net on a loaded machine, not a timing.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How long a run on a server that never answers may take before the test calls it hung: left to the client's
    /// per-statement bound alone (statement_timeout + 60 s) it would take over six minutes.
    /// </summary>
    public static readonly TimeSpan Bounded = TimeSpan.FromMinutes(2);

    private readonly TempFolder _root = new();

    public FaultProject()
    {
        Directory.CreateDirectory(Migrations);
        Directory.CreateDirectory(TempDirectory);
        if (!OperatingSystem.IsWindows())
        {
            // As root the server runs as an unprivileged user, who must be able to reach its directory.
            File.SetUnixFileMode(_root.Path, (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(TempDirectory, (UnixFileMode)Convert.ToInt32("1777", 8));
        }
    }

    public string Path => _root.Path;

    public string Migrations => System.IO.Path.Combine(Path, "migrations");

    public string TempDirectory => System.IO.Path.Combine(Path, "tmp");

    public string Json => System.IO.Path.Combine(Path, "out", "dbgate.json");

    public string Sarif => System.IO.Path.Combine(Path, "out", "dbgate.sarif");

    public string JUnit => System.IO.Path.Combine(Path, "out", "dbgate.junit.xml");

    /// <summary>A golang-migrate step.</summary>
    public FaultProject Step(string name, string up, string down = "SELECT 1;")
    {
        File.WriteAllText(System.IO.Path.Combine(Migrations, $"{name}.up.sql"), up);
        File.WriteAllText(System.IO.Path.Combine(Migrations, $"{name}.down.sql"), down);
        return this;
    }

    /// <summary>A dbgate.yml with the three machine-read reports, and whatever else the fault needs.</summary>
    public FaultProject Config(string extra = "")
    {
        File.WriteAllText(System.IO.Path.Combine(Path, "dbgate.yml"), $"""
            migrations: migrations
            reports:
              json: out/dbgate.json
              sarif: out/dbgate.sarif
              junit: out/dbgate.junit.xml
            {extra}
            """);
        return this;
    }

    /// <summary><c>dbgate check</c> on this project, with TMPDIR pointing at its private folder.</summary>
    public CliProcess Start(params string[] options) => StartWrapped(null, options);

    /// <param name="wrapper">A command that runs the CLI inside some environment, such as a private mount namespace.</param>
    public CliProcess StartWrapped(IReadOnlyList<string>? wrapper, params string[] options) =>
        CliProcess.Start(["check", Path, "--verbose", .. options], new Dictionary<string, string> { ["TMPDIR"] = TempDirectory }, wrapper: wrapper);

    public void Dispose() => _root.Dispose();
}
