using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsQA.Bot.BotFramework;
using NewsQA.Bot.Conversation;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;
using NewsQA.Core.Conversations;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Tests.SharedState;

/// <summary>
/// The one turn handler's protocol: load with the version, run with the replies held back, save only if unchanged,
/// else run again; then send, once. The store is the in-process one, with another turn saving in between where a test
/// needs the race.
/// </summary>
public sealed class TurnHandlerTests(BotFactory bot) : IClassFixture<BotFactory>
{
    private const string Spokesman = "من هو المتحدث باسم الحشد الشعبي؟";

    private async Task<ActivityResponder> ResponderAsync()
    {
        using var client = bot.CreateClient();
        Assert.True(await Eventually.HoldsAsync(async () => (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode == HttpStatusCode.OK));
        return bot.Services.GetRequiredService<ActivityResponder>();
    }

    private static Activity Message(string conversationId, string text) => new()
    {
        Type = ActivityTypes.Message, Id = ActivityIds.Next(), ChannelId = "msteams", Text = text, ServiceUrl = "http://127.0.0.1:9/",
        From = new ChannelAccount("29:user"), Recipient = new ChannelAccount("28:bot"), Conversation = new ConversationAccount(conversationId),
    };

    [Fact]
    public async Task AnotherTurnSavingFirst_RunsTheTurnAgainOnTheNewerConversation_AndItsRepliesGoOutOnce()
    {
        var store = new InterruptedStore(new ConversationStore(TimeProvider.System));
        var turns = new TurnHandler(store, await ResponderAsync(), NullLogger<TurnHandler>.Instance);
        var activity = Message("a:race", Spokesman);
        var replies = new ExpectedRepliesSender();

        await turns.RespondAsync(activity, "race", new Uri("http://localhost/"), replies, CancellationToken.None);

        Assert.Equal(2, store.Saves); // the first save found the other turn's version, the second saved
        Assert.Equal(["typing", "typing", "message"], replies.Replies.Select(r => r.Type)); // typing is live in each run; the answer once
        Assert.Contains("كريم النوري", replies.Replies[^1].Text);
        var (saved, answered) = await store.LoadAsync("race", $"race|{activity.Id}", CancellationToken.None);
        Assert.True(answered);
        Assert.Equal(["the other turn", Spokesman], saved.Turns.Select(t => t.Question)); // both turns kept, in order
    }

    [Fact]
    public async Task AnActivityAnsweredAlready_IsNotAnsweredAgain()
    {
        var turns = new TurnHandler(new ConversationStore(TimeProvider.System), await ResponderAsync(), NullLogger<TurnHandler>.Instance);
        var activity = Message("a:twice", Spokesman);
        var first = new ExpectedRepliesSender();
        var second = new ExpectedRepliesSender();

        await turns.RespondAsync(activity, "twice", new Uri("http://localhost/"), first, CancellationToken.None);
        await turns.RespondAsync(activity, "twice", new Uri("http://localhost/"), second, CancellationToken.None);

        Assert.Contains(first.Replies, r => r.Type == ActivityTypes.Message);
        Assert.Empty(second.Replies);
    }

    // The in-process store, where another turn of the same conversation saves while the first turn of the test runs.
    private sealed class InterruptedStore(IConversationStore inner) : IConversationStore
    {
        public int Saves { get; private set; }

        public long Bytes => inner.Bytes;

        public Task<ConversationLoad> LoadAsync(string id, string? turnKey, CancellationToken cancellationToken) => inner.LoadAsync(id, turnKey, cancellationToken);

        public async Task<SaveOutcome> SaveAsync(Core.Conversations.Conversation conversation, string? turnKey, CancellationToken cancellationToken)
        {
            if (++Saves == 1)
            {
                var (other, _) = await inner.LoadAsync(conversation.Id, null, cancellationToken);
                other.Add(new ConversationTurn("the other turn", "the other turn", new Answer("the other turn", "the other turn", TextLanguage.English, "an answer", true, AnswerMode.Local, AnswerKind.Factoid, [], 1)), DateTimeOffset.UtcNow);
                Assert.Equal(SaveOutcome.Saved, await inner.SaveAsync(other, null, cancellationToken));
            }

            return await inner.SaveAsync(conversation, turnKey, cancellationToken);
        }
    }
}
