using System.Runtime.CompilerServices;
using NewsQA.Core.Text;

namespace NewsQA.Core.Indexing;

/// <summary>
/// The weighting of the offline vector leg, its formula in one place: each passage is a vector of its stems and
/// character grams weighted 1 + ln tf (grams at a quarter), and a query's features are weighted by idf as well: SMART's
/// lnc.ltc cosine. This is what the offline hashing embedding approximated with 4,096 hashed buckets; scored from the
/// postings it is exact. A posting adds factor · (1 + ln tf) to a passage's dot product (<see cref="Dot"/>), and the
/// cosine is that sum over the passage vector's length (<see cref="Cosine"/>; the query's length ranks nothing).
/// </summary>
public static class TermWeighting
{
    /// <summary>A word's grams together weigh about as much as the word: each of a typical word's ~4 grams gets a quarter.</summary>
    public const double GramFeatureWeight = 0.25;

    private static readonly float[] LogTfs = [.. Enumerable.Range(0, 256).Select(tf => tf == 0 ? 0f : (float)(1 + Math.Log(tf)))];

    /// <summary>1 + ln tf (0 for tf 0).</summary>
    public static float LogTf(int tf) => tf < LogTfs.Length ? LogTfs[tf] : (float)(1 + Math.Log(tf));

    /// <summary>What one posting adds to a passage's dot product with the query: the feature's factor times (1 + ln tf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float factor, int tf) => factor * LogTf(tf);

    /// <summary>The cosine of a passage from its dot product with the query and its vector's length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Cosine(float dot, float length) => dot / length;

    /// <summary>
    /// A query text's features and their weights before idf: (1 + ln qtf) times the kind's weight, times the kind's
    /// weight again for the passage side (a passage's gram entries are weighted the same way), so that a posting adds
    /// weight · idf · (1 + ln tf).
    /// </summary>
    public static IEnumerable<(string Feature, double Weight)> QueryWeights(string text)
    {
        var (terms, grams) = CharacterGrams.AnalyzeWithTerms(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms) counts[term] = counts.GetValueOrDefault(term) + 1;
        foreach (var gram in grams) counts[gram] = counts.GetValueOrDefault(gram) + 1;
        return counts.Select(c =>
        {
            var kind = c.Key[0] == CharacterGrams.Marker ? GramFeatureWeight : 1;
            return (c.Key, (double)LogTf(c.Value) * kind * kind);
        });
    }
}
