namespace DbGate.Core.Migrations;

/// <summary>The few sqitch.conf settings that move files: core.top_dir, core.plan_file and the script folders.</summary>
/// <param name="PlanFile">The plan's full path.</param>
internal sealed record SqitchConfig(string TopDirectory, string PlanFile, string DeployDirectory, string RevertDirectory, string VerifyDirectory)
{
    public static SqitchConfig Read(DirectoryInfo folder)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var path = Path.Combine(folder.FullName, "sqitch.conf");
        var section = "";
        foreach (var line in SourceText.IsPlainFile(path) ? File.ReadLines(path).Select(l => l.Trim()) : [])
        {
            if (line.StartsWith('[') && line.EndsWith(']'))
                section = line[1..^1].Split(' ')[0].Trim();
            else if (line.Contains('=', StringComparison.Ordinal) && line[0] is not ('#' or ';'))
                settings[$"{section}.{line[..line.IndexOf('=', StringComparison.Ordinal)].Trim()}"] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('"');
        }
        var top = Path.GetFullPath(settings.GetValueOrDefault("core.top_dir") ?? ".", folder.FullName);
        return new SqitchConfig(
            top,
            settings.GetValueOrDefault("core.plan_file") is { } plan ? Path.GetFullPath(plan, folder.FullName) : Path.Combine(top, "sqitch.plan"),
            settings.GetValueOrDefault("core.deploy_dir") ?? "deploy",
            settings.GetValueOrDefault("core.revert_dir") ?? "revert",
            settings.GetValueOrDefault("core.verify_dir") ?? "verify");
    }
}
