namespace NewsQA.Bot.DirectLine;

/// <summary>What a Direct Line token may be used for.</summary>
public enum DirectLineTokenUse
{
    /// <summary>From POST /api/directline/token: may start its conversation.</summary>
    Start,

    /// <summary>From start, reconnect or refresh: works only while its conversation exists.</summary>
    Conversation,

    /// <summary>Inside a streamUrl: opens that conversation's WebSocket within a minute, nothing else.</summary>
    Stream,
}
