namespace NewsQA.Bot.Tests;

/// <summary>
/// A loopback channel and two bots shared by a test class: one anonymous (its Direct Line tokens signed with a known
/// key), one with an app id whose channel metadata and keys the loopback channel serves.
/// </summary>
public sealed class ChannelBotFixture : IAsyncLifetime
{
    public const string SigningKey = "channel-bot-fixture-key";

    public ChannelServer Channel { get; private set; } = null!;

    public BotFactory Bot { get; } = new();

    public BotFactory AuthenticatedBot { get; } = new();

    public async Task InitializeAsync()
    {
        Channel = await ChannelServer.StartAsync();
        Bot.Settings["DirectLine:TokenSigningKey"] = SigningKey;
        AuthenticatedBot.Settings["MicrosoftAppId"] = ChannelServer.AppId;
        AuthenticatedBot.Settings["MicrosoftAppPassword"] = "secret";
        AuthenticatedBot.Settings["BotFramework:ChannelOpenIdMetadata"] = Channel.BaseUrl + "openid";
        AuthenticatedBot.Settings["BotFramework:EntraOpenIdMetadata"] = Channel.BaseUrl + "openid-entra";
        AuthenticatedBot.Settings["BotFramework:TokenEndpoint"] = Channel.BaseUrl + "token/{0}/oauth2/v2.0/token";
    }

    public async Task DisposeAsync()
    {
        Bot.Dispose();
        AuthenticatedBot.Dispose();
        await Channel.DisposeAsync();
    }
}
