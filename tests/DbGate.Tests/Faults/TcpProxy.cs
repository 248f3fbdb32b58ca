using System.Net;
using System.Net.Sockets;

namespace DbGate.Tests.Faults;

/// <summary>
/// The network between DbGate and an existing server, as a TCP proxy the test controls: it can cut every connection
/// (a reset, as a dropped link or a restarted load balancer does) or freeze them (packets silently lost).
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly EndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Socket Client, Socket Server)> _pairs = [];
    private readonly Task _accepting;
    private volatile bool _frozen;

    /// <param name="upstreamHost">A host name, or the directory of a unix socket as in an Npgsql connection string.</param>
    public TcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstream = upstreamHost.StartsWith('/')
            ? new UnixDomainSocketEndPoint(Path.Combine(upstreamHost, $".s.PGSQL.{upstreamPort}"))
            : new DnsEndPoint(upstreamHost, upstreamPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Resets every open connection; new ones still go through, as after a network blip.</summary>
    public void Cut()
    {
        lock (_pairs)
        {
            foreach (var (client, server) in _pairs)
            {
                client.LingerState = new LingerOption(true, 0); // close with RST, not FIN
                client.Close();
                server.Close();
            }
            _pairs.Clear();
        }
    }

    /// <summary>From now on, open connections carry nothing more either way, and say nothing about it.</summary>
    public void Freeze() => _frozen = true;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                var server = new Socket(_upstream.AddressFamily == AddressFamily.Unix ? AddressFamily.Unix : AddressFamily.InterNetwork, SocketType.Stream, _upstream.AddressFamily == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp);
                await server.ConnectAsync(_upstream, _stop.Token);
                var frozenAtStart = _frozen;
                lock (_pairs)
                    _pairs.Add((client, server));
                _ = PumpAsync(client, server, frozenAtStart);
                _ = PumpAsync(server, client, frozenAtStart);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool frozenAtStart)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                    break;
                // A frozen link swallows what existing connections send; connections opened after the freeze work.
                if (_frozen && !frozenAtStart)
                    continue;
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // cut, or stopped
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
