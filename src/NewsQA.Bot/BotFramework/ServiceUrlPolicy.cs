using Microsoft.Extensions.Options;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Where an anonymous bot may send replies: only to a serviceUrl that BotFramework:AllowedServiceUrls allows, so that
/// /api/messages without an app id cannot be made to post to any host, port and path its caller names. With an app
/// id, the channel's signed token pins the serviceUrl instead. An entry allows a serviceUrl with the same scheme and
/// host, the same port (an entry that names no port allows any), and a path under the entry's path, compared by
/// segments. A serviceUrl with a user name or password in it is never allowed.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<BotFrameworkOptions> options)
{
    private readonly IReadOnlyList<Entry> _entries = [.. options.Value.ServiceUrlsAllowed.Select(Parse)];

    public bool IsAllowed(string? serviceUrl)
    {
        if (!TryParseServiceUrl(serviceUrl, out var uri) || uri.UserInfo.Length > 0) return false;
        var path = WithSlash(uri.AbsolutePath);
        return _entries.Any(e =>
            string.Equals(e.Scheme, uri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
            && (e.Port is null || e.Port == uri.Port)
            && path.StartsWith(e.Path, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="serviceUrl"/> is an absolute http or https URL, the only kind replies can go to.</summary>
    public static bool TryParseServiceUrl(string? serviceUrl, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")) return false;
        uri = parsed;
        return true;
    }

    private static Entry Parse(string prefix)
    {
        var uri = new Uri(prefix, UriKind.Absolute);
        // Uri reports the scheme's default port when none is written; only a written port restricts ("[::1]" has colons too).
        var authority = prefix[(prefix.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', '?', '#')[0];
        var portWritten = authority.LastIndexOf(':') > authority.LastIndexOf(']');
        return new Entry(uri.Scheme, uri.Host, portWritten ? uri.Port : null, WithSlash(uri.AbsolutePath));
    }

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";

    private sealed record Entry(string Scheme, string Host, int? Port, string Path);
}
