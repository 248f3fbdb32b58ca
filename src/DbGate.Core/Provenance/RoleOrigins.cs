using DbGate.Core.Execution;
using DbGate.Core.Migrations;
using DbGate.Core.Observation;
using DbGate.Core.Results;
using DbGate.Core.Snapshots;
using Npgsql;

namespace DbGate.Core.Provenance;

/// <summary>
/// Which migration created each role, for runs whose migrations may create roles (postgres.superuser). Roles are no
/// catalog the snapshots or the observation track, so the role names are read after each up and a new one is that
/// up's; its command tags still say which statement made it when the up made exactly one. Kept in the provenance as
/// <see cref="SchemaObjectKind.Role"/> histories, so a --changed run's cached prefix keeps its roles' origins too.
/// </summary>
internal sealed class RoleOrigins
{
    private readonly HashSet<string> _known;
    private readonly Dictionary<string, Origin> _origins = new(StringComparer.Ordinal);

    private RoleOrigins(HashSet<string> known) => _known = known;

    /// <summary>The roles there before the first migration; those <paramref name="prefix"/> says a migration created keep that origin.</summary>
    public static async Task<RoleOrigins> StartAsync(NpgsqlConnection connection, SchemaProvenance? prefix, CancellationToken cancellationToken)
    {
        var roles = new RoleOrigins(await NamesAsync(connection, cancellationToken));
        foreach (var name in roles._known)
        {
            if (prefix?.Of(new ObjectId(SchemaObjectKind.Role, name))?.Created is { } origin)
                roles._origins[name] = origin;
        }
        return roles;
    }

    /// <summary>Roles created by a migration (its own, or one of a cached prefix), with their origins.</summary>
    public IReadOnlyDictionary<string, Origin> Origins => _origins;

    /// <param name="up">The up as the step loaded it; null in command mode.</param>
    public async Task StepDoneAsync(NpgsqlConnection connection, Migration migration, LoadedScript? up, IReadOnlyList<StatementObservation> statements, CancellationToken cancellationToken)
    {
        var added = (await NamesAsync(connection, cancellationToken)).Where(_known.Add).ToList();
        var creates = statements.Where(s => s.Phase == Phase.Up && s.Command == "CREATE ROLE").ToList();
        foreach (var role in added)
        {
            _origins[role] = added.Count == 1 && creates.Count == 1
                ? new Origin(migration.Id, creates[0].Location, StatementKnown: true)
                : ProvenanceRecorder.OriginOf(migration, up);
        }
    }

    /// <summary><paramref name="provenance"/> with a history for every role a migration created.</summary>
    public SchemaProvenance AddTo(SchemaProvenance provenance)
    {
        if (_origins.Count == 0)
            return provenance;
        var histories = provenance.Histories.ToDictionary(h => h.Key, h => h.Value);
        foreach (var (role, origin) in _origins)
            histories[new ObjectId(SchemaObjectKind.Role, role)] = new ObjectHistory(origin, []);
        return new SchemaProvenance(histories);
    }

    private static async Task<HashSet<string>> NamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT rolname::text FROM pg_catalog.pg_roles", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }
}
