using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HS256-signed JWTs bound to one conversation and one user, short-lived. The
/// JWT shape matters: Web Chat reads the user id from the token's "user" claim.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly byte[] _key = options.Value.TokenSigningKey is { Length: > 0 } configured
        ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
        : RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);

    public string Issue(string conversationId, string userId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        var header = Encode("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new { conv = conversationId, user = userId, exp = expires }));
        return $"{header}.{payload}.{Sign(header, payload)}";
    }

    /// <summary>The claims of a token that is well formed, signed by this service and not expired; otherwise null.</summary>
    public DirectLineClaims? Validate(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 }) return null;
        var expected = Encoding.ASCII.GetBytes(Sign(parts[0], parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]))) return null;
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var root = json.RootElement;
            var expires = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
            if (expires <= clock.GetUtcNow()) return null;
            return new DirectLineClaims(root.GetProperty("conv").GetString()!, root.GetProperty("user").GetString()!, expires);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private string Sign(string header, string payload) =>
        Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{header}.{payload}")));

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
