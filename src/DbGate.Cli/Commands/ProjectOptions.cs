using System.CommandLine;
using DbGate.Core.Configuration;

namespace DbGate.Cli.Commands;

/// <summary>The options that say which migrations and which PostgreSQL, shared by every command that runs the migrations.</summary>
internal sealed class ProjectOptions
{
    private readonly Argument<string?> _path = new("path") { Description = "Migrations folder, or the folder holding dbgate.yml (default: current folder)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _config = new("--config") { Description = "dbgate.yml to use (default: PATH/dbgate.yml)" };
    private readonly Option<string?> _provider = new("--provider") { Description = "Where PostgreSQL comes from: auto, local, docker, external" };
    private readonly Option<string?> _connection = new("--connection") { Description = "Connection string of an existing server (DbGate creates and drops its own database there)" };
    private readonly Option<string?> _image = new("--image") { Description = "Docker image for --provider docker, such as postgres:17" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(_path);
        foreach (var option in new[] { _config, _provider, _connection, _image })
            command.Options.Add(option);
    }

    /// <summary>The --connection given, which the command's every line must keep secret.</summary>
    public string? Connection(ParseResult result) => result.GetValue(_connection);

    public CheckArguments Read(ParseResult result) =>
        new(result.GetValue(_path), result.GetValue(_config), result.GetValue(_provider), result.GetValue(_connection), result.GetValue(_image));
}
