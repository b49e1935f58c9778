namespace NewsQA.Core.Ingestion;

/// <summary>
/// Reads an article's text (plain text, Markdown, or text extracted from HTML) into a title and body paragraphs.
/// The first non-empty line is the title unless it is plainly a paragraph (some copied articles have no title line);
/// short unpunctuated lines are section headings; a hard-wrapped paragraph is joined back into one.
/// </summary>
public static class ArticleParser
{
    // Longer than this, a first line is a paragraph rather than a headline.
    private const int MaxTitleLength = 200;

    // Up to this length, a line with no closing punctuation is a heading or byline rather than prose.
    private const int MaxHeadingLength = 80;

    private const int DerivedTitleWords = 12;

    /// <summary>Parses article text. <paramref name="knownTitle"/> comes from HTML metadata when there is one.</summary>
    public static ParsedArticle Parse(string text, string? knownTitle = null, bool markdown = false)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => markdown ? StripMarkdown(l) : l).ToList();
        var (cleaned, source) = BoilerplateCleaner.Clean(lines);

        var first = cleaned.FindIndex(l => l.Length > 0);
        string title;
        if (knownTitle is { Length: > 0 })
        {
            title = knownTitle.Trim();
            if (first >= 0 && cleaned[first] == title) cleaned.RemoveAt(first);
        }
        else if (first >= 0 && cleaned[first].Length <= MaxTitleLength)
        {
            title = cleaned[first];
            cleaned.RemoveAt(first);
        }
        else
        {
            title = first >= 0 ? DeriveTitle(cleaned[first]) : string.Empty;
        }

        cleaned.RemoveAll(l => l == title); // a title repeated under itself
        return new ParsedArticle(title, source, GroupParagraphs(cleaned));
    }

    private static List<ArticleParagraph> GroupParagraphs(List<string> lines)
    {
        var paragraphs = new List<ArticleParagraph>();
        string? heading = null;
        var current = new List<string>();

        void Flush()
        {
            if (current.Count == 0) return;
            paragraphs.Add(new ArticleParagraph(heading, string.Join(' ', current)));
            current.Clear();
        }

        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (IsHeading(line))
            {
                Flush();
                heading = line;
                continue;
            }

            // A line break ends a paragraph when the line before closed its sentence; otherwise it is a soft wrap.
            if (current.Count > 0 && EndsSentence(current[^1])) Flush();
            current.Add(line);
        }

        Flush();
        return paragraphs;
    }

    private static bool IsHeading(string line) =>
        line.Length <= MaxHeadingLength && !EndsSentence(line) && LastSignificant(line) is not ('،' or ',');

    private static bool EndsSentence(string line) => LastSignificant(line) is '.' or '!' or '?' or '؟' or '…' or ':' or '؛' or ';';

    private static char LastSignificant(string line)
    {
        var trimmed = line.AsSpan().TrimEnd("\"'”’»)] ");
        return trimmed.Length > 0 ? trimmed[^1] : '\0';
    }

    private static string DeriveTitle(string paragraph)
    {
        var sentences = SentenceSplitter.Split(paragraph);
        var firstSentence = sentences.Count > 0 ? paragraph.Substring(sentences[0].Start, sentences[0].Length) : paragraph;
        var words = firstSentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= DerivedTitleWords ? firstSentence : string.Join(' ', words.Take(DerivedTitleWords)) + "…";
    }

    private static string StripMarkdown(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('#') ? trimmed.TrimStart('#').Trim() : line;
    }
}
