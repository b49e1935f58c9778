namespace NewsQA.Bot.Schema;

/// <summary>Quick replies offered under a message.</summary>
public sealed record SuggestedActions(IReadOnlyList<CardAction> Actions);
