using System.ComponentModel.DataAnnotations;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Configuration;

/// <summary>Section "Ingestion": the feeds the bot polls, and the bounds on every page and feed it fetches.</summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion";

    /// <summary>RSS 2.0 or Atom feed URLs the bot polls; each new item's page is fetched and written into Corpus:Path.</summary>
    public List<string> Feeds { get; set; } = [];

    /// <summary>Time between polls. 15 minutes is the interval most news sites' feeds ask readers to keep (their ttl).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A fetch (headers and body, redirects included) that takes longer is abandoned and retried next poll.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest page or feed read, counted as the bytes arrive (after decompression; Content-Length is not trusted).
    /// 4 MiB is several times a heavy news page (1 to 2 MB with inline scripts).
    /// </summary>
    [Range(16 * 1024, 256 * 1024 * 1024)]
    public int MaxDownloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Newest items taken from one feed per poll; older ones beyond this are left (a feed's first read can be long).</summary>
    [Range(1, 1000)]
    public int MaxItemsPerFeed { get; set; } = 50;

    /// <summary>The User-Agent sent with every request; it names NewsQA so that sites can tell who reads them.</summary>
    [Required]
    public string UserAgent { get; set; } = "NewsQA/1.0 (news question answering; feed reader)";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Feeds.Count; i++)
        {
            if (!WebLink.IsHttp(Feeds[i]))
            {
                yield return new ValidationResult($"Ingestion:Feeds:{i}: '{Feeds[i]}' is not an absolute http(s) URL.", [nameof(Feeds)]);
            }
        }

        if (PollInterval < TimeSpan.FromMinutes(1) || PollInterval > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult($"Ingestion:PollInterval: {PollInterval} is outside 00:01:00 to 7.00:00:00.", [nameof(PollInterval)]);
        }

        if (FetchTimeout < TimeSpan.FromSeconds(1) || FetchTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult($"Ingestion:FetchTimeout: {FetchTimeout} is outside 00:00:01 to 00:10:00.", [nameof(FetchTimeout)]);
        }

        if (!IsUserAgent(UserAgent) || !UserAgent.Contains("NewsQA", StringComparison.Ordinal))
        {
            yield return new ValidationResult($"Ingestion:UserAgent: '{UserAgent}' is not a User-Agent naming NewsQA (product/version (comment)).", [nameof(UserAgent)]);
        }
    }

    private static bool IsUserAgent(string value)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
