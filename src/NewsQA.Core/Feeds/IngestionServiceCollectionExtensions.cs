using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsQA.Core.Configuration;
using NewsQA.Core.Corpus;
using NewsQA.Core.Fetching;
using NewsQA.Core.Time;

namespace NewsQA.Core.Feeds;

/// <summary>Registers live-news ingestion: feeds, page fetching and extraction, writing into the corpus folder, time cues.</summary>
public static class IngestionServiceCollectionExtensions
{
    public static IServiceCollection AddNewsQAIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WebFetcher.ClientName, WebFetcher.Configure)
            .ConfigurePrimaryHttpMessageHandler(sp => WebFetcher.CreateHandler(sp.GetRequiredService<FetchAddressPolicy>()));
        services.TryAddSingleton<FetchAddressPolicy>();
        services.TryAddSingleton<HostGate>();
        services.TryAddSingleton<WebFetcher>();
        services.TryAddSingleton<CorpusArticleWriter>();
        services.TryAddSingleton<PageIngestor>();
        services.TryAddSingleton<FeedIngestor>();
        services.TryAddSingleton<TimeCueParser>();
        // A host that answers from an index in memory replaces this with one that brings that index up to date.
        services.TryAddSingleton<ICorpusChangeListener, NoRunningIndex>();
        return services;
    }
}
