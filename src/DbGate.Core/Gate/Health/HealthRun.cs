using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Provenance;
using DbGate.Core.Results;
using DbGate.Core.Rules.Schema;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Gate.Health;

/// <summary>
/// The health checks' part of a run: provenance recorded after every up, then, over the final schema, one snapshot
/// with privileges, one query for the facts the snapshot lacks, the rules, and findings placed at their objects' origins.
/// </summary>
internal sealed class HealthRun
{
    private readonly HealthSettings _settings;
    private readonly SnapshotOptions _snapshots;
    private readonly ProductionSizes _sizes;
    private readonly ProvenanceRecorder _provenance = new();
    private RoleOrigins? _roles;

    /// <summary>The schema as the last step (or the start) read it, when that read included privileges: then it is the final snapshot.</summary>
    private SchemaSnapshot? _latest;
    private readonly List<string> _stepped = [];
    private readonly System.Diagnostics.Stopwatch _recording = new();

    private HealthRun(SnapshotOptions snapshots, HealthSettings settings, ProductionSizes sizes)
    {
        _snapshots = snapshots with { IncludePrivileges = true };
        _settings = settings;
        _sizes = sizes;
    }

    /// <param name="rolesPossible">Migrations run with the right to create roles (postgres.superuser): watch the roles after each up.</param>
    /// <param name="snapshots">The run's snapshot options (its format's history tables); privileges are added.</param>
    /// <param name="prefix">Where the objects of a --changed run's unchanged migrations came from, when it was recorded.</param>
    public static async Task<HealthRun> StartAsync(WorkDatabase database, SchemaSnapshot before, SchemaProvenance? prefix, SnapshotOptions snapshots, HealthSettings settings, ProductionSizes sizes, bool rolesPossible, CancellationToken cancellationToken)
    {
        var run = new HealthRun(snapshots, settings, sizes);
        run._provenance.Start(before, prefix);
        run._latest = snapshots.IncludePrivileges ? before : null;
        if (rolesPossible)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            run._roles = await RoleOrigins.StartAsync(connection, prefix, cancellationToken);
        }
        return run;
    }

    /// <param name="up">The up as the step loaded it; null in command mode.</param>
    /// <param name="statements">The step's observed statements, which place origins at statements.</param>
    public async Task StepDoneAsync(WorkDatabase database, Migration migration, LoadedScript? up, SchemaSnapshot after, IReadOnlyList<Observation.StatementObservation> statements, CancellationToken cancellationToken)
    {
        _recording.Start();
        _provenance.Record(migration, up, after, statements);
        _recording.Stop();
        if (_latest is not null)
            _latest = after;
        _stepped.Add(migration.Id);
        if (_roles is null)
            return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await _roles.StepDoneAsync(connection, migration, up, statements, cancellationToken);
    }

    /// <param name="partial">The run checks only some migrations (--changed), applied after the others without being stepped through.</param>
    /// <param name="options">Whose rules: and overrides level the findings, as the gate's other findings.</param>
    public async Task<HealthOutcome> FinishAsync(WorkDatabase database, Configuration.GateOptions options, bool partial, Action<string> log, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The run's own snapshots have privileges when it compares them (round_trip.privileges): the last one is the final schema.
        var snapshot = _latest ?? await SnapshotReader.ReadAsync(connection, _snapshots, cancellationToken);
        var facts = await SchemaFactsReader.ReadAsync(connection, snapshot, _snapshots, cancellationToken);
        var created = facts.Roles.Where(r => _roles?.Origins.ContainsKey(r.Name) == true).ToList();
        var model = new SchemaModel(snapshot, facts, _settings, _sizes, created);
        var provenance = _roles?.AddTo(_provenance.Build()) ?? _provenance.Build();
        var findings = SchemaRules.All
            .SelectMany(rule => rule.Check(model))
            .Select(f => Level(f, HealthFindings.Place(f, provenance, Rules.RuleCatalog.Get(f.RuleId).DefaultLevel), options))
            .Where(f => f.Level != Results.Level.None)
            .ToList();
        // The change a reviewer looks at: the migrations a --changed run checks, else the last one.
        var change = partial ? _stepped : _stepped.TakeLast(1).ToList();
        var touched = Docs.ChangedTables.Of(snapshot, provenance, change);
        log(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"schema health: {findings.Count} findings; provenance took {_recording.Elapsed.TotalMilliseconds:0} ms over the run, the checks {clock.Elapsed.TotalMilliseconds:0} ms"));
        return new HealthOutcome(findings, touched.Count == 0 ? null : Docs.MermaidErDiagram.Render(snapshot, touched, withNeighbours: true));
    }

    /// <summary>The rule's level, dbgate.yml's rules and overrides as for every finding, then the last health.exclude
    /// entry that matches.</summary>
    private Finding Level(SchemaFinding finding, Finding placed, Configuration.GateOptions options)
    {
        var levelled = Judge.Levelled(options, placed);
        foreach (var exclusion in _settings.Exclusions.Where(e => e.Matches(finding)))
            levelled = levelled with { Level = exclusion.Level };
        return levelled;
    }
}

/// <param name="ChangeDiagram">Mermaid erDiagram of the tables the change touched (the last migration, or those a
/// --changed run checks), with their neighbours.</param>
internal sealed record HealthOutcome(IReadOnlyList<Finding> Findings, string? ChangeDiagram)
{
    public static HealthOutcome None { get; } = new([], null);
}
