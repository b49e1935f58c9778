using System.Net;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;

namespace NewsQA.Core.Fetching;

/// <summary>
/// Fetches feeds and article pages politely and within bounds: a User-Agent naming NewsQA, one request at a time per
/// host, conditional requests (If-None-Match / If-Modified-Since), redirects followed by hand (at most five, http and
/// https only), public addresses only (<see cref="FetchAddressPolicy"/>, checked as each connection opens), a time
/// budget over the whole fetch and the parsing after it (<see cref="FetchBudget"/>), and a size cap counted on the
/// bytes as they arrive, whatever Content-Length says. Every failure is a <see cref="FetchException"/> with a short reason.
/// </summary>
public sealed class WebFetcher(IHttpClientFactory clients, HostGate hosts, IOptions<IngestionOptions> options, TimeProvider time)
{
    /// <summary>The named HttpClient, registered with redirects off (they are followed here) and decompression on.</summary>
    public const string ClientName = "NewsQA.Web";

    private const int MaxRedirects = 5;

    /// <summary>A budget of Ingestion:FetchTimeout, starting now, for a fetch and the parsing of what it brings.</summary>
    public FetchBudget StartBudget(CancellationToken cancellationToken) => new(options.Value.FetchTimeout, time, cancellationToken);

    /// <summary>GETs <paramref name="url"/> within a budget of its own.</summary>
    public async Task<FetchedResource> GetAsync(Uri url, FetchValidators? validators, string accept, CancellationToken cancellationToken)
    {
        using var budget = StartBudget(cancellationToken);
        return await GetAsync(url, validators, accept, budget).ConfigureAwait(false);
    }

    /// <summary>GETs <paramref name="url"/>; with <paramref name="validators"/>, a 304 comes back as <see cref="FetchedResource.NotModified"/>.</summary>
    public async Task<FetchedResource> GetAsync(Uri url, FetchValidators? validators, string accept, FetchBudget budget)
    {
        var settings = options.Value;
        var client = clients.CreateClient(ClientName);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(settings.UserAgent);
                request.Headers.Accept.ParseAdd(accept);
                if (validators?.ETag is { } etag) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (validators?.LastModified is { } modified) request.Headers.IfModifiedSince = modified;

                using var turn = await hosts.EnterAsync(current, budget.Token).ConfigureAwait(false);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, budget.Token).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop == MaxRedirects) throw new FetchException(url, $"more than {MaxRedirects} redirects");
                    current = RedirectTarget(url, current, response.Headers.Location);
                    continue;
                }

                var found = new FetchValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
                if (response.StatusCode == HttpStatusCode.NotModified) return new FetchedResource(current, null, null, null, validators ?? found);
                if (!response.IsSuccessStatusCode) throw new FetchException(current, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd());

                var body = await ReadCappedAsync(current, response.Content, settings.MaxDownloadBytes, budget.Token).ConfigureAwait(false);
                var type = response.Content.Headers.ContentType;
                return new FetchedResource(current, body, type?.MediaType, type?.CharSet, found);
            }
        }
        catch (OperationCanceledException) when (budget.Expired)
        {
            throw new FetchException(current, budget.TimedOut);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            throw new FetchException(current, $"not fetched: {refused.Message}", refused: true);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(current, $"request failed ({e.HttpRequestError}: {e.Message})");
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri RedirectTarget(Uri original, Uri current, Uri? location)
    {
        if (location is null) throw new FetchException(original, "redirect without a Location");
        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException(original, $"redirect to a {target.Scheme}: address, which is not followed");
        }

        return target;
    }

    private static async Task<byte[]> ReadCappedAsync(Uri url, HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes) throw TooLarge(url, maxBytes);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(url, maxBytes);
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static FetchException TooLarge(Uri url, int maxBytes) => new(url, $"larger than {maxBytes:N0} bytes (Ingestion:MaxDownloadBytes)");

    /// <summary>
    /// The primary handler for <see cref="ClientName"/>: every connection opened through <paramref name="addresses"/>.
    /// No proxy, since a proxy would make the connection and the address check would see only the proxy's address.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(FetchAddressPolicy addresses) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        ConnectCallback = addresses.ConnectAsync,
    };

    /// <summary>Configures the named client: no client-level timeout, since each fetch has its <see cref="FetchBudget"/> of Ingestion:FetchTimeout.</summary>
    public static void Configure(HttpClient client) => client.Timeout = Timeout.InfiniteTimeSpan;
}
