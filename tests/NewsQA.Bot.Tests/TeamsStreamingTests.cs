using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NewsQA.Testing;
using static NewsQA.Bot.Tests.StreamParts;

namespace NewsQA.Bot.Tests;

/// <summary>
/// A model's answer streamed into Teams (docs/protocol.md, Teams), captured by the loopback connector: the model is an
/// OpenAI-compatible server on loopback, and the bot's clock a fake one. In a 1:1 chat the model writes its next piece
/// only once the connector has the previous one, moving the clock on half a second at a time until then, so every
/// piece is seen and the pacing is checked on that clock, not on the wall.
/// </summary>
public sealed class TeamsStreamingTests : IAsyncLifetime
{
    private const string Question = "من هو المتحدث باسم الحشد الشعبي؟";
    private static readonly TimeSpan PieceGap = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TeamsInterval = TimeSpan.FromMilliseconds(1500);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private ChannelServer _channel = null!;
    private LoopbackModelServer _model = null!;
    private readonly List<int> _citedPassage = [];
    private string[] _pieces = [];
    private bool _waitForChunks = true;

    private string LastText() => _channel.Received.LastOrDefault().Body is { ValueKind: JsonValueKind.Object } last && last.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty;

    public async Task InitializeAsync()
    {
        _channel = await ChannelServer.StartAsync();
        _channel.Clock = _clock;
        _model = await LoopbackModelServer.StartAsync();
        _model.Reply = request =>
        {
            if (!request.IsAnswer) return ["NOT_FOUND"];
            var n = request.PassageContaining("كريم النوري");
            _citedPassage.Add(n);
            return _pieces = ["المتحدث ", "باسم ", "الحشد ", "الشعبي ", "هو ", "كريم ", "النوري ", $"[{n}", "]."];
        };
        _model.BeforePiece = async (request, i) =>
        {
            if (!request.IsAnswer || i == 0) return;
            var previous = _pieces[i - 1].Trim();
            await Eventually.HoldsAsync(
                () => !_waitForChunks || previous.StartsWith('[') || LastText().EndsWith(previous, StringComparison.Ordinal),
                () => _clock.Advance(TimeSpan.FromMilliseconds(500)),
                pauseMilliseconds: 20);
        };
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await _channel.DisposeAsync();
    }

    private BotFactory Bot()
    {
        var bot = new BotFactory().WithModel(_model);
        bot.Settings["BotFramework:ChannelOpenIdMetadata"] = _channel.BaseUrl + "openid";
        // The waits below move the fake clock on at every poll, whether or not the bot has moved; on a loaded machine
        // retrieval alone can outlast 60 of those seconds, and the answer's deadline (AI:TimeoutSeconds, on this clock)
        // would drop the model for the offline answer before its first piece. The deadline is not what these tests
        // check, so it is set as far off as the setting allows.
        bot.Settings["AI:TimeoutSeconds"] = "600";
        bot.Clock = _clock;
        return bot;
    }

    private object Message(string conversationType) => new
    {
        type = "message", id = ActivityIds.Next(), channelId = "msteams", serviceUrl = _channel.BaseUrl, text = Question, locale = "ar-SA",
        from = new { id = "29:user-aad", name = "Layla" },
        recipient = new { id = "28:bot", name = "NewsQA" },
        conversation = new { id = $"a:{conversationType};messageid=1", conversationType, tenantId = "tenant-1" },
    };

    private static bool IsFinal(JsonElement activity) => activity.GetProperty("type").GetString() == "message";

    [Fact]
    public async Task OneToOneChat_GetsTyping_Informative_CumulativeChunks_ThenTheFinalMessage()
    {
        using var bot = Bot();
        (await bot.CreateClient().PostAsJsonAsync("/api/messages", Message("personal"))).EnsureSuccessStatusCode();
        var received = (await _channel.WaitUntilAsync(IsFinal, () => _clock.Advance(PieceGap))).Select(r => r.Body).ToList();
        var times = _channel.Returned.Select(r => r.At).ToList();

        Assert.Equal("typing", received[0].GetProperty("type").GetString());
        Assert.Null(StreamInfo(received[0])); // the plain indicator, before retrieval
        var informative = StreamInfo(received[1])!.Value;
        Assert.Equal("informative", informative.GetProperty("streamType").GetString());
        Assert.Equal(1, informative.GetProperty("streamSequence").GetInt32());
        Assert.Equal("جارٍ البحث في المقالات…", received[1].GetProperty("text").GetString());
        var streamId = _channel.Returned[1].Id;

        var chunks = received.Skip(2).SkipLast(1).ToList();
        // One a word, each seen before the model wrote on; the last piece's chunk ("…[1].") may be superseded by the
        // final message if that comes first.
        Assert.InRange(chunks.Count, 7, 8);
        for (var i = 0; i < 7; i++) Assert.Equal(string.Concat(_pieces[..(i + 1)]).Trim(), chunks[i].GetProperty("text").GetString());
        var sequence = 1;
        var text = string.Empty;
        foreach (var chunk in chunks)
        {
            Assert.Equal("typing", chunk.GetProperty("type").GetString());
            var info = StreamInfo(chunk)!.Value;
            Assert.Equal("streaming", info.GetProperty("streamType").GetString());
            Assert.Equal(streamId, info.GetProperty("streamId").GetString());
            Assert.True(info.GetProperty("streamSequence").GetInt32() > sequence);
            sequence = info.GetProperty("streamSequence").GetInt32();
            var chunkText = chunk.GetProperty("text").GetString()!;
            Assert.StartsWith(text, chunkText, StringComparison.Ordinal); // each chunk holds the one before
            Assert.DoesNotMatch(@"\[(?!1\])\d*\]?", chunkText);        // no marker but [1], never half a marker
            text = chunkText;
        }

        // At most one update per interval, on the bot's own clock; the final one too.
        for (var i = 2; i < times.Count; i++) Assert.True(times[i] - times[i - 1] >= TeamsInterval, $"updates {i - 1} and {i}: {times[i] - times[i - 1]}");

        var final = received[^1];
        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].", final.GetProperty("text").GetString());
        Assert.StartsWith(text, final.GetProperty("text").GetString(), StringComparison.Ordinal);
        var entities = final.GetProperty("entities").EnumerateArray().ToList();
        var end = Assert.Single(entities, e => e.GetProperty("type").GetString() == "streaminfo");
        Assert.Equal("final", end.GetProperty("streamType").GetString());
        Assert.Equal(streamId, end.GetProperty("streamId").GetString());
        Assert.False(end.TryGetProperty("streamSequence", out _));
        var message = Assert.Single(entities, e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        Assert.Equal("AIGeneratedContent", message.GetProperty("additionalType")[0].GetString());
        Assert.Equal("default", final.GetProperty("channelData").GetProperty("feedbackLoop").GetProperty("type").GetString());

        // The citation resolves to the passage the model was given as [n] and cited.
        var claim = Assert.Single(message.GetProperty("citation").EnumerateArray());
        Assert.Equal(1, claim.GetProperty("position").GetInt32());
        var card = JsonDocument.Parse(claim.GetProperty("appearance").GetProperty("text").GetString()!).RootElement;
        Assert.Contains("كريم النوري", card.GetProperty("body")[2].GetProperty("items")[0].GetProperty("text").GetString());
        Assert.True(_citedPassage.Single() > 0);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task GroupChatsAndChannels_GetTypingThenTheFinalMessageOnly(string conversationType)
    {
        _waitForChunks = false;
        using var bot = Bot();
        (await bot.CreateClient().PostAsJsonAsync("/api/messages", Message(conversationType))).EnsureSuccessStatusCode();
        var received = (await _channel.WaitUntilAsync(IsFinal, () => _clock.Advance(PieceGap))).Select(r => r.Body).ToList();

        Assert.Equal(["typing", "message"], received.Select(r => r.GetProperty("type").GetString()));
        Assert.All(received, r => Assert.Null(StreamInfo(r)));
        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].", received[1].GetProperty("text").GetString());
        Assert.Single(received[1].GetProperty("entities").EnumerateArray());
    }
}
