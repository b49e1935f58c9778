using System.Net;
using NewsQA.Core.Cluster;

namespace NewsQA.Tools.Benchmarking.Replica;

/// <summary>
/// The indexer's graph endpoint for the benchmark, on loopback: GET /internal/replication/vectors/{file} streams the
/// file from a vectors/ folder, 404 when it is not there, as the service's endpoint does (without its secret).
/// </summary>
public sealed class GraphFileServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly LoopbackListener _listener;

    private GraphFileServer(string folder)
    {
        _folder = folder;
        _listener = LoopbackListener.Start(AnswerAsync);
    }

    /// <summary>The base URL a replica's <see cref="IndexerGraphs"/> is given.</summary>
    public Uri Address => _listener.Address;

    /// <summary>Serves the graph files of <paramref name="folder"/> on a free loopback port.</summary>
    public static GraphFileServer Start(string folder) => new(folder);

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

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
