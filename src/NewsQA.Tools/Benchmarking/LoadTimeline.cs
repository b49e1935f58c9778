namespace NewsQA.Tools.Benchmarking;

/// <summary>
/// A load level second by second, and when its first and last failed request completed: with a replica killed
/// mid-run, how many errors clients saw and how long after the kill every request succeeded again.
/// </summary>
public sealed record LoadTimeline(DateTimeOffset Started, IReadOnlyList<LoadSecond> Seconds, DateTimeOffset? FirstError, DateTimeOffset? LastError)
{
    public static LoadTimeline Of(DateTimeOffset started, IReadOnlyCollection<(DateTimeOffset Completed, bool Answered)> requests)
    {
        var seconds = requests.Count == 0 ? 0 : (int)Math.Floor((requests.Max(r => r.Completed) - started).TotalSeconds) + 1;
        var answered = new int[seconds];
        var errors = new int[seconds];
        foreach (var (completed, ok) in requests)
        {
            var second = Math.Max(0, (int)Math.Floor((completed - started).TotalSeconds));
            if (ok) answered[second]++;
            else errors[second]++;
        }

        var failed = requests.Where(r => !r.Answered).Select(r => r.Completed).ToList();
        return new LoadTimeline(started,
            [.. Enumerable.Range(0, seconds).Select(s => new LoadSecond(s, answered[s], errors[s]))],
            failed.Count == 0 ? null : failed.Min(), failed.Count == 0 ? null : failed.Max());
    }
}
