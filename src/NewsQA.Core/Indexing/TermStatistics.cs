using System.Collections.Concurrent;
using Lucene.Net.Index;

namespace NewsQA.Core.Indexing;

/// <summary>
/// Document frequencies of one snapshot: a term's is the sum of its segments' (<see cref="SegmentFrequencies"/>, which
/// every snapshot keeping a segment shares), and a synonym group's the sum of its segments' live unions. Answering asks
/// for the same words' frequencies question after question (uncached, a tenth of an answer's time at 100,000
/// passages), so the sums are kept for the snapshot too, up to a bound.
/// </summary>
internal sealed class TermStatistics(IList<AtomicReaderContext> segments)
{
    private const int MaxTerms = 200_000;
    private const int MaxGroups = 50_000;

    private readonly ConcurrentDictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _groups = new(StringComparer.Ordinal);

    /// <summary>Document frequency of an index term (a gram carries the gram marker); 0 when unused.</summary>
    public int DocumentFrequency(string term)
    {
        if (_terms.TryGetValue(term, out var known)) return known;
        var lucene = PassageIndex.LuceneTerm(term);
        var df = 0;
        foreach (var segment in segments) df += SegmentFrequencies.DocumentFrequency(segment.AtomicReader, term, lucene);
        return Keep(_terms, MaxTerms, term, df);
    }

    /// <summary>Live passages holding at least one of <paramref name="distinctTerms"/> (a synonym group's document frequency).</summary>
    public int GroupDocumentFrequency(IReadOnlyCollection<string> distinctTerms)
    {
        var key = string.Join('\n', distinctTerms.Order(StringComparer.Ordinal));
        if (_groups.TryGetValue(key, out var known)) return known;
        var members = distinctTerms.Select(PassageIndex.LuceneTerm).ToList();
        var count = 0;
        foreach (var segment in segments) count += SegmentFrequencies.GroupFrequency(segment.AtomicReader, key, members);
        return Keep(_groups, MaxGroups, key, count);
    }

    private static int Keep(ConcurrentDictionary<string, int> table, int bound, string key, int value)
    {
        if (table.Count >= bound) table.Clear();
        return table[key] = value;
    }
}
