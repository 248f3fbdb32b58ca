using DbGate.Core.Configuration;

namespace DbGate.Core.Benchmarks.Baseline;

/// <summary>
/// Reads the benchmark baseline for a run that judges against it, as the findings baseline is read by
/// <see cref="Baselines.BaselineFilter"/>: the options resolver only knows where it is, so <c>explain</c> and
/// <c>docs</c> never read it and the first <c>--update-baseline</c> finds no file to require.
/// </summary>
internal static class BaselineLoader
{
    /// <exception cref="ConfigurationException">dbgate.yml names a baseline that does not exist, or the file is not one.</exception>
    public static async Task<BenchmarkOptions> LoadAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (options.Queries.Count == 0 || !options.CompareWithBaseline || options.BaselineFile is not { } file)
            return options;
        if (!File.Exists(file.Path))
        {
            return file.RequiredAt is { } at
                ? throw new ConfigurationException($"{at}: benchmarks.baseline: file not found: {file.Shown} (write it with dotnet dbgate benchmark --update-baseline)")
                : options;
        }
        return options with { Baseline = await BaselineFile.ReadAsync(file.Path, file.Shown, cancellationToken) };
    }
}
