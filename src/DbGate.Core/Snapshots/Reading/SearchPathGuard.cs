using Npgsql;

namespace DbGate.Core.Snapshots;

/// <summary>
/// format_type, regclass and every pg_get_*def print a name unqualified when it is visible on the search_path, so the
/// snapshot query must run under a fixed one, yet the caller (possibly mid-transaction, about to run a down script)
/// must get its own back. These statements travel in the same batch as the query: the caller's value is stashed in a
/// transaction-local custom setting and put back, also transaction-locally, so the round trip stays single.
/// Outside a transaction block the batch is one implicit transaction and both settings vanish with it; inside one, the
/// restored local value equals the caller's and ends with the transaction just as the caller's own would. The only
/// trace is that <c>dbgate.caller_search_path</c> reads as an empty string afterwards instead of being unknown.
/// </summary>
internal static class SearchPathGuard
{
    // Qualified because they run before the search_path is fixed.
    private const string Stash =
        "SELECT pg_catalog.set_config('dbgate.caller_search_path', pg_catalog.current_setting('search_path'), true)";

    // pg_temp named last, or it would be searched first for relations and could shadow catalogs.
    private const string Pin = "SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true)";

    /// <summary>
    /// Stash and pin in one statement, for the observation, which sends it with every statement it observes: the WHERE
    /// clause, which stashes, is a one-time filter the executor evaluates before the select list, which pins.
    /// </summary>
    public const string StashAndPin =
        "SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true) "
        + "WHERE pg_catalog.set_config('dbgate.caller_search_path', pg_catalog.current_setting('search_path'), true) IS NOT NULL";

    private const string Restore =
        "SELECT pg_catalog.set_config('search_path', pg_catalog.current_setting('dbgate.caller_search_path'), true)";

    /// <summary>How many result sets precede the wrapped statement's.</summary>
    public const int LeadingResults = 2;

    public static NpgsqlBatch Wrap(NpgsqlConnection connection, NpgsqlBatchCommand command) =>
        new(connection)
        {
            BatchCommands = { new NpgsqlBatchCommand(Stash), new NpgsqlBatchCommand(Pin), command, new NpgsqlBatchCommand(Restore) },
        };
}
