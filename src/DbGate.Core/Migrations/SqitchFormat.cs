namespace DbGate.Core.Migrations;

/// <summary>
/// sqitch: changes in sqitch.plan order; <c>deploy/</c>, <c>revert/</c> and <c>verify/</c> scripts of the same name. sqitch
/// runs each script with psql, statement by statement, so a script's own BEGIN … COMMIT is its transaction; the verify
/// runs after each deploy, and its failure is a finding.
/// </summary>
internal sealed class SqitchFormat : IMigrationFormat
{
    public string Name => "sqitch";

    public bool Recognises(DirectoryInfo folder) => File.Exists(Path.Combine(folder.FullName, "sqitch.plan")) || File.Exists(Path.Combine(folder.FullName, "sqitch.conf"));

    public MigrationSet Discover(DiscoveryContext context)
    {
        var settings = SqitchConfig.Read(context.Folder);
        var plan = settings.PlanFile;
        if (!File.Exists(plan))
            throw new Configuration.ConfigurationException($"{context.Relative(plan)} not found");
        var migrations = SqitchPlan.Read(SourceText.Read(context, plan), context.Relative(plan)).Select((change, index) =>
        {
            MigrationScript? Script(string directory) =>
                Path.Combine(settings.TopDirectory, directory, change.ScriptName + ".sql") is var path && File.Exists(path) ? context.Script(path) : null;

            var deploy = Script(settings.DeployDirectory)
                ?? throw new Configuration.ConfigurationException($"{context.Relative(plan)}:{change.Line}: change {change.Name} has no {settings.DeployDirectory}/{change.ScriptName}.sql");
            var id = change.ScriptName;
            return new Migration(id, Migration.PositionVersion(index), deploy, Script(settings.RevertDirectory), RunInTransaction: false)
            {
                Verify = Script(settings.VerifyDirectory),
                OutsideTransactionHint = "sqitch runs the script with psql: end the script's own transaction (COMMIT) before the statement",
            };
        }).ToList();
        return new MigrationSet(Name, migrations, HistoryScope.OfSchema("sqitch"));
    }
}
