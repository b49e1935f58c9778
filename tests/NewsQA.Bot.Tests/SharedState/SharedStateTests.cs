using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>
/// Three bot processes and one Redis (issue 21): a conversation's turns may land on any process, a Direct Line
/// conversation is served by all of them, and a process that dies takes nothing with it.
/// </summary>
public sealed class SharedStateTests(BotCluster cluster) : IClassFixture<BotCluster>, IAsyncLifetime
{
    private const string Spokesman = "من هو المتحدث باسم الحشد الشعبي؟";
    private const string Nato = "كم رفع الناتو عدد جنوده في العراق؟";
    private ChannelServer _channel = null!;

    public async Task InitializeAsync() => _channel = await ChannelServer.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    private object TeamsMessage(string conversationId, string text, string? id = null, string? deliveryMode = "expectReplies") => new
    {
        type = "message", id = id ?? ActivityIds.Next(), channelId = "msteams", serviceUrl = _channel.BaseUrl, text, deliveryMode,
        from = new { id = "29:user" }, recipient = new { id = "28:bot" }, conversation = new { id = conversationId, conversationType = "personal" },
    };

    // The replies an expectReplies delivery returns, typing left out.
    private static async Task<List<JsonElement>> DeliverAsync(HttpClient process, object activity)
    {
        using var response = await process.PostAsJsonAsync("/api/messages", activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray()];
    }

    private static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    [Fact]
    public async Task ATeamsConversation_WhoseTurnsLandOnDifferentProcesses_KeepsItsFollowUpContext()
    {
        var conversation = "a:spread-" + Guid.NewGuid().ToString("N");
        Assert.Contains("كريم النوري", Text((await DeliverAsync(cluster.Clients[0], TeamsMessage(conversation, Spokesman)))[0]));
        Assert.Contains("كريم النوري", Text((await DeliverAsync(cluster.Clients[1], TeamsMessage(conversation, "show 1")))[0]));

        Assert.Contains("4000", Text((await DeliverAsync(cluster.Clients[2], TeamsMessage(conversation, Nato)))[0]));
        var source = Text((await DeliverAsync(cluster.Clients[0], TeamsMessage(conversation, "show 1")))[0]);
        Assert.Contains("4000", source); // the latest answer's source, whichever process gave it
        Assert.DoesNotContain("كريم النوري", source);
    }

    [Fact]
    public async Task TwoTurnsOfOneConversation_SentAtOnceToTwoProcesses_AreBothRecorded()
    {
        var conversation = "a:together-" + Guid.NewGuid().ToString("N");
        var responses = await Task.WhenAll(
            cluster.Clients[1].PostAsJsonAsync("/api/messages", TeamsMessage(conversation, Spokesman, deliveryMode: null)),
            cluster.Clients[2].PostAsJsonAsync("/api/messages", TeamsMessage(conversation, Nato, deliveryMode: null)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Each answer is sent once its turn is saved; both reach the channel, once each.
        Assert.True(await Eventually.HoldsAsync(() => _channel.Received.Count(r => r.Body.GetProperty("type").GetString() == "message") >= 2));
        var answers = _channel.Received.Where(r => r.Body.GetProperty("type").GetString() == "message").Select(r => Text(r.Body)).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Contains(answers, a => a.Contains("كريم النوري", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("4000", StringComparison.Ordinal));

        var (version, turns) = await cluster.StoredConversationAsync($"channel|msteams|{conversation}");
        Assert.Equal(2, version);
        Assert.Equal([Nato, Spokesman], turns.Select(t => t.Question).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ADirectLineToken_FromOneProcess_WorksOnTheOthers_AndASocketOnOneReceivesTheReplyToAPostOnAnother()
    {
        var onB = await DirectLineClient.StartAsync(cluster.Clients[1], issuer: cluster.Clients[0]); // token from A, started on B
        var onC = onB.Through(cluster.Clients[2]);
        Assert.Equal(HttpStatusCode.OK, (await onC.PollAsync()).StatusCode);

        await using var socket = await DirectLineSocket.OpenAsync(new Uri(onB.StreamUrl)); // held by B
        Assert.Equal(HttpStatusCode.OK, (await onC.PostAsync("Who commands the French forces in the Middle East?")).StatusCode);
        Assert.True(await socket.ReceiveUntilAsync(a => Text(a).Contains("إيمانويل سلارس", StringComparison.Ordinal)));

        var kinds = socket.Frames.Select(f => f.GetProperty("activities")[0]).Select(a => (a.GetProperty("type").GetString(), a.GetProperty("from").GetProperty("role").GetString())).ToList();
        Assert.Equal([("message", "bot"), ("message", "user"), ("typing", "bot"), ("message", "bot")], kinds); // welcome, echo, typing (live, from C), answer
        Assert.Equal((await onC.ReadAllAsync()).Activities.Select(a => a.GetProperty("id").GetString()), socket.Stored.Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheProcessHoldingTheSocketKilled_AReconnectThroughAnotherWithItsWatermark_GetsEveryLaterActivityOnceInOrder_AsAPollerDoes()
    {
        var doomed = await cluster.StartExtraAsync();
        using var doomedClient = new HttpClient { BaseAddress = doomed.Address };
        var onA = await DirectLineClient.StartAsync(cluster.Clients[0]);
        await using (var first = await DirectLineSocket.OpenAsync(await onA.Through(doomedClient).StreamUrlAsync()))
        {
            await onA.PostAsync("Who commands the French forces in the Middle East?");
            Assert.True(await first.ReceiveUntilAsync(a => Text(a).Contains("إيمانويل سلارس", StringComparison.Ordinal)));
            var watermark = first.Watermark;

            await doomed.KillAsync(); // kill -9 of the socket's process
            var ended = await Record.ExceptionAsync(async () => Assert.False(await first.ReceiveUntilAsync(_ => false)));
            Assert.True(ended is null or System.Net.WebSockets.WebSocketException, $"the socket ended with {ended}"); // closed or broken

            // Meanwhile a message is posted through another process; then the client reconnects through a third.
            var onB = onA.Through(cluster.Clients[1]);
            await onB.PostAsync(Nato);
            Assert.True(await Eventually.HoldsAsync(async () => (await onB.ReadAllAsync(watermark)).Activities.Any(a => Text(a).Contains("4000", StringComparison.Ordinal))));
            await using var second = await DirectLineSocket.OpenAsync(await onA.Through(cluster.Clients[2]).StreamUrlAsync(watermark));
            await onA.PostAsync(Spokesman);
            Assert.True(await second.ReceiveUntilAsync(a => Text(a).Contains("كريم النوري", StringComparison.Ordinal)));

            var received = second.Stored.ToList();
            var ids = received.Select(a => a.GetProperty("id").GetString()!).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count); // each once
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids); // in order (ids sort as stored)
            Assert.Equal([Nato, "4000", Spokesman, "كريم النوري"], Matches(received, Nato, "4000", Spokesman, "كريم النوري"));
            Assert.DoesNotContain(received, a => Text(a).Contains("إيمانويل سلارس", StringComparison.Ordinal)); // before the watermark

            // A poller from the same watermark sees the same sequence.
            var polled = (await onA.Through(cluster.Clients[1]).ReadAllAsync(watermark)).Activities;
            Assert.Equal(ids, polled.Select(a => a.GetProperty("id").GetString()!));
        }
    }

    [Fact]
    public async Task AProcessKilledWhileAnswering_LeavesNothingHalfSaved_AndTheRedeliveredActivityIsAnsweredOnce()
    {
        await using var model = await LoopbackModelServer.StartAsync();
        model.Misbehave = _ => ModelMisbehaviour.StallBeforeHeaders(TimeSpan.FromMinutes(5));
        var doomed = await cluster.StartExtraAsync(new Dictionary<string, string>
        {
            ["NEWSQA_AI__Provider"] = "OpenAICompatible", ["NEWSQA_AI__Endpoint"] = model.Endpoint.ToString(),
            ["NEWSQA_AI__ChatModel"] = "test-model", ["NEWSQA_AI__ApiKey"] = model.ExpectedKey,
        });
        using var doomedClient = new HttpClient { BaseAddress = doomed.Address };
        var conversation = "a:crash-" + Guid.NewGuid().ToString("N");
        var key = $"channel|msteams|{conversation}";
        Assert.Contains("كريم النوري", Text((await DeliverAsync(cluster.Clients[0], TeamsMessage(conversation, Spokesman)))[0]));

        var activity = TeamsMessage(conversation, Nato, id: ActivityIds.Next());
        var id = JsonSerializer.SerializeToElement(activity).GetProperty("id").GetString()!;
        var delivery = doomedClient.PostAsJsonAsync("/api/messages", activity);
        Assert.True(await Eventually.HoldsAsync(() => !model.Requests.IsEmpty)); // the answer is under way, waiting on the model
        await doomed.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => delivery); // the channel sees the delivery fail, and retries

        var (version, turns) = await cluster.StoredConversationAsync(key);
        Assert.Equal(1, version);
        Assert.Equal([Spokesman], turns.Select(t => t.Question));
        Assert.False(await cluster.AnsweredAsync(key, id));

        Assert.Contains("4000", Text(Assert.Single(await DeliverAsync(cluster.Clients[1], activity)))); // the retry, answered in full
        Assert.Empty(await DeliverAsync(cluster.Clients[2], activity)); // and once only
        (version, turns) = await cluster.StoredConversationAsync(key);
        Assert.Equal(2, version);
        Assert.Equal([Spokesman, Nato], turns.Select(t => t.Question));
        Assert.True(await cluster.AnsweredAsync(key, id));
    }

    // Which of the texts each activity holds, in the activities' order (an activity matching none is left out).
    private static List<string> Matches(IEnumerable<JsonElement> activities, params string[] texts) =>
        [.. activities.Select(a => texts.FirstOrDefault(t => Text(a).Contains(t, StringComparison.Ordinal))).OfType<string>()];
}
