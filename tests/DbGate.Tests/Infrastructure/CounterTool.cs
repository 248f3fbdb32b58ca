namespace DbGate.Tests.Infrastructure;

/// <summary>
/// The smallest migration tool command mode can drive: a step counter in a file stands for the tool's history, up
/// applies up{n+1}.sql with psql, down reverts down{n}.sql. The scripts live in the folder the commands run in.
/// </summary>
public static class CounterTool
{
    public const string Up = "n=$(($(cat n 2>/dev/null || echo 0) + 1)); psql -X -q -v ON_ERROR_STOP=1 -f up$n.sql && echo $n > n";
    public const string Down = "n=$(cat n); psql -X -q -v ON_ERROR_STOP=1 -f down$n.sql && echo $((n - 1)) > n";
}
