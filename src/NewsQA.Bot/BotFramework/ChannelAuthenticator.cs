using System.IdentityModel.Tokens.Jwt;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// Checks the JWT on a request to /api/messages. Channel tokens (Teams, Azure Bot Service): issuer
/// https://api.botframework.com, audience the app id, lifetime with 5 minutes' skew, signed by a key from the Bot
/// Framework's OpenID metadata (cached and refreshed), the "serviceurl" claim equal to the activity's serviceUrl, and
/// the activity's channelId among the signing key's endorsements. Emulator and other Entra-issued tokens: one of the
/// Bot Framework's Entra issuers, signed by an Entra key, with the app id in appid (version 1.0) or azp (2.0); a token of
/// any other version is refused, as the Bot Framework SDK's EmulatorValidation does. A token that is not a readable JWT
/// is refused like any other bad token: 401, never an error.
/// </summary>
public sealed partial class ChannelAuthenticator
{
    private static readonly string[] EntraIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly BotCredentialsOptions _credentials;
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _channelMetadata;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _entraMetadata;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelAuthenticator(IOptions<BotCredentialsOptions> credentials, IOptions<BotFrameworkOptions> options, IHttpClientFactory http, ILogger<ChannelAuthenticator> logger)
    {
        _credentials = credentials.Value;
        _options = options.Value;
        _logger = logger;
        var retriever = new HttpDocumentRetriever(http.CreateClient(nameof(ChannelAuthenticator))) { RequireHttps = options.Value.ChannelOpenIdMetadata.Scheme == Uri.UriSchemeHttps };
        // Keys are cached and refreshed at least daily, as the Bot Framework asks.
        _channelMetadata = new(options.Value.ChannelOpenIdMetadata.ToString(), new OpenIdConnectConfigurationRetriever(), retriever) { AutomaticRefreshInterval = TimeSpan.FromHours(24) };
        _entraMetadata = new(options.Value.EntraOpenIdMetadata.ToString(), new OpenIdConnectConfigurationRetriever(), retriever) { AutomaticRefreshInterval = TimeSpan.FromHours(24) };
    }

    /// <summary>Whether the request may be processed. With no app id configured every request may (local development).</summary>
    public async Task<bool> IsAuthorizedAsync(string? authorization, Activity activity, CancellationToken cancellationToken)
    {
        if (!_credentials.AuthenticationEnabled) return true;
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var token = authorization[7..].Trim();
        if (!_handler.CanReadToken(token)) return false;
        try
        {
            // CanReadToken checks only the shape (three dot-separated parts); "a.b.c" fails here, inside the catch.
            var issuer = _handler.ReadJwtToken(token).Issuer;
            return issuer == _options.ChannelIssuer
                ? await ValidateChannelTokenAsync(token, activity, cancellationToken)
                : await ValidateEntraTokenAsync(token, issuer, cancellationToken);
        }
        catch (Exception e) when (e is SecurityTokenException or ArgumentException or InvalidOperationException or HttpRequestException or IOException or FormatException or System.Text.Json.JsonException)
        {
            LogRejected(_logger, e.Message);
            return false;
        }
    }

    private async Task<bool> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var metadata = await _channelMetadata.GetConfigurationAsync(cancellationToken);
        var parameters = Parameters(metadata, [_options.ChannelIssuer], [_credentials.MicrosoftAppId!]);
        _handler.ValidateToken(token, parameters, out var validated);
        var jwt = (JwtSecurityToken)validated;

        var serviceUrl = jwt.Claims.FirstOrDefault(c => c.Type == "serviceurl")?.Value;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(_logger, "the serviceurl claim does not match the activity's serviceUrl");
            return false;
        }

        // The signing key must be endorsed for the channel the activity claims to come from.
        var key = metadata.JsonWebKeySet?.Keys.FirstOrDefault(k => k.KeyId == jwt.Header.Kid);
        if (!string.IsNullOrEmpty(activity.ChannelId) && key?.AdditionalData.TryGetValue("endorsements", out var endorsements) == true)
        {
            var channels = endorsements switch
            {
                IEnumerable<object> list => list.Select(e => e?.ToString()),
                System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()),
                _ => [],
            };
            if (!channels.Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
            {
                LogRejected(_logger, $"the signing key is not endorsed for channel {activity.ChannelId}");
                return false;
            }
        }

        return true;
    }

    private async Task<bool> ValidateEntraTokenAsync(string token, string issuer, CancellationToken cancellationToken)
    {
        var tenant = _credentials.MicrosoftAppTenantId;
        var issuers = EntraIssuers.ToList();
        if (!string.IsNullOrEmpty(tenant)) issuers.AddRange([$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"]);
        if (!issuers.Contains(issuer)) return false;

        var metadata = await _entraMetadata.GetConfigurationAsync(cancellationToken);
        _handler.ValidateToken(token, Parameters(metadata, issuers, [_credentials.MicrosoftAppId!]), out var validated);
        var jwt = (JwtSecurityToken)validated;
        // The SDK's rule: a "ver" claim is required; empty or 1.0 carries the app id in appid, 2.0 in azp; others are refused.
        var version = jwt.Claims.FirstOrDefault(c => c.Type == "ver")?.Value;
        var appIdClaim = version switch
        {
            null => null,
            "" or "1.0" => "appid",
            "2.0" => "azp",
            _ when string.IsNullOrWhiteSpace(version) => "appid",
            _ => null,
        };
        if (appIdClaim is null)
        {
            LogRejected(_logger, version is null ? "the token has no ver claim" : $"unknown token version '{version}'");
            return false;
        }

        return jwt.Claims.FirstOrDefault(c => c.Type == appIdClaim)?.Value == _credentials.MicrosoftAppId;
    }

    private static TokenValidationParameters Parameters(OpenIdConnectConfiguration metadata, IEnumerable<string> issuers, IEnumerable<string> audiences) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = issuers,
        ValidateAudience = true,
        ValidAudiences = audiences,
        ValidateLifetime = true,
        ClockSkew = Skew,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = metadata.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /api/messages: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
