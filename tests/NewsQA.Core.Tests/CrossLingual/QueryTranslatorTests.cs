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
        await TinyIndex.BuildAsync(new TestIndexer(),
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
    public async Task Translate_KeepsMultiWordTranslationsOutOfAWordsGroup_UnlessThereIsNoOther()
    {
        var lexicon = new BilingualLexicon(
        [
            ("publicly", ["علنا", "بشكل علني"]),
            ("announce", ["أعلن"]),
            ("ceasefire", ["وقف إطلاق النار"]),
        ]);
        var (groups, _) = new QueryTranslator(lexicon).Translate("Did they publicly announce a ceasefire?", TextLanguage.Arabic, await IndexAsync());

        var publicly = Assert.Single(groups, g => g.Terms.Contains(TextAnalyzer.Analyze("علنا")[0]));
        Assert.DoesNotContain(TextAnalyzer.Analyze("بشكل")[0], publicly.Terms); // "بشكل" alone is not "publicly"
        // With no one-word translation, each word of the phrase is a group sharing the word's weight: all must match.
        var ceasefire = groups.Where(g => g.Terms.Any(t => TextAnalyzer.Analyze("وقف إطلاق النار").Contains(t))).ToList();
        Assert.Equal(3, ceasefire.Count);
        Assert.All(ceasefire, g => Assert.Equal(1.0 / 3, g.Weight, 6));
    }

    [Fact]
    public async Task GramGroups_ComeFromTheTranslationsAsWritten_NotFromTheirStems()
    {
        var lexicon = new BilingualLexicon([("volunteering", ["التطوع"])]);
        var (groups, _) = new QueryTranslator(lexicon).Translate("What about volunteering?", TextLanguage.Arabic, await IndexAsync());
        var grams = QueryTranslator.GramGroups(groups, 0.25).SelectMany(g => g.Terms).ToList();
        // The articles' grams come from their words ("التطوع"), so the translation's grams must too.
        Assert.Equal(CharacterGrams.Analyze("التطوع").Distinct(), grams);
    }

    [Fact]
    public async Task Translate_LooksForNamesOnlyForCapitalizedOrUnknownWords()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(), "قال السوداني إن القوات باقية", "مدينة كبيرة");
        var translator = new QueryTranslator(new BilingualLexicon([("sudani", ["مدينة"])]));
        var name = TextAnalyzer.Analyze("السوداني")[0];

        var known = translator.Translate("what of sudani", TextLanguage.Arabic, index).Groups;
        Assert.DoesNotContain(name, known.SelectMany(g => g.Terms)); // a lower-case dictionary word is not a name
        Assert.Contains(name, translator.Translate("What of Sudani", TextLanguage.Arabic, index).Groups.SelectMany(g => g.Terms));
        Assert.Contains(name, translator.Translate("what of soudani", TextLanguage.Arabic, index).Groups.SelectMany(g => g.Terms)); // unknown word
    }

    [Fact]
    public async Task Translate_ReadsAlBeforeAHyphen_AsTheArticleOfAName()
    {
        var translator = new QueryTranslator(new BilingualLexicon([("al", ["البيرة"])]));
        var index = await IndexAsync();
        var ale = TextAnalyzer.Analyze("البيرة")[0];
        Assert.DoesNotContain(ale, translator.Translate("What did al-Sudani say?", TextLanguage.Arabic, index).Groups.SelectMany(g => g.Terms));
        Assert.Contains(TextAnalyzer.Analyze("السوداني")[0], translator.Translate("What did al-Sudani say?", TextLanguage.Arabic, index).Groups.SelectMany(g => g.Terms));
        Assert.Contains(ale, translator.Translate("an al fresco lunch", TextLanguage.Arabic, index).Groups.SelectMany(g => g.Terms)); // no hyphen: a word
    }

    [Fact]
    public void FineShapes_PreferTheCloserLetters()
    {
        var sayyid = TransliterationKey.FineShapeFromLatin("Sayyid");
        Assert.Equal(TransliterationKey.ShapeFromArabic("سيد"), TransliterationKey.ShapeFromArabic("زياد")); // same coarse shape
        Assert.True(TransliterationKey.Distance(sayyid, TransliterationKey.FineShapeFromArabic("سيد"))
                    < TransliterationKey.Distance(sayyid, TransliterationKey.FineShapeFromArabic("زياد")));
    }

    [Fact]
    public async Task StructuredQuery_ScoresAGroupAsOneTerm()
    {
        var index = await IndexAsync();
        var single = LexicalScorer.Search(index, new RetrievalQuery([], "") { Groups = [new QueryGroup(["قاعد"], 1)] }, true, false, 5, 0.9, 0.4).Keyword;
        var ambiguous = LexicalScorer.Search(index, new RetrievalQuery([], "") { Groups = [new QueryGroup(["قاعد", "اساس", "zzz"], 1)] }, true, false, 5, 0.9, 0.4).Keyword;
        Assert.Equal(single[0].Score, ambiguous[0].Score, 5); // alternatives that never occur add nothing
    }

    [Fact]
    public async Task Translate_ArabicQuestion_IntoEnglishTerms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(), "The prime minister said troops would stay at the base.", "Advisers remain.");
        var (groups, _) = new QueryTranslator(Lexicon).Translate("ماذا قال رئيس الوزراء عن القوات؟", TextLanguage.English, index);
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(PorterStemmer.Stem("minister"), terms);
        Assert.Contains(PorterStemmer.Stem("troops"), terms);
    }

    [Fact]
    public async Task Translate_MatchesNumberWordsAndDigits_AndIrregularPastForms()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(), "قتل ثلاثة مسلحين في الحملة وحقق الجيش فوزا", "لا شيء هنا");
        var (groups, _) = new QueryTranslator(Lexicon).Translate("Were 3 killed when the army won?", TextLanguage.Arabic, index);
        var terms = groups.SelectMany(g => g.Terms).ToList();
        Assert.Contains(TextAnalyzer.Analyze("ثلاثة")[0], terms); // the digit meets the Arabic number word
        Assert.Contains(TextAnalyzer.Analyze("فوز")[0], terms);   // "won" is looked up as "win"
    }

    [Fact]
    public async Task Translate_MatchesANameWhoseStemLostItsFirstLetter_BothWays()
    {
        // Stemming takes ب off بغداد as if it were the preposition: the index holds غداد.
        Assert.Equal("غداد", TextAnalyzer.Analyze("بغداد")[0]);
        var arabic = await TinyIndex.BuildAsync(new TestIndexer(), "وصل الوفد إلى بغداد أمس", "لا شيء هنا");
        var translator = new QueryTranslator(new BilingualLexicon([]));
        Assert.Contains("غداد", translator.Translate("Who arrived in Baghdad?", TextLanguage.Arabic, arabic).Groups.SelectMany(g => g.Terms));

        var english = await TinyIndex.BuildAsync(new TestIndexer(), "The delegation reached Baghdad yesterday.", "Nothing here.");
        Assert.Contains(PorterStemmer.Stem("baghdad"), translator.Translate("من وصل إلى بغداد؟", TextLanguage.English, english).Groups.SelectMany(g => g.Terms));
    }

    [Fact]
    public void LonePrepositionPrefix_IsTheSingleLetterStemmingTakesOff()
    {
        Assert.Equal('ب', ArabicLightStemmer.LonePrepositionPrefix("بغداد"));
        Assert.Null(ArabicLightStemmer.LonePrepositionPrefix("بالعراق")); // the article prefix, not a lone letter
        Assert.Null(ArabicLightStemmer.LonePrepositionPrefix("بيت"));     // too short to lose a letter
    }

    [Fact]
    public async Task Translate_MarksLexiconGaps_AndAlternativeGrams_ForAnswerEvidence()
    {
        var translator = new QueryTranslator(Lexicon);
        var (groups, _) = translator.Translate("Did the troops see the quarterback, Zzyzx?", TextLanguage.Arabic, await IndexAsync());
        Assert.False(Assert.Single(groups, g => g.Terms.Contains("quarterback")).AbsenceCounts); // a lower-case gap
        Assert.True(Assert.Single(groups, g => g.Terms.Contains("zzyzx")).AbsenceCounts);        // an unknown name
        Assert.True(Assert.Single(groups, g => g.Terms.Contains(TextAnalyzer.Analyze("القوات")[0])).AbsenceCounts);
        Assert.All(QueryTranslator.GramGroups(groups, 0.25), g => Assert.False(g.IsEvidence));
    }

    [Fact]
    public async Task Translate_MakesNoEmptyGroup_ForAPhraseThatTranslatesToStopWords()
    {
        var index = await TinyIndex.BuildAsync(new TestIndexer(), "It is what it is.", "Nothing here.");
        var translator = new QueryTranslator(new BilingualLexicon([("it is", ["إنه هو"])]));
        var (groups, _) = translator.Translate("إنه هو", TextLanguage.English, index);
        Assert.Empty(groups);
    }
}
