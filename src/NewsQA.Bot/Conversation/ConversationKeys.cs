using NewsQA.Bot.Schema;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// The keys under which each surface keeps its conversations' follow-up history, one namespace per surface. A REST
/// caller names its own conversation ids, and Teams ids are not secret, so no id given to one surface can reach another
/// surface's conversation: "msteams:…" sent to /api/ask is a REST conversation of that name, nothing more.
/// </summary>
public static class ConversationKeys
{
    /// <summary>A conversation of the REST API (/api/ask), named by its caller.</summary>
    public static string Rest(string conversationId) => $"rest|{conversationId}";

    /// <summary>A Bot Framework channel's conversation (Teams, Azure Bot Service), arriving at /api/messages.</summary>
    public static string Channel(Activity activity) => $"channel|{activity.ChannelId}|{activity.Conversation?.Id}";

    /// <summary>A conversation of the built-in Direct Line (the web chat).</summary>
    public static string DirectLine(string conversationId) => $"directline|{conversationId}";
}
