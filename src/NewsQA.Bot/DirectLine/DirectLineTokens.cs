using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: HS256-signed JWTs bound to one conversation, one user and one use, short-lived.
/// No token of a conversation lives past DirectLine:MaxSessionHours after its first one. The JWT shape matters: Web
/// Chat reads the user id from the token's "user" claim.
/// </summary>
public sealed class DirectLineTokens(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    /// <summary>A streamUrl must be opened within a minute, as Direct Line's own.</summary>
    public static readonly TimeSpan StreamLifetime = TimeSpan.FromMinutes(1);

    private static readonly long LatestUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] _key = options.Value.TokenSigningKey is { Length: > 0 } configured
        ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
        : RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime => TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes);

    public TimeSpan SessionLimit => TimeSpan.FromHours(options.Value.MaxSessionHours);

    /// <summary>A token for <paramref name="use"/>; <paramref name="sessionStarted"/> is when the conversation's first token was issued (now, for a new one).</summary>
    public DirectLineToken Issue(string conversationId, string userId, DirectLineTokenUse use, DateTimeOffset? sessionStarted = null)
    {
        var now = clock.GetUtcNow();
        var started = sessionStarted ?? now;
        var expires = now + (use == DirectLineTokenUse.Stream ? StreamLifetime : Lifetime);
        if (expires > started + SessionLimit) expires = started + SessionLimit;
        var header = Encode("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            conv = conversationId, user = userId, exp = expires.ToUnixTimeSeconds(), use = use.ToString().ToLowerInvariant(), session = started.ToUnixTimeSeconds(),
        }));
        return new DirectLineToken($"{header}.{payload}.{Sign(header, payload)}", (int)Math.Max(0, (expires - now).TotalSeconds));
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
            if (UnixTime(root, "exp") is not { } expires || expires <= clock.GetUtcNow()) return null;
            if (UnixTime(root, "session") is not { } session) return null;
            if (Text(root, "conv") is not { } conversation || Text(root, "user") is not { } user) return null;
            DirectLineTokenUse? use = Text(root, "use") switch
            {
                "start" => DirectLineTokenUse.Start,
                "conversation" => DirectLineTokenUse.Conversation,
                "stream" => DirectLineTokenUse.Stream,
                _ => null,
            };
            return use is null ? null : new DirectLineClaims(conversation, user, expires, use.Value, session);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private static DateTimeOffset? UnixTime(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds is >= 0 && seconds <= LatestUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private string Sign(string header, string payload) =>
        Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"{header}.{payload}")));

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
