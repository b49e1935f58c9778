using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Answering;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Embeddings;
using NewsQA.Core.Feeds;
using NewsQA.Core.Indexing;
using NewsQA.Core.Prompts;
using NewsQA.Core.Providers;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core;

/// <summary>Registers NewsQA's services; both hosts call <see cref="AddNewsQA"/>.</summary>
public static class NewsQAServiceCollectionExtensions
{
    /// <summary>The provider chosen by AI:Provider, then the core services.</summary>
    public static IServiceCollection AddNewsQA(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{AIOptions.SectionName}:{nameof(AIOptions.Provider)}"];
        if (provider is not null && !Enum.TryParse<AIProvider>(provider, ignoreCase: true, out _))
        {
            throw new OptionsValidationException(AIOptions.SectionName, typeof(AIOptions),
                [$"Unknown AI:Provider '{provider}': use Local, OpenAI, AzureOpenAI, Ollama or OpenAICompatible. See README, section Providers"]);
        }

        services.AddNewsQAProviders();
        // The strategy is chosen once, when first needed: with a model, answers and query rewrites come from the prompt
        // files, and the offline generator answers whenever the model does not.
        services.TryAddSingleton<IAnswerGenerator>(sp => AIProviderServiceCollectionExtensions.HasModel(sp)
            ? new FallbackAnswerGenerator(ActivatorUtilities.CreateInstance<ModelAnswerGenerator>(sp), sp.GetRequiredService<LocalAnswerGenerator>(), sp.GetRequiredService<ILogger<FallbackAnswerGenerator>>())
            : sp.GetRequiredService<LocalAnswerGenerator>());
        services.TryAddSingleton<IQueryRewriter>(sp => AIProviderServiceCollectionExtensions.HasModel(sp)
            ? ActivatorUtilities.CreateInstance<PromptQueryRewriter>(sp)
            : new NoQueryRewriter());
        return services.AddNewsQACore();
    }

    /// <summary>Options (validated at start-up), index, retrieval and answering, with the offline defaults.</summary>
    public static IServiceCollection AddNewsQACore(this IServiceCollection services)
    {
        services.AddOptions<CorpusOptions>().BindConfiguration(CorpusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().BindConfiguration(IndexOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnsweringOptions>().BindConfiguration(AnsweringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FeedbackOptions>().BindConfiguration(FeedbackOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PromptOptions>, PromptStartupCheck>());

        // The offline generator, when AddNewsQA (which reads AI:EmbeddingModel) has not registered one.
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new HashingEmbeddingGenerator());
        services.TryAddSingleton(TimeProvider.System);
        // Semantic Kernel over the app's services: the chat client (when a provider is configured) and the filters.
        services.TryAddSingleton(sp => new Kernel(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPromptRenderFilter, PromptRenderLog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, PromptInvocationLog>());
        services.TryAddSingleton<PromptFunctions>();
        // With a provider's embedding model (AI:EmbeddingModel), passages carry its vectors; without one the vector leg
        // is the lexical cosine over the index's own postings, and nothing is embedded.
        services.TryAddSingleton(sp => AIProviderServiceCollectionExtensions.HasEmbeddingModel(sp)
            ? PassageEncoder.With(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>())
            : PassageEncoder.Offline);
        services.TryAddSingleton<CorpusIndexer>();
        services.TryAddSingleton(sp => new Lazy<QueryTranslator>(() =>
        {
            // The files' presence is checked at start-up (RetrievalOptions.Validate) whenever translation is on.
            var retrieval = sp.GetRequiredService<IOptions<RetrievalOptions>>().Value;
            return new QueryTranslator(BilingualLexicon.Load(retrieval.ResolvedLexiconPath, retrieval.ResolvedRelatedWordsPath));
        }));
        services.TryAddSingleton<IQueryRewriter, NoQueryRewriter>();
        services.TryAddSingleton<QueryBuilder>();
        services.TryAddSingleton(sp => new PostingsCache(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.PostingsCacheMegabytes * 1024L * 1024));
        services.TryAddSingleton<HybridRetriever>();
        services.TryAddSingleton<AnswerabilityJudge>();
        services.TryAddSingleton<ShortAnswerExtractor>();
        services.TryAddSingleton<ClaimVerifier>();
        services.TryAddSingleton<ShortAnswerWriter>();
        services.TryAddSingleton<LocalAnswerer>();
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<SummaryTargetResolver>();
        services.TryAddSingleton<NewsTimeline>();
        services.TryAddSingleton<LocalAnswerGenerator>();
        services.TryAddSingleton<IAnswerGenerator>(sp => sp.GetRequiredService<LocalAnswerGenerator>());
        services.TryAddSingleton<AnswerService>();
        services.AddNewsQAIngestion();
        services.TryAddSingleton<Feedback.FeedbackStore>();
        return services;
    }
}
