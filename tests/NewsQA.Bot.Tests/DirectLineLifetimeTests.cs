using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Direct Line lifetimes: polling, an open WebSocket and a token refresh all keep a conversation alive; a token cannot
/// revive an ended conversation; refreshing is bounded; and no token reaches the log at Information.
/// </summary>
public sealed class DirectLineLifetimeTests : IDisposable
{
    // Whole seconds, as tokens write their times.
    private readonly BotFactory _bot = new() { Clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())) };

    public void Dispose() => _bot.Dispose();

    private FakeTimeProvider Clock => _bot.Clock!;

    [Fact]
    public async Task Polling_KeepsTheConversation()
    {
        _bot.Settings["DirectLine:TokenLifetimeMinutes"] = "120";
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        for (var i = 0; i < 4; i++)
        {
            Clock.Advance(TimeSpan.FromMinutes(20)); // 80 minutes in all, the idle time being 30
            Assert.Equal(HttpStatusCode.OK, (await client.PollAsync()).StatusCode);
        }
    }

    [Fact]
    public async Task AnOpenWebSocket_KeepsTheConversation()
    {
        _bot.Settings["DirectLine:TokenLifetimeMinutes"] = "120";
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var ws = _bot.Server.CreateWebSocketClient();
        using var socket = await ws.ConnectAsync(new Uri(_bot.Server.BaseAddress, new Uri(client.StreamUrl).PathAndQuery), CancellationToken.None);

        Clock.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("Who commands the French forces in the Middle East?")).StatusCode);
    }

    [Fact]
    public async Task Refreshing_KeepsTheConversation()
    {
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync()).StatusCode);
        Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.PollAsync()).StatusCode);
    }

    [Fact]
    public async Task AnEndedConversation_StaysEnded_WhateverTokenIsShown()
    {
        _bot.Settings["DirectLine:TokenLifetimeMinutes"] = "120";
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.NotFound, (await client.RefreshAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PollAsync()).StatusCode);
    }

    [Fact]
    public async Task RefreshChains_AreBounded_BySessionHours()
    {
        _bot.Settings["DirectLine:MaxSessionHours"] = "1";
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var expiries = new List<int>();
        for (var minutes = 15; minutes < 60; minutes += 15)
        {
            Clock.Advance(TimeSpan.FromMinutes(15));
            var refreshed = await client.RefreshAsync();
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            expiries.Add(client.ExpiresIn);
        }

        Assert.Equal([1800, 1800, 900], expiries); // the last token ends with the session, an hour after the first
        Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.RefreshAsync()).StatusCode);
    }

    [Fact]
    public async Task Tokens_NeverAppearInTheLog_AtInformation()
    {
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var ws = _bot.Server.CreateWebSocketClient();
        var streamUrl = new Uri(client.StreamUrl);
        using (await ws.ConnectAsync(new Uri(_bot.Server.BaseAddress, streamUrl.PathAndQuery), CancellationToken.None))
        {
        }

        await client.PostAsync("Who commands the French forces in the Middle East?");
        await client.RefreshAsync();
        var streamToken = Uri.UnescapeDataString(streamUrl.Query.Split("t=")[1].Split('&')[0]);
        var logged = _bot.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information).Select(e => e.Message).ToList();
        Assert.NotEmpty(logged);
        Assert.DoesNotContain(logged, m => m.Contains(streamToken, StringComparison.Ordinal) || m.Contains(client.Token, StringComparison.Ordinal) || m.Contains("?t=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStreamUrlsToken_OpensTheStreamOnly_AndOnlyForAMinute()
    {
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var streamToken = Uri.UnescapeDataString(new Uri(client.StreamUrl).Query.Split("t=")[1].Split('&')[0]);
        var asBearer = new DirectLineClient(_bot.CreateClient()) { Token = streamToken };
        Assert.Equal(HttpStatusCode.Forbidden, (await asBearer.SendAsync(HttpMethod.Get, client.Activities)).StatusCode);

        Clock.Advance(TimeSpan.FromMinutes(2));
        var ws = _bot.Server.CreateWebSocketClient();
        await Assert.ThrowsAnyAsync<Exception>(() => ws.ConnectAsync(new Uri(_bot.Server.BaseAddress, new Uri(client.StreamUrl).PathAndQuery), CancellationToken.None));
    }
}
