using DbGate.Core.Snapshots;

namespace DbGate.Tests.Snapshots;

/// <summary>Value semantics of the snapshot model, without a server.</summary>
public sealed class SnapshotEqualityTests
{
    private static readonly TableDefinition Users = new(
        "public", "users", "table", false, false, false, null, null, [], null, "heap", [], "DEFAULT", null, [],
        [new ColumnDefinition("id", "integer", true, null, null, null, null, null, null, null, null)], null, null);

    [Fact]
    public void Snapshots_built_from_equal_parts_are_equal()
    {
        var one = SchemaSnapshot.Empty with { Tables = [Users] };
        var other = SchemaSnapshot.Empty with { Tables = [Users with { Columns = [.. Users.Columns] }] };

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Empty(SchemaDiff.Compare(one, other));
    }

    [Fact]
    public void Snapshots_read_from_the_same_document_are_known_equal_without_being_compared()
    {
        var one = SchemaSnapshot.Empty with { Tables = [Users] };
        var other = SchemaSnapshot.Empty with { Tables = [Users] };
        SnapshotDigest.Remember(one, "{\"tables\":[]}"u8);
        SnapshotDigest.Remember(other, "{\"tables\":[]}"u8);

        Assert.True(SnapshotDigest.ReadFromSameDocument(one, other));
    }

    [Fact]
    public void A_copy_made_with_with_is_not_vouched_for_by_the_digest_of_the_original()
    {
        var original = SchemaSnapshot.Empty with { Tables = [Users] };
        SnapshotDigest.Remember(original, "{}"u8);

        var changed = original with { Tables = [Users with { Name = "people" }] };

        Assert.False(SnapshotDigest.ReadFromSameDocument(original, changed));
        Assert.Equal(
            ["table public.people was left behind", "table public.users is missing"],
            SchemaDiff.Compare(original, changed).Select(d => d.Description));
    }

    [Fact]
    public void Differences_are_sorted_by_object_kind_then_name()
    {
        var expected = SchemaSnapshot.Empty with { Tables = [Users with { Name = "b" }, Users with { Name = "a" }] };
        var actual = SchemaSnapshot.Empty with { Enums = [new EnumDefinition("public", "mood", ["ok"], null, null)] };

        var differences = SchemaDiff.Compare(expected, actual).Select(d => d.Description);

        Assert.Equal(["table public.a is missing", "table public.b is missing", "enum public.mood was left behind"], differences);
    }
}
