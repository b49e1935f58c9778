using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Indexing;
using NewsQA.Core.Tests.Support;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// Names learnt from the articles' own cues and recognized where no cue stands, and the stretches that are never names;
/// sentences written like news prose for these tests, in both languages.
/// </summary>
public class EntityRecognitionTests
{
    private static List<(SpanKind Kind, string Text)> Spans(string sentence, EntityLexicon? lexicon = null)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        return [.. TypedSpanFinder.Find(sentence, tokens, lexicon).Select(s => (s.Kind, sentence[tokens[s.Start].Start..(tokens[s.End - 1].Start + tokens[s.End - 1].Length)]))];
    }

    [Theory]
    [InlineData("وقال وزير الدفاع التركي أحمد يلماز إن المحادثات مستمرة.", "وأكد يلماز أن الجانبين اتفقا.", "يلماز")]
    [InlineData("Defence ministry spokesman Colonel Omar Haddad said the talks went on.", "Haddad told reporters the two sides agreed.", "Haddad")]
    public void AName_IntroducedByItsTitle_IsAPersonWhereItStandsAlone(string introduced, string alone, string name)
    {
        Assert.DoesNotContain((SpanKind.Person, name), Spans(alone, EntityLexicon.Empty));
        var lexicon = EntityMiner.Mine([introduced]).With(EntityLexicon.General);
        Assert.Contains((SpanKind.Person, name), Spans(alone, lexicon));
    }

    [Fact]
    public void APlaceAfterABarePreposition_IsAPlaceOnlyWhenTheArticlesNameItAsOne()
    {
        const string Sentence = "ويختبئ المسلحون في الجبال منذ أشهر، فيما تنتشر القوات في الرطبة.";
        Assert.DoesNotContain(Spans(Sentence, EntityLexicon.Empty), s => s.Kind == SpanKind.Place);
        var lexicon = EntityMiner.Mine(["وصلت التعزيزات إلى قضاء الرطبة غربي البلاد."]);
        Assert.Equal([(SpanKind.Place, "الرطبة")], Spans(Sentence, lexicon).Where(s => s.Kind == SpanKind.Place));
    }

    [Theory]
    [InlineData("من جهته، أعرب المحلل السياسي علي البيدر عن خشيته من الانسحاب.", "علي البيدر")]
    [InlineData("وجاء رد رئيس الوزراء العراقي، بتجديد مطالب بلاده بإنهاء دور التحالف الدولي.", null)]
    [InlineData("وأضاف الجنرال بقوله إن العمليات مستمرة قائلا إنها ناجحة.", null)]
    [InlineData("ونقل جنرال أميركي عن مصادر قولها إن القوات باقية.", null)]
    public void VerbsAdjectivesAndJoiningPhrases_AreNeverNames(string sentence, string? name)
    {
        var people = Spans(sentence).Where(s => s.Kind == SpanKind.Person).Select(s => s.Text).ToList();
        Assert.Equal(name is null ? [] : [name], people);
    }

    [Theory]
    [InlineData("وتبنت الهجوم جماعة تطلق على نفسها اسم سرايا الفجر الجديد، بحسب بيان.", "سرايا الفجر الجديد")]
    [InlineData("A drone attack was claimed by the Higher Resistance Council, officials said.", "Higher Resistance Council")]
    public void AnOrganization_NamedByWhatItCallsItselfOrByItsCapitals(string sentence, string organization) =>
        Assert.Contains((SpanKind.Organization, organization), Spans(sentence));

    [Fact]
    public void DescriptiveNounsWithoutADefiniteName_AreNoOrganization() =>
        Assert.DoesNotContain(Spans("ووصلت قوات أجنبية وقوات خاصة إلى المنطقة."), s => s.Kind == SpanKind.Organization);

    [Fact]
    public void EnglishCapitals_AreClassifiedByTheirCue()
    {
        var spans = Spans("About 1,500 US troops remain at Al Tanf base north of Damascus, spokesman Major General Ray Hollis said.");
        Assert.Contains((SpanKind.Number, "1,500 US troops"), spans);
        Assert.Contains((SpanKind.Place, "Al Tanf"), spans);
        Assert.Contains((SpanKind.Person, "Ray Hollis"), spans); // the titles are not part of the name
        Assert.DoesNotContain(spans, s => s.Text.Contains("Major", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheIndex_KeepsEachPassagesSpansAndEachArticlesNames_AndUpdatesThemWithTheArticle()
    {
        using var temp = new TempFolder();
        var corpus = temp.File("corpus");
        Directory.CreateDirectory(corpus);
        File.WriteAllText(Path.Combine(corpus, "a.txt"), "محادثات أمنية\n\nوقال وزير الدفاع التركي أحمد يلماز إن المحادثات مستمرة في أنقرة.\n");
        File.WriteAllText(Path.Combine(corpus, "b.txt"), "تصريحات جديدة\n\nوأكد يلماز أن الجانبين اتفقا على جولة ثانية.\n");
        await using var services = await AnsweringServices.CreateAsync(corpus: corpus);
        var indexer = services.Get<CorpusIndexer>();

        var a = services.Index.PassagesOf("a").Single();
        Assert.Contains(a.Entities!, e => e.Kind == SpanKind.Person && a.Text.Substring(e.Start, e.Length) == "أحمد يلماز");
        Assert.Equal(SpanKind.Person, CorpusNames.Of(services.Index).KindOf("يلماز"));
        // Article b never introduces the name; the corpus's names recognize it there.
        var b = services.Index.PassagesOf("b").Single();
        Assert.DoesNotContain(b.Entities!, e => e.Kind == SpanKind.Person);
        var sentence = b.Sentences[0];
        var text = b.Text.Substring(sentence.Start, sentence.Length);
        var tokens = Tokenizer.Tokenize(text);
        Assert.Contains(SentenceSpans.Of(b, sentence, text, tokens, CorpusNames.Of(services.Index)), s => s.Kind == SpanKind.Person);

        // The article rewritten without the name: its record's names go with it.
        File.WriteAllText(Path.Combine(corpus, "a.txt"), "محادثات أمنية\n\nوقالت الوزارة إن المحادثات مستمرة في أنقرة.\n");
        using var updated = (await indexer.UpdateAsync(corpus, temp.File("index2"))).Live;
        using var lease = updated.Acquire();
        Assert.Null(CorpusNames.Of(lease.Index).KindOf("يلماز"));
    }
}
