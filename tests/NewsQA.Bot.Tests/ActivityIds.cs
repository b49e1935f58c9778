using System.Globalization;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Ids for the activities tests send, one per message, as a channel gives them: the bot answers an activity id once
/// in a conversation (a retried delivery), so two different messages must not share one.
/// </summary>
public static class ActivityIds
{
    private static long _next = 1_700_000_000_000;

    public static string Next() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
