using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Indexing;
using NewsQA.Core.Telemetry;

namespace NewsQA.Core.Retrieval;

/// <summary>
/// Finds the passages relevant to a question: BM25 over words and character grams, and a vector leg, fused. The vector
/// leg is a provider's dense embeddings when the index has them, else the lexical cosine scored from the same postings.
/// A question that asks for the newest adds a third leg, recency (<see cref="RecencyLeg"/>), at Retrieval:RecencyWeight.
/// </summary>
public sealed class HybridRetriever(PassageEncoder encoder, QueryBuilder queries, IOptions<RetrievalOptions> options, PostingsCache postings)
{
    /// <summary>Searches with a question as typed (translated when the articles are in the other language).</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        PassageIndex index, string question, int topK, RetrievalMode mode = RetrievalMode.Hybrid, CancellationToken cancellationToken = default)
    {
        var query = await queries.BuildAsync(index, question, cancellationToken).ConfigureAwait(false);
        return await SearchAsync(index, query, topK, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Searches with a prepared query.</summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        PassageIndex index, RetrievalQuery query, int topK, RetrievalMode mode = RetrievalMode.Hybrid, CancellationToken cancellationToken = default)
    {
        using var activity = NewsQATelemetry.Source.StartActivity("retrieve");
        activity?.SetTag(NewsQATelemetry.RetrievalModeTag, mode.ToString().ToLowerInvariant());
        var settings = options.Value;
        var depth = Math.Max(settings.CandidateDepth, topK);
        var dense = index.HasVectors && encoder.Embeds;
        // Started first, so the provider embeds the question and the dense leg searches (on a pool thread, once the
        // embedding is back) while the keyword leg scores on this one; a provider that fails or is slow leaves the
        // keyword leg to answer alone.
        var denseLeg = mode != RetrievalMode.Keyword && dense && !string.IsNullOrWhiteSpace(query.VectorText)
            ? SearchDenseAsync(index, query, depth, settings, cancellationToken)
            : null;
        var (keyword, vector) = LexicalScorer.Search(index, query, mode != RetrievalMode.Vector, mode != RetrievalMode.Keyword && !dense,
            depth, settings.Bm25K1, settings.Bm25B, postings,
            settings.CascadeCandidates > 0 ? new LexicalCascade(settings.CascadeGramShare, settings.CascadeCandidates) : null);
        if (denseLeg is not null)
        {
            if (await denseLeg.ConfigureAwait(false) is { } found) vector = found;
            else activity?.SetTag(NewsQATelemetry.DenseLegTag, "unavailable");
        }

        var recency = query.Time.PreferRecent ? RecencyLeg.Rank(index, keyword, vector) : [];
        var fused = mode switch
        {
            RetrievalMode.Keyword when recency.Count == 0 => keyword.Take(topK).ToList(),
            RetrievalMode.Vector when recency.Count == 0 => vector.Take(topK).ToList(),
            _ when settings.Fusion == FusionMethod.ReciprocalRank => ReciprocalRankFusion.Fuse([keyword, vector, recency], settings.FusionK, topK),
            _ => ScoreFusion.Fuse([keyword, vector, recency], [1.0, settings.VectorWeight, settings.RecencyWeight], topK),
        };
        activity?.SetTag(NewsQATelemetry.PassagesTag, fused.Count);
        var keywordRanks = RankLookup(keyword);
        var vectorRanks = RankLookup(vector);
        return [.. fused.Select((hit, i) =>
        {
            var inKeyword = keywordRanks.TryGetValue(hit.PassageNumber, out var k);
            var inVector = vectorRanks.TryGetValue(hit.PassageNumber, out var v);
            return new SearchHit(index.GetPassage(hit.PassageNumber), i + 1, hit.Score,
                inKeyword ? k.Rank : null, inKeyword ? k.Score : null,
                inVector ? v.Rank : null, inVector ? v.Score : null) { PassageNumber = hit.PassageNumber };
        })];
    }

    /// <summary>Why a passage has the lexical scores it has for a prepared query (<see cref="LexicalScorer.Explain"/>).</summary>
    public LexicalExplanation Explain(PassageIndex index, RetrievalQuery query, int passageNumber) =>
        LexicalScorer.Explain(index, query, passageNumber, options.Value.Bm25K1, options.Value.Bm25B);

    // The dense leg: null when the question's embedding could not be had in time.
    private async Task<List<ScoredPassage>?> SearchDenseAsync(
        PassageIndex index, RetrievalQuery query, int depth, RetrievalOptions settings, CancellationToken cancellationToken)
    {
        var embedded = await encoder.TryEmbedQueryAsync(query.VectorText, cancellationToken).ConfigureAwait(false);
        if (embedded is null) return null;
        // An embedding served from the recent questions completes at once: hand the search to a pool thread all the same.
        await Task.Yield();
        return VectorSearcher.Search(index, embedded, depth, query.Filter, settings.VectorIndex);
    }

    private static Dictionary<int, (int Rank, double Score)> RankLookup(List<ScoredPassage> ranking) =>
        ranking.Select((s, i) => (s, i)).ToDictionary(x => x.s.PassageNumber, x => (x.i + 1, x.s.Score));
}
