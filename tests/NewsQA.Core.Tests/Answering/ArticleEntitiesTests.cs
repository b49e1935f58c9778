using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// Indexing's one-pass recognition of an article's names and entities gives what mining the article and then
/// recognizing each passage with its names gives, over the seed articles, the answer sets' articles and an article
/// written for this test whose names recur bare, with a one-letter prefix, and not at all in some sentences.
/// </summary>
public class ArticleEntitiesTests
{
    public static TheoryData<string> Articles() =>
        [.. Directory.EnumerateFiles(SeedCorpus.Folder).Concat(Directory.EnumerateFiles(SeedCorpus.ArticlesFolder)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Articles))]
    public void Recognize_GivesTheNamesAndEntitiesOfMiningThenRecognizingEachPassage(string path)
    {
        var file = CorpusReader.TryRead(path, CorpusReader.DocumentId(path), CorpusOptions.DefaultMaxFileBytes, [])!;
        AssertSameAsMiningThenRecognizing(ArticleLoader.Load(file, new CorpusOptions().MaxPassageChars).Passages);
    }

    [Fact]
    public void Recognize_ReadsAgainTheSentencesWhereAnArticlesNameStands_WithOrWithoutAPrefix()
    {
        string[] paragraphs =
        [
            "وقال وزير الدفاع التركي أحمد يلماز إن المحادثات مستمرة. ووصلت التعزيزات إلى قضاء الرطبة غربي البلاد.",
            "وأكد يلماز أن الجانبين اتفقا على جدول زمني. وتنتشر القوات في الرطبة منذ أشهر.",
            "ويلماز لم يحدد موعدا. وارتفعت أسعار النفط بنسبة 3 في المئة يوم الاثنين.",
        ];
        var passages = paragraphs.Select((text, i) => new Passage($"p{i}", "a", "title", i + 1, 1, null, text, SentenceSplitter.Split(text))).ToList();
        var names = AssertSameAsMiningThenRecognizing(passages);
        Assert.Equal(SpanKind.Person, names.KindOf("يلماز"));
        // Without the article's names the later paragraphs' يلماز, ويلماز and الرطبة are not recognized: the test would catch
        // a one-pass recognition that kept the general names' spans where it should read a sentence again.
        Assert.NotEqual(SentenceSpans.Recognize(passages[1], EntityLexicon.General), SentenceSpans.Recognize(passages[1], names.With(EntityLexicon.General)));
        Assert.NotEqual(SentenceSpans.Recognize(passages[2], EntityLexicon.General), SentenceSpans.Recognize(passages[2], names.With(EntityLexicon.General)));
    }

    private static EntityLexicon AssertSameAsMiningThenRecognizing(List<Passage> passages)
    {
        var mined = EntityMiner.Mine(passages.SelectMany(p => p.Sentences.Select(s => p.Text.Substring(s.Start, s.Length))));
        var lexicon = mined.With(EntityLexicon.General);
        var (names, entities) = ArticleEntities.Recognize(passages);
        Assert.Equal(mined.Serialize(), names.Serialize());
        Assert.Equal(passages.Count, entities.Count);
        for (var i = 0; i < passages.Count; i++) Assert.Equal(SentenceSpans.Recognize(passages[i], lexicon), entities[i]);
        return names;
    }
}
