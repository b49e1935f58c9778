using System.Text.Json;
using NewsQA.Core.Answering;
using NewsQA.Core.Text;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// What a citation's dialog shows: the article's title, its outlet and publication date (when it has them), the
/// paragraph, and a link to the article. Teams gets it as an Adaptive Card, Web Chat as Markdown with the cited
/// sentence in bold. Labels are in the answer's language.
/// </summary>
public static class CitationCard
{
    public static string Markdown(Citation citation, TextLanguage language)
    {
        var p = citation.Passage;
        var s = citation.Sentence;
        var link = citation.Article?.Url is { } url ? $"\n\n[{OpenLabel(language)}](<{url}>)" : string.Empty;
        return $"**{p.Title}** — {Credit(citation, language)}\n\n{p.Text[..s.Start]}**{p.Text.Substring(s.Start, s.Length)}**{p.Text[s.End..]}{link}";
    }

    public static string AdaptiveCard(Citation citation, TextLanguage language)
    {
        var p = citation.Passage;
        var body = new List<object>
        {
            new { type = "TextBlock", text = p.Title, weight = "Bolder", wrap = true },
            new { type = "TextBlock", text = Credit(citation, language), isSubtle = true, wrap = true },
            new { type = "TextBlock", text = p.Text, wrap = true },
        };
        if (citation.Article?.Url is { } url) body.Add(new { type = "TextBlock", text = $"[{OpenLabel(language)}]({url})", wrap = true });
        return JsonSerializer.Serialize(new { type = "AdaptiveCard", version = "1.5", body });
    }

    // "Tigris Daily — 5 March 2024 — ¶3": what is known of the article, never a guessed date.
    private static string Credit(Citation citation, TextLanguage language)
    {
        var article = citation.Article;
        string?[] parts = [article?.Source, article?.Published is { } date ? AnswerDates.Format(date, language) : null, $"¶{citation.Passage.Paragraph}"];
        return string.Join(" — ", parts.OfType<string>());
    }

    private static string OpenLabel(TextLanguage language) => language == TextLanguage.Arabic ? "اقرأ المقال" : "Read the article";
}
