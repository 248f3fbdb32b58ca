using System.Text.RegularExpressions;
using DbGate.Core.Results;
using Npgsql;

namespace DbGate.Core.Configuration;

/// <summary>
/// The secrets of one run (passwords from connection strings and PGPASSWORD, whole values of the variables that hold
/// them) and the one place every line and report passes through before anyone sees it. Each component already
/// keeps secrets out of its messages; this is the last line of defence against one that forgets, such as a library
/// quoting a connection string in an exception, or a connection string typed where a folder was expected.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>Where a secret stood; never the secret itself.</summary>
    public const string Mask = "***";

    // Shorter values would turn ordinary words into asterisks; a password that short is not protected anyway.
    private const int ShortestSecret = 4;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);

    /// <summary>With the secrets every run has: DBGATE_CONNECTION and PGPASSWORD (which Npgsql reads) from the environment.</summary>
    public static SecretRedactor FromEnvironment()
    {
        var redactor = new SecretRedactor();
        redactor.AddConnection(Environment.GetEnvironmentVariable(Gate.ProviderSelector.ConnectionVariable));
        redactor.Add(Environment.GetEnvironmentVariable("PGPASSWORD"));
        return redactor;
    }

    /// <summary>The password in a connection string, or null when it has none or cannot be read.</summary>
    public static string? PasswordOf(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
            return null;
        // postgres://user:password@host: not Npgsql's form, but what many CI settings hold.
        if (UriPassword().Match(connectionString) is { Success: true } uri)
            return uri.Groups["password"].Value is { Length: > 0 } inUri ? Uri.UnescapeDataString(inUri) : null;
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } password ? password : null;
        }
        catch (ArgumentException)
        {
            return PasswordPair().Match(connectionString) is { Success: true } pair ? pair.Groups["value"].Value.Trim('\'', '"') : null;
        }
    }

    public void Add(string? secret)
    {
        if (secret is { Length: >= ShortestSecret })
            _secrets.Add(secret);
    }

    /// <summary>The whole connection string (it may be quoted somewhere) and its password.</summary>
    public void AddConnection(string? connectionString)
    {
        if (PasswordOf(connectionString) is not { } password)
            return;
        Add(password);
        Add(connectionString);
    }

    public string Redact(string text)
    {
        // Longest first, so a connection string goes whole rather than around its password.
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        // "Password=…" is a hint in a message, not a password.
        text = PasswordPair().Replace(text, match => match.Groups["value"].Value == "…" ? match.Value : $"{match.Groups["key"].Value}={Mask}");
        return UriPassword().Replace(text, match => $"{match.Groups["before"].Value}{Mask}@");
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>The same result with every text in it redacted, for the report writers.</summary>
    public GateResult Redact(GateResult result) => result with
    {
        Server = Redact(result.Server),
        Interruption = RedactOrNull(result.Interruption),
        Steps = [.. result.Steps.Select(s => s with { Reason = RedactOrNull(s.Reason) })],
        Findings = [.. result.Findings.Select(f => f with { Message = Redact(f.Message), Details = [.. f.Details.Select(Redact)] })],
    };

    /// <summary>Password=… or Pwd=… in a connection string, up to the next ';'; PGPASSWORD=… in a shell command.</summary>
    [GeneratedRegex(@"(?<key>\b(?:pgpassword|password|pwd))\s*=\s*(?<value>'[^']*'|""[^""]*""|[^;\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPair();

    /// <summary>scheme://user:password@host, as in postgresql:// URIs.</summary>
    [GeneratedRegex(@"(?<before>\b[a-z][a-z0-9+.-]*://[^\s/:@]*:)(?<password>[^\s/@]*)@", RegexOptions.IgnoreCase)]
    private static partial Regex UriPassword();
}
