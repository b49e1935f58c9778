using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Testing;

namespace NewsQA.Bot.Tests;

/// <summary>
/// With AI:Provider=OpenAICompatible pointed at a loopback model: the answer streams into Web Chat over Direct Line
/// (livestreaming, docs/protocol.md, Web Chat) and into /api/ask/stream as delta events, and the final answer cites the passage
/// the model was given.
/// </summary>
public sealed class WebChatStreamingTests : IAsyncLifetime
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";
    private static readonly string[] Words = ["المتحدث ", "باسم ", "الحشد ", "الشعبي ", "هو ", "كريم ", "النوري "];

    private LoopbackModelServer _model = null!;
    private BotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = r => r.IsAnswer ? [.. Words, $"[{r.PassageContaining("كريم النوري")}]", "."] : ["NOT_FOUND"];
        _bot = new BotFactory().WithModel(_model);
        // Every update is sent as it comes, so the test needs no clock at all.
        _bot.Settings["Bot:WebChatStreamIntervalMilliseconds"] = "0";
    }

    public async Task DisposeAsync()
    {
        _bot.Dispose();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task DirectLine_StreamsTheAnswer_OverTheWebSocket_AndThePolledHistoryHasTheFinalMessage()
    {
        var client = _bot.CreateClient();
        var issued = await (await client.PostAsync("/api/directline/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        var conversation = await (await client.SendAsync(start)).Content.ReadFromJsonAsync<JsonElement>();
        var id = conversation.GetProperty("conversationId").GetString()!;
        var token = conversation.GetProperty("token").GetString()!;
        var streamUrl = new Uri(conversation.GetProperty("streamUrl").GetString()!);
        using var socket = await _bot.Server.CreateWebSocketClient().ConnectAsync(new Uri(_bot.Server.BaseAddress, streamUrl.PathAndQuery), CancellationToken.None);

        var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = Question, channelId = "webchat", from = new { id = issued.GetProperty("userId").GetString(), role = "user" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.SendAsync(post)).EnsureSuccessStatusCode();

        var activities = new List<JsonElement>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        while (!activities.Any(a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("entities", out _)))
        {
            var frame = await socket.ReceiveAsync(buffer, timeout.Token);
            activities.Add(JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, frame.Count)).RootElement.GetProperty("activities")[0].Clone());
        }

        var bot = activities.SkipWhile(a => a.GetProperty("text").GetString() != Question).Skip(1).ToList();
        Assert.Equal("typing", bot[0].GetProperty("type").GetString());
        Assert.False(bot[0].TryGetProperty("channelData", out _)); // the plain indicator, before retrieval
        var informative = bot[1].GetProperty("channelData");
        Assert.Equal("informative", informative.GetProperty("streamType").GetString());
        Assert.Equal(1, informative.GetProperty("streamSequence").GetInt32());
        var streamId = bot[1].GetProperty("id").GetString();

        var chunks = bot.Skip(2).SkipLast(1).ToList();
        Assert.Equal(Words.Length + 1, chunks.Count); // each word, then the marker with the full stop that settles it
        var previous = string.Empty;
        var sequence = 1;
        foreach (var chunk in chunks)
        {
            var data = chunk.GetProperty("channelData");
            Assert.Equal("typing", chunk.GetProperty("type").GetString());
            Assert.Equal("streaming", data.GetProperty("streamType").GetString());
            Assert.Equal(streamId, data.GetProperty("streamId").GetString());
            Assert.Equal(++sequence, data.GetProperty("streamSequence").GetInt32());
            Assert.Contains(chunk.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "streaminfo");
            Assert.StartsWith(previous, chunk.GetProperty("text").GetString(), StringComparison.Ordinal);
            previous = chunk.GetProperty("text").GetString()!;
        }

        var final = bot[^1];
        Assert.Equal("final", final.GetProperty("channelData").GetProperty("streamType").GetString());
        Assert.Equal(streamId, final.GetProperty("channelData").GetProperty("streamId").GetString());
        Assert.Equal("default", final.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString());
        Assert.StartsWith("المتحدث باسم الحشد الشعبي هو كريم النوري [1].\n\n[1]: cite:1", final.GetProperty("text").GetString());
        var claim = final.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "https://schema.org/Message").GetProperty("citation")[0];
        Assert.Contains("كريم النوري", claim.GetProperty("appearance").GetProperty("text").GetString());

        var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities");
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var history = (await (await client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().ToList();
        Assert.DoesNotContain(history, a => a.GetProperty("type").GetString() == "typing");
        var polled = history.Last();
        Assert.Equal(final.GetProperty("id").GetString(), polled.GetProperty("id").GetString());
        Assert.Equal(streamId, polled.GetProperty("channelData").GetProperty("streamId").GetString());
    }

    [Fact]
    public async Task ALongStreamedAnswer_LeavesTheQuestionAndTheFinalMessage_InABoundedHistory_WithoutItsUpdates()
    {
        // 200 cumulative updates of a growing text come to about 300 KB; the conversation may hold 64 KiB.
        _bot.Settings["DirectLine:MaxConversationBytes"] = "65536";
        _bot.Settings["DirectLine:MaxPageBytes"] = "16384";
        // Words of the cited sentence, so that the claim check keeps the answer the model streamed.
        string[] words = ["الفصائل", "الشيعية", "ليست", "على", "خلاف", "مع", "التحالف", "الدولي"];
        var pieces = Enumerable.Range(0, 200).Select(i => $"{words[i % words.Length]} ").ToList();
        _model.Reply = r => r.IsAnswer ? [.. pieces, $"[{r.PassageContaining("كريم النوري")}]", "."] : ["NOT_FOUND"];
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        (await client.PostAsync(Question)).EnsureSuccessStatusCode();

        static bool IsFinal(JsonElement a) => a.TryGetProperty("channelData", out var d) && d.TryGetProperty("streamType", out var t) && t.GetString() == "final";
        List<JsonElement> history = [];
        var largestPage = 0;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            (history, largestPage, _) = await client.ReadAllAsync();
            return history.Any(IsFinal);
        }));

        Assert.Contains(history, a => a.GetProperty("text").GetString() == Question);
        Assert.StartsWith(string.Concat(pieces).TrimEnd(), history.Single(IsFinal).GetProperty("text").GetString());
        Assert.True(largestPage <= 16384 + 8192, $"a page of {largestPage} bytes");
        var watermark = (await (await client.PollAsync()).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("watermark").GetString();
        Assert.Equal(history.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark); // the updates took no place in the history

        // What a WebSocket opened now replays is the history as stored: the question, the final message, none of the updates.
        var stored = ((NewsQA.Bot.DirectLine.InMemoryDirectLineStore)_bot.Services.GetRequiredService<NewsQA.Bot.DirectLine.IDirectLineStore>()).Find(client.ConversationId)!;
        Assert.True(stored.Bytes <= 65536, $"{stored.Bytes} bytes held");
        var types = stored.Page(0, int.MaxValue).Activities.Select(a => JsonDocument.Parse(a.Json).RootElement)
            .Select(a => a.TryGetProperty("channelData", out var data) && data.TryGetProperty("streamType", out var type) ? type.GetString() : a.GetProperty("type").GetString()).ToList();
        Assert.DoesNotContain("streaming", types);
        Assert.DoesNotContain("informative", types);
        Assert.DoesNotContain("typing", types);
        Assert.Contains("final", types);
    }

    [Fact]
    public async Task AStreamedAnswerReplacedAtTheEnd_SaysSo_InOneLineInTheReadersLanguage()
    {
        // A reply that cites nothing is shown as it is written, then, ungrounded twice, replaced by the offline answer.
        _model.Reply = r => r.IsAnswer ? ["المتحدث ", "باسم ", "الحشد ", "الشعبي ", "معروف ", "منذ ", "سنوات."] : ["NOT_FOUND"];
        var client = await DirectLineClient.StartAsync(_bot.CreateClient());
        (await client.PostAsync(Question)).EnsureSuccessStatusCode();

        static bool IsFinal(JsonElement a) => a.TryGetProperty("channelData", out var d) && d.TryGetProperty("streamType", out var t) && t.GetString() == "final";
        List<JsonElement> history = [];
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            (history, _, _) = await client.ReadAllAsync();
            return history.Any(IsFinal);
        }));

        var final = history.Single(IsFinal).GetProperty("text").GetString()!;
        Assert.StartsWith("_استُبدلت إجابة النموذج بإجابة مأخوذة من المقالات مباشرة._\n\n", final);
        Assert.Contains("كريم النوري", final);
        Assert.DoesNotContain("معروف منذ سنوات", final);
    }

    [Fact]
    public async Task AskStream_SendsDeltasAsTheModelWrites_ThenTheCitedAnswer_ThenDone()
    {
        var response = await _bot.CreateClient().PostAsJsonAsync("/api/ask/stream", new { question = Question });
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => (Name: e.Split('\n')[0]["event: ".Length..], Data: JsonDocument.Parse(e.Split('\n')[1]["data: ".Length..]).RootElement)).ToList();

        Assert.Equal("status", events[0].Name);
        Assert.Equal(["answer", "done"], events.TakeLast(2).Select(e => e.Name));
        var deltas = events.Where(e => e.Name == "delta").Select(e => e.Data.GetProperty("text").GetString()).ToList();
        Assert.Equal(Words.Length + 1, deltas.Count); // each word, then the marker with the full stop that settles it
        var answer = events[^2].Data;
        Assert.Equal("llm", answer.GetProperty("mode").GetString());
        Assert.Equal(string.Concat(deltas), answer.GetProperty("answer").GetString());
        var cited = answer.GetProperty("citations")[0];
        Assert.Contains("كريم النوري", cited.GetProperty("text").GetString());
        var given = _model.Requests.Single(r => r.IsAnswer).PassageContaining("كريم النوري");
        Assert.True(given > 0);
    }
}
