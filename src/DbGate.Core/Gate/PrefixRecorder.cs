using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Provenance;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Gate;

/// <summary>
/// Records the provenance of a --changed run's unchanged prefix as it is applied forward: each up observed statement
/// by statement from a catalog mirror, the schema read after it, as the step loop does for the checked migrations.
/// </summary>
internal sealed class PrefixRecorder
{
    private readonly SnapshotOptions _snapshots;
    private readonly ProvenanceRecorder _provenance = new();
    private CatalogMirror _mirror;
    private RoleOrigins? _roles;

    private PrefixRecorder(SnapshotOptions snapshots, CatalogMirror mirror)
    {
        _snapshots = snapshots;
        _mirror = mirror;
    }

    /// <param name="rolesPossible">The migrations may create roles (postgres.superuser): record which one made each.</param>
    public static async Task<PrefixRecorder> StartAsync(NpgsqlConnection connection, SnapshotOptions snapshots, bool rolesPossible, CancellationToken cancellationToken)
    {
        var recorder = new PrefixRecorder(snapshots, await Baseline.ReadAsync(connection, cancellationToken));
        recorder._provenance.Start(await SnapshotReader.ReadAsync(connection, snapshots, cancellationToken));
        if (rolesPossible)
            recorder._roles = await RoleOrigins.StartAsync(connection, null, cancellationToken);
        return recorder;
    }

    public ScriptObserver Observe(LoadedScript up, bool inTransaction) => new(_mirror.Fork(), up.Script, Phase.Up, inTransaction);

    /// <summary>After an up that succeeded: its changes stay, so the mirror follows them.</summary>
    public async Task RecordAsync(NpgsqlConnection connection, Migration migration, LoadedScript up, ScriptObserver observer, CancellationToken cancellationToken)
    {
        _mirror = observer.Mirror;
        var after = await SnapshotReader.ReadAsync(connection, _snapshots, cancellationToken);
        _provenance.Record(migration, up, after, observer.Statements);
        if (_roles is not null)
            await _roles.StepDoneAsync(connection, migration, up, observer.Statements, cancellationToken);
    }

    public SchemaProvenance Build() => _roles?.AddTo(_provenance.Build()) ?? _provenance.Build();
}
