using System.Diagnostics;
using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Text;

namespace NewsQA.Tools.Evaluation;

/// <summary>
/// Measures retrieval on a SQuAD-format set: every distinct context is one passage, and a question's own context is
/// its one relevant passage.
/// </summary>
public sealed class RetrievalEvaluator(PassageEncoder encoder, HybridRetriever retriever)
{
    private const int Depth = 10;

    // Passages encoded at a time: the analyzed terms and vectors of one chunk are dropped once it is added, so a million
    // contexts never sit in memory in their bulky per-passage form.
    private const int ChunkSize = 64;

    /// <summary>
    /// Indexes the contexts as passages, one article each, chunk by chunk, into <paramref name="directory"/> (in memory
    /// when not given), and opens the committed index.
    /// </summary>
    public async Task<PassageIndex> IndexContextsAsync(
        SquadDataset dataset,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, List<SentenceSpan>>? sentenceBreaks = null,
        Lucene.Net.Store.Directory? directory = null)
    {
        directory ??= new RAMDirectory();
        using var writer = PassageIndexWriter.Open(directory, Settings(encoder.Dimensions ?? 0), create: true);
        for (var start = 0; start < dataset.Contexts.Count; start += ChunkSize)
        {
            var passages = dataset.Contexts.Skip(start).Take(ChunkSize).Select((context, offset) =>
            {
                var i = start + offset;
                IReadOnlyList<SentenceSpan> sentences = sentenceBreaks is not null && sentenceBreaks.TryGetValue(context, out var given) ? given : SentenceSplitter.Split(context);
                return new Passage($"c{i}", $"c{i}", $"context {i}", 1, 1, null, context, sentences);
            }).ToList();
            foreach (var indexed in await encoder.EncodeAsync(passages, cancellationToken).ConfigureAwait(false))
            {
                writer.Add(new IndexedDocument(indexed.Passage.DocumentId, string.Empty, indexed.Passage.Title, null, string.Empty, [indexed]));
            }
        }

        writer.Commit();
        return PassageIndex.Open(directory);
    }

    /// <summary>The settings of an evaluation index (no passage size limit: each context is one passage).</summary>
    public IndexSettings Settings(int dimensions) => new(TextAnalyzer.Version, encoder.EmbedderId, dimensions, int.MaxValue);

    /// <summary>Runs every question and scores where its context ranks.</summary>
    public async Task<RetrievalReport> EvaluateAsync(
        string name, SquadDataset dataset, RetrievalMode mode, CancellationToken cancellationToken)
    {
        using var index = await IndexContextsAsync(dataset, cancellationToken).ConfigureAwait(false);
        int hits1 = 0, hits5 = 0, hits10 = 0;
        double reciprocal = 0;
        var clock = Stopwatch.StartNew();
        foreach (var question in dataset.Questions)
        {
            var hits = await retriever.SearchAsync(index, question.Text, Depth, mode, cancellationToken).ConfigureAwait(false);
            var gold = $"c{question.ContextIndex}";
            var rank = hits.FirstOrDefault(h => h.Passage.Id == gold)?.Rank ?? 0;
            if (rank == 0) continue;
            if (rank == 1) hits1++;
            if (rank <= 5) hits5++;
            hits10++;
            reciprocal += 1.0 / rank;
        }

        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        double n = Math.Max(dataset.Questions.Count, 1);
        return new RetrievalReport(name, mode.ToString().ToLowerInvariant(), dataset.Questions.Count, index.Count,
            hits1 / n, hits5 / n, hits10 / n, reciprocal / n, dataset.Questions.Count / seconds);
    }
}
