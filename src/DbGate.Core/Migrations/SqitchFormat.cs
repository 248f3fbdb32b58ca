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
            string PathOf(string directory, string name) => Path.Combine(settings.TopDirectory, directory, name + ".sql");
            // As sqitch does: the first name whose deploy script exists, else the first name (and then it is missing).
            var id = change.ScriptNames.FirstOrDefault(n => File.Exists(PathOf(settings.DeployDirectory, n))) ?? change.ScriptNames[0];
            MigrationScript? Script(string directory) => PathOf(directory, id) is var path && File.Exists(path) ? context.Script(path) : null;

            var deploy = Script(settings.DeployDirectory)
                ?? throw new Configuration.ConfigurationException($"{context.Relative(plan)}:{change.Line}: change {change.Name} has no {settings.DeployDirectory}/{id}.sql");
            return new Migration(id, Migration.PositionVersion(index), deploy, Script(settings.RevertDirectory), RunInTransaction: false)
            {
                Verify = Script(settings.VerifyDirectory),
                OutsideTransactionHint = "sqitch runs the script with psql: end the script's own transaction (COMMIT) before the statement",
            };
        }).ToList();
        return new MigrationSet(Name, migrations, HistoryScope.OfSchema("sqitch"));
    }
}
