using NewsQA.Core.CrossLingual;
using NewsQA.Core.Retrieval;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.CrossLingual;

public class QueryTranslatorTests
{
    private static readonly BilingualLexicon Lexicon = new(
    [
        ("prime minister", ["رئيس الوزراء"]),
        ("prime", ["أولي"]),
        ("minister", ["الوزير"]),
        ("national security adviser", ["مستشار الأمن القومي"]),
        ("base", ["القاعدة", "قاعدة", "أساس", "قاعدي"]),
        ("troops", ["القوات"]),
        ("troop", ["فرقة"]),
        ("win", ["فوز"]),
    ]);

    private static async Task<NewsQA.Core.Indexing.PassageIndex> IndexAsync() =>
        await TinyIndex.BuildAsync(new TestIndexer(256),
            "قال رئيس الوزراء محمد شياع السوداني إن القوات باقية في قاعدة عين الأسد",
            "أعلن مستشار الأمن القومي قاسم الأعرجي انتهاء المهام القتالية عام 2021");

    [Fact]
    public async Task Translate_LooksUpPhrasesBeforeWords()
    {
        var (groups, _) = new QueryTranslator(Lexicon).Translate("What did the prime minister say?", TextLanguage.Arabic, await IndexAsync());
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(TextAnalyzer.Analyze("رئيس")[0], terms);
        Assert.Contains(TextAnalyzer.Analyze("الوزراء")[0], terms);
        Assert.DoesNotContain(TextAnalyzer.Analyze("أولي")[0], terms); // "prime" alone is not looked up
    }

    [Fact]
    public async Task Translate_PutsAWordsTranslationsInOneGroup()
    {
        var (groups, _) = new QueryTranslator(Lexicon).Translate("Which base?", TextLanguage.Arabic, await IndexAsync());
        var baseGroup = Assert.Single(groups, g => g.Terms.Contains(TextAnalyzer.Analyze("قاعدة")[0]));
        Assert.Contains(TextAnalyzer.Analyze("أساس")[0], baseGroup.Terms);
        Assert.Equal(1, baseGroup.Weight); // four translations weigh as one word
    }

    [Fact]
    public async Task Translate_FindsInflectedVariantsAndNamesAndNumbers()
    {
        var index = await IndexAsync();
        var (groups, _) = new QueryTranslator(Lexicon).Translate("Did Sudani say the troop stays? In 2021 they spoke.", TextLanguage.Arabic, index);
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(TextAnalyzer.Analyze("السوداني")[0], terms);   // by transliteration
        Assert.Contains(TextAnalyzer.Analyze("القوات")[0], terms);     // "troop" shares its stem with "troops"
        Assert.Contains("2021", terms);
    }

    [Fact]
    public async Task StructuredQuery_ScoresAGroupAsOneTerm()
    {
        var index = await IndexAsync();
        var single = Bm25Scorer.Search(index, [], [new QueryGroup(["قاعد"], 1)], 5, 0.9, 0.4);
        var ambiguous = Bm25Scorer.Search(index, [], [new QueryGroup(["قاعد", "اساس", "zzz"], 1)], 5, 0.9, 0.4);
        Assert.Equal(single[0].Score, ambiguous[0].Score, 5); // alternatives that never occur add nothing
    }

    [Fact]
    public async Task Translate_ArabicQuestion_IntoEnglishTerms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256), "The prime minister said troops would stay at the base.", "Advisers remain.");
        var (groups, _) = new QueryTranslator(Lexicon).Translate("ماذا قال رئيس الوزراء عن القوات؟", TextLanguage.English, index);
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(PorterStemmer.Stem("minister"), terms);
        Assert.Contains(PorterStemmer.Stem("troops"), terms);
    }

    [Fact]
    public async Task Translate_MatchesNumberWordsAndDigits_AndIrregularPastForms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(256), "قتل ثلاثة مسلحين في الحملة وحقق الجيش فوزا", "لا شيء هنا");
        var (groups, _) = new QueryTranslator(Lexicon).Translate("Were 3 killed when the army won?", TextLanguage.Arabic, index);
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(TextAnalyzer.Analyze("ثلاثة")[0], terms); // the digit meets the Arabic number word
        Assert.Contains(TextAnalyzer.Analyze("فوز")[0], terms);   // "won" is looked up as "win"
    }
}
