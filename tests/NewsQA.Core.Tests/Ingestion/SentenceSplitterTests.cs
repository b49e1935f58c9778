using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Ingestion;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text) =>
        [.. SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length))];

    [Fact]
    public void Split_EndsSentencesAtArabicAndLatinMarks() =>
        Assert.Equal(["هل انسحبت القوات؟", "نعم!", "It did."], Sentences("هل انسحبت القوات؟ نعم! It did."));

    [Fact]
    public void Split_NeverBreaksInsideANumber() =>
        Assert.Equal(["Troops rose by 2.5 percent to 4.000 men.", "Then fell."], Sentences("Troops rose by 2.5 percent to 4.000 men. Then fell."));

    [Fact]
    public void Split_KeepsOneLetterAbbreviations() =>
        Assert.Single(Sentences("وأكد الخبير الأمنى د. جاسم محمد أن الجيش اكتسب خبرة."));

    [Fact]
    public void Split_KeepsClosingQuoteWithItsSentence() =>
        Assert.Equal(["قال \"نحن باقون.\"", "ثم غادر."], Sentences("قال \"نحن باقون.\" ثم غادر."));

    [Fact]
    public void Split_BreaksAtLineEnds() =>
        Assert.Equal(["سطر أول", "سطر ثان"], Sentences("سطر أول\nسطر ثان"));
}
