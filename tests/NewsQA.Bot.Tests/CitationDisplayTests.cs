using System.Text.Json;
using NewsQA.Bot.Conversation;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Ingestion;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Tests;

/// <summary>How a citation is named and shown in Teams and Web Chat, and how mixed Arabic and English text is kept in order.</summary>
public class CitationDisplayTests
{
    private const string ArabicSentence = "وعلق وزير الدفاع الأمريكى لويد أوستن قائلا: هذه الهجمات يجب أن تتوقف.";
    private static readonly Uri SourcePage = new("https://bot.example/sources/p1?start=0&length=10");

    private static Citation Cite(string title, string text, int paragraph = 7) =>
        new(1, new Passage("p1", "d1", title, paragraph, 1, null, text, SentenceSplitter.Split(text)), new SentenceSpan(0, text.Length));

    [Fact]
    public void ALongTitle_IsCutAfterAWholeWordWithAnEllipsis_AndTheParagraphNumberStaysInTheName()
    {
        var title = string.Join(' ', Enumerable.Repeat("التحالف الدولي والحشد الشعبي بالعراق", 5));
        var passage = Cite(title, ArabicSentence, paragraph: 12).Passage;

        var name = CitationName.Of(passage, 80);
        var dated = CitationName.Of(passage, 80, "5 March 2024");

        Assert.True(name.Length <= 80, name);
        Assert.EndsWith($"… {BidiText.Paragraph(12)}", name);
        var kept = name[..name.IndexOf('…', StringComparison.Ordinal)];
        Assert.StartsWith(kept, title, StringComparison.Ordinal);
        Assert.Equal(' ', title[kept.Length]); // cut where a word ends
        Assert.EndsWith($"{BidiText.Paragraph(12)} — 5 March 2024", dated);
        Assert.True(dated.Length <= 80, dated);
        Assert.Equal($"Short title {BidiText.Paragraph(3)}", CitationName.Of(Cite("Short title", ArabicSentence, 3).Passage, 80));
    }

    [Fact]
    public void TheParagraphNumber_IsIsolatedLeftToRight_SoAnArabicLineShowsItAsWritten() =>
        Assert.Equal("\u2066¶8\u2069", BidiText.Paragraph(8));

    [Theory]
    [InlineData("**Lloyd Austin** (transliterated from the Arabic «لويد أوستن») [1]", "**Lloyd Austin** (transliterated from the Arabic «\u2067لويد أوستن\u2069») [1]")]
    [InlineData("مرحبا! أنا NewsQA، أجيب عن الأسئلة.", "مرحبا! أنا \u2066NewsQA\u2069، أجيب عن الأسئلة.")]
    [InlineData("> «وعلق وزير الدفاع.» [1]", "> «وعلق وزير الدفاع.» [1]")]
    [InlineData("The articles (in Arabic) say:\n> «قال المتحدث Karim Nouri إن» [2]", "The articles (in Arabic) say:\n> «قال المتحدث \u2066Karim Nouri\u2069 إن» [2]")]
    public void RunsAgainstTheLinesDirection_AreIsolated_WithTheirPunctuationLeftOutside(string text, string expected) =>
        Assert.Equal(expected, BidiText.IsolateRuns(text));

    [Fact]
    public void TheWebChatDialog_LinksTheHighlightedSentence_AndRepeatsTheTitleOnlyWhenItsNameCutIt()
    {
        var shortTitle = Cite("الصدام بين الفصائل", ArabicSentence);
        var longTitle = Cite(string.Join(' ', Enumerable.Repeat("التحالف الدولي والحشد الشعبي", 6)), ArabicSentence);

        var plain = CitationCard.Markdown(shortTitle, CitationName.Of(shortTitle.Passage, 80), TextLanguage.English, SourcePage);
        var cut = CitationCard.Markdown(longTitle, CitationName.Of(longTitle.Passage, 80), TextLanguage.English, SourcePage);

        Assert.Contains($"[The sentence in its paragraph](<{SourcePage}>)", plain);
        Assert.DoesNotContain("الصدام بين الفصائل", plain);
        Assert.StartsWith($"**{longTitle.Passage.Title}**", cut);
        Assert.Contains($"**{ArabicSentence}**", plain);
    }

    [Fact]
    public void TheTeamsCard_GivesEachBlockTheDirectionOfItsOwnText_AndLinksTheHighlightedSentence()
    {
        var card = JsonDocument.Parse(CitationCard.AdaptiveCard(Cite("الصدام بين الفصائل", ArabicSentence), TextLanguage.English, SourcePage)).RootElement;

        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.False(card.GetProperty("rtl").GetBoolean()); // the answer, and so the labels, are English
        var blocks = card.GetProperty("body").EnumerateArray().Select(b => (Rtl: b.GetProperty("rtl").GetBoolean(), Text: b.GetProperty("items")[0].GetProperty("text").GetString()!)).ToList();
        Assert.Contains(blocks, b => b.Rtl && b.Text == ArabicSentence);
        Assert.Contains(blocks, b => b.Rtl && b.Text == "الصدام بين الفصائل");
        Assert.Contains(blocks, b => !b.Rtl && b.Text.Contains($"[The sentence in its paragraph]({SourcePage})", StringComparison.Ordinal));
    }
}
