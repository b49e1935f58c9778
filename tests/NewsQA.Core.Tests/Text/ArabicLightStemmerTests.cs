using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public class ArabicLightStemmerTests
{
    private static string Stem(string word) => ArabicLightStemmer.Stem(ArabicNormalizer.Normalize(word));

    [Theory]
    [InlineData("التحالف", "تحالف")]
    [InlineData("والتحالف", "تحالف")]
    [InlineData("بالتحالف", "تحالف")]
    [InlineData("للتحالف", "تحالف")]
    [InlineData("وبالتحالف", "تحالف")]
    public void Stem_StripsConjunctionPrepositionAndArticle(string word, string expected) =>
        Assert.Equal(expected, Stem(word));

    [Theory]
    [InlineData("القوات", "قو")]
    [InlineData("المسلحون", "مسلح")]
    [InlineData("المسلحين", "مسلح")]
    [InlineData("العراقية", "عراق")]
    [InlineData("العراقيين", "عراق")]
    [InlineData("قواعدها", "قواعد")]
    public void Stem_StripsInflectionalSuffixes(string word, string expected) =>
        Assert.Equal(expected, Stem(word));

    [Fact]
    public void Stem_ConflatesForms_ThatAQuestionAndAnArticleUse()
    {
        // A question says "العراقي", the article "والعراقيين" and "العراقية": one stem, so BM25 matches them.
        var stems = new[] { "العراقي", "والعراقيين", "العراقية", "عراقية" }.Select(Stem).Distinct().ToList();
        Assert.Single(stems);
    }

    [Theory]
    [InlineData("بين")]
    [InlineData("بلد")]
    [InlineData("كتب")]
    [InlineData("فرق")]
    public void Stem_KeepsShortWordsThatStartWithAPrepositionLetter(string word) =>
        Assert.Equal(word, Stem(word));

    [Fact]
    public void Stem_StripsPrepositionFromLongWords() => Assert.Equal(Stem("قوات"), Stem("لقوات"));

    [Fact]
    public void Stem_NeverLeavesFewerThanTwoLetters()
    {
        foreach (var word in new[] { "ها", "بها", "وله", "الي", "ان" })
        {
            Assert.True(Stem(word).Length >= 2, word);
        }
    }
}
