using Microsoft.Extensions.Options;

namespace NewsQA.Bot.BotFramework;

/// <summary>Says at start-up, once, when /api/messages accepts requests without authentication.</summary>
public sealed partial class AnonymousModeWarning(IOptions<BotCredentialsOptions> credentials, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!credentials.Value.AuthenticationEnabled) LogAnonymous(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "MicrosoftAppId is not set: /api/messages accepts requests without authentication. Use this for local development only; see README, Teams.")]
    private static partial void LogAnonymous(ILogger logger);
}
