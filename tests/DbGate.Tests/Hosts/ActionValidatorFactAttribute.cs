namespace DbGate.Tests.Hosts;

/// <summary>
/// A fact that needs <c>action-validator</c> (npm @action-validator/cli, which .ci/run installs): skipped with the
/// reason when it is not on PATH, unless DBGATE_REQUIRE_ACTION_VALIDATOR=1 (as in CI) makes that a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ActionValidatorFactAttribute : FactAttribute
{
    public const string Command = "action-validator";

    public ActionValidatorFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DBGATE_REQUIRE_ACTION_VALIDATOR") != "1" && Find() is null)
            Skip = "action-validator is not on PATH: npm install -g @action-validator/cli@0.6.0 (DBGATE_REQUIRE_ACTION_VALIDATOR=1 makes this a failure).";
    }

    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Command))
            .FirstOrDefault(File.Exists);
}
