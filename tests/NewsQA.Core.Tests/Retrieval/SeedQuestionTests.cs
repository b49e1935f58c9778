using NewsQA.Core.Indexing;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>Arabic questions written for the seed articles (Data/seed-questions-ar.tsv) find their paragraph first.</summary>
public class SeedQuestionTests : IClassFixture<SeedQuestionTests.SeedIndex>
{
    private readonly SeedIndex _seeds;

    public SeedQuestionTests(SeedIndex seeds) => _seeds = seeds;

    public static TheoryData<string, string, int, int> ArabicQuestions()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seed-questions-ar.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1], Number(fields[2]), Number(fields[3]));
        }

        return data;
    }

    private static int Number(string field) => int.Parse(field, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void QuestionSet_HasAtLeastTwentyQuestionsThatMustRankFirst() =>
        Assert.True(ArabicQuestions().Count(row => (int)row[3] == 1) >= 20);

    [Fact]
    public void QuestionSet_CoversEveryArticle_WithAtLeastTwentyQuestions()
    {
        var documents = ArabicQuestions().Select(row => (string)row[1]).ToList();
        Assert.True(documents.Count >= 20);
        Assert.Equal(5, documents.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ArabicQuestions))]
    public async Task Search_FindsTheParagraphWithinItsExpectedRank(string question, string documentId, int paragraph, int within)
    {
        var hits = await _seeds.Services.Retriever.SearchAsync(_seeds.Index, question, 5);
        var rank = hits.FirstOrDefault(h => h.Passage.DocumentId == documentId && h.Passage.Paragraph == paragraph)?.Rank;
        var top = hits[0].Passage;
        Assert.True(rank is not null && rank <= within,
            $"expected {documentId} ¶{paragraph} within rank {within}, found at {rank?.ToString() ?? "none"}; first was {top.DocumentId} ¶{top.Paragraph}");
    }

    /// <summary>The seed corpus indexed once for the class.</summary>
    public sealed class SeedIndex : IAsyncLifetime, IDisposable
    {
        private readonly TempFolder _temp = new();

        public TestIndexer Services { get; } = new();

        private LiveIndex? _live;
        private IndexLease? _lease;

        public PassageIndex Index => _lease!.Index;

        public async Task InitializeAsync()
        {
            _live = (await Services.Indexer.UpdateAsync(SeedCorpus.Folder, _temp.File("index"))).Live;
            _lease = _live.Acquire();
        }

        public Task DisposeAsync()
        {
            _lease?.Dispose();
            _live?.Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _temp.Dispose();
    }
}
