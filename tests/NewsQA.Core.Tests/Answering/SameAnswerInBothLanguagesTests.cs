using NewsQA.Core.Answering.Kinds;
using NewsQA.Core.Answering.ShortAnswers;
using NewsQA.Core.Tests.Support;

namespace NewsQA.Core.Tests.Answering;

/// <summary>
/// An English question and its Arabic counterpart reach the same passage, the same short answer and the same level; for
/// the English reader only names are romanized (the Arabic beside), a number keeps what it counts, and another span is
/// not romanized at all.
/// </summary>
public class SameAnswerInBothLanguagesTests : IAsyncLifetime
{
    private AnsweringServices _services = null!;

    public async Task InitializeAsync() => _services = await AnsweringServices.CreateAsync(settings: new() { ["Answering:MinAnswered"] = "0", ["Answering:MinShortAnswerConfidence"] = "0" });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData("من هو قائد القوات الفرنسية في الشرق الأوسط؟", "Who commands the French forces in the Middle East?", SpanKind.Person)]
    [InlineData("كم رفع الناتو عدد جنوده في العراق؟", "How many soldiers did NATO's mission in Iraq grow to under Jens Stoltenberg?", SpanKind.Number)]
    public async Task APair_ReachesTheSamePassage_ShortAnswerAndLevel(string arabic, string english, SpanKind kind)
    {
        var ar = await _services.Answers.AskAsync(_services.Index, arabic);
        var en = await _services.Answers.AskAsync(_services.Index, english);

        Assert.Equal(ar.Citations[0].Passage.Id, en.Citations[0].Passage.Id);
        Assert.Equal(ar.Confidence, en.Confidence);
        Assert.Equal(kind, ar.ShortAnswer!.Kind);
        Assert.Equal(ar.ShortAnswer.Original, en.ShortAnswer!.Original);
        Assert.DoesNotContain(en.ShortAnswer.Text, c => c is >= '\u0600' and <= '\u06FF'); // written for the English reader
        if (kind == SpanKind.Person)
        {
            Assert.True(en.ShortAnswer.Transliterated);
            Assert.Contains($"«{ar.ShortAnswer.Original}»", en.Text); // the Arabic beside the romanized name
        }
        else
        {
            Assert.False(en.ShortAnswer.Transliterated);
            Assert.Matches("^[0-9,]+ [a-z]+", en.ShortAnswer.Text); // the number with what it counts, in English
        }
    }

    [Fact]
    public void APhraseOfNoKind_IsNeverRomanized() =>
        Assert.Equal(("أسود الجزيرة", false), ShortAnswerRenderer.ForEnglishReader("أسود الجزيرة", null, null));
}
