using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsQA.Core.Configuration;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Evaluation;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core;

/// <summary>Registers NewsQA's core services; both hosts call this.</summary>
public static class NewsQAServiceCollectionExtensions
{
    /// <summary>Adds options (validated at start-up), the index store, indexer and retriever.</summary>
    public static IServiceCollection AddNewsQACore(this IServiceCollection services)
    {
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        // The offline generator is the default; a provider registered before this call takes its place.
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            new HashingEmbeddingGenerator(sp.GetRequiredService<IOptions<IndexOptions>>().Value.LocalEmbeddingDimensions));
        services.TryAddSingleton<IIndexStore, FileIndexStore>();
        services.TryAddSingleton<PassageEncoder>();
        services.TryAddSingleton<CorpusIndexer>();
        services.TryAddSingleton<HybridRetriever>();
        services.TryAddSingleton<RetrievalEvaluator>();
        return services;
    }
}
