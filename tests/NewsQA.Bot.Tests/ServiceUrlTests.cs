using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.BotFramework;
using NewsQA.Testing;
using static NewsQA.Bot.Tests.StreamParts;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Anonymous mode is no proxy: replies go only to allowed serviceUrls (loopback by default), and no connector call
/// follows a redirect, with or without an app id.
/// </summary>
public sealed class ServiceUrlTests : IAsyncLifetime
{
    private ChannelServer _allowed = null!;
    private ChannelServer _outside = null!;

    public async Task InitializeAsync()
    {
        _allowed = await ChannelServer.StartAsync();
        _outside = await ChannelServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _allowed.DisposeAsync();
        await _outside.DisposeAsync();
    }

    private static object Message(string serviceUrl, string text = "من هو المتحدث باسم الحشد الشعبي؟", string conversationType = "groupChat") => new
    {
        type = "message", id = ActivityIds.Next(), channelId = "msteams", serviceUrl, text,
        from = new { id = "29:user" }, recipient = new { id = "28:" + ChannelServer.AppId }, conversation = new { id = "a:conv", conversationType },
    };

    [Theory]
    [InlineData("http://localhost:3978/", true)]
    [InlineData("http://127.0.0.1:50000/some/path", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("https://localhost/", true)]
    [InlineData("http://localhost.attacker.example/", false)]
    [InlineData("http://127.0.0.1.attacker.example/", false)]
    [InlineData("http://localhost@attacker.example/", false)]
    [InlineData("http://user:pass@127.0.0.1:3978/", false)]
    [InlineData("http://10.0.0.1/", false)]
    [InlineData("http://169.254.169.254/latest/meta-data/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("not a url", false)]
    [InlineData(null, false)]
    public void DefaultPolicy_AllowsLoopbackOnly(string? serviceUrl, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions())).IsAllowed(serviceUrl));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/v3/x", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teamsevil/", false)]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/", true)]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net:8443/teams/", true)] // no port written: any
    [InlineData("https://smba.trafficmanager.net:443/teams/", "https://smba.trafficmanager.net:8443/teams/", false)]
    [InlineData("http://127.0.0.1:3978/", "http://127.0.0.1:3979/", false)]
    [InlineData("http://127.0.0.1:3978/", "http://127.0.0.1:3978/", true)]
    [InlineData("http://127.0.0.1:80/", "http://127.0.0.1:8080/", false)]
    public void ConfiguredPrefix_MatchesByScheme_Host_Port_AndPathSegments(string prefix, string serviceUrl, bool allowed) =>
        Assert.Equal(allowed, new ServiceUrlPolicy(Options.Create(new BotFrameworkOptions { AllowedServiceUrls = [prefix] })).IsAllowed(serviceUrl));

    [Fact]
    public async Task Anonymous_AServiceUrlOutsideTheList_Is403_AndItsListenerReceivesNothing()
    {
        using var bot = new BotFactory();
        bot.Settings["BotFramework:AllowedServiceUrls:0"] = _allowed.BaseUrl;
        var client = bot.CreateClient();

        var refused = await client.PostAsJsonAsync("/api/messages", Message(_outside.BaseUrl));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("AllowedServiceUrls", await refused.Content.ReadAsStringAsync());

        // The same bot does reply where it is allowed to; by then the refused one would have been sent too.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", Message(_allowed.BaseUrl))).StatusCode);
        Assert.Equal(2, (await _allowed.WaitForAsync(2)).Count);
        Assert.Empty(_outside.Requests);
    }

    [Fact]
    public async Task Anonymous_ANonLoopbackServiceUrl_IsRefusedByDefault_WithNoRequest()
    {
        using var bot = new BotFactory();
        var response = await bot.CreateClient().PostAsJsonAsync("/api/messages", Message("http://169.254.169.254/latest/"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(307, false)]
    [InlineData(302, false)]
    [InlineData(307, true)]
    [InlineData(301, true)]
    public async Task AConnectorThatRedirects_IsNotFollowed(int status, bool withAppId)
    {
        await using var redirecting = await ChannelServer.StartAsync(status, _outside.BaseUrl);
        using var bot = new BotFactory();
        bot.Settings["BotFramework:ChannelOpenIdMetadata"] = redirecting.BaseUrl + "openid";
        bot.Settings["BotFramework:TokenEndpoint"] = _allowed.BaseUrl + "token/{0}/oauth2/v2.0/token";
        if (withAppId)
        {
            bot.Settings["MicrosoftAppId"] = ChannelServer.AppId;
            bot.Settings["MicrosoftAppPassword"] = "secret";
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Message(redirecting.BaseUrl)) };
        if (withAppId) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", redirecting.Token());
        Assert.Equal(HttpStatusCode.OK, (await bot.CreateClient().SendAsync(request)).StatusCode);

        // The first reply meets the redirect and fails (logged); following it would have reached the other server.
        Assert.True(await bot.Logs.WaitForAsync("Could not reply through the connector"));
        Assert.Single(redirecting.Received);
        Assert.Empty(_outside.Requests);
    }

    [Fact]
    public async Task Anonymous_AStreamedTeamsAnswer_GoesOnlyToAnAllowedServiceUrl_AndNoUpdateFollowsARedirect()
    {
        // The connector redirects every streamed update elsewhere; typing, the informative update and the final message it takes.
        await using var redirecting = await ChannelServer.StartAsync(307, _outside.BaseUrl, IsStreamingUpdate);
        await using var model = await LoopbackModelServer.StartAsync();
        model.Reply = r => r.IsAnswer ? ["المتحدث ", "باسم ", "الحشد ", "الشعبي ", "هو ", "كريم ", "النوري ", $"[{r.PassageContaining("كريم النوري")}]", "."] : ["NOT_FOUND"];
        using var bot = new BotFactory().WithModel(model);
        bot.Settings["BotFramework:AllowedServiceUrls:0"] = redirecting.BaseUrl;
        bot.Settings["Bot:TeamsStreamIntervalMilliseconds"] = "0";
        var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/messages", Message(_outside.BaseUrl, conversationType: "personal"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", Message(redirecting.BaseUrl, conversationType: "personal"))).StatusCode);

        var received = (await redirecting.WaitUntilAsync(a => a.GetProperty("type").GetString() == "message")).Select(r => r.Body).ToList();
        // The updates went out before the final message: any redirect followed would have reached the other server by now.
        Assert.Empty(_outside.Requests);
        Assert.Contains(received, IsStreamingUpdate); // sent to the allowed serviceUrl, met the redirect, went no further
        Assert.Contains("كريم النوري", received[^1].GetProperty("text").GetString());
        Assert.True(await bot.Logs.WaitForAsync("A streamed update could not be sent"));
    }
}
