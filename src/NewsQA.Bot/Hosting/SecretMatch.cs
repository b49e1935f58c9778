using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsQA.Bot.Hosting;

/// <summary>
/// A bearer secret from a request checked against the configured one in constant time (over hashes, so not even its
/// length leaks): the admin key and the cluster secret.
/// </summary>
public static class SecretMatch
{
    private const string Scheme = "Bearer ";

    /// <summary>
    /// Null when the request carries "Authorization: Bearer SECRET" with <paramref name="secret"/>; else the 401 to answer,
    /// naming what to send (<paramref name="name"/>, e.g. "admin key") and the realm in WWW-Authenticate.
    /// </summary>
    public static ProblemHttpResult? Refusal(HttpContext context, string secret, string realm, string name)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        if (given is not null && Same(given, secret)) return null;
        context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\"";
        return Problems.Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
            given is null ? $"Send the {name} as \"Authorization: Bearer {name.Split(' ')[^1].ToUpperInvariant()}\"." : $"The {name} is wrong.");
    }

    private static bool Same(string given, string secret) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
