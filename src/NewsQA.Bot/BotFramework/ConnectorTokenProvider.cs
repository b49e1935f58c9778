using System.Text.Json;
using Microsoft.Extensions.Options;

namespace NewsQA.Bot.BotFramework;

/// <summary>
/// The token replies carry: client credentials for scope https://api.botframework.com/.default from the bot's tenant
/// (botframework.com for legacy multi-tenant bots), cached until five minutes before it expires. Null when no app id is
/// configured: replies then carry no Authorization header.
/// </summary>
public sealed class ConnectorTokenProvider(IOptions<BotCredentialsOptions> credentials, IOptions<BotFrameworkOptions> options, IHttpClientFactory http, TimeProvider clock)
{
    private const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _cached;

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var c = credentials.Value;
        if (!c.AuthenticationEnabled) return null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && cached.Expires - RefreshMargin > clock.GetUtcNow()) return cached.Token;
            var tenant = string.IsNullOrWhiteSpace(c.MicrosoftAppTenantId) ? "botframework.com" : c.MicrosoftAppTenantId;
            var endpoint = string.Format(System.Globalization.CultureInfo.InvariantCulture, options.Value.TokenEndpoint, Uri.EscapeDataString(tenant));
            using var response = await http.CreateClient(ConnectorHttpClient.Name).PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = c.MicrosoftAppId!,
                ["client_secret"] = c.MicrosoftAppPassword ?? string.Empty,
                ["scope"] = Scope,
            }), cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var expiresIn = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 3600;
            _cached = (token, clock.GetUtcNow().AddSeconds(expiresIn));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
