namespace NewsQA.Bot.DirectLine;

/// <summary>A page of a conversation's activities from a watermark on, and the watermark the next page starts from.</summary>
public sealed record DirectLinePage(IReadOnlyList<StoredActivity> Activities, int Watermark);
