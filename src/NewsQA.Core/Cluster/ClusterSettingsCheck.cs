using Microsoft.Extensions.Options;
using NewsQA.Core.State;

namespace NewsQA.Core.Cluster;

/// <summary>
/// The cluster settings at start-up, each failure naming its key: an indexer or a replica needs Redis:Configuration (the
/// admin stream and the revision nudges go through it) and Cluster:Secret (at least 16 characters, from the
/// environment, never the committed appsettings.json); a replica needs Cluster:IndexerUrl, an absolute http(s) URL.
/// </summary>
public sealed class ClusterSettingsCheck(IOptions<RedisOptions> redis, string? committedSecret) : IValidateOptions<ClusterOptions>
{
    public const int MinimumSecretLength = 16;

    private const string See = " See docs/scale-out.md, Cluster roles";

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (!string.IsNullOrEmpty(committedSecret))
        {
            return ValidateOptionsResult.Fail("Cluster:Secret is a secret: set it in the environment (NEWSQA_Cluster__Secret), not in appsettings.json." + See);
        }

        if (!Enum.IsDefined(options.Role)) return ValidateOptionsResult.Fail("Cluster:Role must be Standalone, Indexer or Replica." + See);
        if (!options.Clustered) return ValidateOptionsResult.Success;
        var problems = new List<string>();
        if (!redis.Value.Enabled)
        {
            problems.Add($"Redis:Configuration is required when Cluster:Role is {options.Role}: the admin articles and the revision nudges go through Redis." + See);
        }

        if (string.IsNullOrEmpty(options.Secret))
        {
            problems.Add($"Cluster:Secret is required when Cluster:Role is {options.Role}: set the same NEWSQA_Cluster__Secret on every process (e.g. openssl rand -hex 32)." + See);
        }
        else if (options.Secret.Length < MinimumSecretLength)
        {
            problems.Add($"Cluster:Secret must be at least {MinimumSecretLength} characters (e.g. openssl rand -hex 32)." + See);
        }

        if (options.Role == ClusterRole.Replica && !IsHttpUrl(options.IndexerUrl))
        {
            problems.Add(string.IsNullOrEmpty(options.IndexerUrl)
                ? "Cluster:IndexerUrl is required when Cluster:Role is Replica: the indexer's base URL (http://indexer:5080)." + See
                : $"Cluster:IndexerUrl '{options.IndexerUrl}' is not an absolute http or https URL." + See);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}
