using DbGate.Core.Execution;
using DbGate.Core.Results;
using DbGate.Core.Rules.Lint;
using DbGate.Core.Rules.Reversibility;

namespace DbGate.Core.Rules;

/// <summary>The one list of step rules; a test checks it against rules/*.md so neither can drift.</summary>
public static class StepRules
{
    public static IReadOnlyList<IStepRule> All { get; } =
    [
        new UpFails(),
        new DownFails(),
        new DownDoesNotRestore(),
        new UpNotRepeatable(),
        new DownMissing(),
        new ColumnOrderNotRestored(),
        new DataNotPreserved(),
        new VerifyFails(),
        new IndexWithoutConcurrently(),
        new TableRewrite(),
        new ValidatedConstraintOnExistingTable(),
        new UniqueUnderAccessExclusive(),
        new SetNotNullScans(),
        new ScanUnderEarlierLock(),
        new LockWithoutTimeout(),
        new StatementsAfterAccessExclusive(),
        new RequiredColumnAdded(),
        new ColumnDropped(),
        new TableDropped(),
        new ColumnRenamed(),
        new TableRenamed(),
        new TruncateExistingTable(),
        new TriggerOnExistingTable(),
        new ColumnTypeChanged(),
        new EnumValueRenamed(),
        new DropIndexWithoutConcurrently(),
        new ReindexWithoutConcurrently(),
        new DetachPartitionWithoutConcurrently(),
        new AttachPartitionScans(),
        new InvalidIndexLeft(),
        new BackfillWithSchemaChange(),
        new TransactionLeftOpen(),
        new TransactionControlInToolTransaction(),
        new IdentifierTruncated(),
        new TimeZoneDependentConversion(),
        new PartitionedIndexBuilt(),
        new DomainConstraintValidated(),
        new RefreshWithoutConcurrently(),
        new PartitionCreatedUnderAccessExclusive(),
    ];

    /// <summary>
    /// Every rule over one step, in order, and DBG199 last, from the statement rules' findings: each rule runs once.
    /// </summary>
    public static IEnumerable<Finding> Check(StepFacts step)
    {
        var statementFindings = new List<Finding>();
        foreach (var rule in All)
        {
            var findings = rule.Check(step).ToList();
            if (rule is StatementRule)
                statementFindings.AddRange(findings);
            foreach (var finding in findings)
                yield return finding;
        }
        foreach (var finding in UnusedIgnore.Check(step, statementFindings))
            yield return finding;
    }
}
