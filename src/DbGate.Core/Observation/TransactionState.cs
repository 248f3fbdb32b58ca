using DbGate.Core.Sql;

namespace DbGate.Core.Observation;

/// <summary>
/// What the observation needs to know about the transaction the next statement runs in: whether there is one, the
/// locks earlier statements of it hold, and the command id after which catalog rows are the next statement's.
/// </summary>
internal sealed class TransactionState(bool inDbGateTransaction)
{
    private bool _userBlock;

    public bool InBlock => inDbGateTransaction || _userBlock;

    public HashSet<(long Oid, Observation.LockMode Mode)> Held { get; private set; } = [];

    /// <summary>-1 at the start of a transaction: every row it wrote is the next statement's.</summary>
    public long AfterCommandId { get; private set; } = -1;

    private bool _rolledBackToSavepoint;

    /// <summary>
    /// The locks earlier statements still hold as the next one starts, given those held after it. A ROLLBACK TO since
    /// the last statement released the locks taken after its savepoint: those are the ones no longer held. (A lock
    /// it released that the statement took again counts as held before it.)
    /// </summary>
    public IReadOnlySet<(long Oid, LockMode Mode)> HeldBefore(IReadOnlyCollection<(long Oid, LockMode Mode)> now) =>
        _rolledBackToSavepoint ? Held.Where(now.Contains).ToHashSet() : Held;

    public void Observed(IEnumerable<(long Oid, LockMode Mode)> locks, IEnumerable<CatalogRow> rows)
    {
        _rolledBackToSavepoint = false;
        if (!InBlock)
            return;
        Held = [.. locks];
        foreach (var row in rows)
            AfterCommandId = Math.Max(AfterCommandId, row.CommandId);
    }

    /// <summary>The transaction ended: locks are released and command ids start again.</summary>
    public void Reset()
    {
        Held = [];
        AfterCommandId = -1;
    }

    /// <summary>Follows the script's own BEGIN and COMMIT when DbGate holds no transaction around it.</summary>
    public void After(SqlStatement transactionControl)
    {
        // Savepoints run inside DbGate's transaction too.
        if (transactionControl.TransactionEffect == TransactionEffect.Savepoint && StatementWords.First(transactionControl.Text) == "ROLLBACK")
            _rolledBackToSavepoint = true;
        if (inDbGateTransaction)
            return;
        switch (transactionControl.TransactionEffect)
        {
            case TransactionEffect.Begin:
                _userBlock = true;
                break;
            case TransactionEffect.Commit or TransactionEffect.Rollback:
                // AND CHAIN opens the next block at once, with no lock of the one it ended.
                _userBlock = transactionControl.ChainsTransaction;
                Reset();
                break;
        }
    }
}
