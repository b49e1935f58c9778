namespace NewsQA.Bot.BotFramework;

/// <summary>
/// The bot's identity, under the top-level keys Azure Bot Service deployments already use. MicrosoftAppPassword is a
/// secret: set it through the environment or user-secrets. With no MicrosoftAppId, requests are accepted anonymously
/// (local development only) and replies carry no token.
/// </summary>
public sealed class BotCredentialsOptions
{
    /// <summary>Bound from the configuration root: these keys have no section.</summary>
    public const string SectionName = "";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
