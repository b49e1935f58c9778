using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;

namespace NewsQA.Bot.DirectLine;

/// <summary>The Direct Line conversations in memory: bounded in number, each forgotten after the idle time.</summary>
public sealed class DirectLineConversations(IOptions<BotHostOptions> host, IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    private TimeSpan Idle => TimeSpan.FromMinutes(host.Value.ConversationIdleMinutes);

    public (DirectLineConversation Conversation, bool Created) GetOrCreate(string id, string userId)
    {
        Sweep();
        var created = false;
        var conversation = _conversations.GetOrAdd(id, key =>
        {
            created = true;
            return new DirectLineConversation(key, userId, options.Value.MaxActivitiesPerConversation, clock.GetUtcNow());
        });
        return (conversation, created);
    }

    public DirectLineConversation? Find(string id)
    {
        if (!_conversations.TryGetValue(id, out var conversation)) return null;
        if (clock.GetUtcNow() - conversation.LastActivity <= Idle) return conversation;
        _conversations.TryRemove(id, out _);
        return null;
    }

    private void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, conversation) in _conversations)
        {
            if (now - conversation.LastActivity > Idle) _conversations.TryRemove(id, out _);
        }

        var excess = _conversations.Count - host.Value.MaxConversations + 1;
        if (excess <= 0) return;
        foreach (var (id, _) in _conversations.OrderBy(c => c.Value.LastActivity).Take(excess).ToList()) _conversations.TryRemove(id, out _);
    }
}
