namespace DbGate.Tests.Infrastructure;

/// <summary>A test that needs root, to shape the machine around one process (mount namespaces); skipped otherwise, with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
            Skip = "needs root to hide the Docker socket in a private mount namespace";
    }
}
