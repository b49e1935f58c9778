using System.Text.Json;
using System.Text.Json.Nodes;
using NewsQA.Bot.Rest;
using NewsQA.Bot.Schema;
using NewsQA.Core.Answering;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// The one schema.org Message entity that carries an answer's AI label and citations, shaped for the channel that
/// renders it: Teams shows an Adaptive Card of the paragraph and links to the source page; Web Chat opens a dialog with
/// the paragraph in Markdown (the cited sentence in bold). Limits are Teams': 20 citations, names of 80 characters,
/// abstracts of 160, three keywords of 28.
/// </summary>
public static class CitationEntity
{
    public const int MaxCitations = 20;
    private const int MaxName = 80;
    private const int MaxAbstract = 160;
    private const int MaxKeyword = 28;

    public static JsonObject Create(Answer answer, string channelId, Uri baseAddress, Func<string, string?> sourceOf)
    {
        var webChat = BotChannels.IsWebChat(channelId);
        var claims = new JsonArray();
        foreach (var citation in answer.Citations.Take(MaxCitations))
        {
            var passage = citation.Passage;
            var sentence = passage.Text.Substring(citation.Sentence.Start, citation.Sentence.Length);
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = Cut($"{passage.Title} ¶{passage.Paragraph}", MaxName),
                ["abstract"] = Cut(sentence, MaxAbstract),
                ["text"] = webChat ? Markdown(citation, sourceOf(passage.DocumentId)) : AdaptiveCard(citation, sourceOf(passage.DocumentId)),
                ["encodingFormat"] = webChat ? "text/markdown" : "application/vnd.microsoft.card.adaptive",
                ["keywords"] = new JsonArray(Cut(passage.DocumentId, MaxKeyword), Cut($"¶{passage.Paragraph}", MaxKeyword)),
                ["image"] = new JsonObject { ["@type"] = "ImageObject", ["name"] = "Text" },
            };
            // Web Chat opens a dialog for a citation without a URL; Teams opens the URL from its hover card.
            if (!webChat) appearance["url"] = new Uri(baseAddress, SourceEndpoints.Link(citation)).ToString();
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

    /// <summary>Web Chat renders citation badges from Markdown reference definitions, one per marker.</summary>
    public static string LinkDefinitions(Answer answer) =>
        string.Join('\n', answer.Citations.Take(MaxCitations).Select(c => $"[{c.Marker}]: cite:{c.Marker} \"{Cut($"{c.Passage.Title} ¶{c.Passage.Paragraph}", MaxName).Replace("\"", "'", StringComparison.Ordinal)}\""));

    private static string Markdown(Citation citation, string? source)
    {
        var p = citation.Passage;
        var s = citation.Sentence;
        var credit = source is null ? string.Empty : $" — {source}";
        return $"**{p.Title}**{credit} — ¶{p.Paragraph}\n\n{p.Text[..s.Start]}**{p.Text.Substring(s.Start, s.Length)}**{p.Text[s.End..]}";
    }

    private static string AdaptiveCard(Citation citation, string? source)
    {
        var p = citation.Passage;
        var card = new
        {
            type = "AdaptiveCard",
            version = "1.5",
            body = new object[]
            {
                new { type = "TextBlock", text = p.Title, weight = "Bolder", wrap = true },
                new { type = "TextBlock", text = source is null ? $"¶{p.Paragraph}" : $"{source} — ¶{p.Paragraph}", isSubtle = true, wrap = true },
                new { type = "TextBlock", text = p.Text, wrap = true },
            },
        };
        return JsonSerializer.Serialize(card);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
