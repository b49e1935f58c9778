using System.Text.Json;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.DirectLine;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Tests;

/// <summary>
/// A livestreamed answer in a Direct Line conversation: every update reaches an open WebSocket as it comes, but none is
/// stored: the history holds the question and the final message, so a long answer neither outgrows the conversation's
/// byte budget nor pushes the messages around it out, and a reader of the history never sees a superseded update.
/// </summary>
public sealed class LivestreamHistoryTests
{
    private const int Budget = 64 * 1024;
    private const int Updates = 400;

    [Fact]
    public async Task ALongStreamedAnswer_KeepsTheQuestionAndTheFinalMessage_WithinTheBudget_WhileTheSocketSeesEveryUpdate()
    {
        var hub = new DirectLineHub();
        var store = new InMemoryDirectLineStore(Options.Create(new BotHostOptions()), Options.Create(new DirectLineOptions { MaxConversationBytes = Budget }), hub, TimeProvider.System);
        await store.StartAsync("c1", "dl_user", CancellationToken.None);
        using var socket = hub.Listen("c1");
        var question = (await store.AppendAsync("c1", new Activity { Type = ActivityTypes.Message, Text = "Who commands the French forces?", From = new ChannelAccount("dl_user", Role: "user") }, CancellationToken.None))!;
        var replies = new DirectLineReplySender(store, "c1", TimeProvider.System, TimeSpan.Zero);

        // As AnswerStream sends them: an informative update, cumulative updates (40 characters more each), the final message.
        var informative = question.CreateReply(ActivityTypes.Typing);
        informative.Text = "Searching the articles…";
        replies.MarkStream(informative, new StreamInfo(StreamInfo.Informative, null, 1));
        var streamId = await replies.SendAsync(informative, CancellationToken.None);
        var text = string.Empty;
        var live = 0;
        for (var i = 0; i < Updates; i++)
        {
            text += $"word{i:D4} is part of a long streamed answer; ";
            var update = question.CreateReply(ActivityTypes.Typing);
            update.Text = text;
            replies.MarkStream(update, new StreamInfo(StreamInfo.Streaming, streamId, i + 2));
            await replies.SendAsync(update, CancellationToken.None);
            while (socket.Events.TryRead(out var message)) live += message.Kind == DirectLineEventKind.Live ? 1 : 0;
            Assert.True(store.Bytes < Budget, $"{store.Bytes} bytes held after update {i}");
        }

        var final = question.CreateReply();
        final.Text = text + "[1].";
        replies.MarkStream(final, new StreamInfo(StreamInfo.Final, streamId, null));
        await replies.SendAsync(final, CancellationToken.None);

        Assert.Equal(Updates + 1, live); // the informative update and every streaming one, live
        Assert.True(Updates * text.Length / 2 > Budget, "the updates together are far past the budget");
        var page = (await store.ReadAsync("c1", 0, 256 * 1024, CancellationToken.None))!;
        Assert.Equal([question.Text, final.Text], page.Activities.Select(a => JsonDocument.Parse(a.Json).RootElement.GetProperty("text").GetString()));
        Assert.Equal([question.Id, final.Id], page.Activities.Select(a => JsonDocument.Parse(a.Json).RootElement.GetProperty("id").GetString()));
        Assert.Equal(2, page.Watermark); // no update took a place in the watermark order
        Assert.Equal(streamId, JsonDocument.Parse(page.Activities[1].Json).RootElement.GetProperty("channelData").GetProperty("streamId").GetString());
    }
}
