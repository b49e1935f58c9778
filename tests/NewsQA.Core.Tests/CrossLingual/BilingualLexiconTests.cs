using NewsQA.Core.CrossLingual;

namespace NewsQA.Core.Tests.CrossLingual;

public class BilingualLexiconTests
{
    private static readonly BilingualLexicon Lexicon = new(
        [
            ("chemist", ["الصيدلي"]),
            ("chemists", ["الصيادلة"]),
            ("chemistry", ["الكيمياء", "التفاعل"]),
            ("anthem", ["النشيد", "الترنيمة"]),
        ],
        [
            ("chemist", ["chemistry", "pharmacist"]),
            ("hymn", ["anthem"]),
        ]);

    [Fact]
    public void ToArabic_GivesTheWordsOwnTranslations_ThenItsInflectedSiblings_ThenTheMainTranslationOfEachRelative()
    {
        // "pharmacist" has no entry; of "chemistry" only the first translation, its main sense, is borrowed.
        Assert.Equal(["الصيدلي", "الصيادلة", "الكيمياء"], Lexicon.ToArabic("chemist"));
    }

    [Fact]
    public void ToArabic_TranslatesAWordTheDictionaryLacks_ThroughARelative()
    {
        Assert.Equal(["النشيد"], Lexicon.ToArabic("hymn"));
        Assert.Empty(Lexicon.ToArabic("psalm")); // no entry and no relative
    }

    [Fact]
    public void ToArabic_WithoutRelatedWords_KeepsToTheDictionary()
    {
        var plain = new BilingualLexicon([("chemist", ["الصيدلي"]), ("chemistry", ["الكيمياء"])]);
        Assert.Equal(["الصيدلي"], plain.ToArabic("chemist"));
    }

    [Fact]
    public void ToEnglish_AddsEachTranslationsNearestRelative()
    {
        var lexicon = new BilingualLexicon([("inflammation", ["التهاب"])], [("inflammation", ["inflame", "redness"])]);
        Assert.Equal(["inflammation", "inflame"], lexicon.ToEnglish("التهاب"));
    }
}
