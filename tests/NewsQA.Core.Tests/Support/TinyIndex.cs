using Lucene.Net.Store;
using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Support;

/// <summary>Builds an in-memory index from a few texts, one article of one passage each (passage ids p0, p1, ...).</summary>
public static class TinyIndex
{
    public static async Task<PassageIndex> BuildAsync(TestIndexer services, params string[] texts)
    {
        var passages = texts.Select((t, i) => new Passage($"p{i}", $"d{i}", $"doc {i}", 1, 1, null, t, SentenceSplitter.Split(t))).ToList();
        var encoded = await services.Encoder.EncodeAsync(passages, CancellationToken.None);
        var directory = new RAMDirectory();
        var settings = new IndexSettings(TextAnalyzer.Version, services.Encoder.EmbedderId, services.Encoder.Dimensions ?? 0, 1200);
        using (var writer = PassageIndexWriter.Open(directory, settings, create: true))
        {
            foreach (var p in encoded) writer.Add(new IndexedDocument(p.Passage.DocumentId, "", p.Passage.Title, null, "", [p]));
            writer.Commit();
        }

        return PassageIndex.Open(directory);
    }

    /// <summary>The passage ids of ranked passage numbers.</summary>
    public static List<string> Ids(this PassageIndex index, IEnumerable<Core.Retrieval.ScoredPassage> ranked) =>
        [.. ranked.Select(r => index.GetPassage(r.PassageNumber).Id)];
}
