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
        new UnusedIgnore(),
    ];
}
