using DbGate.Core.Snapshots;

namespace DbGate.Core.Rules.Schema.Security;

/// <summary>DBG315 (note): a column whose name says secret (password, token…) stored as plain text.</summary>
internal sealed class SecretInPlainText() : SchemaRule("DBG315")
{
    // Words after which the value is about a secret rather than the secret itself.
    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal)
    {
        "hash", "hashed", "digest", "encrypted", "enc", "crypt", "crypted", "bcrypt", "salt", "hint", "name", "type", "kind",
        "id", "count", "expires", "expiry", "expiration", "at", "prefix", "suffix", "last4", "length", "required", "policy", "scope", "scopes",
    };

    public override IEnumerable<SchemaFinding> Check(SchemaModel schema)
    {
        foreach (var table in schema.Tables)
        {
            foreach (var column in table.Columns.Where(c => ColumnTypes.IsText(schema.BaseType(c.Type))))
            {
                var words = column.Name.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
                var secret = schema.Settings.SecretWords.FirstOrDefault(w => Contains(words, w.Split('_')));
                if (secret is null || words.Any(Harmless.Contains))
                    continue;
                yield return Found(ObjectId.Column(table.QualifiedName, column.Name), table.QualifiedName,
                    $"{table.QualifiedName}.{column.Name} looks like a secret ({secret}) and is stored as {column.Type}: anyone who can read the table, a backup or a log "
                    + "of it reads the secret itself; store a hash (a password: bcrypt or argon2 in the application, or pgcrypto's crypt()) or encrypt it, as bytea");
            }
        }
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
                return true;
        }
        return false;
    }
}
