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

    /// <summary>
    /// Host names (as written in the URLs: "intranet-news.corp", "10.1.2.3", "localhost") whose addresses may be private.
    /// Every other feed, item and redirect is fetched only from public addresses (see docs/security.md); empty by default.
    /// </summary>
    public List<string> AllowPrivateHosts { get; set; } = [];

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

        for (var i = 0; i < AllowPrivateHosts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowPrivateHosts[i]) || Uri.CheckHostName(NormalizeHost(AllowPrivateHosts[i])) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult($"Ingestion:AllowPrivateHosts:{i}: '{AllowPrivateHosts[i]}' is not a host name or an IP address (no scheme, port or path).", [nameof(AllowPrivateHosts)]);
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

    /// <summary>A host as a URL's connection names it: lower case, international names in punycode, IPv6 without brackets.</summary>
    public static string NormalizeHost(string host)
    {
        var trimmed = host.Trim().Trim('[', ']');
        try
        {
            return trimmed.All(char.IsAscii) ? trimmed.ToLowerInvariant() : new System.Globalization.IdnMapping().GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return trimmed; // not a name IDNA can map: the validation reports it
        }
    }

    private static bool IsUserAgent(string value)
    {
        using var probe = new HttpRequestMessage();
        return probe.Headers.UserAgent.TryParseAdd(value);
    }
}
