using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using DbGate.Core.Configuration;

namespace DbGate.Cli;

/// <summary>
/// System.CommandLine hands a token it does not know to the next free argument, so <c>check --conection x</c> would
/// read "--conection" as the folder and answer "folder not found: --conection". Every argument of the tree refuses a
/// token shaped like an option instead, and the error names the closest option the command has. (A folder whose
/// name starts with '-' is still reachable as ./-name.)
/// </summary>
internal static partial class OptionLikeArguments
{
    public static RootCommand Refuse(RootCommand root)
    {
        Walk(root);
        return root;
    }

    /// <summary>
    /// The one error to show for a command line that did not parse: an unknown option first (System.CommandLine would
    /// name the token after it, or call it an "argument"), else System.CommandLine's first error.
    /// </summary>
    public static string ErrorOf(ParseResult parsed)
    {
        if (parsed.Errors.FirstOrDefault(e => e.SymbolResult is ArgumentResult a && a.Tokens.Any(t => OptionShaped().IsMatch(t.Value))) is { } refused)
            return refused.Message;
        return parsed.UnmatchedTokens.FirstOrDefault(OptionShaped().IsMatch) is { } token
            ? Message(parsed.CommandResult.Command, token.Split('=')[0])
            : parsed.Errors[0].Message;
    }

    private static void Walk(Command command)
    {
        foreach (var argument in command.Arguments)
            argument.Validators.Add(result => Check(command, result));
        foreach (var subcommand in command.Subcommands)
            Walk(subcommand);
    }

    private static void Check(Command command, ArgumentResult result)
    {
        if (result.Tokens.Select(t => t.Value).FirstOrDefault(OptionShaped().IsMatch) is { } token)
            result.AddError(Message(command, token.Split('=')[0]));
    }

    private static string Message(Command command, string option)
    {
        if (option == "--version")
            return "--version goes alone: dotnet dbgate --version";
        var closest = EditDistance.Closest(option, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
        return $"unknown option {option}{(closest is null ? "" : $" (did you mean {closest}?)")}";
    }

    /// <summary>-x, --name, --name=value: no spaces, so SQL such as "-- comment\nSELECT 1" is not one.</summary>
    [GeneratedRegex(@"^--?[A-Za-z?][A-Za-z0-9-]*(=.*)?$", RegexOptions.Singleline)]
    private static partial Regex OptionShaped();
}
