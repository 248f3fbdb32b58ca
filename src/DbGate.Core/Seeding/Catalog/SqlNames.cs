namespace DbGate.Core.Seeding.Catalog;

internal static class SqlNames
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Qualified(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>A string literal, standard_conforming_strings style.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
