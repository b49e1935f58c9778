using NewsQA.Core.Indexing;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Support;

/// <summary>Builds an in-memory index from a few texts, one passage each (ids p0, p1, ...).</summary>
public static class TinyIndex
{
    public static async Task<PassageIndex> BuildAsync(TestIndexer services, params string[] texts)
    {
        var passages = texts.Select((t, i) => new Passage($"p{i}", $"d{i}", $"doc {i}", 1, 1, null, t, SentenceSplitter.Split(t))).ToList();
        var encoded = await services.Encoder.EncodeAsync(passages, CancellationToken.None);
        var documents = encoded.Select(p => new IndexedDocument(p.Passage.DocumentId, "", p.Passage.Title, null, "", [p])).ToList();
        return PassageIndex.Build(new IndexSnapshot(new IndexSettings(TextAnalyzer.Version, services.Encoder.EmbedderId, encoded[0].Vector.Length, 1200), documents));
    }
}
