using System.Globalization;
using System.Text;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Direct Line's ActivitySet, {"activities": [...], "watermark": "N"}, written from activities stored as JSON: for a
/// poll (a page of them) and for each WebSocket frame (one of them). A live activity's frame has no watermark: it has
/// no place in the history, and botframework-directlinejs keeps its watermark when a frame carries none.
/// </summary>
public static class ActivitySet
{
    private static readonly byte[] Open = """{"activities":["""u8.ToArray();
    private static readonly byte[] CloseWithoutWatermark = "]}"u8.ToArray();

    public static byte[] Write(IReadOnlyList<StoredActivity> activities, int watermark) =>
        Write([.. activities.Select(a => a.Json)], Encoding.UTF8.GetBytes("],\"watermark\":\"" + watermark.ToString(CultureInfo.InvariantCulture) + "\"}"));

    /// <summary>The frame of a live activity (typing, a stream's update).</summary>
    public static byte[] WriteLive(byte[] activity) => Write([activity], CloseWithoutWatermark);

    private static byte[] Write(IReadOnlyList<byte[]> activities, byte[] close)
    {
        var buffer = new MemoryStream(Open.Length + close.Length + activities.Sum(a => a.Length + 1));
        buffer.Write(Open);
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) buffer.WriteByte((byte)',');
            buffer.Write(activities[i]);
        }

        buffer.Write(close);
        return buffer.ToArray();
    }
}
