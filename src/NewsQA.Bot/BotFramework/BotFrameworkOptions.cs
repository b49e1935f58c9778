using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.BotFramework;

/// <summary>Section "BotFramework": the Bot Framework's well-known addresses (overridable for tests and sovereign clouds).</summary>
public sealed class BotFrameworkOptions : IValidatableObject
{
    public const string SectionName = "BotFramework";

    /// <summary>
    /// Loopback, on any port and path: the Bot Framework Emulator gives its own local address as the serviceUrl.
    /// </summary>
    public static readonly IReadOnlyList<string> LoopbackServiceUrls =
        ["http://localhost", "https://localhost", "http://127.0.0.1", "https://127.0.0.1", "http://[::1]", "https://[::1]"];

    /// <summary>OpenID metadata of the Bot Framework channel service, whose keys sign Teams/ABS requests.</summary>
    [Required]
    public Uri ChannelOpenIdMetadata { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>OpenID metadata of Entra ID, whose keys sign Emulator (and other Entra-issued) tokens.</summary>
    [Required]
    public Uri EntraOpenIdMetadata { get; set; } = new("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration");

    /// <summary>Token endpoint for replies; {0} is the tenant (MicrosoftAppTenantId, or botframework.com for multi-tenant bots).</summary>
    [Required]
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/{0}/oauth2/v2.0/token";

    /// <summary>Issuer of channel tokens.</summary>
    [Required]
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>
    /// Without an app id: the serviceUrl prefixes replies may go to (see <see cref="ServiceUrlPolicy"/>); others get
    /// 403 and no request is made. Unset: <see cref="LoopbackServiceUrls"/>. With an app id the signed token decides.
    /// </summary>
    public string[]? AllowedServiceUrls { get; set; }

    public IReadOnlyList<string> ServiceUrlsAllowed => AllowedServiceUrls is { Length: > 0 } configured ? configured : LoopbackServiceUrls;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        ServiceUrlsAllowed
            .Where(u => !ServiceUrlPolicy.TryParseServiceUrl(u, out _))
            .Select(u => new ValidationResult($"BotFramework:AllowedServiceUrls: '{u}' is not an absolute http or https URL (see docs/configuration.md)", [nameof(AllowedServiceUrls)]));
}
