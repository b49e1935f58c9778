using System.Diagnostics;

namespace NewsQA.Bot.Tests;

/// <summary>
/// Waits for what the service does in the background. The bound is generous and only ends a test that has already
/// failed: on a loaded machine the wait grows, the result does not change.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Checks <paramref name="done"/> until it holds (true) or patience runs out (false), running <paramref name="step"/> between checks.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> done, Action? step = null, int pauseMilliseconds = 50)
    {
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed > Patience) return false;
            step?.Invoke();
            await Task.Delay(pauseMilliseconds);
        }

        return true;
    }

    public static Task<bool> HoldsAsync(Func<bool> done, Action? step = null, int pauseMilliseconds = 50) =>
        HoldsAsync(() => Task.FromResult(done()), step, pauseMilliseconds);
}
