using System.Text.Json.Nodes;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;
using NewsQA.Core.Answering.Grounding;
using NewsQA.Core.Answering.Summaries;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// The one schema.org Message entity that carries an answer's AI label and citations, shaped for the channel that
/// renders it: Teams shows an Adaptive Card of the paragraph and opens the article's own link (our source page when it
/// has none); Web Chat opens a dialog with the paragraph in Markdown (the cited sentence in bold) and the article's
/// link. Each citation's outlet and publication date are in its card and among its keywords (Teams shows them on
/// hover). Limits are Teams': 20 citations, names of 80 characters, abstracts of 160, three keywords of 28.
/// </summary>
public static class CitationEntity
{
    public const int MaxCitations = 20;
    private const int MaxName = 80;
    private const int MaxAbstract = 160;
    private const int MaxKeywords = 3;
    private const int MaxKeyword = 28;

    public static JsonObject Create(Answer answer, string channelId, Func<Citation, Uri> sourcePage)
    {
        var webChat = BotChannels.IsWebChat(channelId);
        var claims = new JsonArray();
        foreach (var citation in answer.Citations.Take(MaxCitations))
        {
            var passage = citation.Passage;
            var sentence = passage.Text.Substring(citation.Sentence.Start, citation.Sentence.Length);
            var name = CitationName.Of(passage, MaxName);
            var page = sourcePage(citation);
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = name,
                ["abstract"] = BidiText.Isolated(CitationName.Shorten(sentence, MaxAbstract - 2)),
                ["text"] = webChat ? CitationCard.Markdown(citation, name, answer.Language, page) : CitationCard.AdaptiveCard(citation, answer.Language, page),
                ["encodingFormat"] = webChat ? "text/markdown" : "application/vnd.microsoft.card.adaptive",
                ["keywords"] = new JsonArray([.. Keywords(citation).Select(k => (JsonNode)JsonValue.Create(k))]),
                ["image"] = new JsonObject { ["@type"] = "ImageObject", ["name"] = "Text" },
            };
            // Web Chat opens a dialog for a citation without a URL (its card links the article); Teams opens the URL
            // from its hover card: the article itself, else the source page with the sentence highlighted.
            if (!webChat) appearance["url"] = citation.Article?.Url ?? page.ToString();
            claims.Add(new JsonObject { ["@type"] = "Claim", ["position"] = citation.Marker, ["appearance"] = appearance });
        }

        return new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
            // Teams reads additionalType for its "AI generated" label; Web Chat reads keywords.
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
            ["keywords"] = new JsonArray("AIGeneratedContent"),
            ["citation"] = claims,
        };
    }

    /// <summary>Web Chat renders citation badges from Markdown reference definitions, one per marker (the title dated when the article is).</summary>
    public static string LinkDefinitions(Answer answer) =>
        string.Join('\n', answer.Citations.Take(MaxCitations).Select(c =>
            $"[{c.Marker}]: cite:{c.Marker} \"{CitationName.Of(c.Passage, MaxName, Date(c, answer)).Replace("\"", "'", StringComparison.Ordinal)}\""));

    // The date first (ISO 8601, the shortest unambiguous form), then the outlet, then the paragraph and the article id.
    private static IEnumerable<string> Keywords(Citation citation)
    {
        var article = citation.Article;
        string?[] candidates = [article?.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), article?.Source,
            $"¶{citation.Passage.Paragraph}", citation.Passage.DocumentId];
        return candidates.OfType<string>().Where(k => k.Length > 0).Select(k => Cut(k, MaxKeyword)).Take(MaxKeywords);
    }

    private static string? Date(Citation citation, Answer answer) =>
        citation.Article?.Published is { } date ? AnswerDates.Format(date, answer.Language) : null;

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
