using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Evidence;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Models;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Feeds;
using NewsQA.Core.Indexing;
using NewsQA.Core.Prompts;
using NewsQA.Core.Providers;
using NewsQA.Core.Retrieval;
using NewsQA.Core.State;

namespace NewsQA.Core;

/// <summary>Registers NewsQA's services; both hosts call <see cref="AddNewsQA"/>.</summary>
public static class NewsQAServiceCollectionExtensions
{
    /// <summary>The provider chosen by AI:Provider, then the core services and the strategies the settings choose.</summary>
    public static IServiceCollection AddNewsQA(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration[$"{AIOptions.SectionName}:{nameof(AIOptions.Provider)}"];
        if (provider is not null && !Enum.TryParse<AIProvider>(provider, ignoreCase: true, out _))
        {
            throw new OptionsValidationException(AIOptions.SectionName, typeof(AIOptions),
                [$"Unknown AI:Provider '{provider}': use Local, OpenAI, AzureOpenAI, Ollama or OpenAICompatible. See README, section Providers"]);
        }

        services.AddNewsQAProviders();
        services.AddNewsQACore();
        return services.AddNewsQAStrategies();
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnsweringOptions>, ModelStartupCheck>());

        services.TryAddSingleton(TimeProvider.System);
        // Semantic Kernel over the app's services: the chat client (when a provider is configured) and the filters.
        services.TryAddSingleton(sp => new Kernel(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPromptRenderFilter, PromptRenderLog>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, PromptInvocationLog>());
        services.TryAddSingleton<PromptFunctions>();
        services.TryAddSingleton<CorpusIndexer>();
        services.TryAddSingleton<QueryBuilder>();
        services.TryAddSingleton(sp => new PostingsCache(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.PostingsCacheMegabytes * 1024L * 1024));
        services.TryAddSingleton<HybridRetriever>();
        services.TryAddSingleton<AnswerabilityJudge>();
        services.TryAddSingleton<ShortAnswerExtractor>();
        services.TryAddSingleton<ShortAnswerGate>();
        services.TryAddSingleton<ModelAnswerLevel>();
        services.TryAddSingleton<ClaimVerifier>();
        services.TryAddSingleton<ShortAnswerWriter>();
        services.TryAddSingleton<LocalAnswerer>();
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<SummaryTargetResolver>();
        services.TryAddSingleton<NewsTimeline>();
        services.TryAddSingleton<LocalAnswerGenerator>();
        services.TryAddSingleton<AnswerService>();
        services.AddNewsQAIngestion();
        services.AddNewsQAState();
        return services;
    }

    /// <summary>
    /// The strategies the settings choose, each by one switch, made when first resolved (so that every configuration
    /// source counts, a test's included): with a language model (AI:Provider other than Local) answers and query
    /// rewrites come from the prompt files, with the offline answerer behind the model's answers, else from the offline
    /// answerer alone; with an embedding model (AI:EmbeddingModel)
    /// passages carry its vectors, else the vector leg is the lexical cosine over the index's own postings and nothing
    /// is embedded; with Retrieval:Translate questions are translated through the lexicon files.
    /// </summary>
    private static IServiceCollection AddNewsQAStrategies(this IServiceCollection services)
    {
        services.TryAddSingleton<IAnswerGenerator>(sp => AI(sp).Provider switch
        {
            AIProvider.Local => sp.GetRequiredService<LocalAnswerGenerator>(),
            // The offline generator answers whenever the model does not.
            _ => new FallbackAnswerGenerator(
                ActivatorUtilities.CreateInstance<ModelAnswerGenerator>(sp), sp.GetRequiredService<LocalAnswerGenerator>(), sp.GetRequiredService<ILogger<FallbackAnswerGenerator>>()),
        });
        services.TryAddSingleton<IQueryRewriter>(sp => AI(sp).Provider switch
        {
            AIProvider.Local => new NoQueryRewriter(),
            _ => ActivatorUtilities.CreateInstance<PromptQueryRewriter>(sp),
        });
        services.TryAddSingleton(sp => AI(sp) switch
        {
            { Provider: not AIProvider.Local, EmbeddingModel: { } model } when !string.IsNullOrWhiteSpace(model) =>
                PassageEncoder.With(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), AI(sp).Embedding),
            _ => PassageEncoder.Offline,
        });
        // The files' presence is checked at start-up (RetrievalOptions.Validate) whenever translation is on, and they
        // are read when a question is first translated; without translation no word is looked up.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RetrievalOptions>>().Value switch
        {
            { Translate: true } retrieval => QueryTranslator.FromFiles(retrieval.ResolvedLexiconPath, retrieval.ResolvedRelatedWordsPath),
            _ => new QueryTranslator(new BilingualLexicon([])),
        });
        return services;
    }

    /// <summary>
    /// Where state shared between turns is kept, by one switch: with Redis:Configuration, in Redis for every process
    /// that names the same server; without it, in the process (feedback in its file). The bot adds its own stores
    /// (conversations, Direct Line) by the same switch, <see cref="RedisOptions.Enabled"/>.
    /// </summary>
    private static void AddNewsQAState(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RedisConnection>();
        services.TryAddSingleton<Feedback.IFeedbackStore>(sp => sp.GetRequiredService<IOptions<RedisOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<Feedback.RedisFeedbackStore>(sp)
            : ActivatorUtilities.CreateInstance<Feedback.FeedbackStore>(sp));
    }

    private static AIOptions AI(IServiceProvider services) => services.GetRequiredService<IOptions<AIOptions>>().Value;
}
