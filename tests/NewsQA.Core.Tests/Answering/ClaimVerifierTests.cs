using Microsoft.Extensions.Options;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Configuration;
using NewsQA.Core.CrossLingual;
using NewsQA.Core.Ingestion;

namespace NewsQA.Core.Tests.Answering;

public class ClaimVerifierTests
{
    private const string Nouri = "وقال المتحدث باسم الحشد الشعبي كريم النوري، للجزيرة نت إن الفصائل الشيعية ليست على خلاف مع التحالف الدولي.";
    private const string Nato = "ورفع الناتو عدد جنوده في العراق من 500 الى 4000 فرد، بينهم نحو 2500 جندي امريكي.";

    private static readonly ClaimVerifier Verifier = Create();

    private static ClaimVerifier Create() => new(QueryTranslator.FromFiles(new RetrievalOptions().ResolvedLexiconPath, null));

    private static Passage P(string text) => new("p", "d", "t", 1, 1, null, text, SentenceSplitter.Split(text));

    [Fact]
    public void Split_KeepsEachSentencesMarkers_AndGivesAMarkerAfterTheFullStopToTheSentenceBefore()
    {
        var claims = ClaimVerifier.Split("الأول هنا [1]. والثاني هنا. [2][3] والثالث بلا علامة.");

        Assert.Equal([[1], [2, 3], []], claims.Select(c => c.Markers.ToArray()));
    }

    [Fact]
    public void Supported_DropsASentenceWhoseMarkersAreAllInvented()
    {
        var claims = ClaimVerifier.Split("المتحدث باسم الحشد الشعبي هو كريم النوري [1]. والمتحدث هو كريم النوري [7].");

        var kept = Verifier.Supported(claims, [P(Nouri)]);

        Assert.Equal([[1]], kept.Select(c => c.Markers.ToArray()));
    }

    [Fact]
    public void Supported_DropsANumberTheCitationDoesNotHold_EvenWhenTheWordsAreThere()
    {
        var claims = ClaimVerifier.Split("رفع الناتو عدد جنوده في العراق إلى 4000 [1]. رفع الناتو عدد جنوده في العراق إلى 9000 [1].");

        Assert.Equal([claims[0]], Verifier.Supported(claims, [P(Nato)]));
    }

    [Fact]
    public void Supported_JudgesAnUnmarkedSentenceByTheCitationOfTheMarkedOneAfterIt()
    {
        var claims = ClaimVerifier.Split("كريم النوري هو المتحدث باسم الحشد الشعبي. وقال إن الفصائل ليست على خلاف مع التحالف [2].");

        Assert.Equal(2, Verifier.Supported(claims, [P(Nato), P(Nouri)]).Count);
        Assert.Empty(Verifier.Supported(claims, [P(Nouri), P(Nato)])); // cited to the NATO passage, neither is supported
    }

    [Fact]
    public void Supports_AnEnglishClaim_ByItsArabicSource_NamesBySound_NumbersByValue()
    {
        Assert.True(Verifier.Supports("The spokesman Karim al-Nouri said the factions are not at odds with the coalition", [Nouri]));
        Assert.False(Verifier.Supports("The spokesman Hadi al-Amiri said the factions are not at odds with the coalition", [Nouri]));
        Assert.True(Verifier.Supports("NATO raised its troops in Iraq to 4,000", [Nato]));
        Assert.False(Verifier.Supports("NATO raised its troops in Iraq to 6,000", [Nato]));
    }

    [Fact]
    public void KeepSupported_RebuildsTheTextFromTheKeptSentences_ParagraphsKept()
    {
        var text = "المتحدث باسم الحشد الشعبي هو كريم النوري [1]. وتبلغ ميزانية الحشد مليار دولار [1].\n- رفع الناتو عدد جنوده إلى 4000 فرد [2]";

        Assert.Equal("المتحدث باسم الحشد الشعبي هو كريم النوري [1].\n- رفع الناتو عدد جنوده إلى 4000 فرد [2]", Verifier.KeepSupported(text, [P(Nouri), P(Nato)]));
    }
}
