using DbGate.Core.Reports;

namespace DbGate.Tests.Reports;

public sealed class ReportWritersTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dbgate-reports-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(ReportFormat.Sarif, "\"version\": \"2.1.0\"")]
    [InlineData(ReportFormat.JUnit, "<testsuites>")]
    [InlineData(ReportFormat.Json, "\"schemaVersion\": 1")]
    [InlineData(ReportFormat.Markdown, "## ❌ DbGate failed")]
    [InlineData(ReportFormat.Text, "— FAILED")]
    public async Task Writes_each_format_to_a_file_creating_its_folders(ReportFormat format, string expected)
    {
        var path = Path.Combine(_directory, "nested folder", "ré port." + format);

        await ReportWriters.WriteFileAsync(ReportSamples.Representative(), format, path, ReportSamples.Context);

        Assert.Contains(expected, await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaces_a_longer_file_rather_than_leaving_its_tail()
    {
        var path = Path.Combine(_directory, "summary.md");
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(path, new string('x', 100_000));

        await ReportWriters.WriteFileAsync(ReportSamples.Clean(), ReportFormat.Markdown, path, ReportSamples.Context);

        Assert.DoesNotContain('x', await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ReportWriters.WriteFileAsync(ReportSamples.Many(10), ReportFormat.Sarif, Path.Combine(_directory, "x.sarif"), ReportSamples.Context, cancelled.Token));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
