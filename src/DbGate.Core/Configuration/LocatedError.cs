namespace DbGate.Core.Configuration;

/// <summary>A one-line configuration error placed at the dbgate.yml entry that asked for the impossible, when its place is known.</summary>
internal static class LocatedError
{
    /// <param name="subject">What the message is about, as dbgate.yml spells it: <c>seed.columns.orders.status</c>.</param>
    public static ConfigurationException At(ConfigLocation? location, string subject, string message) => At(location, $"{subject}: {message}");

    public static ConfigurationException At(ConfigLocation? location, string message) =>
        new(location is null ? message : $"{location}: {message}");
}
