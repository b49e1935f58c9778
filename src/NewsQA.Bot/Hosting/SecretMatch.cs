using System.Security.Cryptography;
using System.Text;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// A bearer secret from a request checked against the configured one in constant time (over hashes, so not even its
/// length leaks): the admin key and the cluster secret.
/// </summary>
public static class SecretMatch
{
    private const string Scheme = "Bearer ";

    /// <summary>The secret an "Authorization: Bearer SECRET" header carries, or null when it carries none.</summary>
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    public static bool Same(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
