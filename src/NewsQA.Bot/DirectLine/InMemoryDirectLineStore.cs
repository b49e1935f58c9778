using Microsoft.Extensions.Options;
using NewsQA.Bot.Hosting;
using NewsQA.Bot.Schema;
using NewsQA.Core.Conversations;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// The Direct Line conversations of one process, in memory: bounded in number and in bytes (DirectLine:MaxTotalBytes),
/// each forgotten after the idle time. Posting, polling, reconnecting, refreshing its token and an open WebSocket all
/// count as activity. Events go straight to this process's sockets.
/// </summary>
public sealed class InMemoryDirectLineStore : IDirectLineStore
{
    private readonly IOptions<DirectLineOptions> _options;
    private readonly DirectLineHub _hub;
    private readonly TimeProvider _clock;
    private readonly ExpiringStore<DirectLineConversation> _store;

    public InMemoryDirectLineStore(IOptions<BotHostOptions> host, IOptions<DirectLineOptions> options, DirectLineHub hub, TimeProvider clock)
    {
        _options = options;
        _hub = hub;
        _clock = clock;
        _store = new(clock, host.Value.MaxConversations, TimeSpan.FromMinutes(host.Value.ConversationIdleMinutes),
            c => hub.Listened(c.Id) ? clock.GetUtcNow() : c.LastActivity, options.Value.MaxTotalBytes);
    }

    /// <summary>The bytes all conversations hold together.</summary>
    public long Bytes => _store.Bytes;

    /// <summary>The conversation itself, for tests that look at what it holds.</summary>
    public DirectLineConversation? Find(string id) => _store.Find(id);

    public Task<bool> StartAsync(string id, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_store.GetOrCreate(id, (key, now, account) => new DirectLineConversation(key, userId, _options.Value, now, account)).Created);

    public Task<bool> TouchAsync(string id, CancellationToken cancellationToken)
    {
        _store.Find(id)?.Touch(_clock.GetUtcNow());
        return Task.FromResult(_store.Find(id) is not null);
    }

    public Task<Activity?> AppendAsync(string id, Activity activity, CancellationToken cancellationToken)
    {
        if (_store.Find(id) is not { } conversation) return Task.FromResult<Activity?>(null);
        var stored = conversation.Append(activity, _clock.GetUtcNow());
        _hub.Dispatch(id, DirectLineEvent.Stored);
        return Task.FromResult<Activity?>(stored);
    }

    public Task<DirectLinePage?> ReadAsync(string id, int watermark, int maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(_store.Find(id)?.Page(watermark, maxBytes));

    public Task PublishAsync(string id, DirectLineEvent message, CancellationToken cancellationToken)
    {
        _hub.Dispatch(id, message);
        return Task.CompletedTask;
    }
}
