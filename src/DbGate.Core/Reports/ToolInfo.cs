using System.Reflection;

namespace DbGate.Core.Reports;

internal static class ToolInfo
{
    public const string Name = "DbGate";

    public static readonly Uri InformationUri = new("https://github.com/dbgate-ci/dbgate");

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";
}
