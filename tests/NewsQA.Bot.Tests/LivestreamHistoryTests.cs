using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.DirectLine;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Tests;

/// <summary>
/// A livestreamed answer in a Direct Line conversation's history: every update reaches an open WebSocket, but the
/// history keeps only the stream's informative update and latest text while it runs, and its final message once it
/// ends, so a long answer neither outgrows the conversation's byte budget nor pushes the messages around it out.
/// </summary>
public sealed class LivestreamHistoryTests
{
    private const int Budget = 64 * 1024;
    private const int Updates = 400;

    [Fact]
    public async Task ALongStreamedAnswer_KeepsTheQuestionAndTheFinalMessage_WithinTheBudget_WhileTheSocketSeesEveryUpdate()
    {
        var conversations = new DirectLineConversations(Options.Create(new BotHostOptions()), Options.Create(new DirectLineOptions { MaxConversationBytes = Budget }), TimeProvider.System);
        var (conversation, _) = conversations.GetOrCreate("c1", "dl_user");
        var socket = conversation.Listen(0);
        var question = conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "Who commands the French forces?", From = new ChannelAccount("dl_user", Role: "user") }, DateTimeOffset.UtcNow);
        var replies = new DirectLineReplySender(conversation, TimeProvider.System, TimeSpan.Zero);

        // As AnswerStream sends them: an informative update, cumulative updates (40 characters more each), the final message.
        var informative = question.CreateReply(ActivityTypes.Typing);
        informative.Text = "Searching the articles…";
        replies.MarkStream(informative, new StreamInfo(StreamInfo.Informative, null, 1));
        var streamId = await replies.SendAsync(informative, CancellationToken.None);
        var text = string.Empty;
        var seen = 0;
        for (var i = 0; i < Updates; i++)
        {
            text += $"word{i:D4} is part of a long streamed answer; ";
            var update = question.CreateReply(ActivityTypes.Typing);
            update.Text = text;
            replies.MarkStream(update, new StreamInfo(StreamInfo.Streaming, streamId, i + 2));
            await replies.SendAsync(update, CancellationToken.None);
            while (socket.TryRead(out var frame)) seen += frame.Livestream?.StreamType == StreamInfo.Streaming ? 1 : 0;
            Assert.True(conversation.Bytes < Budget, $"{conversation.Bytes} bytes held after update {i}");
        }

        var final = question.CreateReply();
        final.Text = text + "[1].";
        replies.MarkStream(final, new StreamInfo(StreamInfo.Final, streamId, null));
        await replies.SendAsync(final, CancellationToken.None);

        Assert.Equal(Updates, seen);
        Assert.True(Updates * text.Length / 2 > Budget, "the updates together are far past the budget");
        var (page, watermark) = conversation.Page(0, 256 * 1024);
        Assert.Equal([question.Text, final.Text], page.Select(a => JsonDocument.Parse(a.Json).RootElement.GetProperty("text").GetString()));
        Assert.Equal(Updates + 3, watermark); // the watermark still counts every update
        var replay = conversation.Listen(0);
        var history = new List<StoredActivity>();
        while (replay.TryRead(out var stored)) history.Add(stored);
        Assert.Equal([question.Id, final.Id], history.Select(a => JsonDocument.Parse(a.Json).RootElement.GetProperty("id").GetString()));
        Assert.Equal(conversation.Bytes, conversations.Bytes); // what was dropped was refunded to the total budget too
    }

    [Fact]
    public async Task WhileAStreamRuns_TheHistoryHoldsItsInformativeUpdateAndLatestText()
    {
        var conversations = new DirectLineConversations(Options.Create(new BotHostOptions()), Options.Create(new DirectLineOptions()), TimeProvider.System);
        var (conversation, _) = conversations.GetOrCreate("c2", "dl_user");
        var question = conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "q", From = new ChannelAccount("dl_user", Role: "user") }, DateTimeOffset.UtcNow);
        var replies = new DirectLineReplySender(conversation, TimeProvider.System, TimeSpan.Zero);
        var informative = question.CreateReply(ActivityTypes.Typing);
        replies.MarkStream(informative, new StreamInfo(StreamInfo.Informative, null, 1));
        var streamId = await replies.SendAsync(informative, CancellationToken.None);
        foreach (var (text, sequence) in new[] { ("A", 2), ("A quick", 3), ("A quick fox", 4) })
        {
            var update = question.CreateReply(ActivityTypes.Typing);
            update.Text = text;
            replies.MarkStream(update, new StreamInfo(StreamInfo.Streaming, streamId, sequence));
            await replies.SendAsync(update, CancellationToken.None);
        }

        var replay = conversation.Listen(0);
        var history = new List<JsonElement>();
        while (replay.TryRead(out var stored)) history.Add(JsonDocument.Parse(stored.Json).RootElement);
        Assert.Equal(3, history.Count);
        Assert.Equal(streamId, history[1].GetProperty("id").GetString());
        Assert.Equal("A quick fox", history[2].GetProperty("text").GetString());
        Assert.Equal(streamId, history[2].GetProperty("channelData").GetProperty("streamId").GetString());
    }
}
