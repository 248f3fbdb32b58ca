using System.Security.Cryptography;
using System.Text;

namespace DbGate.Core.Execution.Privileges;

/// <summary>
/// A SCRAM-SHA-256 password verifier as PostgreSQL stores it (RFC 5802/7677). Sending the verifier rather than the
/// password in CREATE ROLE keeps the password out of the server's log even where log_statement records DDL.
/// </summary>
internal static class ScramVerifier
{
    private const int Iterations = 4096;

    public static string For(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var salted = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var clientKey = HMACSHA256.HashData(salted, "Client Key"u8);
        var storedKey = SHA256.HashData(clientKey);
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }
}
