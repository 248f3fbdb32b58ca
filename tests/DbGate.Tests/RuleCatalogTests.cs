using DbGate.Core.Rules;

namespace DbGate.Tests;

public sealed class RuleCatalogTests
{
    [Fact]
    public void Front_matter_supplies_every_field()
    {
        var rule = RuleCatalog.Parse("x.md", "---\nid: DBG999\nname: sample\ntitle: A sample\nlevel: warning\ncategory: test\n---\n\nWhy it matters.\n");
        Assert.Equal(("DBG999", "sample", Core.Results.Level.Warning, "Why it matters."), (rule.Id, rule.Name, rule.DefaultLevel, rule.Summary));
    }
}
