using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.BotFramework;

/// <summary>Section "BotFramework": the Bot Framework's well-known addresses (overridable for tests and sovereign clouds).</summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

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
}
