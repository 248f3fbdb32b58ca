using DbGate.Core.Results;

namespace DbGate.Core.Reports;

/// <summary>Writes one report format. Output is UTF-8 without a byte-order mark; the stream is left open.</summary>
public interface IReportWriter
{
    Task WriteAsync(GateResult result, Stream output, CancellationToken ct = default);
}
