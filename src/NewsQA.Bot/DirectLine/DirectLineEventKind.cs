namespace NewsQA.Bot.DirectLine;

/// <summary>The kinds of <see cref="DirectLineEvent"/>, as the byte that starts one.</summary>
public enum DirectLineEventKind : byte
{
    Stored = (byte)'s',
    Live = (byte)'l',
    SocketOpened = (byte)'o',
}
