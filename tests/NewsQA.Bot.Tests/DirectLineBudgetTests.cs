using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NewsQA.Bot.Tests;

/// <summary>Direct Line memory is bounded by bytes: per activity, per conversation and in total; a poll returns a bounded page.</summary>
public sealed class DirectLineBudgetTests : IDisposable
{
    private readonly BotFactory _bot = new();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task AnActivityOverTheLimit_Is413_AndNotStored()
    {
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var response = await client.PostAsync(new string('x', 40_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("DirectLine:MaxActivityBytes", await response.Content.ReadAsStringAsync());
        var (activities, _, _) = await client.ReadAllAsync();
        Assert.DoesNotContain(activities, a => a.GetProperty("text").GetString()!.Length > 30_000);
    }

    [Fact]
    public async Task AConversation_KeepsItsBytesBudget_AndAPollReturnsABoundedPage_FollowedByWatermark()
    {
        _bot.Settings["DirectLine:MaxConversationBytes"] = "65536";
        _bot.Settings["DirectLine:MaxPageBytes"] = "16384";
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{i:D2} " + new string('x', 8000))).StatusCode);
        // Read once every answer is stored: one appended between two pages would push out one already read.
        await _bot.Services.GetRequiredService<NewsQA.Bot.Conversation.TurnQueue>().WhenIdleAsync(CancellationToken.None);

        var (activities, largestPage, pages) = await client.ReadAllAsync();
        Assert.True(largestPage <= 16384 + 9000, $"a page of {largestPage} bytes");
        Assert.True(pages >= 3, $"{pages} pages");
        var kept = activities.Sum(a => a.GetRawText().Length);
        Assert.True(kept <= 65536, $"{kept} bytes kept");
        // The oldest fell off; what is kept arrives once each, in order, and ends with the newest post.
        var posts = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()![..2]).ToList();
        Assert.Equal(posts.Order(StringComparer.Ordinal), posts);
        Assert.Equal(posts.Distinct(), posts);
        Assert.Equal("19", posts[^1]);
        Assert.DoesNotContain("00", posts);
    }

    [Fact]
    public async Task AllConversations_KeepTheTotalBudget_ForgettingTheLeastRecentlyActive()
    {
        _bot.Settings["DirectLine:MaxConversationBytes"] = "65536";
        _bot.Settings["DirectLine:MaxTotalBytes"] = "1048576";
        var http = _bot.CreateClient();
        var clients = new List<DirectLineClient>();
        for (var c = 0; c < 30; c++)
        {
            var client = await DirectLineClient.StartAsync(http);
            for (var i = 0; i < 3; i++) await client.PostAsync(new string('x', 20_000));
            clients.Add(client);
        }

        var conversations = _bot.Services.GetService(typeof(NewsQA.Bot.DirectLine.IDirectLineStore)) as NewsQA.Bot.DirectLine.InMemoryDirectLineStore;
        Assert.True(conversations!.Bytes <= 1048576, $"{conversations.Bytes} bytes held");
        Assert.Equal(HttpStatusCode.NotFound, (await clients[0].PollAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[^1].PollAsync()).StatusCode);
    }

    [Fact]
    public async Task DeeplyNestedActivity_IsRefused_WhileOrdinaryNesting_IsStoredAndServed()
    {
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        var deep = await client.SendAsync(HttpMethod.Post, client.Activities, Nested(40));
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, client.Activities, Nested(25))).StatusCode);
        var (activities, _, _) = await client.ReadAllAsync();
        Assert.Contains(activities, a => a.TryGetProperty("channelData", out _));
    }

    private static JsonElement Nested(int depth)
    {
        var json = "{\"type\":\"event\",\"name\":\"x\",\"channelData\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth) + "}";
        return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 100 }).RootElement.Clone();
    }
}
