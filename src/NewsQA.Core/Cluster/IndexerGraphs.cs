using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Core.Cluster;

/// <summary>
/// A replica's <see cref="IGraphSource"/>: a segment's finished HNSW graph fetched from the indexer, GET
/// {Cluster:IndexerUrl}/internal/replication/vectors/{file} with the cluster secret, instead of built again from the
/// segment's vectors (shipping 34 MB took a fraction of a second where the build took 53 s of both cores,
/// docs/dense-vectors-replicas.md). As with replication, a failure is not an error: the graph is asked for again, then
/// built here, and the exact scan answers meanwhile. A download that stalls is given up; one that ends short of its
/// length is discarded, never left under the graph's name.
/// </summary>
public sealed partial class IndexerGraphs : IGraphSource, IDisposable
{
    /// <summary>Where the indexer serves its finished graph files, under its base URL.</summary>
    public const string EndpointPath = IndexReplica.EndpointPath + "/vectors";

    // A download with no byte for this long is given up (a graph can be gigabytes, so the whole is not bounded).
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string _endpoint;
    private readonly ILogger _logger;

    /// <param name="indexerUrl">Cluster:IndexerUrl.</param>
    /// <param name="secret">Cluster:Secret, sent as the bearer of every request.</param>
    /// <param name="retries">The waits between attempts while the indexer has no graph; <see cref="DefaultRetries"/> unless given.</param>
    /// <param name="logger">Where failed fetches are noted (Debug: a fallback to building is normal).</param>
    public IndexerGraphs(Uri indexerUrl, string secret, IReadOnlyList<TimeSpan>? retries = null, ILogger<IndexerGraphs>? logger = null)
    {
        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        _endpoint = IndexReplica.Under(indexerUrl, EndpointPath + "/");
        Retries = retries ?? DefaultRetries;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// 2, 4, 8 ... 256 s, about 8.5 minutes in all. The indexer starts building a new segment's graph as it publishes the
    /// revision that brings the segment, so the replica, which would take as long to build the same graph, loses no time
    /// waiting for it and saves both cores; the doubling finds a small graph within seconds, and the bound builds, after
    /// minutes, a graph the indexer will never have (its Retrieval settings differ, or it merged the segment away first).
    /// </summary>
    public static IReadOnlyList<TimeSpan> DefaultRetries { get; } = [.. Enumerable.Range(1, 8).Select(i => TimeSpan.FromSeconds(1 << i))];

    public IReadOnlyList<TimeSpan> Retries { get; }

    public async Task<bool> TryFetchAsync(string fileName, string path, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        try
        {
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stalled.CancelAfter(Stall);
            using var response = await _http.GetAsync(new Uri(_endpoint + Uri.EscapeDataString(fileName)), HttpCompletionOption.ResponseHeadersRead, stalled.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength is not { } length)
            {
                LogNotFetched(_logger, fileName, $"HTTP {(int)response.StatusCode}");
                return false;
            }

            var copied = await CopyAsync(response.Content, temporary, stalled).ConfigureAwait(false);
            if (copied != length)
            {
                LogNotFetched(_logger, fileName, $"{copied} bytes of {length}");
                return false;
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or ObjectDisposedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogNotFetched(_logger, fileName, e.Message);
            return false;
        }
        finally
        {
            File.Delete(temporary); // gone once renamed; what a failed download left
        }
    }

    // The body into a new file, synced before it is renamed: a crash never leaves a graph that looks whole and is not.
    private static async Task<long> CopyAsync(HttpContent content, string path, CancellationTokenSource stalled)
    {
        var body = await content.ReadAsStreamAsync(stalled.Token).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                long copied = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, stalled.Token).ConfigureAwait(false)) > 0)
                {
                    await file.WriteAsync(buffer.AsMemory(0, read), stalled.Token).ConfigureAwait(false);
                    copied += read;
                    stalled.CancelAfter(Stall);
                }

                file.Flush(flushToDisk: true);
                return copied;
            }
        }
    }

    public void Dispose() => _http.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "The indexer's graph {File} was not fetched ({Reason}); it is asked for again, or built here")]
    private static partial void LogNotFetched(ILogger logger, string file, string reason);
}
