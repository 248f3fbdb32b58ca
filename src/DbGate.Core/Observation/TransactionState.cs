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

    public void Observed(IEnumerable<(long Oid, LockMode Mode)> locks, IEnumerable<CatalogRow> rows)
    {
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
    public void After(string transactionControl)
    {
        if (inDbGateTransaction)
            return;
        switch (StatementWords.First(transactionControl))
        {
            case "BEGIN" or "START":
                _userBlock = true;
                break;
            case "COMMIT" or "END" or "ROLLBACK" or "ABORT" or "PREPARE":
                if (StatementWords.Second(transactionControl) is "TO" or "PREPARED")
                    break;
                _userBlock = false;
                Reset();
                break;
        }
    }
}
