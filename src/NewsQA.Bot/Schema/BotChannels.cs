namespace NewsQA.Bot.Schema;

/// <summary>Channel ids whose rendering differs.</summary>
public static class BotChannels
{
    public const string Teams = "msteams";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";

    /// <summary>Web Chat (through Direct Line) needs Markdown link definitions for citations; Teams does not.</summary>
    public static bool IsWebChat(string? channelId) => channelId is DirectLine or WebChat or "emulator";
}
