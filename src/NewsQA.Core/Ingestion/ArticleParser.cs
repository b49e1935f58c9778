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

    // An untitled article is named by its first words: enough to tell it from another, short enough that a citation's
    // name (80 characters in Teams) keeps its paragraph number and date beside it.
    private const int DerivedTitleWords = 8;

    // Shorter than this, a line before the first paragraph is a byline or a photo credit.
    private const int MaxFrontMatterLength = 60;

    // Hard-wrapped text (e-mail, plain-text wires) keeps every line under about this width.
    private const int MaxWrappedLineLength = 100;

    /// <summary>Parses article text. <paramref name="knownTitle"/> comes from HTML metadata when there is one.</summary>
    public static ParsedArticle Parse(string text, string? knownTitle = null, bool markdown = false)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => markdown ? StripMarkdown(l) : l).ToList();
        var (cleaned, source) = BoilerplateCleaner.Clean(lines);

        var first = cleaned.FindIndex(l => l.Length > 0);
        string title;
        var untitled = false;
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
            untitled = true;
        }

        cleaned.RemoveAll(l => l == title); // a title repeated under itself
        return new ParsedArticle(MetadataLimits.Title(title)!, MetadataLimits.Source(source), GroupParagraphs(cleaned)) { Untitled = untitled };
    }

    private static List<ArticleParagraph> GroupParagraphs(List<string> lines)
    {
        var paragraphs = new List<ArticleParagraph>();
        string? heading = null;
        var current = new List<string>();
        var (blockEnds, wrapped) = WrappedBlocks(lines);

        void Flush()
        {
            if (current.Count == 0) return;
            paragraphs.Add(new ArticleParagraph(heading, string.Join(' ', current)));
            current.Clear();
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Count == 0 && wrapped[i])
            {
                paragraphs.Add(new ArticleParagraph(heading, string.Join(' ', lines.Skip(i).Take(blockEnds[i] - i))));
                i = blockEnds[i] - 1;
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
        return DropFrontMatter(paragraphs);
    }

    // Short lines before the first real paragraph are bylines, datelines and photo credits ("أحمد الأنباري-بغداد",
    // "ترجمة/ حامد أحمد"), not sections: they are dropped, and no heading carries over from them.
    private static List<ArticleParagraph> DropFrontMatter(List<ArticleParagraph> paragraphs)
    {
        var firstBody = paragraphs.FindIndex(p => p.Text.Length >= MaxFrontMatterLength);
        if (firstBody < 0) return paragraphs;
        var frontHeading = paragraphs[firstBody].Heading;
        var body = paragraphs.Skip(firstBody).ToList();
        for (var i = 0; i < body.Count && frontHeading is not null && body[i].Heading == frontHeading; i++)
        {
            body[i] = body[i] with { Heading = null };
        }

        return body;
    }

    // A block of lines is one hard-wrapped paragraph when it has no blank line, no line wider than a wrap width, and
    // at least one line that runs on without closing punctuation into the next. For each line: where its block ends,
    // and whether the lines from it to that end are such a paragraph; computed from the end backwards, so a text of
    // many short punctuated lines costs one pass rather than one pass per line.
    private static (int[] Ends, bool[] Wrapped) WrappedBlocks(List<string> lines)
    {
        var ends = new int[lines.Count];
        var wrapped = new bool[lines.Count];
        var allNarrow = false;
        var runsOn = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (lines[i].Length == 0)
            {
                ends[i] = i;
                continue;
            }

            var last = i + 1 == lines.Count || lines[i + 1].Length == 0;
            ends[i] = last ? i + 1 : ends[i + 1];
            allNarrow = lines[i].Length <= MaxWrappedLineLength && (last || allNarrow);
            // The block's last line may close without running on; only the lines before it count.
            runsOn = !last && (RunsOn(lines[i]) || runsOn);
            wrapped[i] = !last && allNarrow && runsOn;
        }

        return (ends, wrapped);
    }

    private static bool RunsOn(string line) => line.Length >= 40 && !EndsSentence(line) && LastSignificant(line) is not ('،' or ',');

    private static bool IsHeading(string line) =>
        line.Length <= MaxHeadingLength && !EndsSentence(line) && LastSignificant(line) is not ('،' or ',');

    /// <summary>Whether a line closes its sentence (a closing quote or bracket after the punctuation is allowed).</summary>
    internal static bool EndsSentence(string line) => LastSignificant(line) is '.' or '!' or '?' or '؟' or '…' or ':' or '؛' or ';';

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
