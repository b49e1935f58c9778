using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Tests.Support;

/// <summary>
/// Core services wired by hand for tests: offline by default, or, given <c>dimensions</c>, with a deterministic fake
/// embedding provider that counts what it embeds.
/// </summary>
public sealed class TestIndexer
{
    public TestIndexer(int? dimensions = null, int maxPassageChars = 1200, bool translate = true, EmbeddingSettings? embedding = null)
    {
        Embedder = new CountingEmbeddingGenerator(dimensions ?? 256);
        Encoder = dimensions is null ? PassageEncoder.Offline : PassageEncoder.With(Embedder, embedding);
        Indexer = new CorpusIndexer(Encoder, Options.Create(new CorpusOptions { MaxPassageChars = maxPassageChars }), NullLogger<CorpusIndexer>.Instance);
        var options = Options.Create(new RetrievalOptions { Translate = translate });
        var translator = QueryTranslator.FromFiles(options.Value.ResolvedLexiconPath, null);
        Retriever = new HybridRetriever(Encoder, new QueryBuilder(options, translator, new NoQueryRewriter(), new NewsQA.Core.Time.TimeCueParser(TimeProvider.System)), options, new PostingsCache(64L * 1024 * 1024));
    }

    /// <summary>The fake provider (used only when the indexer was given dimensions).</summary>
    public CountingEmbeddingGenerator Embedder { get; }

    public PassageEncoder Encoder { get; }

    public CorpusIndexer Indexer { get; }

    public HybridRetriever Retriever { get; }
}
