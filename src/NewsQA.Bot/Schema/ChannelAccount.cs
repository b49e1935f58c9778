namespace NewsQA.Bot.Schema;

/// <summary>A user or bot on a channel (Bot Framework ChannelAccount).</summary>
public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null, string? AadObjectId = null);
