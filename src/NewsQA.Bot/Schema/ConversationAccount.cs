namespace NewsQA.Bot.Schema;

/// <summary>The conversation an activity belongs to (Bot Framework ConversationAccount).</summary>
public sealed record ConversationAccount(string? Id, string? Name = null, bool? IsGroup = null, string? ConversationType = null, string? TenantId = null);
