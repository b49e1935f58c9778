using Lucene.Net.Replicator;
using Lucene.Net.Replicator.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing.Vectors;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// The indexer's internal replication endpoint, GET /internal/replication/index/{update|obtain|release}: Lucene's
/// <see cref="ReplicationService"/> over the published revisions (<see cref="IndexPublisher"/>), which replicas read
/// with Lucene's HttpReplicator. Behind <see cref="ClusterSecretFilter"/>. The service writes synchronously, so it runs
/// off the request thread with synchronous writes allowed for this response only. Beside it, GET
/// /internal/replication/vectors/{file} serves a finished HNSW graph file, which a replica fetches rather than build
/// it again (<see cref="IndexerGraphs"/>).
/// </summary>
public static partial class ReplicationEndpoints
{
    public static IEndpointRouteBuilder MapReplication(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(IndexReplica.EndpointPath + "/{shard}/{action}", PerformAsync).AddEndpointFilter<ClusterSecretFilter>().ExcludeFromDescription();
        routes.MapGet(IndexerGraphs.EndpointPath + "/{file}", Graph).AddEndpointFilter<ClusterSecretFilter>().ExcludeFromDescription();
        return routes;
    }

    /// <summary>
    /// The graph file <paramref name="file"/> of the index folder, streamed; 404 for any other name (only graphs of
    /// Retrieval:VectorQuantization, no folder) and for a graph not finished: a graph file exists only once whole,
    /// and a file deleted while it streams stays readable until closed.
    /// </summary>
    public static Results<FileStreamHttpResult, ProblemHttpResult> Graph(string file, IOptions<IndexOptions> index, IOptions<RetrievalOptions> retrieval)
    {
        var quantization = retrieval.Value.VectorQuantization;
        if (!GraphFileName.Is(file, quantization))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"{IndexerGraphs.EndpointPath} serves the index's {quantization.ToString().ToLowerInvariant()}.usearch graph files only.");
        }

        try
        {
            var stream = new FileStream(GraphFileName.PathIn(Path.GetFullPath(index.Value.Path), file), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, useAsync: true);
            return TypedResults.File(stream, "application/octet-stream");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "The indexer has not finished this graph, or its segment is merged away.");
        }
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> PerformAsync(
        string shard, string action, HttpContext context, IndexPublisher publisher, ILoggerFactory loggers)
    {
        if (shard != IndexReplica.Shard || !Enum.TryParse<ReplicationService.ReplicationAction>(action, ignoreCase: true, out _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", $"Replication serves {IndexReplica.EndpointPath}/{IndexReplica.Shard}/update, obtain and release.");
        }

        var service = new ReplicationService(new Dictionary<string, IReplicator> { [IndexReplica.Shard] = publisher.Replicator }, IndexReplica.EndpointPath);
        context.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        try
        {
            await Task.Run(() => service.Perform(new Request(context), new Response(context)), context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException && !context.Response.HasStarted)
        {
            // A parameter missing or not what the replicator expects (ServletException in Lucene's service).
            return Problems.BadRequest(e.Message);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            LogAborted(loggers.CreateLogger(typeof(ReplicationEndpoints).FullName!), action);
        }

        return TypedResults.Empty;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A replica went away during replication {Action}")]
    private static partial void LogAborted(ILogger logger, string action);

    private sealed class Request(HttpContext context) : Lucene.Net.Replicator.Http.Abstractions.IReplicationRequest
    {
        public string Path => context.Request.Path.Value ?? string.Empty;

        public string? QueryParam(string name) => context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
    }

    // Lucene's service reports a failed action (an expired session, a file no longer served) as 500 with no body; the
    // replica only needs to know it failed, and starts a new session at its next pull: 410 Gone says so without a 5xx.
    // After the body has started, a failure can only cut the response short, which the replica detects by length.
    private sealed class Response(HttpContext context) : Lucene.Net.Replicator.Http.Abstractions.IReplicationResponse
    {
        public int StatusCode
        {
            get => context.Response.StatusCode;
            set
            {
                if (context.Response.HasStarted) context.Abort();
                else context.Response.StatusCode = value >= 500 ? StatusCodes.Status410Gone : value;
            }
        }

        public Stream Body => context.Response.Body;

        public void Flush() => context.Response.Body.Flush();
    }
}
