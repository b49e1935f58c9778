using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Tests.Support;

/// <summary>Core services wired by hand for tests, around a counting embedding generator.</summary>
public sealed class TestIndexer
{
    public TestIndexer(int dimensions = 4096, int maxPassageChars = 1200, bool translate = true)
    {
        Embedder = new CountingEmbeddingGenerator(dimensions);
        Encoder = new PassageEncoder(Embedder);
        Indexer = new CorpusIndexer(Store, Encoder, Options.Create(new CorpusOptions { MaxPassageChars = maxPassageChars }), NullLogger<CorpusIndexer>.Instance);
        var options = Options.Create(new RetrievalOptions { Translate = translate });
        var translator = new Lazy<QueryTranslator>(() => new QueryTranslator(BilingualLexicon.Load(options.Value.ResolvedLexiconPath)));
        Retriever = new HybridRetriever(Encoder, new QueryBuilder(options, translator, new NoQueryRewriter()), options);
    }

    public CountingEmbeddingGenerator Embedder { get; }

    public FileIndexStore Store { get; } = new();

    public PassageEncoder Encoder { get; }

    public CorpusIndexer Indexer { get; }

    public HybridRetriever Retriever { get; }
}
