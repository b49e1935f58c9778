using System.Globalization;
using System.Text;

namespace NewsQA.Bot.DirectLine;

/// <summary>
/// Direct Line's ActivitySet, {"activities": [...], "watermark": "N"}, written from activities stored as JSON: for a
/// poll (a page of them) and for each WebSocket frame (one of them).
/// </summary>
public static class ActivitySet
{
    private static readonly byte[] Open = """{"activities":["""u8.ToArray();

    public static byte[] Write(IReadOnlyList<StoredActivity> activities, int watermark)
    {
        var close = Encoding.UTF8.GetBytes("],\"watermark\":\"" + watermark.ToString(CultureInfo.InvariantCulture) + "\"}");
        var buffer = new MemoryStream(Open.Length + close.Length + activities.Sum(a => a.Json.Length + 1));
        buffer.Write(Open);
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0) buffer.WriteByte((byte)',');
            buffer.Write(activities[i].Json);
        }

        buffer.Write(close);
        return buffer.ToArray();
    }
}
