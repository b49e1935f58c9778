using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Answering.Summaries;

/// <summary>
/// What a summary covers: one article (with its title) or a topic across articles, and its passages. A scope across
/// articles lists its passages in their articles' date order (undated ones last) and knows those dates.
/// </summary>
public sealed record SummaryScope(string? Title, string? Topic, IReadOnlyList<Passage> Passages)
{
    /// <summary>Document id → publication date, for the scope's articles that have one.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Dates { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Whether the scope spans several articles of which some are dated: its points are then dated too.</summary>
    public bool Dated => Dates.Count > 0 && Passages.Select(p => p.DocumentId).Distinct().Skip(1).Any();

    /// <summary>A scope across articles: the passages put in date order (oldest first, undated last; stable otherwise).</summary>
    public static SummaryScope Across(string? topic, IReadOnlyList<Passage> passages, Func<string, DateTimeOffset?> dateOf)
    {
        var dates = passages.Select(p => p.DocumentId).Distinct()
            .Select(d => (Id: d, Date: dateOf(d)))
            .Where(x => x.Date is not null)
            .ToDictionary(x => x.Id, x => x.Date!.Value, StringComparer.Ordinal);
        var ordered = passages.Select((p, i) => (Passage: p, Order: i))
            .OrderBy(x => dates.TryGetValue(x.Passage.DocumentId, out var d) ? d.UtcTicks : long.MaxValue)
            .ThenBy(x => x.Order)
            .Select(x => x.Passage)
            .ToList();
        return new SummaryScope(null, topic, ordered) { Dates = dates };
    }
}
