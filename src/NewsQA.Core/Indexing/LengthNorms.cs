using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// BM25's length normalization k1 * (1 - b + b * length / average) of every passage of a snapshot, for the word field
/// and the gram field, so that scoring a posting is one multiply-add and one division. The lengths are each segment's
/// (<see cref="SegmentValues"/>, read once per segment); the averages are the snapshot's, so the arrays are the
/// snapshot's own, computed without reading the index.
/// </summary>
public sealed record LengthNorms(float[] Words, float[] Grams)
{
    internal static LengthNorms For(IList<AtomicReaderContext> segments, int maxDoc, IndexTotals totals, double k1, double b)
    {
        var words = new float[maxDoc];
        var grams = new float[maxDoc];
        foreach (var segment in segments)
        {
            var values = SegmentValues.Of(segment.AtomicReader);
            Fill(values.WordLengths, words.AsSpan(segment.DocBase), totals.AverageWords, k1, b);
            Fill(values.GramLengths, grams.AsSpan(segment.DocBase), totals.AverageGrams, k1, b);
        }

        return new LengthNorms(words, grams);
    }

    private static void Fill(int[] lengths, Span<float> norms, double average, double k1, double b)
    {
        for (var d = 0; d < lengths.Length; d++) norms[d] = Bm25.Norm(lengths[d], average, k1, b);
    }
}
