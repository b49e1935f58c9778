using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Cluster;

namespace NewsQA.Bot.Cluster;

/// <summary>
/// Guards the internal replication endpoint: 404 on a process that is not the indexer (nothing is served there), 401
/// unless the request carries "Authorization: Bearer SECRET" with Cluster:Secret, compared in constant time.
/// </summary>
public sealed class ClusterSecretFilter(IOptions<ClusterOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var cluster = options.Value;
        if (cluster.Role != ClusterRole.Indexer) return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "Only a cluster's indexer serves replication.");
        if (SecretMatch.Refusal(context.HttpContext, cluster.Secret!, "NewsQA cluster", "cluster secret") is { } refused) return refused;
        return await next(context);
    }
}
