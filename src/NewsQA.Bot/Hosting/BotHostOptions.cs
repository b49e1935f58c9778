using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.Hosting;

/// <summary>Section "Bot": limits of the web endpoints.</summary>
public sealed class BotHostOptions
{
    public const string SectionName = "Bot";

    /// <summary>Largest request body accepted; larger ones get 413. 256 KB is Direct Line's own activity limit.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Conversations kept in memory at once (REST, Direct Line, Teams).</summary>
    [Range(10, 1_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// Bytes of follow-up history kept per conversation (REST, Teams, web chat), estimated as in
    /// Core's Conversation; the oldest turns give way first. Measured on the seed articles: a question's turn takes 0.4
    /// to 5 KB (a summary the most), the longest question's (2,000 characters) about 9 KB, so 64 KiB keeps the six
    /// turns of any chat but one made only of the longest questions.
    /// </summary>
    [Range(4 * 1024, 64 * 1024 * 1024)]
    public int MaxConversationBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Bytes of follow-up history kept by all conversations together; past it the least recently active are
    /// forgotten. 128 MiB is 10,000 (Bot:MaxConversations) conversations of six turns of about 2 KB.
    /// </summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MaxTotalConversationBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Minutes without a turn after which a conversation is forgotten.</summary>
    [Range(1, 24 * 60)]
    public int ConversationIdleMinutes { get; set; } = 30;

    /// <summary>
    /// Turns answered in the background at once (Teams and the web chat; REST answers in its request). Beyond it turns
    /// wait their turn: on two cores the offline answer is CPU-bound, so more at once only lengthens each; a language
    /// model's turns mostly wait on the model, and 32 keeps a provider's rate limits in sight.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrentTurns { get; set; } = 32;

    /// <summary>Turns waiting to be answered; past it a new message gets 503 (Teams retries it), so a flood cannot queue without bound.</summary>
    [Range(1, 1_000_000)]
    public int MaxQueuedTurns { get; set; } = 1000;

    /// <summary>
    /// Shortest time between two updates of a streamed answer in Teams: Teams asks for 1.5 to 2 s between calls and
    /// answers faster ones with 429 (docs/protocol.md, Teams).
    /// </summary>
    [Range(0, 10_000)]
    public int TeamsStreamIntervalMilliseconds { get; set; } = 1500;

    /// <summary>
    /// Shortest time between two updates of a streamed answer in the web chat: the Agents SDK's Web Chat default, smooth
    /// to read without re-rendering for every token.
    /// </summary>
    [Range(0, 10_000)]
    public int WebChatStreamIntervalMilliseconds { get; set; } = 500;
}
