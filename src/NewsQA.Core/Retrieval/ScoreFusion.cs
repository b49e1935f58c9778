namespace NewsQA.Core.Retrieval;

/// <summary>
/// Score fusion (CombSUM of min-max normalized scores, Fox and Shaw 1994; Lee 1997): each leg's scores are mapped to
/// [0, 1] over its own candidates and summed with the leg's weight. Unlike rank fusion it keeps each leg's confidence: when BM25's best
/// passage is far ahead of its second, a small vector preference cannot overturn it.
/// </summary>
public static class ScoreFusion
{
    /// <summary>Fuses ranked lists (best first) into one list with fused scores, best first.</summary>
    public static List<ScoredPassage> Fuse(IReadOnlyList<IReadOnlyList<ScoredPassage>> rankings, IReadOnlyList<double> weights, int top)
    {
        var fused = new Dictionary<int, double>();
        for (var leg = 0; leg < rankings.Count; leg++)
        {
            var ranking = rankings[leg];
            if (ranking.Count == 0) continue;
            var max = ranking[0].Score;
            var min = ranking[^1].Score;
            var range = max - min;
            foreach (var scored in ranking)
            {
                // A leg with one candidate, or all tied, gives each of them full credit.
                var normalized = range > 0 ? (scored.Score - min) / range : 1.0;
                fused[scored.PassageNumber] = fused.GetValueOrDefault(scored.PassageNumber) + (weights[leg] * normalized);
            }
        }

        return TopSelector.Select(fused.Select(kv => new ScoredPassage(kv.Key, kv.Value)), top);
    }
}
