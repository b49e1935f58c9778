using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Emulator and other Entra-issued tokens: the version decides where the app id is (1.0: appid, 2.0: azp), and a
/// token of any other version, or of none, is refused, as the Bot Framework SDK's EmulatorValidation refuses it.
/// </summary>
public class EntraTokenTests(ChannelBotFixture fixture) : IClassFixture<ChannelBotFixture>
{
    public static TheoryData<string?, string, HttpStatusCode> Versions() => new()
    {
        { "1.0", "appid", HttpStatusCode.OK },
        { "2.0", "azp", HttpStatusCode.OK },
        { "2.0", "appid", HttpStatusCode.Unauthorized },
        { "3.0", "appid", HttpStatusCode.Unauthorized },
        { "3.0", "azp", HttpStatusCode.Unauthorized },
        { "1.0 ", "appid", HttpStatusCode.Unauthorized },
        { null, "appid", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task EntraToken_IsAcceptedOnlyInAKnownVersion(string? version, string appIdClaim, HttpStatusCode expected)
    {
        var claims = new Dictionary<string, string> { [appIdClaim] = ChannelServer.AppId };
        if (version is not null) claims["ver"] = version;
        var token = fixture.Channel.Token(issuer: ChannelServer.EntraIssuer, claims: claims);
        var activity = new { type = "messageReaction", channelId = "emulator", serviceUrl = fixture.Channel.BaseUrl, conversation = new { id = "c" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(expected, (await fixture.AuthenticatedBot.CreateClient().SendAsync(request)).StatusCode);
    }
}
