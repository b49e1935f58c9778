namespace NewsQA.Tools.Benchmarking;

/// <summary>Percentiles by linear interpolation between closest ranks (the "type 7" estimator of R and NumPy).</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percent"/>th percentile (0–100) of the values.</summary>
    public static double Of(IEnumerable<double> values, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var position = (sorted.Length - 1) * percent / 100;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
