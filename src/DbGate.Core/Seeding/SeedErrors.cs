using DbGate.Core.Configuration;

namespace DbGate.Core.Seeding;

/// <summary>Seeding's configuration errors: one line, located at the dbgate.yml entry that asked for the impossible.</summary>
internal static class SeedErrors
{
    /// <param name="subject">What the message is about, as dbgate.yml spells it: <c>seed.columns.orders.status</c>.</param>
    public static ConfigurationException At(ConfigLocation? location, string subject, string message) =>
        new(location is null ? $"{subject}: {message}" : $"{location}: {subject}: {message}");
}
