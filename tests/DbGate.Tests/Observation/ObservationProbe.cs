using DbGate.Core.Configuration;
using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Snapshots;
using DbGate.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace DbGate.Tests.Observation;

[Collection(PostgresServerGroup.Name)]
public sealed class ObservationProbe(PostgresFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        using var folder = new TempFolder();
        folder.Write("1_t.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, placed_at timestamptz, note varchar(10), qty int);");
        folder.Write("1_t.down.sql", "DROP TABLE orders;");
        folder.Write("2_i.up.sql", "SET lock_timeout = '2s';\nCREATE INDEX orders_placed_at_idx ON orders (placed_at);\nALTER TABLE orders ALTER COLUMN qty TYPE bigint, ADD COLUMN z int DEFAULT 3;\nALTER TABLE orders ALTER COLUMN note SET NOT NULL;\nALTER TABLE orders ADD CONSTRAINT c CHECK (qty > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;\nALTER TABLE orders RENAME COLUMN z TO zz;\nALTER TABLE orders DROP COLUMN zz;");
        folder.Write("2_i.down.sql", "DROP INDEX orders_placed_at_idx;");
        folder.Write("3_c.up.sql", "CREATE INDEX CONCURRENTLY orders_qty ON orders (qty);");
        folder.Write("4_v.up.sql", "VACUUM FULL orders;");
        await using var pg = await new Core.Providers.External.ExternalPostgresProvider(server.AdminConnectionString).StartAsync(CancellationToken.None);
        await using var db = await WorkDatabase.CreateAsync(pg, TimeSpan.FromMinutes(1), CancellationToken.None);
        await using var runner = await StepRunner.StartAsync(db, SnapshotOptions.Default, false, CancellationToken.None, ProductionSizes.None);
        foreach (var m in MigrationDiscovery.Discover(folder.Path, folder.Path, "auto"))
        {
            var facts = await runner.RunAsync(m, false, CancellationToken.None);
            output.WriteLine($"== {m.Id} up {facts.Up.Outcome} {facts.Up.Failure} down {facts.Down.Outcome} {facts.Down.Failure}");
            foreach (var s in facts.Statements)
            {
                output.WriteLine($"{s.Location} [{s.Phase}] {s.Command} tx={s.InTransaction} polled={s.LocksPolled} lt={s.Before.LockTimeout} tz={s.Before.TimeZone} dur={s.Duration.TotalMilliseconds:0.0}ms rows={s.RowsAffected}");
                output.WriteLine("   held: " + string.Join(", ", s.HeldBefore.Select(l => $"{l.Name}:{l.Mode}")));
                output.WriteLine("   taken: " + string.Join(", ", s.Taken.Select(l => $"{l.Name}:{l.Mode}{(l.PreExisting ? "*" : "")}")));
                output.WriteLine("   rewrites: " + string.Join(", ", s.Rewrites.Select(r => $"{r.What} {r.Name} {r.FileNodeBefore}->{r.FileNodeAfter}")));
                output.WriteLine("   scanned: " + string.Join(", ", s.Scanned.Select(r => r.Name)));
                output.WriteLine("   changes: " + string.Join(", ", s.Changes.Select(c => $"{c.Kind} {c.Target}{(c.PreExisting ? "*" : "")}")));
                output.WriteLine("   notices: " + string.Join(", ", s.Notices.Select(n => n.Message)));
            }
        }
    }
}
