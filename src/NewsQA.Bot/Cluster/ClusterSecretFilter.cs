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
        var given = SecretMatch.Bearer(context.HttpContext.Request);
        if (given is null || !SecretMatch.Same(given, cluster.Secret!))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"NewsQA cluster\"";
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
                given is null ? "Send the cluster secret as \"Authorization: Bearer SECRET\"." : "The cluster secret is wrong.");
        }

        return await next(context);
    }
}
