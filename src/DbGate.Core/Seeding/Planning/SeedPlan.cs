using DbGate.Core.Configuration;
using DbGate.Core.Seeding.Catalog;
using DbGate.Core.Seeding.Values;

namespace DbGate.Core.Seeding.Planning;

/// <summary>Everything the loader does, decided before the first row is sent.</summary>
/// <param name="Tables">In load order: parents before children, cycles broken as each foreign key allows.</param>
/// <param name="BulkForeignKeys">Dropped before loading and added back after, so PostgreSQL checks them in one join instead of once per row.</param>
/// <param name="DeferredForeignKeys">Deferrable keys of a cycle, checked at commit.</param>
internal sealed record SeedPlan(
    IReadOnlyList<TablePlan> Tables,
    IReadOnlyList<SeedForeignKey> BulkForeignKeys,
    IReadOnlyList<SeedForeignKey> DeferredForeignKeys,
    IReadOnlyList<string> Warnings,
    string Description);

/// <param name="Copied">The columns sent by COPY, each with its values.</param>
/// <param name="Computed">Columns dbgate.yml gives as SQL: evaluated by the server, from a staging table holding n.</param>
/// <param name="KeysAfterLoad">Keys to read back once this table is loaded, for children whose values the server assigns.</param>
/// <param name="Repairs">Foreign keys loaded as NULL (a cycle) and set once their parent is loaded.</param>
/// <param name="Location">The dbgate.yml line that decided the row count, for errors about this table.</param>
internal sealed record TablePlan(
    SeedTable Table,
    long Rows,
    SeedSource Source,
    IReadOnlyList<(SeedColumn Column, ColumnFiller Filler)> Copied,
    IReadOnlyList<ComputedColumn> Computed,
    IReadOnlyList<ServerKeys> KeysAfterLoad,
    IReadOnlyList<ForeignKeyRepair> Repairs,
    bool Staged,
    ConfigLocation? Location);

/// <param name="Places">Where each character of <paramref name="Expression"/> is written in dbgate.yml.</param>
internal sealed record ComputedColumn(SeedColumn Column, string Expression, ConfigLocation? Location, YamlValuePlaces? Places = null)
{
    /// <summary>The place of the expression's character at <paramref name="offset"/>, or the entry when dbgate.yml's text is not known.</summary>
    public ConfigLocation? LocationAt(int offset) =>
        Places is not null && Location is not null && Places.At(offset) is var (line, column) ? Location with { Line = line, Column = column } : Location;
}

/// <summary>Sets a foreign key that was loaded as NULL, once the parent's keys exist.</summary>
/// <param name="Child">The table whose rows are updated.</param>
/// <param name="Columns">Child columns, each with the parent's keys it takes (read back from the server).</param>
/// <param name="ParentRow">Which parent key each child row (in ctid order) gets; -1 leaves it NULL.</param>
internal sealed record ForeignKeyRepair(SeedTable Child, SeedForeignKey Key, IReadOnlyList<(SeedColumn Column, ServerKeys Keys)> Columns, IIndexPicker ParentRow, NullMask Nulls);
