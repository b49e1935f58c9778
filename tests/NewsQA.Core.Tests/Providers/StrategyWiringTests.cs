using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsQA.Core.Answering.Generators;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;

namespace NewsQA.Core.Tests.Providers;

/// <summary>
/// AddNewsQA registers each strategy once and chooses it by the settings when first resolved: the answer generator and
/// query rewriter by AI:Provider, the passage encoder by AI:EmbeddingModel, the translator by Retrieval:Translate.
/// </summary>
public class StrategyWiringTests
{
    private static readonly Type[] Strategies =
        [typeof(IAnswerGenerator), typeof(IQueryRewriter), typeof(PassageEncoder), typeof(QueryTranslator), typeof(IEmbeddingGenerator<string, Embedding<float>>)];

    private static (IServiceCollection Services, ServiceProvider Provider) Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddNewsQA(configuration);
        return (services, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    private static Dictionary<string, string?> WithModel(string? embeddingModel = null) => new()
    {
        ["AI:Provider"] = "OpenAICompatible",
        ["AI:Endpoint"] = "http://127.0.0.1:9/v1/",
        ["AI:ChatModel"] = "chat-model",
        ["AI:EmbeddingModel"] = embeddingModel,
    };

    [Fact]
    public void EachStrategy_IsRegisteredOnce_AndNoServiceIsALazyWrapper()
    {
        var (services, provider) = Build([]);
        using var _ = provider;

        foreach (var strategy in Strategies) Assert.Single(services, d => d.ServiceType == strategy);
        Assert.DoesNotContain(services, d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(Lazy<>));
    }

    [Fact]
    public void Offline_AnswersLocally_EmbedsNothing_AndHasNoEmbeddingGeneratorToResolve()
    {
        var (_, provider) = Build([]);
        using var _ = provider;

        Assert.IsType<LocalAnswerGenerator>(provider.GetRequiredService<IAnswerGenerator>());
        Assert.IsType<NoQueryRewriter>(provider.GetRequiredService<IQueryRewriter>());
        Assert.False(provider.GetRequiredService<PassageEncoder>().Embeds);
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Contains("AI:EmbeddingModel", error.Message);
    }

    [Fact]
    public void WithAModel_AnswersAndRewritesThroughIt_ButEmbedsOnlyWithAnEmbeddingModel()
    {
        var (_, provider) = Build(WithModel());
        using var _ = provider;

        Assert.IsType<FallbackAnswerGenerator>(provider.GetRequiredService<IAnswerGenerator>()); // the model's, with the offline one behind it
        Assert.IsType<PromptQueryRewriter>(provider.GetRequiredService<IQueryRewriter>());
        Assert.False(provider.GetRequiredService<PassageEncoder>().Embeds);

        var (_, embedding) = Build(WithModel("embed-model"));
        using var __ = embedding;
        Assert.True(embedding.GetRequiredService<PassageEncoder>().Embeds);
    }

    [Fact]
    public void WithoutTranslation_NoLexiconFileIsRead_EvenWhereNoneExists()
    {
        var (_, provider) = Build(new() { ["Retrieval:Translate"] = "false", ["Retrieval:LexiconPath"] = "/nonexistent/en-ar.tsv" });
        using var _ = provider;

        Assert.Equal(0, provider.GetRequiredService<QueryTranslator>().Lexicon.Count);
    }

    [Fact]
    public void WithTranslation_TheLexiconIsReadWhenFirstUsed()
    {
        var (_, provider) = Build([]);
        using var _ = provider;

        Assert.True(provider.GetRequiredService<QueryTranslator>().Lexicon.Count > 1000);
    }
}
