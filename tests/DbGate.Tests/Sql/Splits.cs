using DbGate.Core.Sql;

namespace DbGate.Tests.Sql;

internal static class Splits
{
    public static string[] Texts(string source) => [.. SqlSplitter.Split(source).Select(statement => statement.Text)];

    public static SqlStatement Single(string source) => Assert.Single(SqlSplitter.Split(source));
}
