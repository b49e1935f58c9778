using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Testing;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>How a question's time becomes a date filter or a recency leg, and its time words leave the keyword query.</summary>
public sealed class TimeAwareQueryTests(DatedCorpusServices dated) : IClassFixture<DatedCorpusServices>
{
    private readonly AnsweringServices _dated = dated.Services;

    private Task<RetrievalQuery> BuildAsync(AnsweringServices services, string question) =>
        services.Get<QueryBuilder>().BuildAsync(services.Index, question, CancellationToken.None);

    private string DocumentOf(int passage) => _dated.Index.GetPassage(passage).DocumentId;

    [Fact]
    public void EveryPassage_KnowsItsArticlesDate_AndAnUndatedOneHasNone()
    {
        var index = _dated.Index;
        var dates = index.PublishedTicks;
        var passages = index.LivePassages().ToList();
        foreach (var p in passages.Where(p => dates[p] != PassageIndex.Undated))
        {
            Assert.Equal(index.FindArticle(DocumentOf(p))!.Published!.Value.UtcTicks, dates[p]);
        }

        var undated = passages.Where(p => dates[p] == PassageIndex.Undated).Select(DocumentOf).Distinct().ToList();
        Assert.Equal([DatedArticles.UndatedId], undated);
        // Only passages carry dates: every other number (the article records) is undated.
        var records = Enumerable.Range(0, index.MaxDoc).Except(passages).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal(PassageIndex.Undated, dates[r]));
    }

    [Fact]
    public async Task AYear_FiltersByPublicationDate_AndLeavesItsWordsOutOfTheQuery()
    {
        var query = await BuildAsync(_dated, "How many NATO advisers were in Iraq in 2021?");

        Assert.NotNull(query.Filter);
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), query.Time.From);
        var accepted = Enumerable.Range(0, _dated.Index.MaxDoc).Where(query.Filter).Select(DocumentOf).Distinct().Order().ToList();
        Assert.Equal([DatedArticles.ArabicOlderId, DatedArticles.EnglishOlderId], accepted);
        Assert.DoesNotContain(query.Terms, t => t.Term == "2021");
        Assert.Contains(query.Terms, t => t.Term == "advis");
    }

    [Fact]
    public async Task Latest_IsAPreferenceNotAFilter_AndIsNotAKeyword()
    {
        var query = await BuildAsync(_dated, "What is the latest number of NATO advisers in Iraq?");

        Assert.Null(query.Filter);
        Assert.True(query.Time.PreferRecent);
        Assert.DoesNotContain(query.Terms, t => t.Term.Contains("latest", StringComparison.Ordinal));
        Assert.DoesNotContain("latest", query.VectorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeNoArticleIsFrom_IsSearchedAsTyped()
    {
        var query = await BuildAsync(_dated, "How many NATO advisers were in Iraq in 2019?");

        Assert.Null(query.Filter);
        Assert.True(query.Time.IsEmpty);
        Assert.Contains(query.Terms, t => t.Term == "2019");
    }

    [Fact]
    public async Task OverUndatedArticles_TimeWordsAreKeywords_AsBefore()
    {
        await using var seeds = await AnsweringServices.CreateAsync();
        var query = await BuildAsync(seeds, "ما آخر ما قاله المتحدث باسم الحشد الشعبي عام 2021؟");

        Assert.Null(query.Filter);
        Assert.True(query.Time.IsEmpty);
        Assert.Contains(query.Terms, t => t.Term == "2021");
    }

    [Fact]
    public void TheRecencyLeg_RanksTheCandidatesByDate_AndIsEmptyWhenTheyShareOne()
    {
        var index = _dated.Index;
        var dates = index.PublishedTicks;
        var all = Enumerable.Range(0, index.MaxDoc).Where(p => dates[p] != PassageIndex.Undated).Select(p => new ScoredPassage(p, 1)).ToList();

        var ranked = RecencyLeg.Rank(index, all);
        Assert.Equal(DatedArticles.ArabicNewerId, DocumentOf(ranked[0].PassageNumber));
        Assert.Equal(0, ranked[^1].Score);
        Assert.Equal(ranked.Select(r => dates[r.PassageNumber]).OrderDescending(), ranked.Select(r => dates[r.PassageNumber]));
        var oneArticle = all.Where(s => DocumentOf(s.PassageNumber) == DatedArticles.EnglishNewerId).ToList();
        Assert.Empty(RecencyLeg.Rank(index, oneArticle));
    }
}
