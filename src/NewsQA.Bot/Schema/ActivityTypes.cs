namespace NewsQA.Bot.Schema;

/// <summary>The activity types NewsQA reads or writes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
}
