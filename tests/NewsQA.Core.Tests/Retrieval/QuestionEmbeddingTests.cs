using NewsQA.Core.Embeddings;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>The question's embedding on the query path: paid for once, and never what an answer waits on.</summary>
public class QuestionEmbeddingTests
{
    private static readonly string[] Texts =
    [
        "قوات التحالف الدولي في العراق",
        "وصل الوفد إلى بغداد أمس",
        "Coalition forces left the base near Baghdad.",
        "The delegation arrived in Baghdad yesterday.",
    ];

    [Fact]
    public async Task AQuestionAskedAgain_IsNotEmbeddedAgain()
    {
        var services = new TestIndexer(dimensions: 64);
        using var index = await TinyIndex.BuildAsync(services, Texts);
        var before = services.Embedder.TextsEmbedded;

        var first = await services.Retriever.SearchAsync(index, "When did the delegation arrive in Baghdad?", 3);
        var again = await services.Retriever.SearchAsync(index, "When did the delegation arrive in Baghdad?", 3);

        Assert.Equal(before + 1, services.Embedder.TextsEmbedded);
        Assert.Equal(first.Select(h => h.Passage.Id), again.Select(h => h.Passage.Id));
        Assert.Contains(first, h => h.VectorRank is not null);
    }

    [Fact]
    public async Task AProviderThatFails_LeavesTheKeywordLegToAnswerAlone()
    {
        var services = new TestIndexer(dimensions: 64);
        using var index = await TinyIndex.BuildAsync(services, Texts);
        services.Embedder.FailAfter = services.Embedder.TextsEmbedded;

        var hybrid = await services.Retriever.SearchAsync(index, "delegation Baghdad", 3);
        var keyword = await services.Retriever.SearchAsync(index, "delegation Baghdad", 3, RetrievalMode.Keyword);

        Assert.NotEmpty(hybrid);
        Assert.Equal(keyword.Select(h => h.Passage.Id), hybrid.Select(h => h.Passage.Id));
        Assert.All(hybrid, h => Assert.Null(h.VectorRank));
    }

    [Fact]
    public async Task AProviderThatDoesNotAnswer_IsGivenUpAfterTheQueryTimeout()
    {
        var services = new TestIndexer(dimensions: 64, embedding: new EmbeddingSettings(QueryTimeoutMilliseconds: 50));
        using var index = await TinyIndex.BuildAsync(services, Texts);
        services.Embedder.Hang = true;

        var hybrid = await services.Retriever.SearchAsync(index, "delegation Baghdad", 3);

        Assert.Equal("p3", hybrid[0].Passage.Id);
        Assert.All(hybrid, h => Assert.Null(h.VectorRank));
    }
}
