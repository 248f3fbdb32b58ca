namespace DbGate.Tests.BadInput;

/// <summary>
/// One kind of bad input: a fixture folder under tests/fixtures/bad-input, what the test does to its copy first,
/// and what the CLI must answer. <see cref="Lines"/> must each appear whole: on stderr, as its only line, for exit 2;
/// on stdout, among the findings, otherwise. "{dir}" stands for the copy's absolute path.
/// </summary>
/// <param name="Prepare">Makes what git should not hold: other encodings, links, modes, a 100 MB file.</param>
/// <param name="NeedsDeniedReads">The case makes a file unreadable, which only binds a process without CAP_DAC_OVERRIDE.</param>
public sealed record BadInputCase(string Name, int ExitCode, string[] Lines, Action<string>? Prepare = null, bool NeedsDeniedReads = false)
{
    public override string ToString() => Name;
}
