namespace NewsQA.Bot.DirectLine;

/// <summary>
/// What a valid Direct Line token grants: one conversation, as one user, for one use, until it expires; and when the
/// conversation's first token was issued, which bounds how long its tokens can be renewed.
/// </summary>
public sealed record DirectLineClaims(string ConversationId, string UserId, DateTimeOffset Expires, DirectLineTokenUse Use, DateTimeOffset SessionStarted);
