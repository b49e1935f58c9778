using NewsQA.Core.Indexing;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Recency as a ranking of its own, for questions that ask for the newest ("latest", "آخر"): the other legs' candidates
/// whose articles have a date, newest first, each scored by its date. Fused like any leg (min-max over its candidates,
/// then weighted), the newest candidate gains the whole weight and the oldest none; an undated candidate gains nothing.
/// Dates are compared among the candidates, not with today, so an archive of old news still has a newest article.
/// When the candidates' dates are all the same (or fewer than two are dated), recency says nothing and there is no leg.
/// </summary>
public static class RecencyLeg
{
    /// <summary>The dated candidates of <paramref name="legs"/>, newest first; empty when their dates do not differ.</summary>
    public static List<ScoredPassage> Rank(PassageIndex index, params IReadOnlyList<ScoredPassage>[] legs)
    {
        var dates = index.PublishedTicks;
        var dated = legs.SelectMany(l => l).Select(s => s.PassageNumber).Distinct()
            .Where(p => dates[p] != PassageIndex.Undated)
            .Select(p => new ScoredPassage(p, dates[p]))
            .ToList();
        if (dated.Count < 2 || dated.All(s => s.Score == dated[0].Score)) return [];
        var oldest = dated.Min(s => s.Score);
        // Days after the oldest candidate: small numbers, so a double keeps them exact.
        return [.. dated.Select(s => s with { Score = (s.Score - oldest) / TimeSpan.TicksPerDay }).OrderByDescending(s => s.Score).ThenBy(s => s.PassageNumber)];
    }
}
