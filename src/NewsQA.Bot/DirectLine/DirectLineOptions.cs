using System.ComponentModel.DataAnnotations;

namespace NewsQA.Bot.DirectLine;

/// <summary>Section "DirectLine": the built-in Direct Line endpoint the web chat talks to.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>Token lifetime; 30 minutes as Direct Line's own (Web Chat refreshes at half-life).</summary>
    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>Activities kept per conversation; older ones fall off (a chat page never needs more).</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    /// <summary>
    /// Key that signs tokens; a secret, from the environment (NEWSQA_DirectLine__TokenSigningKey). When unset, a random
    /// key is made at start-up, so tokens do not survive a restart.
    /// </summary>
    public string? TokenSigningKey { get; set; }
}
