namespace NewsQA.Bot.BotFramework;

/// <summary>
/// The HTTP client settings of every call the bot makes to a channel (replies, and the token for them), in one place.
/// Redirects are never followed: a connector that answers 3xx has failed, and following would re-send the reply (307)
/// or turn it into a GET (302) to wherever the Location header points, whatever serviceUrl was allowed.
/// </summary>
public static class ConnectorHttpClient
{
    public const string Name = "BotFramework.Connector";

    public static IServiceCollection AddConnectorHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(Name).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
