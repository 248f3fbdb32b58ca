namespace DbGate.Core.Migrations;

/// <summary>A migration tool's folder layout. New formats (Flyway, sqitch, …) plug in here.</summary>
internal interface IMigrationFormat
{
    /// <summary>The name used in dbgate.yml's <c>format:</c> key.</summary>
    string Name { get; }

    /// <summary>True when the folder holds migrations laid out this way.</summary>
    bool Recognises(DirectoryInfo folder);

    /// <summary>The migrations in the order the tool applies them. Throws ConfigurationException on a malformed folder.</summary>
    IReadOnlyList<Migration> Discover(DirectoryInfo folder, string projectRoot);
}
