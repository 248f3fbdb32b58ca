namespace DbGate.Tests.Formats;

/// <summary>
/// A test that drives the real Alembic (Debian's alembic and python3-psycopg2): skipped with the reason when alembic is
/// not on PATH, unless DBGATE_REQUIRE_ALEMBIC=1 (CI, which installs it) makes that a failure.
/// </summary>
public sealed class AlembicFactAttribute : FactAttribute
{
    public AlembicFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "alembic")));
        if (!found && Environment.GetEnvironmentVariable("DBGATE_REQUIRE_ALEMBIC") != "1")
            Skip = "alembic not found: apt-get install alembic python3-psycopg2 (DBGATE_REQUIRE_ALEMBIC=1 makes this a failure)";
    }
}
