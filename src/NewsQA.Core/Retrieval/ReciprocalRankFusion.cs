namespace NewsQA.Core.Retrieval;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): score = Σ 1 / (k + rank) over the legs that
/// ranked a passage. It needs no score calibration; measured here it loses to <see cref="ScoreFusion"/> because it
/// ignores how far ahead a leg's best passage is (see docs/retrieval.md).
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>Fuses ranked lists (best first) into one list of passages with fused scores, best first.</summary>
    public static List<ScoredPassage> Fuse(IReadOnlyList<IReadOnlyList<ScoredPassage>> rankings, int k, int top)
    {
        var fused = new Dictionary<int, double>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var p = ranking[rank].PassageNumber;
                fused[p] = fused.GetValueOrDefault(p) + (1.0 / (k + rank + 1));
            }
        }

        return TopSelector.Select(fused.Select(kv => new ScoredPassage(kv.Key, kv.Value)), top);
    }
}
