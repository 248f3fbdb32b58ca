using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Checks;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>
/// A partial unique index too small for every row (one owner per team, more members than teams): as many rows as the
/// key holds are chosen to fall under the index, each with a distinct key; every other row is steered out of it by
/// its WHERE column (another role, NOT NULL, false). Only rows under the index need distinct keys, so the key's own
/// distribution still holds for the rest.
/// </summary>
internal static class PartialUniquePlanner
{
    public static bool TryPlan(TableWork work, SeedUniqueKey key, Slot slot)
    {
        if (!work.Predicates.TryGetValue(key.Name, out var recognized) || recognized.Predicate is not { } predicate
            || work.Column(predicate.Column) is not { Referencing: false } column || work.Slots[predicate.Column] is not { Key: null, Unique: false, Digit: false } steered
            || steered == slot)
            return false;
        // A digit of a composite key keeps its picker (the composite key needs it); other keys get distinct indexes here.
        var scattered = slot.Picker is DigitPicker ? null : new ScatteredRows(work.Rows, slot.Size, SeedHash.Derive(work.Stream, "partial:" + key.Name));
        var subset = scattered ?? (RowSubset)new DigitRows((DigitPicker)slot.Picker!);
        switch (predicate.Kind)
        {
            case PredicateKind.IsNull:
                column.Nulls = column.Nulls.Within(subset, nullOutside: false);
                break;
            case PredicateKind.IsNotNull when !column.Column.NotNull && !column.Column.Type.DomainNotNull:
                column.Nulls = column.Nulls.Within(subset, nullOutside: true);
                break;
            case PredicateKind.IsTrue or PredicateKind.IsFalse or PredicateKind.Equals:
                var avoided = predicate.Kind switch
                {
                    PredicateKind.IsTrue => column.IndexesOf("True"),
                    PredicateKind.IsFalse => column.IndexesOf("False"),
                    _ => recognized.Constant is { HasValue: true } constant ? column.IndexesOf(constant.Value!) : new HashSet<long>(),
                };
                if (avoided.Count == 0 || avoided.Count >= column.Size)
                    return avoided.Count == 0; // no value matches: no row is under the index at all
                steered.Picker = new AvoidingPicker(steered.Picker ?? ColumnChecks.DefaultPicker(column) ?? new UniformPicker(column.Size, SeedHash.Derive(column.Spec.Stream, "pick")), avoided, column.Size, subset);
                break;
            default:
                return false;
        }
        if (scattered is null)
            return true;
        var others = slot.Picker ?? (slot.Key is { } foreignKey
            ? ForeignKeyConnector.DefaultPicker(slot, foreignKey.Parent == foreignKey.Table)
            : ColumnChecks.DefaultPicker(slot.Columns[0]) ?? new UniformPicker(slot.Size, SeedHash.Derive(slot.Stream, "partial")));
        slot.Picker = new SubsetKeyPicker(scattered, others);
        return true;
    }
}
