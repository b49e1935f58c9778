using System.Text;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// What the processes tell a conversation's open WebSockets: an activity was stored (read it from the history), a live
/// activity to pass on as it is (a typing indicator, a stream's update: never stored), or a newer socket opened (the
/// older one closes, as Direct Line keeps one per conversation). Written as one byte of kind and its payload, the form
/// a Redis pub/sub message carries.
/// </summary>
public sealed record DirectLineEvent(DirectLineEventKind Kind, byte[] Payload)
{
    public static readonly DirectLineEvent Stored = new(DirectLineEventKind.Stored, []);

    public static DirectLineEvent Live(byte[] activityJson) => new(DirectLineEventKind.Live, activityJson);

    public static DirectLineEvent SocketOpened(string socketId) => new(DirectLineEventKind.SocketOpened, Encoding.ASCII.GetBytes(socketId));

    public string SocketId => Encoding.ASCII.GetString(Payload);

    public byte[] Write() => [(byte)Kind, .. Payload];

    /// <summary>The event a message written by <see cref="Write"/> carries, or null for one that is not.</summary>
    public static DirectLineEvent? Read(byte[] message) => message.Length > 0 && Enum.IsDefined((DirectLineEventKind)message[0])
        ? new DirectLineEvent((DirectLineEventKind)message[0], message[1..])
        : null;
}
