namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG304: privileges on a sequence granted to PUBLIC.</summary>
internal sealed class SequenceGrantedToPublic() : SchemaRule("DBG304")
{
    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var sequence in schema.Snapshot.Sequences)
        {
            var granted = Acl.Public(sequence.Privileges?.Acl);
            if (granted.Count == 0)
                continue;
            yield return new SchemaFinding(Id, new(Snapshots.SchemaObjectKind.Sequence, sequence.QualifiedName), sequence.Schema, sequence.OwnedByTable,
                $"sequence {sequence.QualifiedName} grants {string.Join(", ", granted)} to PUBLIC: any role can draw or reset values (setval) of a key in use; "
                + $"REVOKE ALL ON SEQUENCE {schema.QuoteQualified(sequence.QualifiedName)} FROM PUBLIC");
        }
    }
}
