using System.Net;
using System.Net.Sockets;

namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// An HTTP listener on a free loopback port that hands each request to a handler, side by side: the benchmarks' stand-ins
/// for another service (an embedding provider, an indexer's graph files), without ASP.NET in the tools.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    private LoopbackListener(int port, Func<HttpListenerContext, Task> answer)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.AbsoluteUri);
        _listener.Start();
        _serving = ServeAsync(answer);
    }

    /// <summary>The listener's base address (http://127.0.0.1:port/).</summary>
    public Uri Address { get; }

    /// <summary>Starts answering on a free loopback port.</summary>
    public static LoopbackListener Start(Func<HttpListenerContext, Task> answer)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new LoopbackListener(port, answer);
    }

    private async Task ServeAsync(Func<HttpListenerContext, Task> answer)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            _ = Task.Run(() => answer(context));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }
}
