namespace NewsQA.Core.Ingestion;

/// <summary>Checks and normalizes article links: absolute http(s) only, and one key per article for de-duplication.</summary>
public static class WebLink
{
    public const int MaxLength = 2048;

    // Query parameters that tag a share or a campaign, never the article.
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid"];

    /// <summary>Whether <paramref name="url"/> is an absolute http or https URL of a sane length.</summary>
    public static bool IsHttp(string? url) => TryParse(url, out _);

    /// <summary>The absolute http(s) URI <paramref name="url"/> names, or false.</summary>
    public static bool TryParse(string? url, out Uri uri)
    {
        uri = null!;
        if (url is null || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed)) return false;
        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps) return false;
        if (string.IsNullOrEmpty(parsed.Host)) return false;
        uri = parsed;
        return true;
    }

    /// <summary>
    /// The key two links of one article share: scheme and host lower case, default port, fragment and tracking
    /// parameters dropped, a trailing slash ignored.
    /// </summary>
    public static string Key(Uri uri)
    {
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingPrefixes.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal);
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
        var joined = string.Join('&', query);
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        return $"{uri.Scheme}://{host.ToLowerInvariant()}{path}{(joined.Length > 0 ? "?" + joined : string.Empty)}";
    }
}
