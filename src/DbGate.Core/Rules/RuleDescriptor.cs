using DbGate.Core.Results;

namespace DbGate.Core.Rules;

/// <summary>A rule's metadata, read from the front matter of <c>rules/&lt;ID&gt;.md</c> and nowhere else.</summary>
/// <param name="Id">Permanent id, such as DBG002; never reused.</param>
/// <param name="Name">kebab-case name, such as down-fails.</param>
/// <param name="Title">One line for lists and SARIF's shortDescription.</param>
/// <param name="DefaultLevel">Level before configuration.</param>
/// <param name="Category">Group, such as reversibility.</param>
/// <param name="Help">The Markdown body: why it matters, how to fix it, examples.</param>
public sealed record RuleDescriptor(string Id, string Name, string Title, Level DefaultLevel, string Category, string Help)
{
    public const string DocumentationBase = "https://github.com/dbgate-ci/dbgate/blob/main/rules/";

    public Uri HelpUri => new(DocumentationBase + Id + ".md");

    /// <summary>The first paragraph of the body, for SARIF's fullDescription.</summary>
    public string Summary =>
        Help.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Trim())
            .FirstOrDefault(p => p.Length > 0 && !p.StartsWith('#')) ?? Title;
}
