using DbGate.Core.Reports;
using NJsonSchema;
using DbGate.Tests.Infrastructure;

namespace DbGate.Tests.Reports;

/// <summary>A run's notices (a round trip that does not apply, a precondition not honoured) reach every report, which stays valid.</summary>
public sealed class NoticeReportTests : IDisposable
{
    private const string Notice = "round trip not applicable: grate migrations are forward only (the tool has no downs); every up still runs and is checked";
    private static readonly Lazy<Task<JsonSchema>> JsonReportSchema = new(() => JsonSchema.FromFileAsync(RepoPaths.JsonReportSchema));
    private readonly TempFolder _directory = new("dbgate-notices-");

    [Theory]
    [InlineData(ReportFormat.Text, "notice: " + Notice)]
    [InlineData(ReportFormat.Markdown, "> ℹ️ " + Notice)]
    [InlineData(ReportFormat.Json, "\"notices\": [\n    \"" + Notice + "\"\n  ]")]
    [InlineData(ReportFormat.Sarif, "\"text\": \"" + Notice + "\"")]
    [InlineData(ReportFormat.JUnit, "notice: " + Notice)]
    public async Task Every_report_says_the_notice_once(ReportFormat format, string expected)
    {
        var text = await WriteAsync(format);

        Assert.Equal(1, Occurrences(text, expected));
    }

    [Fact]
    public async Task Reports_with_notices_stay_valid_against_their_schemas()
    {
        Assert.Empty(await SarifSchema.ValidateAsync(await WriteAsync(ReportFormat.Sarif)));
        Assert.Empty(JUnitSchema.Validate(await WriteAsync(ReportFormat.JUnit)));
        Assert.Empty(SarifSchema.Flatten((await JsonReportSchema.Value).Validate(await WriteAsync(ReportFormat.Json))));
    }

    public void Dispose() => _directory.Dispose();

    private async Task<string> WriteAsync(ReportFormat format)
    {
        var path = Path.Combine(_directory.Path, "report." + format);
        await ReportWriters.WriteFileAsync(ReportSamples.Clean() with { Notices = [Notice] }, format, path, ReportSamples.Context);
        return await File.ReadAllTextAsync(path);
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
