using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Retrieval;

/// <summary>English questions over the Arabic seed articles (Data/seed-questions-en.tsv) find their paragraph in the top 5.</summary>
public class CrossLingualSeedTests : IClassFixture<SeedQuestionTests.SeedIndex>
{
    private readonly SeedQuestionTests.SeedIndex _seeds;

    public CrossLingualSeedTests(SeedQuestionTests.SeedIndex seeds) => _seeds = seeds;

    public static TheoryData<string, string, int> EnglishQuestions()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "seed-questions-en.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            data.Add(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Fact]
    public void QuestionSet_HasAtLeastFifteen_CoveringEveryArticle()
    {
        var documents = EnglishQuestions().Select(row => (string)row[1]).ToList();
        Assert.True(documents.Count >= 15);
        Assert.Equal(5, documents.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(EnglishQuestions))]
    public async Task Search_FindsTheArabicParagraphInTheTopFive(string question, string documentId, int paragraph)
    {
        var hits = await _seeds.Services.Retriever.SearchAsync(_seeds.Index, question, 5);
        Assert.Contains(hits, h => h.Passage.DocumentId == documentId && h.Passage.Paragraph == paragraph);
    }

    [Fact]
    public async Task Search_WithoutTranslation_CannotCrossLanguages()
    {
        var untranslated = new TestIndexer(translate: false);
        using var temp = new TempFolder();
        using var live = (await untranslated.Indexer.UpdateAsync(SeedCorpus.Folder, temp.File("index"))).Live;
        using var lease = live.Acquire();
        var index = lease.Index;
        var hits = await untranslated.Retriever.SearchAsync(index, "Who commands the French forces in the Middle East?", 5);
        Assert.DoesNotContain(hits, h => h.Passage.DocumentId == "004_b3be516e15497fde" && h.Passage.Paragraph == 7);
    }
}
