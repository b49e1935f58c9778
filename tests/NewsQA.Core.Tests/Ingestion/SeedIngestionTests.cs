using NewsQA.Core.Configuration;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Ingestion;

public class SeedIngestionTests
{
    private static (ParsedArticle Article, List<Passage> Passages) Load(string documentId)
    {
        var warnings = new List<CorpusWarning>();
        var file = CorpusReader.Read(SeedCorpus.Folder, warnings, CorpusOptions.DefaultMaxFileBytes).Single(f => f.DocumentId == documentId);
        return ArticleLoader.Load(file, 1200);
    }

    private static string AllText(List<Passage> passages) => string.Join("\n", passages.Select(p => p.Text + "\n" + p.Heading));

    [Theory]
    [InlineData("000_ab59f3dd8cbc7909", "التحالف الدولي والحشد الشعبي بالعراق.. بوادر تنسيق", 14)]
    [InlineData("001_d149adc8417d1233", "الصدام بين الفصائل والقوات الامريكية", 10)]
    [InlineData("002_fccf310b8a8da4fc", "جنرال أميركي: الجانب العراقي يريد الحفاظ على علاقة عسكرية طبيعية مع التحالف الدولي", 15)]
    [InlineData("003_c19a34fae10a2c98", "إعلان إنهاء العمليات القتالية للتحالف الدولي في العراق رغم استمرار تنظيم الدولة بعملياته", 15)]
    [InlineData("004_b3be516e15497fde", "عقب غارة أمريكية استهدفت مقر الحشد الشعبي، وأودت…", 19)]
    public void Load_GivesEachSeedItsTitleAndParagraphs(string documentId, string title, int paragraphs)
    {
        var (article, passages) = Load(documentId);
        Assert.Equal(title, article.Title);
        Assert.Equal(paragraphs, article.Paragraphs.Count);
        Assert.Equal(Enumerable.Range(1, paragraphs), passages.Select(p => p.Paragraph).Distinct());
        Assert.All(passages, p => Assert.Equal(documentId, p.DocumentId));
    }

    [Fact]
    public void Load_RemovesWebChromeCommentFormAndPopularSidebar()
    {
        var text = AllText(Load("001_d149adc8417d1233").Passages);
        foreach (var chrome in new[] { "Analytics", "Web", "ترك الرد", "من فضلك ادخل تعليقك", "الأكثر شعبية", "العواصف تعطل الدوام", "من اجل عراق حر", "الرئيسية سياسة" })
        {
            Assert.DoesNotContain(chrome, text);
        }
    }

    [Fact]
    public void Load_RemovesCommentFormAndTrailingTop_AndKeepsTranslatedSourceAsMetadata()
    {
        var (article, passages) = Load("002_fccf310b8a8da4fc");
        var text = AllText(passages);
        Assert.DoesNotContain("اترك تعليقك", text);
        Assert.DoesNotContain("تغيير رمز التحقق", text);
        Assert.DoesNotContain("Top", text);
        Assert.DoesNotContain(article.Title, text); // the title printed twice is in neither passage
        Assert.Equal("Pbs الأميركي", article.Source);
    }

    [Fact]
    public void Load_DropsCaptionsPrintedTwice_AndKeepsSourceLine()
    {
        var (article, passages) = Load("000_ab59f3dd8cbc7909");
        var text = AllText(passages);
        Assert.DoesNotContain("النوري: رفضنا مشاركة التحالف سابقا", text);
        Assert.DoesNotContain("موسى: تأخر تحرير تكريت", text);
        Assert.DoesNotContain("المصدر", text);
        Assert.Equal("الجزيرة", article.Source);
        Assert.Contains(passages, p => p.Heading == "تطمينات");
    }

    [Fact]
    public void Load_DropsThePhotosEnglishCaption_AboveItsCreditedArabicCaption()
    {
        var (_, passages) = Load("003_c19a34fae10a2c98");
        var text = AllText(passages);
        Assert.DoesNotContain("Lieutenant-General Abdul Amir al-Shammari", text);
        Assert.DoesNotContain("اجتماع بين قادة أمنيين عراقيين", text);
        Assert.StartsWith("بغداد – أعلن العراق الخميس الماضي", passages[0].Text);
    }

    [Fact]
    public void Load_KeepsTextExactlyAsWritten()
    {
        var (_, passages) = Load("003_c19a34fae10a2c98");
        var source = File.ReadAllText(SeedCorpus.PathOf("003_c19a34fae10a2c98"));
        Assert.All(passages, p => Assert.Contains(p.Text, source));
        Assert.Contains(passages, p => p.Text.Contains("ثبّت وجوده", StringComparison.Ordinal)); // diacritics kept in text
    }

    [Fact]
    public void Load_GivesSentenceOffsetsInsideThePassage()
    {
        var (_, passages) = Load("002_fccf310b8a8da4fc");
        var passage = passages.First(p => p.Text.StartsWith("العقيد نوروزا", StringComparison.Ordinal));
        Assert.Equal(2, passage.Sentences.Count);
        Assert.EndsWith("ثلاثة عقود.", passage.Text.Substring(passage.Sentences[0].Start, passage.Sentences[0].Length));
        Assert.StartsWith("ومنذ العام 2018", passage.Text.Substring(passage.Sentences[1].Start, passage.Sentences[1].Length));
    }

    [Fact]
    public void Load_DerivesTitle_WhenTheFirstLineIsAParagraph()
    {
        var (article, passages) = Load("004_b3be516e15497fde");
        Assert.EndsWith("…", article.Title);
        Assert.StartsWith("عقب غارة أمريكية", passages[0].Text); // the first line is still the first paragraph
    }
}
