using NewsQA.Bot.Schema;

namespace NewsQA.Bot.BotFramework;

/// <summary>The response to an activity sent with deliveryMode expectReplies: the bot's replies to it, in order.</summary>
public sealed record ExpectedReplies(IEnumerable<Activity> Activities);
