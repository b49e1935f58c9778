namespace NewsQA.Core.Indexing;

/// <summary>
/// The weighting of the offline vector leg: each passage is a vector of its stems and character grams weighted
/// 1 + ln tf (grams at a quarter), and a query's features are weighted by idf as well: SMART's lnc.ltc cosine. This is
/// what the offline hashing embedding approximated with 4,096 hashed buckets; scored from the postings it is exact.
/// </summary>
public static class TermWeighting
{
    /// <summary>A word's grams together weigh about as much as the word: each of a typical word's ~4 grams gets a quarter.</summary>
    public const double GramFeatureWeight = 0.25;

    private static readonly float[] LogTfs = [.. Enumerable.Range(0, 256).Select(tf => tf == 0 ? 0f : (float)(1 + Math.Log(tf)))];

    /// <summary>1 + ln tf (0 for tf 0).</summary>
    public static float LogTf(int tf) => tf < LogTfs.Length ? LogTfs[tf] : (float)(1 + Math.Log(tf));
}
