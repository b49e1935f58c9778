using System.Net;
using System.Net.Sockets;

namespace NewsQA.Cli.Tests;

/// <summary>
/// A loopback "model server" that takes requests and never answers them: a run that calls it is held at a known point
/// (indexing has begun, its first embedding request is out) for as long as the test needs.
/// </summary>
public sealed class HoldingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HoldingServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/";

    /// <summary>Completes when the first request's bytes have arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public void Dispose()
    {
        _listener.Stop();
        lock (_held) foreach (var client in _held) client.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync();
                lock (_held) _held.Add(client);
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[4096];
                    if (await client.GetStream().ReadAsync(buffer) > 0) _firstRequest.TrySetResult();
                });
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
            // Stopped.
        }
    }
}
