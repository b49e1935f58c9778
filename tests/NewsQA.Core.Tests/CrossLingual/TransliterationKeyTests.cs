using NewsQA.Core.CrossLingual;
using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.CrossLingual;

public class TransliterationKeyTests
{
    [Theory]
    [InlineData("sudani", "السوداني")]
    [InlineData("mckenzie", "ماكنزي")]
    [InlineData("baghdad", "بغداد")]
    [InlineData("khaled", "خالد")]
    [InlineData("stoltenberg", "ستولتنبرغ")]
    [InlineData("panthers", "بانثرز")]
    [InlineData("austin", "أوستن")]
    public void Keys_AgreeAcrossScripts(string latin, string arabic) =>
        Assert.Equal(TransliterationKey.FromLatin(latin), TransliterationKey.FromArabic(ArabicNormalizer.Normalize(arabic)));

    [Fact]
    public void Keys_IgnoreTheArticleAndSpellingVariants()
    {
        Assert.Equal(TransliterationKey.FromLatin("sudani"), TransliterationKey.FromLatin("soudani"));
        Assert.Equal(TransliterationKey.FromArabic("السوداني"), TransliterationKey.FromArabic("سوداني"));
        Assert.Equal(TransliterationKey.FromLatin("mckenzie"), TransliterationKey.FromLatin("mackenzie"));
    }

    [Fact]
    public void Keys_DifferForDifferentNames() =>
        Assert.NotEqual(TransliterationKey.FromLatin("baghdad"), TransliterationKey.FromLatin("basra"));

    [Fact]
    public void Shapes_PreferTheNameWithVowelsInTheSamePlaces()
    {
        var bowl = TransliterationKey.ShapeFromLatin("bowl");
        Assert.True(TransliterationKey.Distance(bowl, TransliterationKey.ShapeFromArabic("بول")) < TransliterationKey.Distance(bowl, TransliterationKey.ShapeFromArabic("بابل")));
    }
}
