using NewsQA.Core.Text;

namespace NewsQA.Core.Tests.Text;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إيران", "ايران")]
    [InlineData("آلاف", "الاف")]
    [InlineData("ٱلله", "الله")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("الحكومة", "الحكومه")]
    public void Normalize_UnifiesLetterVariants(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void Normalize_RemovesDiacriticsAndTatweel() =>
        Assert.Equal("ثبت وجوده", ArabicNormalizer.Normalize("ثبّت وجـــوده"));

    [Fact]
    public void Normalize_ConvertsArabicIndicDigits() =>
        Assert.Equal("مايو 2020 و 1445", ArabicNormalizer.Normalize("مايو ٢٠٢٠ و ۱۴۴۵"));

    [Fact]
    public void Normalize_LeavesLatinTextAlone() =>
        Assert.Equal("موقع Pbs", ArabicNormalizer.Normalize("موقع Pbs"));
}
