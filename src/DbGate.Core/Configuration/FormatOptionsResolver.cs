using DbGate.Core.Migrations;

namespace DbGate.Core.Configuration;

/// <summary>dbgate.yml's migration-tool sections (placeholders, command, ef) as <see cref="FormatOptions"/>, paths made absolute.</summary>
internal static class FormatOptionsResolver
{
    public static FormatOptions Resolve(ConfigFile config, string configDirectory, string? configPath)
    {
        var placeholders = (config.Placeholders ?? []).ToDictionary(
            p => p.Key, p => EnvironmentReferences.Expand(p.Value ?? "", $"placeholders.{p.Key}"), StringComparer.Ordinal);
        return new FormatOptions(placeholders)
        {
            Command = config.Command is { } command ? Command(command, configDirectory, configPath) : null,
            Ef = config.Ef is { } ef
                ? new EfOptions(
                    Path(ef.Project, configDirectory),
                    Path(ef.StartupProject, configDirectory),
                    ef.Context,
                    ef.ToolVersion ?? EfOptions.DefaultToolVersion,
                    Path(ef.SqlOutput, configDirectory))
                : new EfOptions(),
        };
    }

    private static CommandSteps Command(CommandSection command, string configDirectory, string? configPath)
    {
        string Required(string? value, string key) =>
            value is { Length: > 0 } ? value : throw new ConfigurationException($"command.{key} is missing: command mode needs up, down and list");
        return new CommandSteps(
            Required(command.Up, "up"),
            Required(command.Down, "down"),
            Required(command.List, "list"),
            Path(command.WorkingDirectory, configDirectory) ?? configDirectory,
            command.HistoryTables ?? [])
        {
            ConfigPath = configPath ?? System.IO.Path.Combine(configDirectory, "dbgate.yml"),
        };
    }

    private static string? Path(string? value, string directory) => value is { Length: > 0 } ? System.IO.Path.GetFullPath(value, directory) : null;
}
