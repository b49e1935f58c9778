using System.Net;
using System.Net.Sockets;
using NewsQA.Core.Cluster;

namespace NewsQA.Tools.Benchmarking.Replica;

/// <summary>
/// The indexer's graph endpoint for the benchmark, on loopback: GET /internal/replication/vectors/{file} streams the
/// file from a vectors/ folder, 404 when it is not there, as the service's endpoint does (without its secret).
/// </summary>
public sealed class GraphFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _serving;

    private GraphFileServer(string folder, int port)
    {
        _folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.AbsoluteUri);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base URL a replica's <see cref="IndexerGraphs"/> is given.</summary>
    public Uri Address { get; }

    /// <summary>Serves the graph files of <paramref name="folder"/> on a free loopback port.</summary>
    public static GraphFileServer Start(string folder)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new GraphFileServer(folder, port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }

            await AnswerAsync(context).ConfigureAwait(false); // one at a time: on loopback the bytes, not the requests, take the time
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = context.Request.Url!.AbsolutePath;
        var file = Path.Combine(_folder, Path.GetFileName(path));
        if (!path.StartsWith(IndexerGraphs.EndpointPath + "/", StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            return;
        }

        try
        {
            await using var stream = File.OpenRead(file);
            response.ContentLength64 = stream.Length;
            await stream.CopyToAsync(response.OutputStream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The replica went away: its fetch fails and it builds the graph.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait();
    }
}
