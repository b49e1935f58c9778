using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.DirectLine;

/// <summary>Section "DirectLine": the built-in Direct Line endpoint the web chat talks to, and what it may hold.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>Token lifetime; 30 minutes as Direct Line's own (Web Chat refreshes at half-life).</summary>
    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>
    /// Hours after a conversation's first token within which its tokens can be refreshed (or renewed by reconnecting);
    /// no token of it outlives them, so a refresh chain is bounded. A day covers a web chat tab left open all day.
    /// </summary>
    [Range(1, 24 * 30)]
    public int MaxSessionHours { get; set; } = 24;

    /// <summary>Activities kept per conversation; older ones fall off (a chat page never needs more).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    /// <summary>
    /// Largest activity a client may post, serialized, in bytes; larger ones get 413. Measured: a Web Chat message
    /// serializes to 0.6 KB, and with the longest question answered (2,000 Arabic characters) to 4.6 KB, so 32 KiB
    /// leaves room for channel data and entities; Direct Line's own limit (256K characters) is far above any chat message.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// Bytes of serialized activities kept per conversation; the oldest fall off past it (the newest is always kept).
    /// Measured on the seed articles: a question with its echo, typing indicator and cited answer takes 1.4 to 14 KB
    /// (a summary the most), so 1 MiB keeps seventy summaries or hundreds of answers, more than a chat page shows.
    /// </summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int MaxConversationBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Bytes of serialized activities kept by all conversations together; past it the least recently active
    /// conversations are forgotten. 256 MiB holds a few thousand busy conversations beside the index.
    /// </summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Most bytes of activities one poll returns (at least one activity); the watermark says where the next poll
    /// continues. 256 KiB is a dozen cited answers: a client polling every second catches up a full conversation in
    /// four polls.
    /// </summary>
    [Range(16 * 1024, 64 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Key that signs tokens; a secret, from the environment (NEWSQA_DirectLine__TokenSigningKey). When unset, a random
    /// key is made at start-up, so tokens do not survive a restart.
    /// </summary>
    public string? TokenSigningKey { get; set; }
}
