using NewsQA.Core.CrossLingual;

namespace NewsQA.Core.Tests.CrossLingual;

public class ArabicRomanizerTests
{
    [Theory]
    [InlineData("كريم النوري", "Karim al-Nouri")] // the example
    [InlineData("برهم صالح", "Barham Salih")] // a long ا before the last consonant: CāCiC
    [InlineData("حيدر العبادي", "Haydar al-Abadi")] // ي after the first consonant is a diphthong
    [InlineData("قاسم الأعرجي", "Qasim al-Araji")] // an ayn beside a vowel is not written
    [InlineData("زاهر موسى", "Zahir Mousa")] // و between consonants, final ى
    [InlineData("نجم عبد الله الجبوري", "Najam Abdullah al-Jabouri")] // عبد joins its word
    [InlineData("عبد الأمير الشمري", "Abdul Amir al-Shamri")]
    [InlineData("طالب شغاتي", "Talib Shaghati")] // digraphs sh, gh
    [InlineData("بغداد", "Baghdad")]
    public void Romanize_WritesArabicNamesAsEnglishNewsSpellsThem(string arabic, string latin) =>
        Assert.Equal(latin, ArabicRomanizer.Romanize(arabic));

    [Fact]
    public void Romanize_IgnoresDiacriticsAndKeepsLatinWords()
    {
        Assert.Equal("Karim", ArabicRomanizer.Romanize("كَرِيم"));
        Assert.Equal("Pbs", ArabicRomanizer.Romanize("Pbs"));
    }
}
