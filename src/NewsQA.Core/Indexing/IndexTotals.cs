using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>A snapshot's counts and average passage lengths: sums of its segments' <see cref="SegmentTotals"/>.</summary>
internal sealed record IndexTotals(int Passages, int ArabicPassages, int Articles, double AverageWords, double AverageGrams)
{
    public static IndexTotals Of(IList<AtomicReaderContext> segments)
    {
        int passages = 0, arabic = 0, articles = 0;
        long words = 0, grams = 0;
        foreach (var segment in segments)
        {
            var totals = SegmentTotals.Of(segment.AtomicReader);
            passages += totals.Passages;
            arabic += totals.ArabicPassages;
            articles += totals.Articles;
            words += totals.WordLengths;
            grams += totals.GramLengths;
        }

        return new IndexTotals(passages, arabic, articles, passages == 0 ? 0 : words / (double)passages, passages == 0 ? 0 : grams / (double)passages);
    }
}
