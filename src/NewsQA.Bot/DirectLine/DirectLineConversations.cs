using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The Direct Line conversations in memory: bounded in number and in bytes (DirectLine:MaxTotalBytes), each forgotten
/// after the idle time. Posting, polling, reconnecting, refreshing its token and an open WebSocket all count as
/// activity.
/// </summary>
public sealed class DirectLineConversations(IOptions<BotHostOptions> host, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ExpiringStore<DirectLineConversation> _store = new(
        clock, host.Value.MaxConversations, TimeSpan.FromMinutes(host.Value.ConversationIdleMinutes),
        c => c.Listened ? clock.GetUtcNow() : c.LastActivity, options.Value.MaxTotalBytes);

    /// <summary>The bytes all conversations hold together.</summary>
    public long Bytes => _store.Bytes;

    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, string userId) =>
        _store.GetOrCreate(id, (key, now, account) => new DirectLineConversation(key, userId, options.Value, now, account));

    public DirectLineConversation? Find(string id) => _store.Find(id);
}
