using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DbGate.Core.Configuration;

/// <summary>
/// Reads a YAML text's events once, before anything builds a tree of it, and refuses what would crash or hang the
/// readers after it: nesting deep enough to overflow YamlDotNet's recursive loader (the process dies, stack trace
/// and all), and aliases that expand to a huge tree (a "billion laughs" file a few KB long). Also turns a parser
/// that gives up without a YamlException into a located error. A dbgate.yml needs neither.
/// </summary>
internal static class YamlLimits
{
    public const int MaxDepth = 64;
    public const long MaxExpandedNodes = 100_000;

    public static void Check(string text, string fileName)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        long expanded = 0;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Start)>();
        var at = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                at = current.Start;
                switch (current)
                {
                    case AnchorAlias alias:
                        // YamlDotNet would place this at the start of the document.
                        if (!sizes.TryGetValue(alias.Value.Value, out var size))
                            throw Error(fileName, at, $"*{alias.Value.Value} refers to no &{alias.Value.Value} anchor before it");
                        expanded += size;
                        break;
                    case NodeEvent { } node and (SequenceStart or MappingStart):
                        expanded++;
                        if (++depth > MaxDepth)
                            throw Error(fileName, at, $"values nest more than {MaxDepth} levels deep; dbgate.yml needs a few");
                        open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, expanded));
                        // Known from here on, so that an alias inside its own node is not called undefined (YamlDotNet refuses it).
                        if (!node.Anchor.IsEmpty)
                            sizes[node.Anchor.Value] = 1;
                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        var (anchor, start) = open.Pop();
                        if (anchor is not null)
                            sizes[anchor] = expanded - start + 1;
                        break;
                    case Scalar scalar:
                        expanded++;
                        if (!scalar.Anchor.IsEmpty)
                            sizes[scalar.Anchor.Value] = 1;
                        break;
                }
                if (expanded > MaxExpandedNodes)
                    throw Error(fileName, at, $"its aliases expand to more than {MaxExpandedNodes} values; write the values out instead of repeating *aliases");
            }
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's parser can lose its state on malformed flow collections instead of raising a YamlException.
            throw Error(fileName, at, $"not valid YAML after this point; check its brackets, braces and quotes", e);
        }
    }

    private static ConfigurationException Error(string fileName, Mark at, string message, Exception? inner = null) =>
        inner is null ? new($"{fileName}:{at.Line}:{at.Column}: {message}") : new($"{fileName}:{at.Line}:{at.Column}: {message}", inner);
}
