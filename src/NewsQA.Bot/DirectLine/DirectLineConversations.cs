using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.DirectLine;

/// <summary>The Direct Line conversations in memory: bounded in number, each forgotten after the idle time.</summary>
public sealed class DirectLineConversations(IOptions<BotHostOptions> host, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ExpiringStore<DirectLineConversation> _store = new(
        clock, host.Value.MaxConversations, TimeSpan.FromMinutes(host.Value.ConversationIdleMinutes), c => c.LastActivity);

    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, string userId) =>
        _store.GetOrCreate(id, (key, now) => new DirectLineConversation(key, userId, options.Value.MaxActivitiesPerConversation, now));

    public DirectLineConversation? Find(string id) => _store.Find(id);
}
