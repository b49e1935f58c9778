using NewsQA.Core.Ingestion;

namespace NewsQA.Bot.Conversation;

/// <summary>
/// What a citation is called where room is short (Teams allows 80 characters): the article's title, cut after a whole
/// word with an ellipsis when it must be, so that its paragraph number (and a date, when given) always fit after it.
/// </summary>
public static class CitationName
{
    public static string Of(Passage passage, int max, string? after = null)
    {
        var tail = $" {BidiText.Paragraph(passage.Paragraph)}{(after is null ? string.Empty : $" — {after}")}";
        return Shorten(passage.Title, max - tail.Length) + tail;
    }

    /// <summary>The text, or its longest start that ends at a word and fits in <paramref name="max"/> characters with "…".</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        if (max <= 1) return "…";
        var cut = text.LastIndexOf(' ', max - 1);
        // A single word longer than the room is cut inside it rather than dropped.
        var start = (cut > 0 ? text[..cut] : text[..(max - 1)]).TrimEnd(' ', ',', '،', ':', ';', '؛', '.', '-', '—');
        return start + "…";
    }
}
