using DbGate.Core.Migrations;

namespace DbGate.Core.Setup;

/// <summary>Rails (ActiveRecord) and Alembic: tools with their own one-step up and down commands.</summary>
internal static class ScriptTools
{
    /// <summary>A Gemfile naming rails and db/migrate: <c>bin/rails db:forward</c> and <c>db:rollback</c> move one step by default.</summary>
    public static CommandTool? Rails(DirectoryInfo folder)
    {
        var rails = Path.Combine(folder.FullName, "db", "migrate");
        if (!Directory.Exists(rails) || !SourceText.LinesForDetection(Path.Combine(folder.FullName, "Gemfile")).Any(l => l.Contains("\"rails\"", StringComparison.Ordinal) || l.Contains("'rails'", StringComparison.Ordinal)))
            return null;
        return new CommandTool(
            "rails", "bin/rails db:forward", "bin/rails db:rollback",
            "for f in db/migrate/*.rb; do printf '%s\\t%s\\n' \"$(basename \"$f\" .rb)\" \"$f\"; done",
            ["schema_migrations", "ar_internal_metadata"], CommandTool.Names(rails, "db/migrate", [".rb"]));
    }

    /// <summary>
    /// alembic.ini (its script_location), else alembic/env.py. Alembic orders its revisions by their down_revision
    /// links, not by file name, so the list asks <c>alembic history</c> (newest first, each with its Path), reversed.
    /// </summary>
    public static CommandTool? Alembic(DirectoryInfo folder)
    {
        var ini = Path.Combine(folder.FullName, "alembic.ini");
        var location = ScriptLocation(ini) ?? (File.Exists(Path.Combine(folder.FullName, "alembic", "env.py")) ? "alembic" : null);
        if (location is null)
            return null;
        var versions = Path.Combine(folder.FullName, location, "versions");
        var files = Directory.Exists(versions) ? CommandTool.Names(versions, $"{location}/versions", [".py"]).Where(f => !f.EndsWith("/__init__.py", StringComparison.Ordinal)).ToList() : [];
        return new CommandTool(
            "alembic", "alembic upgrade +1", "alembic downgrade -1",
            "alembic history --verbose | awk '/^Rev:/ { id = $2 } /^Path:/ { print id \"\\t\" substr($0, 7) }' | tac",
            ["alembic_version"], files,
            File.Exists(ini) ? "env.py connects to os.environ[\"DATABASE_URL\"]" : "an alembic.ini here says script_location = alembic (alembic needs one), and env.py connects to os.environ[\"DATABASE_URL\"]");
    }

    /// <summary>The [alembic] section's script_location, relative to the ini's folder; null without one.</summary>
    private static string? ScriptLocation(string ini)
    {
        var section = "";
        foreach (var line in SourceText.LinesForDetection(ini).Select(l => l.Trim()))
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
                section = line[1..^1].Trim();
            else if (section == "alembic" && line.Split('=', 2) is [var key, var value] && key.Trim() == "script_location")
                return value.Trim().Replace("%(here)s/", "", StringComparison.Ordinal).TrimEnd('/') is { Length: > 0 } location && !Path.IsPathRooted(location) && !location.Contains(':', StringComparison.Ordinal) ? location : null;
        }
        return null;
    }
}
