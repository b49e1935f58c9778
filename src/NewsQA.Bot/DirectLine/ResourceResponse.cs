namespace NewsQA.Bot.DirectLine;

/// <summary>What posting an activity returns: the id it was stored under.</summary>
public sealed record ResourceResponse(string Id);
