using System.Globalization;
using System.Text;

namespace NewsQA.Tools.Benchmarking;

/// <summary>A load level's timeline as text: one line a second, then when the first and last error came (UTC).</summary>
public static class LoadTimelineReport
{
    public static string Text(LoadTimeline timeline)
    {
        var text = new StringBuilder("  second  answered  errors\n");
        foreach (var second in timeline.Seconds)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {second.Second,6}  {second.Answered,8}  {second.Errors,6}\n");
        }

        var errors = timeline.Seconds.Sum(s => s.Errors);
        return text.Append(timeline is { FirstError: { } first, LastError: { } last }
            ? string.Create(CultureInfo.InvariantCulture, $"  errors {errors}: first at {first:HH:mm:ss.fff}, last at {last:HH:mm:ss.fff} UTC\n")
            : "  no errors\n").ToString();
    }
}
