using System.Text.Json;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Summaries;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// What a citation's dialog shows: its outlet, publication date and paragraph number (those it has), the paragraph,
/// a link to our source page (the paragraph with the cited sentence highlighted) and one to the article. The title is
/// there only where the dialog's name had to shorten it. Teams gets it as an Adaptive Card, each block right to left
/// when its own text is Arabic; Web Chat as Markdown with the cited sentence in bold (the page gives each block the
/// direction of its text). Labels are in the answer's language.
/// </summary>
public static class CitationCard
{
    public static string Markdown(Citation citation, string name, TextLanguage language, Uri sourcePage)
    {
        var p = citation.Passage;
        var s = citation.Sentence;
        var title = name.StartsWith(p.Title, StringComparison.Ordinal) ? string.Empty : $"**{p.Title}**\n\n";
        var links = Links(citation, language, sourcePage).Select(l => $"[{l.Label}](<{l.Url}>)");
        return $"{title}{Credit(citation, language)}\n\n{p.Text[..s.Start]}**{p.Text.Substring(s.Start, s.Length)}**{p.Text[s.End..]}\n\n{string.Join(" · ", links)}";
    }

    public static string AdaptiveCard(Citation citation, TextLanguage language, Uri sourcePage)
    {
        var p = citation.Passage;
        var arabic = language == TextLanguage.Arabic;
        var body = new List<object>
        {
            Block(BidiText.IsRightToLeft(p.Title), new { type = "TextBlock", text = p.Title, weight = "Bolder", wrap = true }),
            Block(arabic, new { type = "TextBlock", text = Credit(citation, language), isSubtle = true, wrap = true }),
            Block(BidiText.IsRightToLeft(p.Text), new { type = "TextBlock", text = p.Text, wrap = true }),
            Block(arabic, new { type = "TextBlock", text = string.Join(" · ", Links(citation, language, sourcePage).Select(l => $"[{l.Label}]({l.Url})")), wrap = true }),
        };
        return JsonSerializer.Serialize(new { type = "AdaptiveCard", version = "1.5", rtl = arabic, body });
    }

    // A container carries the direction (Adaptive Cards 1.5 sets rtl on containers, not on text blocks).
    private static object Block(bool rightToLeft, object item) => new { type = "Container", rtl = rightToLeft, items = new[] { item } };

    // "Tigris Daily — 5 March 2024 — ¶3": what is known of the article, never a guessed date.
    private static string Credit(Citation citation, TextLanguage language)
    {
        var article = citation.Article;
        string?[] parts = [article?.Source, article?.Published is { } date ? AnswerDates.Format(date, language) : null, BidiText.Paragraph(citation.Passage.Paragraph)];
        return string.Join(" — ", parts.OfType<string>());
    }

    private static IEnumerable<(string Label, string Url)> Links(Citation citation, TextLanguage language, Uri sourcePage)
    {
        var arabic = language == TextLanguage.Arabic;
        yield return (arabic ? "الجملة في فقرتها" : "The sentence in its paragraph", sourcePage.ToString());
        if (citation.Article?.Url is { } url) yield return (arabic ? "اقرأ المقال" : "Read the article", url);
    }
}
