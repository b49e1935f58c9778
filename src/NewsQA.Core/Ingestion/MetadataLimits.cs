namespace NewsQA.Core.Ingestion;

/// <summary>
/// The longest title and outlet name an article keeps, whatever its source says (feed, page, front matter, admin API):
/// both are shown with every citation, so a 2 MB title would make a 2 MB answer. Links are capped by
/// <see cref="WebLink.MaxLength"/>. Longer values are cut at a word where one is near, and end in an ellipsis.
/// </summary>
public static class MetadataLimits
{
    /// <summary>Several times the longest headline seen in the seed and evaluation corpora (about 150 characters).</summary>
    public const int MaxTitleChars = 500;

    /// <summary>The longest outlet name ("وكالة الأنباء العراقية - نينا", "The Times of India") is under 60 characters.</summary>
    public const int MaxSourceChars = 200;

    public static string? Title(string? title) => Cut(title, MaxTitleChars);

    public static string? Source(string? source) => Cut(source, MaxSourceChars);

    /// <summary><paramref name="text"/> if it has at most <paramref name="maxChars"/> characters, else its start and an ellipsis.</summary>
    public static string? Cut(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars) return text;
        if (maxChars < 2) return "…";
        var end = maxChars - 1;
        if (char.IsHighSurrogate(text[end - 1])) end--; // never half a character
        var space = text.LastIndexOf(' ', end - 1, end / 5);
        if (space > 0) end = space;
        return string.Concat(text.AsSpan(0, end).TrimEnd(), "…");
    }
}
